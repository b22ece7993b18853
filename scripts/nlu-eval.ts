/**
 * npm run nlu:eval — trains the intent model on a fixed 80/20 split of intents/
 * (by a hash of each line, so the split never changes with file order) and prints
 * per-intent precision/recall/F1, accuracy, confusions, training time and parse
 * rate. With test/fixtures/nlu-heldout.jsonl present it also scores the
 * full-corpus model on that independent set, entities included.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readCountyConfig } from '../src/county-config-file.ts';
import { loadCorpus, type CorpusExample } from '../src/nlu/corpus.ts';
import { INTENTS, trainIntentModel } from '../src/nlu/intent-model.ts';
import { loadAnswerCorpus, parseAnswerLines, type AnswerExample, type AnswerSlot } from '../src/nlu/answers/corpus.ts';
import { printScores, scoreAnswers } from './nlu/answer-eval.ts';
import type { Locale } from '../src/nlu/intents.ts';
import { nluFromModel, type Nlu } from '../src/nlu/nlu.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const HELDOUT = path.join(ROOT, 'test/fixtures/nlu-heldout.jsonl');
const county = readCountyConfig();

interface Case {
  locale: Locale;
  intent: string;
  text: string;
  entities?: Array<{ type: string; value: string | number }>;
}
interface Outcome extends Case {
  got: string;
  confidence: number;
  gotEntities: string[];
}

/** One line in five is held out: sha256 of "locale<TAB>text", first 32 bits, mod 5 = 0. */
export const isHeldOut = (e: CorpusExample) =>
  Number.parseInt(createHash('sha256').update(`${e.locale}\t${e.text}`).digest('hex').slice(0, 8), 16) % 5 === 0;

const pct = (n: number, d: number) => (d ? ((100 * n) / d).toFixed(1) : '-');
const f3 = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '-');

function train(examples: readonly CorpusExample[], label: string) {
  const started = performance.now();
  const model = trainIntentModel(examples);
  const ms = performance.now() - started;
  console.log(`trained ${label} on ${examples.length} lines in ${(ms / 1000).toFixed(1)} s`);
  return nluFromModel(model, county);
}

/** Parses every case; the rate is timed on repeated passes (≥ 1 s) after it, once the JIT has warmed up. */
async function run(nlu: Nlu, cases: readonly Case[]): Promise<{ outcomes: Outcome[]; perSecond: number }> {
  const outcomes: Outcome[] = [];
  for (const c of cases) {
    const r = await nlu.parse(c.text, { locale: c.locale });
    const gotEntities = r.entities.filter((e) => e.valid !== false).map((e) => `${e.type}=${e.value}`);
    outcomes.push({ ...c, got: r.intent.name, confidence: r.intent.confidence, gotEntities });
  }
  const started = performance.now();
  let parsed = 0;
  while (performance.now() - started < 1000) {
    for (const c of cases) await nlu.parse(c.text, { locale: c.locale });
    parsed += cases.length;
  }
  return { outcomes, perSecond: (parsed * 1000) / (performance.now() - started) };
}

function perIntent(outcomes: readonly Outcome[], title: string) {
  const correct = outcomes.filter((o) => o.got === o.intent).length;
  console.log(`\n${title}: accuracy ${pct(correct, outcomes.length)} % (${correct}/${outcomes.length})`);
  console.log(`  ${'intent'.padEnd(18)} ${'prec'.padStart(6)} ${'recall'.padStart(6)} ${'F1'.padStart(6)} ${'n'.padStart(4)}`);
  for (const intent of INTENTS) {
    const tp = outcomes.filter((o) => o.got === intent && o.intent === intent).length;
    const predicted = outcomes.filter((o) => o.got === intent).length;
    const actual = outcomes.filter((o) => o.intent === intent).length;
    if (!predicted && !actual) continue;
    const p = tp / predicted;
    const r = tp / actual;
    const f = (2 * p * r) / (p + r);
    console.log(`  ${intent.padEnd(18)} ${f3(p).padStart(6)} ${f3(r).padStart(6)} ${f3(tp ? f : 0).padStart(6)} ${String(actual).padStart(4)}`);
  }
}

function confusions(outcomes: readonly Outcome[]) {
  const counts = new Map<string, number>();
  for (const o of outcomes) if (o.got !== o.intent) counts.set(`${o.intent} → ${o.got}`, (counts.get(`${o.intent} → ${o.got}`) ?? 0) + 1);
  console.log('\nconfusions (expected → got):');
  for (const [pair, n] of [...counts].sort((a, b) => b[1] - a[1])) console.log(`  ${String(n).padStart(3)}  ${pair}`);
}

/** How the dialogue sees it: below 0.5 it answers "not understood". */
function confidenceReport(outcomes: readonly Outcome[]) {
  const sure = outcomes.filter((o) => o.confidence >= 0.5);
  const sureRight = sure.filter((o) => o.got === o.intent).length;
  const wrong = outcomes.filter((o) => o.got !== o.intent);
  console.log(
    `confidence >= 0.5: ${pct(sure.length, outcomes.length)} % of messages, ${pct(sureRight, sure.length)} % of those right; ` +
      `${pct(wrong.filter((o) => o.confidence < 0.5).length, wrong.length)} % of the errors fall below 0.5`,
  );
}

function report(outcomes: readonly Outcome[], title: string, perSecond: number) {
  for (const locale of ['zh', 'en'] as const) perIntent(outcomes.filter((o) => o.locale === locale), `${title} — ${locale}`);
  perIntent(outcomes, `${title} — overall`);
  confusions(outcomes);
  confidenceReport(outcomes);
  console.log(`parses/s (entities + intent): ${perSecond.toFixed(0)}`);
  console.log('\nmisclassified:');
  for (const o of outcomes.filter((x) => x.got !== x.intent)) {
    console.log(`  [${o.locale}] ${o.intent} → ${o.got} (${o.confidence.toFixed(2)}): ${o.text.slice(0, 90)}`);
  }
}

function entityReport(outcomes: readonly Outcome[]) {
  let tp = 0;
  let predicted = 0;
  let expected = 0;
  for (const o of outcomes) {
    const want = (o.entities ?? []).map((e) => `${e.type}=${e.value}`);
    const left = [...want];
    for (const g of o.gotEntities) {
      const i = left.indexOf(g);
      if (i >= 0) {
        tp++;
        left.splice(i, 1);
      }
    }
    predicted += o.gotEntities.length;
    expected += want.length;
  }
  const p = tp / predicted;
  const r = tp / expected;
  console.log(`entities (type and value, valid only): precision ${f3(p)} recall ${f3(r)} F1 ${f3((2 * p * r) / (p + r))} (${tp} of ${expected} expected, ${predicted} found)`);
}

const BLIND_INTENTS = path.join(ROOT, 'test/fixtures/blind/nlu-intents.jsonl');
/** Two blind answer sets: written 2026-12-06 by a test writer, and 2026-12-07 (half of a fresh writer's lines; the other half is in the corpus). */
const BLIND_ANSWER_SETS = ['test/fixtures/blind/answers', 'test/fixtures/blind/answers-2'].map((d) => path.join(ROOT, d));
const showMisses = process.argv.includes('--misses');

/** The blind slot answers (label<TAB>text, zh and en in one file per slot). */
function blindAnswers(dir: string): AnswerExample[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.tsv'))
    .flatMap((f) => parseAnswerLines(f.slice(0, -4) as AnswerSlot, 'zh', fs.readFileSync(path.join(dir, f), 'utf8'), f));
}

async function main() {
  const corpus = loadCorpus();
  const answers = loadAnswerCorpus();
  const heldAnswer = (e: AnswerExample) => isHeldOut({ locale: e.locale, text: `${e.slot}\t${e.text}`, intent: 'greet' });
  const splitModel = trainIntentModel(corpus.filter((e) => !isHeldOut(e)), answers.filter((e) => !heldAnswer(e)));
  const now = new Date();
  printScores(`slot-answer readers, held-out fifth of intents/answers (${answers.filter(heldAnswer).length} lines, trained on the rest)`, scoreAnswers(answers.filter(heldAnswer), nluFromModel(splitModel, county).readers(now), county), showMisses);
  const fullModel = trainIntentModel(corpus, answers);
  for (const dir of BLIND_ANSWER_SETS) {
    const blind = blindAnswers(dir);
    if (blind.length > 0) printScores(`slot-answer readers, blind set ${path.relative(ROOT, dir)} (${blind.length} lines; figures only)`, scoreAnswers(blind, nluFromModel(fullModel, county).readers(now), county), false);
  }
  if (fs.existsSync(BLIND_INTENTS)) {
    const cases = fs.readFileSync(BLIND_INTENTS, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Case);
    const outcomes = (await run(nluFromModel(fullModel, county), cases)).outcomes;
    for (const locale of ['zh', 'en'] as const) {
      const o = outcomes.filter((x) => x.locale === locale);
      console.log(`blind intents (${locale}): accuracy ${pct(o.filter((x) => x.got === x.intent).length, o.length)} % (${o.length} lines; figures only)`);
    }
    console.log(`blind intents (all): accuracy ${pct(outcomes.filter((x) => x.got === x.intent).length, outcomes.length)} %`);
  }
  const nlu = train(corpus.filter((e) => !isHeldOut(e)), 'the 80 % split');
  const held = corpus.filter(isHeldOut);
  const split = await run(nlu, held);
  report(split.outcomes, `held-out split (${held.length} lines)`, split.perSecond);

  if (!fs.existsSync(HELDOUT)) return console.log(`\n(no ${path.relative(ROOT, HELDOUT)}: independent set skipped)`);
  const cases = fs
    .readFileSync(HELDOUT, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Case);
  console.log(`\n=== independent held-out set ${path.relative(ROOT, HELDOUT)} (${cases.length} lines) ===`);
  const full = await run(train(corpus, 'the full corpus'), cases);
  report(full.outcomes, 'independent set', full.perSecond);
  entityReport(full.outcomes);
}

await main();
