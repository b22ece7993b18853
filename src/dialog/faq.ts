/**
 * Real answers to the questions citizens ask in the middle of a form: which
 * department (once the category and township are known), how long (in dates),
 * retaliation, anonymity, materials, why a question is asked, when a person
 * answers, cost — and the guide for broader questions.
 */
import { townshipName, unitName } from '../domain/county/schema.ts';
import { acceptDue } from '../domain/deadlines.ts';
import { routeCase } from '../domain/routing.ts';
import { formatDate } from './forms/case-lookup/citizen-case-view.ts';
import type { FormContext, FormSpec } from './form/spec.ts';
import type { Question } from './form/segment.ts';
import { guideText, remedyBody, type GuideTopic } from './guide.ts';
import { say } from './replies.ts';
import type { ConversationState, FormState, Reply } from './types.ts';
import { t, type MessageKey } from './catalog/catalog.ts';
import { specOf } from './forms/form-specs.ts';
import { scheduleReply } from './forms/reception/schedule.ts';
import { readCategory } from './forms/intake/category.ts';

const HELPED_BY = /(?:俺|我)(?:家)?(?:闺女|女儿|儿子|孙子|孙女|家里人|老伴|媳妇|儿媳|女婿|外孙)(?:能|可以|来)?(?:替|帮|给)(?:俺|我)|\b(?:can|could|may) my (?:daughter|son|grandson|granddaughter|wife|husband|niece|nephew) (?:type|do (?:this|it)|fill (?:this|it) in) for me\b/i;

const GUIDE: Readonly<Record<string, GuideTopic>> = { guide_procedure: 'procedure', guide_conduct: 'conduct', guide_rights: 'rights' };

const WHY: Readonly<Record<string, MessageKey>> = {
  idNumber: 'faqWhyIdNumber',
  phone: 'faqWhyPhone',
  name: 'faqWhyName',
  township: 'faqWhyTownship',
  address: 'faqWhyOptional',
  representatives: 'faqWhyOptional',
};

/** The petition filed a moment ago, when no form is open: questions are then about it. */
const justFiled = (form: FormState | null, ctx: FormContext) => (form || ctx.state.forms.length > 0 ? null : ctx.state.lastSubmitted);

function unitAnswer(form: FormState | null, ctx: FormContext, asked: string): Reply {
  const l = ctx.locale;
  const filed = justFiled(form, ctx);
  if (filed?.category && filed.category !== 'conduct') {
    const r = routeCase(ctx.county, { category: filed.category, township: filed.township ?? null, respondentUnits: [] });
    const coUnit = r.coUnit && filed.township ? say(l, 'faqUnitCo', { township: townshipName(ctx.county, filed.township, l) }).text : '';
    return say(l, 'faqUnitFiled', { caseNumber: filed.caseNumber, unit: unitName(ctx.county, r.unit, l), coUnit });
  }
  // "先问个别的，办低保去哪个窗口？": a question about another kind of matter is answered for that kind.
  const own = readCategory(asked, ctx.county, ctx.readers, { story: false });
  if (own && own.confidence >= 0.7 && own.code !== 'other' && own.code !== 'conduct' && own.code !== form?.slots['category']) {
    const r = routeCase(ctx.county, { category: own.code, township: null, respondentUnits: [] });
    // ("What department handles unpaid overtime?" while the kind is still open: the matter being filed.)
    const open = form !== null && (form.slots['category'] === undefined || form.slots['category'] === ctx.county.fallbackCategory);
    return say(l, open ? 'faqUnitKnown' : 'faqUnitOther', { unit: unitName(ctx.county, r.unit, l), coUnit: '' });
  }
  const category = form?.slots['category'] as string | undefined;
  const township = form?.slots['township'] as string | null | undefined;
  if (category === 'conduct') return say(l, 'faqUnitConduct');
  if (!category) return say(l, 'faqUnitUnknown');
  const r = routeCase(ctx.county, { category, township: township ?? null, respondentUnits: [] });
  const coUnit = r.coUnit && township ? say(l, 'faqUnitCo', { township: townshipName(ctx.county, township, l) }).text : '';
  return say(l, 'faqUnitKnown', { unit: unitName(ctx.county, r.unit, l), coUnit });
}

/** How long, in dates: from the filing of the petition just filed, else from now. `hurry`: asked to be quicker. */
function durationAnswer(form: FormState | null, ctx: FormContext, hurry = false): Reply {
  const d = ctx.county.deadlines;
  const filed = justFiled(form, ctx);
  const from = filed?.filedAt ? new Date(filed.filedAt) : ctx.now;
  const due = acceptDue(from, { rules: d, utcOffsetMinutes: ctx.county.utcOffsetMinutes });
  const params = { acceptDays: d.acceptDays, acceptDate: formatDate(due, ctx.county, ctx.locale), handleDays: d.handleDays, maxExtensionDays: d.maxExtensionDays };
  if (hurry) return say(ctx.locale, filed ? 'faqHurryFiled' : 'faqHurry', { ...params, caseNumber: filed?.caseNumber ?? '' });
  return filed ? say(ctx.locale, 'faqDurationFiled', { ...params, caseNumber: filed.caseNumber }) : say(ctx.locale, 'faqDuration', params);
}

function anonymousAnswer(form: FormState | null, ctx: FormContext): Reply {
  const category = form?.slots['category'];
  // The kind not known yet: both rules, the one for officials first ("can I stay anonymous? the owner knows everyone").
  if (category === undefined) return say(ctx.locale, 'faqAnonymousEither');
  return say(ctx.locale, category === 'conduct' ? 'faqAnonymousConduct' : 'faqAnonymousOther');
}

/** What the draft holds so far, in the summary's words (the citizen asked to hear it). */
function readBack(form: FormState | null, ctx: FormContext): Reply {
  const spec = form ? specOf(form.form) : null;
  if (!form || !spec) return say(ctx.locale, 'faqReadBackNothing');
  const lines = spec.steps
    .filter((s) => s.field && !s.field.hidden?.(form, ctx) && form.slots[s.name] !== undefined)
    .map((s) => `${t(ctx.locale, s.field!.label)}${ctx.locale === 'zh' ? '：' : ': '}${s.field!.show(form, ctx)}`);
  return lines.length > 0 ? say(ctx.locale, 'faqReadBack', { lines: lines.join('\n') }) : say(ctx.locale, 'faqReadBackNothing');
}

function one(q: Question, form: FormState | null, ctx: FormContext): Reply | null {
  const l = ctx.locale;
  switch (q.topic) {
    case 'unit':
      return unitAnswer(form, ctx, q.text);
    case 'duration':
      return durationAnswer(form, ctx);
    case 'hurry':
      return durationAnswer(form, ctx, true);
    case 'siteVisit':
      return say(l, 'faqSiteVisit');
    case 'safety':
      return say(l, 'faqSafety');
    case 'foreigner':
      return say(l, 'faqForeigner');
    case 'language':
      return say(l, 'faqLanguage');
    case 'official':
      return say(l, 'faqOfficial');
    case 'letter':
      return say(l, 'faqLetter');
    case 'firstLocal':
      return say(l, 'faqFirstLocal');
    case 'smallTalk':
      return say(l, 'faqSmallTalk');
    case 'retaliation':
      return say(l, 'faqRetaliation');
    case 'anonymous':
      return anonymousAnswer(form, ctx);
    case 'materials': {
      const filed = justFiled(form, ctx);
      return filed ? say(l, 'faqMaterialsFiled', { caseNumber: filed.caseNumber }) : say(l, 'faqMaterials');
    }
    case 'why': {
      // The question names what it is about ("身份证号是不是非得给"), else the question asked.
      const about = /身份证|证件|\bID\b|passport|护照/i.test(q.text) ? 'idNumber' : /电话|手机|\bphone\b/i.test(q.text) ? 'phone' : form?.asking ?? '';
      return say(l, WHY[about] ?? 'faqWhyDefault');
    }
    case 'human':
      // Already waiting for a person: say so, not how to ask for one.
      if (ctx.state.handoff) return say(l, 'handoffAlready');
      return say(l, 'faqHuman', { hours: guideText(ctx.county, 'officeHours', l) });
    case 'cost':
      return say(l, 'faqCost');
    case 'travel':
      return say(l, 'faqTravel');
    case 'bot':
      return say(l, 'faqBot');
    case 'progress':
      return say(l, 'faqProgress');
    case 'later':
      return say(l, 'faqLater');
    case 'visit': {
      const visit = ctx.county.guide.visit;
      return visit ? { text: visit[l] } : say(l, 'faqUnknown');
    }
    case 'scope':
      return say(l, 'faqScope');
    case 'legal':
      return say(l, 'faqLegal');
    case 'court':
      return say(l, 'faqCourt');
    case 'higher':
      return say(l, 'faqHigher');
    case 'lawyer':
      return say(l, 'faqLawyer');
    case 'reception':
      return scheduleReply(ctx, l);
    case 'review': {
      const d = ctx.county.deadlines;
      return say(l, 'faqReview', { reviewDays: d.reviewRequestDays, recheckDays: d.recheckRequestDays, reviewBody: remedyBody(ctx.county, 'reviewBody', l) });
    }
    case 'kinds':
      return say(l, 'faqKinds', { kinds: ctx.county.categories.map((c) => (l === 'zh' ? c.nameZh : c.nameEn)).join(l === 'zh' ? '、' : '; ') });
    case 'reps':
      return say(l, 'faqReps', { max: ctx.county.rules.maxRepresentatives });
    case 'readBack':
      return readBack(form, ctx);
    case 'onBehalf':
      // ("能叫俺闺女替俺弄不": a relative typing for the citizen, not the citizen filing for a relative.)
      return say(l, HELPED_BY.test(q.text) ? 'faqHelpedBy' : 'faqOnBehalf');
    case 'penalty':
      return say(l, 'faqPenalty');
    case 'another':
      // ("Should they file separately?": the others, not a second matter of the citizen's.)
      return /\b(?:they|them|others|other (?:families|people|villagers|workers))\b|他们|别人|其他人/i.test(q.text) ? say(l, 'faqOthersFile', { max: ctx.county.rules.maxRepresentatives }) : say(l, 'faqAnother');
    case 'lostCode':
      return say(l, 'faqLostCode');
    case 'signatures':
      return say(l, 'faqSignatures', { max: ctx.county.rules.maxRepresentatives });
    default:
      break;
  }
  const topic = q.intent ? GUIDE[q.intent] : undefined;
  if (topic) return { text: guideText(ctx.county, topic, l) };
  if (q.intent === 'help') return say(l, 'help');
  // A question the bot has no answer for: said honestly, with the way to a person.
  return say(l, 'faqUnknown');
}

/** One answer per distinct question, in the order asked. */
export function answerQuestions(questions: readonly Question[], _state: ConversationState, _spec: FormSpec | null, form: FormState | null, ctx: FormContext): Reply[] {
  const seen = new Set<string>();
  const out: Reply[] = [];
  // "我能替我妈反映吗？写谁的名字": whose name is part of filing for a relative, answered once.
  const onBehalf = questions.some((q) => q.topic === 'onBehalf');
  const penalty = questions.some((q) => q.topic === 'penalty');
  for (const q of questions) {
    if (onBehalf && (q.topic === 'anonymous' || q.topic === 'why') && /谁|哪个|whose|which/i.test(q.text)) continue;
    // ("can a petition cancel a fine, or do i have to appeal somewhere?": the penalty's channels are the answer.)
    if (penalty && (q.topic === 'review' || q.topic === 'legal' || q.topic === 'court')) continue;
    const key = q.topic ?? q.intent ?? q.text;
    if (seen.has(key)) continue;
    seen.add(key);
    const r = one(q, form, ctx);
    if (r) out.push(r);
  }
  return out;
}
