/**
 * The petition intake form (journey 2): the three understandings and consent,
 * then only what the citizen has not said yet, one question at a time; the
 * summary; the case number only once the commit comes back as an event.
 */
import { t } from '../../catalog/catalog.ts';
import { guideText, guideVersion } from '../../guide.ts';
import { startForm } from '../../form/run-form.ts';
import { segment } from '../../form/segment.ts';
import { CONFIRM } from '../../form/spec.ts';
import type { Correction, FormContext, FormSpec, Words } from '../../form/spec.ts';
import { button, result, say } from '../../replies.ts';
import type { ConversationState, FormState, Reply, TurnContext, TurnResult } from '../../types.ts';
import { intakeDraft } from './draft.ts';
import { readCategory } from './category.ts';
import { mineIntake, namedAfterAll, phoneOwnerNote } from './mine.ts';
import { sameRepresentative, setSlots, slotsOf } from './slots.ts';
import { POINTS_BACK } from '../../form/said-before.ts';
import { category as categoryStep, didIt, idNumber as idNumberStep, INTAKE_STEPS, readPrior, MAX_TEXT, name as nameStep, peopleCount, phone as phoneStep, representatives, scope, township } from './steps.ts';
import { readPeopleCount } from '../../../nlu/answers/people-count.ts';
import { priorInStory } from '../../../nlu/answers/prior.ts';
import { leadingSurname } from '../../../nlu/extractors/surnames.ts';
import { readRepresentatives, WITHDRAWN, type RepresentativeMention } from '../../../nlu/answers/representatives.ts';
import { contentSize, demandClause, isBareAnnouncement, isRefusal, scrubPersonal, STORY_SIZE, storySize, withoutOpening, withoutTalk } from './text.ts';

const REPLACE_REPS = /代表(?:只有|就|就是|只是|是|改成|换成|应该是)|就这(?:俩|两个|几个|些)(?:人)?|没(?:有)?别人了|\b(?:the )?only representatives?\b|\brepresentatives? (?:is|are|should be) (?:only|just)\b|\brepresentatives?\s*(?::|are)\s*[^.]*\.\s*that'?s (?:all|it)\b|\bthat'?s (?:all|it)\b|\bno one else\b|\bnobody else\b/i;

/** "地点说错了 俺是河口镇马庄村": a place corrected inside another township moves the township too. */
function withTownshipOfPlace(corrections: Correction[], words: Words, form: FormState, ctx: FormContext): Correction[] {
  if (!corrections.some((c) => c.step.name === 'address') || corrections.some((c) => c.step === township)) return corrections;
  // (Not a township inside another corrected value: "被反映的再加上青石镇社保所".)
  const others = corrections.filter((c) => c.step.name !== 'address' && c.reading.ok && typeof c.reading.value === 'string').map((c) => (c.reading.ok ? String(c.reading.value) : ''));
  const named = words.entities.find((e) => e.type === 'township' && !others.some((o) => o.includes(words.text.slice(e.start, e.end))));
  if (!named || String(named.value) === slotsOf(form).township) return corrections;
  // The township the corrected place stands in ("河口镇马庄村"), else the township step's own reading
  // of the words: the one not taken back ("青石镇，哎不对…是河口镇").
  const place = corrections.find((c) => c.step.name === 'address')!.reading;
  const placeText = place.ok && typeof place.value === 'string' ? place.value : '';
  const holder = placeText ? words.entities.find((e) => e.type === 'township' && words.text.slice(e.end, e.end + placeText.length + 2).includes(placeText)) : undefined;
  const reading = holder ? ({ ok: true, value: String(holder.value) } as const) : township.read(words, form, ctx);
  return reading?.ok && reading.value !== slotsOf(form).township ? [...corrections, { step: township, reading }] : corrections;
}

/** "补充一句：…", "等等 我再补一句 …", "one more thing: …": more of the story, not an answer. */
export const ADDS_MORE =
  /^(?:(?:等等|等一下|哦|噢|对了)[\s，,。！!]*)?(?:我|俺)?(?:再|还)?(?:补充(?:一下|一句|一点|几句)?|补一句|补几句|加一句|再说一下|忘了说|还要说)|^(?:(?:and |also )?(?:please )?(?:also )?(?:note|add a note|make a note)(?: that)?\b|请?(?:帮我|给我|给俺)?(?:备注|注明|写明)(?:一下)?)|^(?:also add|one more thing|i forgot|wait,? (?:one more thing|i forgot))/i;

const OTHERS_PHONE = /(?:老公|老婆|丈夫|媳妇|爱人|儿子|女儿|闺女|孙子|孙女|弟弟|哥哥|姐姐|妹妹|联名人|他|她|\b(?:husband|wife|son|daughter|brother|sister|his|her)\b)[^。.!！?？]{0,16}(?:电话|手机|\bphone\b|\bnumber\b)/i;

/** "Please remove Chen Hong from the representatives", "把孙小梅去掉", "代表里删掉王强": that one is dropped. */
const REMOVED_BEFORE = /(?:\b(?:remove|delete|drop|take out|take off|cross out)|去掉|删掉|删了|删除|拿掉|划掉)\s*(?:代表(?:里|中)?的?)?\s*$/i;
const REMOVED_AFTER = /^\s*(?:(?:from|off) the (?:list of )?representatives|(?:也|就)?(?:去掉|删掉|删了|拿掉|划掉|不要了|不算了))/i;

const sentencesOf = (text: string): string[] => text.match(/[^。.!！?？]+(?:[。!！?？]|\.(?!\d)|$)\s*/g) ?? [text];

/** The sentences of a message that speak of the representatives (all of it when none does). */
function repSentences(text: string): string {
  const sentences = sentencesOf(text);
  const about = sentences.filter((x) => /代表|representatives?/i.test(x));
  return about.length > 0 ? about.join(' ') : text;
}

const ADD_REP = /代表(?:再|还|也)?(?:加|添|增加|补)|(?:再|还|也)?(?:加|添|增加|补)(?:上)?(?:一个|一位|个|位)?代表|\badd\b[^.]{0,40}\brepresentatives?\b|\b(?:another|one more|also a) representative\b/i;

/** The clauses of a message left once those about the citizen's own particulars and the talk are taken out. */
function aboutTheMatter(scrubbed: string): string {
  return scrubbed
    .split(/(?<=[，,。.!！;；\n])/)
    .filter((c) => !/\[(?:电话|姓名|证件号|phone|name|ID number)\]|名字|姓名|大名|外号|电话|手机|身份证|类别|诉求|被反映|涉及人数|事情经过|(?:刚才|刚刚|早|不是)(?:就)?(?:说|讲)(?:过)?了|\b(?:my name|phone|ID number|I (?:already |just )?told you)\b/i.test(c))
    .join('');
}

export const intakeSpec: FormSpec = {
  name: 'intake',
  steps: INTAKE_STEPS,
  mine: mineIntake,
  summary: {
    title: 'summaryTitle',
    ask: 'summaryAsk',
    submitLabel: 'confirmYes',
    footnote: (form, ctx) => (slotsOf(form).consent?.implied ? t(ctx.locale, 'consentImplied') : null),
    // The three understandings come with the summary: submitting confirms them (and the truth of it all),
    // so the citizen is asked once, when they know what they are confirming.
    preface: (form, ctx) => (slotsOf(form).consent ? null : say(ctx.locale, 'consentIntro', { summary: guideText(ctx.county, 'summary', ctx.locale) })),
  },
  submit(form, ctx) {
    const s = slotsOf(form);
    const confirmed = s.consent ? form : setSlots(form, { consent: { at: ctx.now.toISOString(), version: guideVersion(ctx.county) } });
    const draft = intakeDraft(confirmed, ctx.locale);
    return draft ? { type: 'submit_petition', draft } : null;
  },
  // When nothing but the story was noted, a word that filing has begun before the first question.
  intro: (form, ctx) => (Object.keys(slotsOf(form)).every((k) => k === 'facts' || k === 'opening') ? [say(ctx.locale, 'intakeBegin')] : []),
  confirmCancel: true,
  cancelled: 'cancelled',
  back: 'back',
  // "代表吕国柱的电话打错了，是135…": that phone is the representative's, not the citizen's;
  // a correction of the representatives updates and adds, never drops one.
  revise: (corrections, words, form, ctx) => withPhoneOwner(withSelfRepPhone(reviseCorrections(corrections, words, form, ctx), form), words, form, ctx),
  addsMore: ADDS_MORE,
  minedBesideCorrections: ['representatives'],
  lateAnswer: (words, form, ctx) => lateBadId(words, form, ctx) ?? lateRequest(words.text.trim(), form, ctx) ?? lateScope(words.text.trim(), form, ctx) ?? lateIdRefusal(words.text.trim(), form, ctx),
  absorb(words, form, ctx) {
    // ("再补充一下身份证号 1101…578" with a digit wrong: the number is checked, never kept in the story.)
    const badId = lateBadId(words, form, ctx);
    if (badId) return badId;
    const text = words.text.trim();
    const more = ADDS_MORE.test(text) || /^(?:还有|另外|对了|also|and also|by the way|another thing)/i.test(text);
    if (!more && contentSize(withoutTalk(text)) < STORY_SIZE) return null;
    // "俺刚才不是说了嘛，139…。还有俺名字写错了，俺叫王德顺，王老实是外号": about the form's own fields, not the story.
    if (!more && contentSize(aboutTheMatter(scrubPersonal(text, words.entities, ctx.locale))) < STORY_SIZE) return null;
    // A question is asked, not told: it never joins the story ("Do I have the right to appeal if they say no?").
    if (!more && /[?？]\s*$/.test(text)) return null;
    // "I already said: first time. We only talked to the headmaster.": earlier handling said again, as it stands — no story.
    const prior = slotsOf(form).priorPetition;
    const again = prior ? (priorInStory(text) ?? (POINTS_BACK.test(text) ? readPrior(text, ctx) : null)) : null;
    if (prior && again && (again === prior || (again !== 'none' && prior !== 'none')) && contentSize(text) <= 40) {
      const step = INTAKE_STEPS.find((st) => st.name === 'priorPetition')!;
      return { form, replies: [say(ctx.locale, 'alreadyNoted', { fields: `${t(ctx.locale, step.field!.label)} ${step.field!.show(form, ctx)}` })] };
    }
    const facts = slotsOf(form).facts;
    const added = scrubPersonal(text, words.entities, ctx.locale);
    const next = setSlots(form, { facts: (facts ? `${facts}\n${added}` : added).slice(0, MAX_TEXT) });
    return { form: next, replies: [say(ctx.locale, 'factsAdded')] };
  },
  onEvent(state, form, event, ctx) {
    if (event.type !== 'petition_submitted' || event.intakeId !== form.id) return null;
    const l = state.locale;
    const anonymous = slotsOf(form).anonymous === true;
    const next: ConversationState = {
      ...state,
      forms: state.forms.filter((f) => f.id !== form.id),
      lastSubmitted: {
        intakeId: event.intakeId,
        caseNumber: event.caseNumber,
        queryCode: event.queryCode,
        category: slotsOf(form).category ?? null,
        township: slotsOf(form).township ?? null,
        filedAt: ctx.now.toISOString(),
      },
    };
    const params = { caseNumber: event.caseNumber, queryCode: event.queryCode, acceptDays: ctx.county.deadlines.acceptDays };
    return result(next, [say(l, anonymous ? 'submittedAnonymous' : 'submitted', params, [button(l, 'btnStatus', 'cmd:status')])]);
  },
};

function reviseCorrections(corrections00: Correction[], words: Words, form: FormState, ctx: FormContext): Correction[] {
  // "这个不是欠薪啊，是租房押金", "this is not about wages, it's a rental deposit": the kind of matter taken back.
  const recat = kindTakenBack(words.text, form, ctx);
  const corrections0 = recat && !corrections00.some((c) => c.step === categoryStep) ? [...corrections00, recat] : corrections00;
  // "把我老公陈浩作为联名人加上，电话135…": another person's phone is no correction of the citizen's own.
  const othersPhone = OTHERS_PHONE.test(words.text) && !/(?:我|俺)(?:的)?(?:电话|手机)|\bmy (?:phone|number|mobile)\b/i.test(words.text);
  // "代表不对 是三个人 …": three representatives, not three people concerned (unless the count is named).
  // ("老李说不是30户，是32户。代表就我和老李…": households are no representatives.)
  // ("Actually not 12, it's 15 drivers, … Representatives: me, and Zhou Jianguo …": a count in a sentence of its own is the count.)
  const countApart = words.text.split(/(?<=[。！!？?；;]|\.)\s*/).some((x) => !/代表|representatives?/i.test(x) && /\d/.test(x) && /不是|\bnot\b|改成|\bactually\b/i.test(x));
  const aboutReps = /代表|representatives?/i.test(words.text) && !countApart && !/涉及|人数|户数|受影响|affected|households|people concerned|\d+\s*户|families/i.test(words.text);
  const corrections1 = aboutReps ? corrections0.filter((c) => c.step.name !== 'peopleCount') : corrections0;
  const corrections2 = withPhoneEnding(withChineseNameBeside(withBothParties(withStoryAdded(withPartyTakenBack(withPartyNamed(withVillageKept(withTownshipOfPlace(othersPhone ? corrections1.filter((c) => c.step.name !== 'phone') : corrections1, words, form, ctx), form), words, form), words, form, ctx), words, form, ctx), words, form, ctx), words, form), words, form, ctx);
  // An anonymous reporter who gives their name after all: the name and phone, beside whatever else is corrected.
  const again = namedAfterAll(words, form, ctx);
  const corrections = again
    ? [...corrections2.filter((c) => c.step !== nameStep && c.step !== phoneStep), { step: nameStep, reading: { ok: true, value: again.name } as const }, ...(again.phone ? [{ step: phoneStep, reading: { ok: true, value: again.phone } as const }] : [])]
    : corrections2;
  const reps = slotsOf(form).representatives ?? [];
  // (An office or a crew is never a representative: "写成不光施工队不对 还有代表那我的电话是…".)
  const people = (m: RepresentativeMention) => !m.name || !/(?:队|公司|局|厂|所|站|委会|政府|学校|医院)$/.test(m.name);
  // "还有代表那我的电话是13707486392": the citizen's own phone among the representatives, changed.
  const ownPhone = /(?:我|俺)(?:的)?(?:电话|手机)(?:号(?:码)?)?(?:是|改成|应该是|为)?\s*(1[3-9]\d{9})/.exec(words.text)?.[1];
  const selfRep = reps.find((r) => r.self);
  if (ownPhone && selfRep && selfRep.phone !== ownPhone && /代表|representatives?/i.test(words.text)) {
    const others = corrections.filter((c) => c.step !== representatives);
    const phoneFixed = others.some((c) => c.step.name === 'phone') ? others : [...others, { step: phoneStep, reading: { ok: true, value: ownPhone } as const }];
    return [...phoneFixed, { step: representatives, reading: { ok: true, value: reps.map((r) => (r.self ? { ...r, phone: ownPhone } : r)) } }];
  }
  if (reps.length === 0) {
    // "就我和胡大海，大海电话151…": a phone the message gives to someone else is never the citizen's own.
    const own = slotsOf(form).name;
    // (Only a person's name: "电话说错了，应该是139…" names nobody.)
    const person = (n: string) => (leadingSurname(n) !== null && n.length <= 4 && !/[是的了说错改写]/.test(n)) || /^[A-Z][a-z]+(?: [A-Z][a-z]+)+$/.test(n);
    // (Only a phone in the same sentence as the name: "…是房东赵建国。还有电话错了一位，是187…" is the citizen's own;
    // and never the name of whom the message complains about.)
    const respondentSaid = corrections.find((c) => c.step.name === 'respondent' && c.reading.ok)?.reading;
    const accused = (n: string) => respondentSaid?.ok === true && String(respondentSaid.value).includes(n);
    const mentioned = sentencesOf(repSentences(words.text)).flatMap((x) => readRepresentatives(x, 10) ?? []);
    const theirs = new Set(mentioned.filter((m) => !m.self && m.name && m.name !== own && person(m.name) && !accused(m.name) && m.phone).map((m) => m.phone));
    return corrections.filter((c) => !(c.step.name === 'phone' && theirs.has(c.reading.value as string)));
  }
  // (Only the sentences about the representatives: "… only me and Li Wei. And the factory is called Hengda Chemical".)
  const aboutThem = repSentences(words.text);
  const mentions = [
    ...(readRepresentatives(aboutThem, 10) ?? []),
    ...corrections.filter((c) => c.step === representatives).flatMap((c) => c.reading.value as RepresentativeMention[]),
  ].filter((m) => !m.self && m.name && people(m));
  if (mentions.length === 0) {
    // (A list that named only an office is no correction of the representatives.)
    return corrections.flatMap((c) => {
      if (c.step !== representatives || !c.reading.ok) return [c];
      const kept = (c.reading.value as RepresentativeMention[]).filter(people);
      return kept.length > 0 ? [{ step: c.step, reading: { ok: true, value: kept } as const }] : [];
    });
  }
  // "老周的电话是…": a nickname names the representative of that surname.
  const same = sameRepresentative;
  // A phone beside another person's name is theirs ("代表再加一个 孙大明 电话158…"), never the citizen's.
  const own = slotsOf(form).name;
  const phones = new Set(mentions.filter((m) => m.phone && (reps.some((r) => same(r, m)) || m.name !== own)).map((m) => m.phone));
  const merged = reps.map((r) => ({ ...r, phone: mentions.find((m) => same(r, m) && m.phone)?.phone ?? r.phone }));
  // "代表再加一个 孙大明", "再添个代表 …", "add Sun Daming as a representative": added without a field correction.
  const adding = ADD_REP.test(words.text);
  const added = corrections.some((c) => c.step === representatives) || adding ? mentions.filter((m) => !reps.some((r) => same(r, m)) && !merged.some((r) => same(r, m))) : [];
  const kept = corrections.filter((c) => c.step !== representatives && !(c.step.name === 'phone' && phones.has(c.reading.value as string)));
  // "代表只有周桂芳一个人", "代表是周桂芳 不是刘某", "the only representative is …": the list is replaced, not added to.
  const said0 = corrections.find((c) => c.step === representatives)?.reading;
  const said = said0?.ok ? { ...said0, value: (said0.value as RepresentativeMention[]).filter(people) } : said0;
  const replacing = said?.ok && REPLACE_REPS.test(words.text);
  // "孙长山不弄了 换成孙有福": whoever is said to stop is dropped (the citizen too, by their own name).
  const stops = (r: RepresentativeMention) => {
    const called = r.name ?? (r.self ? own : null);
    if (!called) return false;
    // ("把长孙红梅删掉" strikes 长孙红梅, not 孙红梅: a name inside a longer one is not named.)
    return [...words.text.matchAll(new RegExp(called.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g'))].some(
      (m) =>
        !/[\u4e00-\u9fff]$/.test(words.text.slice(0, m.index).replace(/[把和跟与及将、]$/, '')) &&
        (WITHDRAWN.test(words.text.slice(m.index + called.length)) || REMOVED_BEFORE.test(words.text.slice(Math.max(0, m.index - 16), m.index)) || REMOVED_AFTER.test(words.text.slice(m.index + called.length))),
    );
  };
  const unique = (list: RepresentativeMention[]) => list.filter((r, i) => !list.slice(0, i).some((q) => (q.self && r.self) || (q.name !== null && q.name === r.name) || (r.self && q.name !== null && q.name === own) || (q.self && r.name !== null && r.name === own)));
  // (A list said again keeps the phones already given for the same people.)
  const restated = replacing ? (said.value as RepresentativeMention[]).map((r) => ({ ...r, phone: r.phone ?? merged.find((q) => (r.self && q.self) || same(q, r))?.phone ?? null })) : [];
  const all = unique((replacing ? restated : [...merged, ...added]).filter((r) => !stops(r)));
  return JSON.stringify(all) === JSON.stringify(reps) ? kept : [...kept, { step: representatives, reading: { ok: true, value: all } }];
}

/** "电话那写上是俺闺女刘红的" beside a correction: whose phone it is joins the story for staff. */
function withPhoneOwner(corrections: Correction[], words: Words, form: FormState, ctx: FormContext): Correction[] {
  const note = phoneOwnerNote(words.text, ctx.locale);
  const facts = slotsOf(form).facts;
  if (!note || typeof facts === 'string' && facts.includes(note) || corrections.some((c) => c.step.name === 'facts')) return corrections;
  const step = INTAKE_STEPS.find((s) => s.name === 'facts')!;
  return [...corrections, { step, reading: { ok: true, value: `${facts ?? ''}\n${note}`.trim() } }];
}

/** The citizen's phone corrected: the same number among the representatives follows it. */
function withSelfRepPhone(corrections: Correction[], form: FormState): Correction[] {
  const phone = corrections.find((c) => c.step.name === 'phone')?.reading;
  const reps = slotsOf(form).representatives ?? [];
  const old = slotsOf(form).phone;
  if (!phone?.ok || corrections.some((c) => c.step === representatives) || !reps.some((r) => r.self && r.phone === old)) return corrections;
  return [...corrections, { step: representatives, reading: { ok: true, value: reps.map((r) => (r.self && r.phone === old ? { ...r, phone: phone.value as string } : r)) } }];
}

/** "不是告村会计 他就是来传话的 是乡里民政取消的": whom taken back, and the one who did it instead. */
function withPartyTakenBack(corrections: Correction[], words: Words, form: FormState, ctx: FormContext): Correction[] {
  const who = slotsOf(form).respondent;
  if (typeof who !== 'string' || corrections.some((c) => c.step.name === 'respondent')) return corrections;
  const denied = /不是(?:告|反映|投诉|说|找|举报)?(?:的)?\s*([^\s，,。]{2,8})/.exec(words.text)?.[1];
  if (!denied || !(who.includes(denied) || denied.includes(who))) return corrections;
  const did = didIt(words.text, slotsOf(form).township ?? null, ctx);
  const step = INTAKE_STEPS.find((st) => st.name === 'respondent');
  return did && step && did.who !== who ? [...corrections, { step, reading: { ok: true, value: did.who } }] : corrections;
}

/** "还有把俺儿子那事写上 说俺儿子打工有收入 可他早分家了不管俺": more of the story, said on the summary beside a change. */
function withStoryAdded(corrections: Correction[], words: Words, form: FormState, ctx: FormContext): Correction[] {
  // ("再补一句 补贴是今年三月份取消的", "补贴是三月份取消的 这句给俺加上": a sentence added, no field named.)
  const m =
    /(?:还有|另外|再)?把[^，,。\s]{1,10}?(?:那|这)?(?:个)?(?:事|件事|些事|情况)(?:也)?(?:给(?:我|俺))?写上[\s，,:：]*(.+)$/.exec(words.text) ??
    /(?:^|[\s，,。])(?:再|还得|还要)?补(?:充)?(?:一句|一下|几句|一点)[\s，,:：]+(.+)$/.exec(words.text) ??
    /^(.+?)[\s，,]*(?:这|那)(?:一)?句(?:话)?(?:也)?(?:给(?:我|俺))?(?:加上|写上|添上|补上)(?:吧|去)?[。！!]*$/.exec(words.text);
  const facts = slotsOf(form).facts;
  const step = INTAKE_STEPS.find((st) => st.name === 'facts');
  if (!m || !step || corrections.some((c) => c.step.name === 'facts') || contentSize(m[1]!) < 4) return corrections;
  const added = scrubPersonal(m[1]!.replace(/^(?:说|就是)\s*/, ''), ctx.readers.entities(m[1]!), ctx.locale);
  if (facts?.includes(added)) return corrections;
  return [...corrections, { step, reading: { ok: true, value: (facts ? `${facts}\n${added}` : added).slice(0, MAX_TEXT) } }];
}

/** "地点写细点 村南头挨着机井那块" when the place is 柳树湾村: where in the village, the village kept. */
function withVillageKept(corrections: Correction[], form: FormState): Correction[] {
  const old = slotsOf(form).address;
  const village = typeof old === 'string' ? /^[\u4e00-\u9fff]{1,6}?(?:村|庄|屯|社区|小区)(?![东西南北]头)/.exec(old)?.[0] : undefined;
  if (!village) return corrections;
  return corrections.map((c) => {
    const v = c.reading.ok ? c.reading.value : null;
    if (c.step.name !== 'address' || typeof v !== 'string' || v.includes(village) || !/^(?:村|庄|屯)?(?:[东西南北](?:头|边|面|侧)|挨着|靠着?|旁边|对面|门口|后面|前面|后头|前头|边上)/.test(v)) return c;
    return { step: c.step, reading: { ok: true, value: `${village}${v}` } };
  });
}

/** "邻居叫陈二柱 写上" when whom is "邻居": the one of that role, by name. */
/** "My phone ends in 74, not 71", "电话尾号是74不是71": the last digits of the phone kept, changed. */
function withPhoneEnding(corrections: Correction[], words: Words, form: FormState, ctx: FormContext): Correction[] {
  const kept = slotsOf(form).phone;
  if (typeof kept !== 'string' || corrections.some((c) => c.step === phoneStep)) return corrections;
  const m =
    /\b(?:phone|number|mobile)\b[^.;]{0,24}?\bends?\s+(?:in|with)\s+(\d{1,4})(?:,?\s*not\s+(\d{1,4}))?/i.exec(words.text) ??
    /(?:电话|手机|号码)[^，,。]{0,6}?(?:最后|末尾|尾号|后)(?:[一二两三四\d]位)?(?:数)?(?:是|应该是)?\s*(\d{1,4})(?:[，,\s]*不是\s*(\d{1,4}))?/.exec(words.text);
  if (!m) return corrections;
  const [neu, old] = [m[1]!, m[2]];
  if (old ? !kept.endsWith(old) || old.length !== neu.length : false) return corrections;
  const phone = `${kept.slice(0, kept.length - neu.length)}${neu}`;
  const reading = phoneStep.read({ text: phone, entities: ctx.readers.entities(phone) }, form, ctx);
  return reading?.ok && phone !== kept ? [...corrections, { step: phoneStep, reading }] : corrections;
}

/** "Please also put my Chinese name 张丽丽" when the name is "Lily Zhang": the Chinese name beside the English one. */
function withChineseNameBeside(corrections: Correction[], words: Words, form: FormState): Correction[] {
  const kept = slotsOf(form).name;
  const english = typeof kept === 'string' ? kept.replace(/\s*\(.*\)$/, '') : '';
  if (!/^[A-Za-z][A-Za-z .'-]+$/.test(english) || !/chinese name|中文名/i.test(words.text)) return corrections;
  return corrections.map((c) => (c.step === nameStep && c.reading.ok && typeof c.reading.value === 'string' && /^[\u4e00-\u9fff]{2,4}$/.test(c.reading.value) ? { step: c.step, reading: { ok: true, value: `${english} (${c.reading.value})` } as const } : c));
}

/** "被反映的写县社保局 社保所是他们下面的 都有责任": the new one named, and the one kept said to share the blame — both. */
function withBothParties(corrections: Correction[], words: Words, form: FormState, ctx: FormContext): Correction[] {
  const old = slotsOf(form).respondent;
  const at = corrections.findIndex((c) => c.step.name === 'respondent' && c.reading.ok);
  if (typeof old !== 'string' || at < 0) return corrections;
  // (Whom is read as a name, with what else the words told: { who, more }.)
  const value = corrections[at]!.reading.value as string | { who: string; more?: string } | null;
  // (Whom struck out altogether: nothing to join.)
  if (value === null) return corrections;
  const neu = typeof value === 'string' ? value : value.who;
  const both = new RegExp(`${old.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[^。.!！?？]{0,16}(?:都|也)(?:有(?:责任|份|错)|得管|要查|该管)|\\b(?:both|also) (?:are )?(?:responsible|to blame)\\b`, 'i');
  if (typeof neu !== 'string' || neu.includes(old) || old.includes(neu) || !both.test(words.text)) return corrections;
  const who = `${neu}${ctx.locale === 'zh' ? '、' : ' and '}${old}`;
  return corrections.map((c, i) => (i === at ? { step: c.step, reading: { ok: true, value: typeof value === 'string' ? who : { ...value, who } } as const } : c));
}

function withPartyNamed(corrections: Correction[], words: Words, form: FormState): Correction[] {
  const who = slotsOf(form).respondent;
  if (typeof who !== 'string' || who.length > 12 || corrections.some((c) => c.step.name === 'respondent')) return corrections;
  const role = who.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const named =
    new RegExp(`${role}(?:的名字)?(?:叫|是|名叫|姓名是)([\\u4e00-\\u9fff]{2,3})(?=$|[\\s，,。！!]|写|记)`).exec(words.text)?.[1] ??
    // "那厂子叫宏达化工厂" when whom is "化工厂": the works by its name.
    (/^(?:[\u4e00-\u9fff]{0,4})(?:厂|公司|矿|场|店)$/.test(who) ? /(?:那|这)?(?:个|家)?(?:厂子|厂|公司|矿|店)(?:叫|是|名叫|名字叫)([\u4e00-\u9fff]{2,10}?(?:厂|公司|矿|场|店))(?=$|[\s，,。！!])/.exec(words.text)?.[1] : undefined) ??
    // "采石场是后山那个宏达石料厂": the works by its name.
    new RegExp(`${role}(?:是|叫)(?:后山|村东|村西|村南|村北|镇上|那个|这个|那家|这家)*([\\u4e00-\\u9fff]{2,10}?(?:厂|公司|矿|场|店))(?=$|[\\s，,。！!])`).exec(words.text)?.[1] ??
    // "The developer is called Jiangbin Real Estate Co.": the English role named.
    new RegExp(`\\b${role}\\s+is\\s+(?:called|named)\\s+((?:[A-Z][\\w&'’-]*|&)(?:\\s+(?:[A-Z][\\w&'’-]*|&|Co\\.?|Ltd\\.?)){0,5})`, 'i').exec(words.text)?.[1]?.replace(/\.$/, '');
  const step = INTAKE_STEPS.find((st) => st.name === 'respondent');
  const value = named && (/^[A-Za-z]/.test(named) || /(?:厂|公司|矿|场|店)$/.test(named)) ? named : `${who}${named}`;
  return named && step ? [...corrections, { step, reading: { ok: true, value } }] : corrections;
}

/** "就是要把补偿款给了", "we just want our money": what they want, said after the question about it has passed. */
const LATE_REQUEST = /^(?:就是|就|只是|只|主要是|反正|总之|说白了)*(?:我们|俺们|我|俺|咱)?(?:就|只)?(?:要求|希望|想要|想让|要让|要|让|求求?|盼着?)(?!问|知道|了解|多久|多长|咋|怎么|什么|哪)|^(?:all )?(?:i|we) (?:just |only )?(?:want|need|ask)\b|^just (?:want|give|pay)\b/i;

/**
 * A request said late replaces a "request" that was the story told again (it joins the facts);
 * beside a request it adds to it.
 */
function lateRequest(text: string, form: FormState, ctx: FormContext): { form: FormState; replies: Reply[] } | null {
  const s = slotsOf(form);
  if (!s.demands || !LATE_REQUEST.test(text) || contentSize(text) < 4 || contentSize(text) > 60) return null;
  const said = clipText(text);
  if (s.demands.includes(said)) return null;
  const told = demandClause(s.demands) === null && !LATE_REQUEST.test(s.demands.trim());
  const next = told
    ? setSlots(form, { demands: said, facts: `${s.facts ?? ''}\n${s.demands}`.trim().slice(0, MAX_TEXT) })
    : setSlots(form, { demands: `${s.demands}${ctx.locale === 'zh' ? '；' : '; '}${said}`.slice(0, MAX_TEXT) });
  return { form: next, replies: [say(ctx.locale, 'corrected', { fields: `${t(ctx.locale, 'fDemands')} ${slotsOf(next).demands}` })] };
}

/**
 * "不是多人反映 就我们自己一家 一户", asked for representatives: the count and whom they speak for, corrected —
 * and no representatives are then needed.
 */
/** "For all of them", "替大家反映": for whom the group's matter is filed, said on its own. */
const FOR_ALL = /^(?:(?:it'?s |i'?m filing |filing |this is )?(?:for|on behalf of) (?:all|everyone|everybody|all of (?:them|us)|the (?:whole )?(?:village|group))|(?:我|俺)?(?:是)?(?:替|为|代表)(?:大家|大伙|全村|村民|乡亲们|他们|全体)(?:反映|说的?)?)[\s。.!！]*$/i;

function lateScope(text: string, form: FormState, ctx: FormContext): { form: FormState; replies: Reply[] } | null {
  // "For all of them", "替大家反映" said on the summary: for whom, said again (or said anew for a group).
  const s = slotsOf(form);
  if (form.asking === CONFIRM && contentSize(text) <= 12 && (s.peopleCount ?? 0) >= ctx.county.rules.groupThreshold && FOR_ALL.test(text.trim())) {
    const shown = `${t(ctx.locale, 'fPeopleCount')} ${peopleCount.field!.show(s.scope === 'all' ? form : scope.apply!(form, 'all', ctx), ctx)}`;
    if (s.scope === 'all') return { form, replies: [say(ctx.locale, 'alreadyNoted', { fields: shown })] };
    return { form: scope.apply!(form, 'all', ctx), replies: [say(ctx.locale, 'corrected', { fields: shown })] };
  }
  if (form.asking !== 'representatives') return null;
  const v = readPeopleCount(text);
  if (!v || v.scope !== 'self') return null;
  const next = scope.apply!(form, 'self', ctx);
  // ("只为我自己家", "only for my own family": one household.)
  const unit = v.n === 1 && /家|\b(?:family|household)\b/i.test(text) ? 'households' : v.unit;
  const counted = v.n < ctx.county.rules.groupThreshold ? setSlots(next, { peopleCount: v.n, peopleUnit: unit }) : next;
  return { form: counted, replies: [say(ctx.locale, 'corrected', { fields: `${t(ctx.locale, 'fPeopleCount')} ${peopleCount.field!.show(counted, ctx)}` })] };
}

/**
 * "不给", "不方便" after the phone question that offered the ID number too: the ID number
 * is declined, not a failed answer to whatever is asked next (the summary).
 */
/** An ID number given with a wrong check digit or date, at any point: said so, the rest kept as it was. */
function lateBadId(words: Words, form: FormState, ctx: FormContext): { form: FormState; replies: Reply[] } | null {
  return words.entities.some((e) => e.type === 'id_number' && e.valid === false) ? { form, replies: [say(ctx.locale, 'badIdChecksum')] } : null;
}

function lateIdRefusal(text: string, form: FormState, ctx: FormContext): { form: FormState; replies: Reply[] } | null {
  const s = slotsOf(form);
  if (s.idNumber !== undefined || s.anonymous || !form.meta['asked.phone'] || contentSize(text) > 8 || !isRefusal(text)) return null;
  const next = idNumberStep.apply!(form, null, ctx);
  return { form: next, replies: [say(ctx.locale, 'keptNotGiven', { field: t(ctx.locale, 'fIdNumber') })] };
}

/** The kind of matter said not to be the one kept, and what it is instead. */
/** "put it under other", "归到其他类", "算劳动那一类": the kind named to file it under. */
const FILE_UNDER = /\b(?:put|file|list|class|mark)\s+it\s+(?:under|in|as|to)\s+(?:the\s+)?["'“‘]?([a-z][a-z ,]{1,40}?)["'”’]?(?:\s+(?:kind|category|section))?\s*(?:[.!;]|$)|(?:归到|归为|算到|算作|放到|写成|改成)\s*([\u4e00-\u9fff]{2,8}?)(?:那一?类|这一?类|类)(?:吧|里)?/i;

function kindTakenBack(text: string, form: FormState, ctx: FormContext): Correction | null {
  const kept = slotsOf(form).category;
  if (!kept) return null;
  const under = FILE_UNDER.exec(text);
  const named = under ? readCategory((under[1] ?? under[2])!.trim(), ctx.county, ctx.readers, { story: false }) : null;
  if (named && named.confidence >= 0.9 && named.code !== kept) return { step: categoryStep, reading: { ok: true, value: named.code } };
  const m = /(?:不是|并不是|\bnot\b(?:\s+about)?)\s*([^，,。.!！]{1,24}?)\s*[啊呀吧的]*[，,。.;；]?\s*(?:而|它)?(?:是|\bit'?s\b|\bit is\b|\bbut\b|\bthis is\b)\s*([^，,。.!！]{2,40})/i.exec(text);
  const was0 = m ? readCategory(m[1]!, ctx.county, ctx.readers, { story: true }) : null;
  const now0 = m ? readCategory(m[2]!, ctx.county, ctx.readers, { story: true }) : null;
  if (!m || was0?.code !== kept || !now0 || now0.code === kept || now0.confidence < 0.6) {
    // "类别不对吧 我这是被城管的车撞伤了 不是噪音占道的事": the kind taken back with no other named — what the rest tells, else "other".
    const denied = /(?:类别|类型|分类|\bkind\b|\bcategory\b)[^，,。.]{0,6}?(?:不对|错了|wrong)|(?:不是|\bnot\b)\s*([^，,。.!！\s]{1,12}?)(?:的事|那块|那类|这类)|\b(?:this|it) is not (?:a report |a complaint )?about (?:an? )?officials?\b|\bnot (?:a report |a complaint )?about (?:an? )?officials?\b/i.exec(text);
    const notKept = /\bnot (?:a report |a complaint )?about (?:an? )?(officials?)\b/i.exec(text)?.[1] ?? /(?:不是|\bnot\b)\s*([^，,。.!！\s]{1,12}?)(?:的事|那块|那类|这类|\b)/i.exec(text)?.[1];
    const deniedKind = notKept ? readCategory(notKept, ctx.county, ctx.readers, { story: false }) : null;
    if (!denied || deniedKind?.code !== kept) return null;
    const told = readCategory(text.replace(notKept!, ' '), ctx.county, ctx.readers, { story: true });
    const code = told && told.code !== kept && told.confidence >= 0.6 ? told.code : ctx.county.fallbackCategory;
    return code === kept ? null : { step: categoryStep, reading: { ok: true, value: code } };
  }
  const was = readCategory(m[1]!, ctx.county, ctx.readers, { story: true });
  const now = readCategory(m[2]!, ctx.county, ctx.readers, { story: true });
  if (was?.code !== kept || !now || now.code === kept || now.confidence < 0.6) return null;
  return { step: categoryStep, reading: { ok: true, value: now.code } };
}

const clipText = (text: string) => text.replace(/[。.!！]+$/, '').trim();

export function newIntake(ctx: TurnContext): FormState {
  return { form: 'intake', id: ctx.now.getTime().toString(36), slots: {}, asking: null, asks: 0, notes: {}, meta: {} };
}

/** The story without the questions asked beside it ("…还多收费，这个能在这反映吗？能不能不留名"): those are answered, not told. */
function withoutAskedClauses(text: string, ctx: TurnContext): string {
  // (Not the angry ones, which tell: "他们凭什么不给俺钱？".)
  const asked = segment(text, ctx.readers, { free: false }).questions.filter((q) => /[?？吗么呢]\s*$|^(?:这个|这事)?(?:能不能|可不可以|会不会|是不是|有没有|要不要)|(?:找谁|谁管|归谁|哪个部门|哪个单位|怎么办|咋办|咋整)[?？]?\s*$/.test(q.text.trim()) && !/凭什么|凭啥|为什么|为啥|怎么能|咋能|\bwhy\b|\bhow (?:can|could|dare)\b/i.test(q.text));
  let rest = text;
  for (const q of asked) rest = rest.replace(q.text, '');
  // ("…老板欠了我们三个月工资不给，怎么办": the closing "what now" asks, it tells nothing.)
  rest = rest.replace(/[，,\s]*(?:这可|那|这|啊这)?(?:怎么办|咋办|咋整|怎么整)(?:啊|呀|呢)?[？?！!。]*$/, '').replace(/[，,\s]+(?=[。！!？?]|$)/g, '').replace(/^[，,。\s]+/, '').trim();
  return contentSize(rest) >= 8 ? rest : text;
}

/** Starts a petition; a first message that tells the matter is kept as the facts and mined for the rest. */
export function startIntake(state: ConversationState, text: string | null, ctx: TurnContext): TurnResult {
  let form = newIntake(ctx);
  const words = text?.trim() ?? '';
  const entities = words ? ctx.readers.entities(words) : [];
  // ("Thank you, that helps. Then I want to file one here. The school …": the story, without its opening.)
  // (English questions that are no reproach go whole: "Does it cost anything …? And who actually handles it - …?")
  const story0 = withoutAskedClauses(withoutOpening(words), ctx)
    .split(/(?<=[.!?])\s+/)
    .filter((x) => !(/\?\s*$/.test(x) && !/\p{Script=Han}/u.test(x) && !/\bwhy\b|\bhow (?:can|could|dare)\b/i.test(x)))
    .join(' ')
    .replace(/^[\s.,;:!-]+/, '')
    .trim();
  const scrubbed = story0 === words ? scrubPersonal(words, entities, state.locale) : scrubPersonal(story0, ctx.readers.entities(story0), state.locale);
  const story = words && !isBareAnnouncement(words) && storySize(scrubbed) >= 8;
  if (story) form = { ...form, slots: { facts: scrubbed.slice(0, 2000) } };
  // ("交警老罚我款": the matter in a few words — the story is still asked, and opens with them.)
  else if (words && !isBareAnnouncement(words) && storySize(scrubbed) >= 5 && contentSize(aboutTheMatter(scrubbed)) >= 5) form = { ...form, slots: { opening: scrubbed.slice(0, 200) } };
  // "你好，我叫芮小燕，东湖的，想反映个事": no story yet, but the name and the township are kept.
  const told = words && !isBareAnnouncement(words) ? { text: words, entities } : undefined;
  return startForm({ ...state, parked: null }, intakeSpec, form, ctx, [], told);
}
