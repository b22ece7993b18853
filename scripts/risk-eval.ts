/**
 * `npm run risk:eval`: trains the risk screen on the fixed split of intents/risk
 * (three quarters) and prints precision and recall, per tier and per locale, on
 * (a) the held-out quarter, (b) the two old fixture sets test/fixtures/risk-heldout*.tsv
 * — development data now: the lexicon was tuned on them, they are not blind —
 * and (c) every blind set test/fixtures/blind/risk-*.tsv (`label<TAB>text`, label
 * `risk` or `none`). Blind sets print aggregate figures only, never a line or a
 * miss: a set whose misses are read is no longer blind.
 *
 * Then false alarms on ordinary traffic, lines that are all harmless and were written
 * by others for other purposes: (d) the intent and slot-answer corpora (intents/zh,
 * intents/en, intents/answers: greetings, short answers, IDs, addresses, petitions,
 * questions about the rules) and (e) every line the scripted citizens type
 * (test/scenarios: openings, answers, asides, corrections); a line also in
 * intents/risk is left out. The screen runs on every message, so these rates are
 * what a citizen meets: how often an ordinary message alerts staff.
 *
 * Tiers: `risk` = the level is risk; `risk+possible` = the level is not none (what
 * reaches staff at all). `--errors` lists the misses of the held-out split and the
 * development sets (never of a blind set); `--no-blind` stops before the blind sets,
 * for every run during development (a blind set is scored once, at the end).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadRiskSet, splitRiskSet, type RiskExample } from '../src/nlu/risk/data.ts';
import { createRiskScreen, type RiskResult, type RiskScreen } from '../src/nlu/risk/screen.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const OLD_FIXTURES = ['risk-heldout.tsv', 'risk-heldout-2.tsv'].map((f) => path.join(ROOT, 'test/fixtures', f));
const INTENTS_DIR = path.join(ROOT, 'intents');
const SCENARIOS_DIR = path.join(ROOT, 'test/scenarios');
export const BLIND_DIR = path.join(ROOT, 'test/fixtures/blind');

const localeOf = (text: string): RiskExample['locale'] => (/\p{Script=Han}/u.test(text) ? 'zh' : 'en');

/** An old fixture: `locale<TAB>label<TAB>text`, `#` comments. */
export function loadFixture(file: string): RiskExample[] {
  return fs
    .readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => {
      const [locale, label, text] = l.split('\t');
      return { locale: locale as RiskExample['locale'], label: label!, text: text! };
    });
}

/** A blind set: `label<TAB>text`, label `risk` or `none`. A bad line is reported by number only. */
export function loadBlind(file: string): RiskExample[] {
  const out: RiskExample[] = [];
  fs.readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .forEach((l, i) => {
      if (!l.trim() || l.startsWith('#')) return;
      const tab = l.indexOf('\t');
      const label = l.slice(0, tab).trim();
      const text = l.slice(tab + 1).trim();
      if (tab < 0 || !['risk', 'none'].includes(label) || !text) throw new Error(`${path.basename(file)}:${i + 1}: expected risk|none<TAB>text`);
      out.push({ locale: localeOf(text), label, text });
    });
  return out;
}

const lines = (file: string) => fs.readFileSync(file, 'utf8').split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));

/** Harmless lines, deduplicated, without the lines of intents/risk. */
function harmless(texts: readonly string[]): RiskExample[] {
  const known = new Set(loadRiskSet().map((e) => e.text.toLowerCase()));
  return [...new Set(texts.map((t) => t.trim()).filter(Boolean))].filter((t) => !known.has(t.toLowerCase())).map((text) => ({ locale: localeOf(text), label: 'none', text }));
}

/** The intent corpus (`intents/<locale>/*.txt`) and the slot-answer corpus (`intents/answers/<slot>/<locale>.tsv`, the text after the label). */
export function loadIntentTraffic(): RiskExample[] {
  const texts: string[] = [];
  for (const locale of ['zh', 'en']) for (const f of fs.readdirSync(path.join(INTENTS_DIR, locale)).filter((f) => f.endsWith('.txt'))) texts.push(...lines(path.join(INTENTS_DIR, locale, f)));
  const answers = path.join(INTENTS_DIR, 'answers');
  for (const slot of fs.readdirSync(answers).filter((d) => fs.statSync(path.join(answers, d)).isDirectory())) {
    for (const f of fs.readdirSync(path.join(answers, slot)).filter((f) => f.endsWith('.tsv'))) texts.push(...lines(path.join(answers, slot, f)).map((l) => l.split('\t').slice(1).join(' ')));
  }
  return harmless(texts);
}

/** Every line a scripted citizen types (test/scenarios/*.json: opening, answers, asides, corrections). */
export function loadScenarioTraffic(): RiskExample[] {
  const texts: string[] = [];
  const walk = (x: unknown): void => {
    if (typeof x === 'string') texts.push(x);
    else if (Array.isArray(x)) x.forEach(walk);
    else if (x && typeof x === 'object') for (const [k, v] of Object.entries(x)) if (k !== 'when') walk(v);
  };
  for (const f of fs.readdirSync(SCENARIOS_DIR).filter((f) => f.endsWith('.json'))) {
    const d = JSON.parse(fs.readFileSync(path.join(SCENARIOS_DIR, f), 'utf8')) as Record<string, unknown>;
    for (const k of ['opening', 'answers', 'asides', 'corrections']) walk(d[k]);
  }
  return harmless(texts);
}

/** How many harmless lines reach each tier. */
export function falseAlarms(screen: RiskScreen, set: readonly RiskExample[]): { n: number; risk: number; possible: number; lines: string[] } {
  const out = { n: set.length, risk: 0, possible: 0, lines: [] as string[] };
  for (const e of set) {
    const r = screen.screen(e.text);
    if (r.level === 'none') continue;
    out[r.level]++;
    out.lines.push(`${r.level} ${r.score.toFixed(2)} ${r.categories.join(',')}\t${e.text}`);
  }
  return out;
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

export type Tier = 'risk' | 'risk+possible';
const TIERS: readonly Tier[] = ['risk', 'risk+possible'];
const fires = (r: RiskResult, tier: Tier) => (tier === 'risk' ? r.level === 'risk' : r.level !== 'none');

export const precision = (c: Counts) => (c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp));
export const recall = (c: Counts) => (c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn));

export interface Evaluation {
  /** [tier][scope], scope `all`, `zh`, `en`. */
  counts: Record<Tier, Record<'all' | 'zh' | 'en', Counts>>;
  /** Risk lines the top tier fired on whose category was right. */
  categoryHits: number;
  misses: string[];
  n: number;
}

export function evaluate(screen: RiskScreen, set: readonly RiskExample[]): Evaluation {
  const blank = (): Counts => ({ tp: 0, fp: 0, fn: 0, tn: 0 });
  const counts = Object.fromEntries(TIERS.map((t) => [t, { all: blank(), zh: blank(), en: blank() }])) as Evaluation['counts'];
  const misses: string[] = [];
  let categoryHits = 0;
  for (const e of set) {
    const r = screen.screen(e.text);
    const gold = e.label !== 'none';
    for (const tier of TIERS) {
      const got = fires(r, tier);
      const key = gold ? (got ? 'tp' : 'fn') : got ? 'fp' : 'tn';
      counts[tier].all[key]++;
      counts[tier][e.locale][key]++;
    }
    if (gold && r.level === 'risk' && (r.categories as string[]).includes(e.label)) categoryHits++;
    if (gold !== (r.level !== 'none') || (gold && r.level !== 'risk')) {
      misses.push(`${e.locale}\t${e.label}\t→ ${r.level} ${r.score.toFixed(2)} ${r.categories.join(',')}\t${e.text}`);
    }
  }
  return { counts, categoryHits, misses, n: set.length };
}

function print(title: string, r: Evaluation, withMisses: boolean): void {
  const f = (x: number) => x.toFixed(3);
  const sizes = (['zh', 'en'] as const).map((l) => {
    const c = r.counts.risk[l];
    return `${l} ${c.tp + c.fn} risk / ${c.fp + c.tn} none`;
  });
  console.log(`\n${title}: ${r.n} lines (${sizes.join(', ')})`);
  for (const tier of TIERS) {
    const cells = (['all', 'zh', 'en'] as const).map((s) => {
      const c = r.counts[tier][s];
      return `${s} P=${f(precision(c))} R=${f(recall(c))} (tp ${c.tp}, fp ${c.fp}, fn ${c.fn})`;
    });
    console.log(`  ${tier.padEnd(14)} ${cells.join('  ')}`);
  }
  if (withMisses && r.misses.length > 0) console.log(`  misses and middle-tier lines:\n    ${r.misses.join('\n    ')}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const withMisses = process.argv.includes('--errors');
  const { train, test } = splitRiskSet(loadRiskSet());
  const t0 = performance.now();
  const screen = createRiskScreen(train);
  console.log(`trained on ${train.length} lines of intents/risk in ${(performance.now() - t0).toFixed(0)} ms`);
  print('held-out split of intents/risk', evaluate(screen, test), withMisses);
  for (const file of OLD_FIXTURES) print(`development set ${path.relative(ROOT, file)} (not blind)`, evaluate(screen, loadFixture(file)), withMisses);
  if (process.argv.includes('--no-blind')) console.log('\nblind sets: not scored (--no-blind)');
  else {
    const blind = fs.existsSync(BLIND_DIR) ? fs.readdirSync(BLIND_DIR).filter((f) => /^risk-.*\.tsv$/.test(f)).sort() : [];
    if (blind.length === 0) console.log('\nblind sets: none in test/fixtures/blind/ (risk-*.tsv)');
    for (const file of blind) print(`blind set test/fixtures/blind/${file} (aggregates only)`, evaluate(screen, loadBlind(path.join(BLIND_DIR, file))), false);
  }
  console.log('\nfalse alarms on ordinary traffic (harmless lines written for other purposes):');
  for (const [name, set] of [['intents/zh, intents/en, intents/answers', loadIntentTraffic()], ['test/scenarios (every line the scripted citizens type)', loadScenarioTraffic()]] as const) {
    const r = falseAlarms(screen, set);
    const pct = (k: number) => `${k} (${((100 * k) / r.n).toFixed(2)} %)`;
    console.log(`  ${name}: ${r.n} lines: risk ${pct(r.risk)}, risk+possible ${pct(r.risk + r.possible)}`);
    if (withMisses && name.startsWith('intents')) console.log(`    ${r.lines.join('\n    ')}`);
  }
}
