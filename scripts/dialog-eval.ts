/**
 * npm run dialog:eval — plays scripted citizens (test/scenarios, and the blind set in
 * test/fixtures/blind/citizens) through the dialogue engine with the NLU trained on
 * intents/, and prints: completion, median turns, questions asked three times
 * running, drafts lost, accuracy per field. The blind set prints figures only,
 * never its lines, so it stays blind.
 *
 *   npm run dialog:eval                 both sets, figures
 *   npm run dialog:eval -- --show dev   also every failing dev citizen, with its transcript
 *   npm run dialog:eval -- --only zh-01 one dev citizen's transcript
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readCountyConfig } from '../src/county-config-file.ts';
import { handleEvent, handleMessage } from '../src/dialog/engine.ts';
import { initialState, type ConversationState, type Effect, type PetitionDraft, type TurnResult } from '../src/dialog/types.ts';
import { createNlu } from '../src/nlu/nlu.ts';
import { CitizenPlayer, loadPersonas, wrongFields, type BotTurn, type FiledCase, type Persona } from './dialog/citizen-player.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SETS = { dev: path.join(ROOT, 'test/scenarios'), blind: path.join(ROOT, 'test/fixtures/blind/citizens') };
const MAX_TURNS = 30;
const county = readCountyConfig();
const args = process.argv.slice(2);
const show = args.includes('--show');
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;

interface Outcome {
  persona: Persona;
  filed: boolean;
  draft: PetitionDraft | null;
  turns: number;
  tripleAsks: number;
  draftLost: boolean;
  wrong: string[];
  transcript: string[];
  asidesUnanswered: number;
  /** Turns answered as a life in danger (none of these citizens is). */
  alarms: number;
}

const toFiled = (d: PetitionDraft): FiledCase => ({
  township: d.township,
  category: d.category,
  peopleCount: d.peopleCount,
  peopleUnit: d.peopleUnit,
  priorPetition: d.priorPetition,
  name: d.name,
  phone: d.phone,
  idNumber: d.idNumber,
  representatives: d.representatives,
  address: d.address,
  facts: d.facts,
  demands: d.demands,
  respondent: d.respondent,
});

const asks = (bot: BotTurn) => bot.replies.some((r) => /[?？]/.test(r.text));

async function play(persona: Persona, nlu: Awaited<ReturnType<typeof createNlu>>): Promise<Outcome> {
  const player = new CitizenPlayer(persona);
  const now = new Date('2026-12-07T02:00:00Z');
  let state: ConversationState = initialState(persona.locale);
  let bot: BotTurn | null = null;
  const transcript: string[] = [];
  let draft: PetitionDraft | null = null;
  let turns = 0;
  let tripleAsks = 0;
  let cancelled = false;
  let lostSeen = false;
  let redirected = false;
  let asidesUnanswered = 0;
  let alarms = 0;
  const history: (string | null)[] = [];
  for (; turns < MAX_TURNS; ) {
    const move = player.next(bot);
    if (!move) break;
    turns++;
    if (move.key === 'cancelCheck' && /不登|不办|stop|别登|算了|取消/i.test(move.text) && !/不是|没说|继续|接着|go on|keep|didn'?t/i.test(move.text)) cancelled = true;
    transcript.push(`>>> [${move.kind}${move.key ? `:${move.key}` : ''}] ${move.text}`);
    const hadIntake = state.forms.some((f) => f.form === 'intake');
    const parsed = await nlu.parse(move.text, { locale: state.locale, now });
    const ctx = { nlu: parsed, now, county, readers: nlu.readers(now) };
    let r: TurnResult = handleMessage(state, { text: move.text, payload: null, locale: null }, ctx);
    const submit = r.effects.find((e): e is Extract<Effect, { type: 'submit_petition' }> => e.type === 'submit_petition');
    if (submit) {
      draft = submit.draft;
      r = extend(r, handleEvent(r.state, { type: 'petition_submitted', intakeId: submit.draft.intakeId, caseNumber: 'XF202612070001', queryCode: '12345678' }, { ...ctx, nlu: null }));
    }
    if (r.effects.some((e) => e.type === 'record_outcome')) redirected = true;
    state = r.state;
    bot = { expecting: state.expecting, replies: r.replies };
    for (const rep of r.replies) transcript.push(`<<< ${rep.text.replace(/\n/g, ' / ').slice(0, 400)}${rep.buttons ? ` [${rep.buttons.map((b) => b.payload).join(' ')}]` : ''}`);
    transcript.push(`    {expecting: ${state.expecting}}`);
    if (move.kind === 'aside' && r.replies.length < 2) asidesUnanswered++;
    if (r.effects.some((e) => e.type === 'request_handoff' && e.reason === 'risk')) alarms++;
    history.push(asks(bot) ? state.expecting : null);
    const last3 = history.slice(-3);
    if (last3.length === 3 && last3[0] !== null && last3.every((x) => x === last3[0]) && !(history.length > 3 && history.at(-4) === last3[0])) tripleAsks++;
    if (hadIntake && !state.forms.some((f) => f.form === 'intake') && !submit && !cancelled && !redirected) lostSeen = true;
    if (submit || (redirected && !state.forms.length)) {
      if (!redirected || submit) break;
      // Redirected: the citizen may still change their mind; play on while they have something to say.
    }
    if (state.forms.length === 0 && state.expecting === null && !state.parked) break;
  }
  const filed = draft !== null;
  const wrong = filed && persona.expect.files ? wrongFields(persona.expect, toFiled(draft!)) : [];
  const draftLost = persona.expect.files && !filed && !cancelled ? true : lostSeen && persona.expect.files && !filed;
  return { persona, filed, draft, turns, tripleAsks, draftLost, wrong, transcript, asidesUnanswered, alarms };
}

function extend(a: TurnResult, b: TurnResult): TurnResult {
  return { state: b.state, replies: [...a.replies, ...b.replies], effects: [...a.effects, ...b.effects] };
}

const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)} %` : '-');
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2) : 0;
};

function report(name: string, outcomes: Outcome[], blind: boolean) {
  const n = outcomes.length;
  if (n === 0) return console.log(`\n${name}: no citizens`);
  const right = outcomes.filter((o) => o.filed === o.persona.expect.files && o.wrong.length === 0);
  const filers = outcomes.filter((o) => o.persona.expect.files);
  console.log(`\n=== ${name} (${n} citizens: ${outcomes.filter((o) => o.persona.locale === 'zh').length} zh, ${outcomes.filter((o) => o.persona.locale === 'en').length} en) ===`);
  console.log(`right outcome with every field right: ${right.length}/${n} = ${pct(right.length, n)}`);
  console.log(`filed when they meant to: ${filers.filter((o) => o.filed).length}/${filers.length}; stopped when they meant to: ${outcomes.filter((o) => !o.persona.expect.files && !o.filed).length}/${n - filers.length}`);
  console.log(`median turns (citizen messages, filers): ${median(filers.map((o) => o.turns))}; max ${Math.max(...outcomes.map((o) => o.turns))}`);
  console.log(`questions asked three times running: ${outcomes.reduce((a, o) => a + o.tripleAsks, 0)}`);
  console.log(`drafts lost: ${outcomes.filter((o) => o.draftLost).length}`);
  console.log(`asides without an answer: ${outcomes.reduce((a, o) => a + o.asidesUnanswered, 0)}`);
  console.log(`answered as a life in danger (none is): ${outcomes.filter((o) => o.alarms > 0).length} citizens`);
  const fields = new Map<string, { right: number; total: number }>();
  for (const o of outcomes.filter((x) => x.filed && x.persona.expect.files)) {
    for (const key of Object.keys(o.persona.expect).filter((k) => k !== 'files' && k !== 'idType')) {
      const f = fields.get(key) ?? { right: 0, total: 0 };
      f.total++;
      if (!o.wrong.some((w) => w.startsWith(`${key}:`))) f.right++;
      fields.set(key, f);
    }
  }
  console.log('accuracy per field (filed citizens):');
  for (const [k, f] of [...fields].sort()) console.log(`  ${k.padEnd(16)} ${pct(f.right, f.total).padStart(8)}  (${f.right}/${f.total})`);
  if (blind) return;
  for (const o of outcomes) {
    const bad = o.filed !== o.persona.expect.files || o.wrong.length > 0 || o.tripleAsks > 0 || o.draftLost;
    const picked = only !== undefined && o.persona.id.startsWith(only);
    if (!bad && !picked) continue;
    if (!show && !picked) {
      console.log(`  ✗ ${o.persona.id}: ${o.filed ? 'filed' : 'not filed'}${o.tripleAsks ? `, ${o.tripleAsks} triple ask` : ''}${o.draftLost ? ', draft lost' : ''}${o.wrong.length ? ` — ${o.wrong.join('; ')}` : ''}`);
      continue;
    }
    console.log(`\n--- ${o.persona.id} (${o.turns} turns) ${o.wrong.join('; ')}`);
    for (const line of o.transcript) console.log(line);
  }
}

async function main() {
  const nlu = await createNlu({ cacheDir: path.join(ROOT, 'data/nlu-eval-cache'), county });
  const dev = loadPersonas(SETS.dev).filter((p) => !only || p.id.startsWith(only));
  const devOut: Outcome[] = [];
  for (const p of dev) devOut.push(await play(p, nlu));
  report('scripted citizens (test/scenarios)', devOut, false);
  if (only) return;
  const blind = loadPersonas(SETS.blind);
  const blindOut: Outcome[] = [];
  for (const p of blind) blindOut.push(await play(p, nlu));
  report('blind citizens (test/fixtures/blind/citizens): figures only', blindOut, true);
}

await main();
