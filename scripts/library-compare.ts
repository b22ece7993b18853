/**
 * What we write by hand against what a well-kept library offers, measured on the same
 * data (issue 16): text similarity for repeat petitions (ours vs natural's
 * DiceCoefficient and TfIdf), edit distance for township suggestions (ours vs natural's
 * LevenshteinDistance), TOTP (ours vs otplib on the RFC 6238 vectors) and the in-memory
 * rate limiter (ours vs express-rate-limit's MemoryStore). The risk classifier is
 * compared in scripts/risk-compare.ts. Conclusions: docs/performance.md.
 *
 * Run: node --import tsx scripts/library-compare.ts
 * otplib and express-rate-limit are not dependencies; their rows appear when they are
 * installed in LIBCMP_DIR (default /tmp/libcmp: npm install --prefix /tmp/libcmp otplib@12 express-rate-limit).
 */
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { normaliseText, textSimilarity, tokens } from '../src/domain/similarity.ts';
import { editDistance } from '../src/nlu/extractors/township-suggest.ts';
import { hotp, matchTotp, totpAt } from '../src/staff/auth/totp.ts';
import { RateLimiter } from '../src/channels/http/rate-limit.ts';
import { readCountyConfig } from '../src/county-config-file.ts';
import { loadPairs, type LabelledPair } from './similarity-eval.ts';

const require = createRequire(import.meta.url);
const natural = {
  dice: require('natural/lib/natural/distance/dice_coefficient.js') as (a: string, b: string) => number,
  levenshtein: (require('natural/lib/natural/distance/levenshtein_distance.js') as { LevenshteinDistance: (a: string, b: string) => number }).LevenshteinDistance,
  TfIdf: (require('natural/lib/natural/tfidf/tfidf.js') as { TfIdf?: unknown }).TfIdf ?? require('natural/lib/natural/tfidf/tfidf.js'),
};
const LIBCMP = process.env.LIBCMP_DIR ?? '/tmp/libcmp';
const optional = <T>(name: string): T | null => {
  try {
    return createRequire(path.join(LIBCMP, 'package.json'))(name) as T;
  } catch {
    return null;
  }
};

const timeIt = (n: number, f: () => void) => {
  const t = performance.now();
  for (let i = 0; i < n; i++) f();
  return ((performance.now() - t) * 1000) / n; // µs per call
};

// ---- 1. Similarity of petitions (repeat / related) --------------------------------

/** Area under the ROC curve: the chance a same-matter pair scores above a different one. */
function auc(scored: { same: boolean; s: number }[]): number {
  const pos = scored.filter((x) => x.same), neg = scored.filter((x) => !x.same);
  let wins = 0;
  for (const p of pos) for (const n of neg) wins += p.s > n.s ? 1 : p.s === n.s ? 0.5 : 0;
  return wins / (pos.length * neg.length);
}

function bestF1(scored: { same: boolean; s: number }[]) {
  let best = { f1: 0, t: 0, p: 0, r: 0 };
  for (const t of [...new Set(scored.map((x) => x.s))]) {
    const tp = scored.filter((x) => x.same && x.s >= t).length;
    const fp = scored.filter((x) => !x.same && x.s >= t).length;
    const fn = scored.filter((x) => x.same && x.s < t).length;
    const p = tp / (tp + fp || 1), r = tp / (tp + fn || 1), f1 = (2 * p * r) / (p + r || 1);
    if (f1 > best.f1) best = { f1, t, p, r };
  }
  return best;
}

function tfidfCosine(pairs: readonly LabelledPair[]): (a: string, b: string) => number {
  // natural's TfIdf over our tokens (character bigrams), document frequencies from every text in the set.
  const TfIdf = natural.TfIdf as new () => { addDocument(d: string[]): void; tfidf(terms: string[], i: number): number };
  const texts = [...new Set(pairs.flatMap((p) => [p.a, p.b]))];
  const t = new TfIdf();
  for (const text of texts) t.addDocument(tokens(text));
  const vec = (text: string) => {
    const i = texts.indexOf(text);
    return new Map([...new Set(tokens(text))].map((w) => [w, t.tfidf([w], i)] as const));
  };
  return (a, b) => {
    const va = vec(a), vb = vec(b);
    let dot = 0;
    for (const [w, x] of va) dot += x * (vb.get(w) ?? 0);
    const norm = (v: Map<string, number>) => Math.sqrt([...v.values()].reduce((s, x) => s + x * x, 0));
    return dot / (norm(va) * norm(vb) || 1);
  };
}

function similarity() {
  const pairs = loadPairs();
  console.log(`\n1. Repeat/related petitions: ${pairs.length} labelled pairs (test/fixtures/repeat-pairs.tsv)`);
  const tfidf = tfidfCosine(pairs);
  const measures: [string, (a: string, b: string) => number][] = [
    ['ours: bigram term-frequency cosine', textSimilarity],
    ["natural DiceCoefficient (normalised text)", (a, b) => natural.dice(normaliseText(a), normaliseText(b))],
    ['natural TfIdf cosine over our bigrams', tfidf],
  ];
  for (const [name, f] of measures) {
    const scored = pairs.map((p) => ({ same: p.same, s: f(p.a, p.b) }));
    const b = bestF1(scored);
    const us = timeIt(2000, () => f(pairs[0]!.a, pairs[0]!.b));
    console.log(`  ${name.padEnd(42)} AUC ${auc(scored).toFixed(3)}  best F1 ${b.f1.toFixed(3)} at ≥${b.t.toFixed(2)} (P ${b.p.toFixed(3)} R ${b.r.toFixed(3)})  ${us.toFixed(1)} µs/pair`);
  }
}

// ---- 2. Edit distance (township suggestions, typed button labels) -------------------

function edit() {
  const county = readCountyConfig();
  const names = county.townships.flatMap((t) => [t.name, ...t.aliases, t.nameEn ?? '']).filter(Boolean);
  const typos = ['东胡镇', '桃园乡', '西善乡', '北林', '青石真', 'donghuu', 'xi shan', 'chengguang', 'nanhe town', 'Hekuo', '河口', '城关镇东关村'];
  const words = [...names, ...typos];
  let same = 0, total = 0;
  for (const a of words) for (const b of words) {
    total++;
    if (editDistance(a, b) === natural.levenshtein(a, b)) same++;
  }
  console.log(`\n2. Edit distance: ${total} pairs of township names, aliases and typos`);
  console.log(`  agreement ours vs natural LevenshteinDistance: ${same}/${total}`);
  console.log(`  ours ${timeIt(20000, () => editDistance('chengguang', 'chengguan'))
    .toFixed(2)} µs/call, natural ${timeIt(20000, () => natural.levenshtein('chengguang', 'chengguan')).toFixed(2)} µs/call`);
  const astral = '𠀀镇';
  console.log(`  a character outside the BMP ('${astral}' vs '镇'): ours ${editDistance(astral, '镇')}, natural ${natural.levenshtein(astral, '镇')}`);
}

// ---- 3. TOTP (RFC 6238, SHA-1 vectors) ---------------------------------------------

function totp() {
  const seed = Buffer.from('12345678901234567890');
  const vectors: [number, string][] = [[59, '94287082'], [1111111109, '07081804'], [1111111111, '14050471'], [1234567890, '89005924'], [2000000000, '69279037'], [20000000000, '65353130']];
  const ours = vectors.filter(([t, code]) => hotp(seed, Math.floor(t / 30), 8) === code).length;
  console.log(`\n3. TOTP, RFC 6238 SHA-1 vectors: ours ${ours}/${vectors.length}`);
  const secret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
  const at = new Date(1_700_000_000_000);
  const code = totpAt(secret, at);
  console.log(`  ours: verify ${timeIt(20000, () => matchTotp(secret, code, at)).toFixed(2)} µs`);
  type Gen = { generate(s: string, c?: number): string; check(t: string, s: string): boolean };
  const otplib = optional<{ authenticator: { clone(o: object): Gen }; hotp: { clone(o: object): Gen } }>('otplib');
  if (!otplib) return console.log(`  otplib: not installed in ${LIBCMP}`);
  const h = otplib.hotp.clone({ digits: 8, encoding: 'ascii' });
  const theirs = vectors.filter(([t, c]) => h.generate(seed.toString('ascii'), Math.floor(t / 30)) === c).length;
  const g = otplib.authenticator.clone({ epoch: at.getTime(), window: 1 }); // base32 secrets, as ours
  const agrees = g.generate(secret) === code;
  console.log(`  otplib: vectors ${theirs}/${vectors.length}, same 6-digit code as ours: ${agrees}, verify ${timeIt(20000, () => g.check(code, secret)).toFixed(2)} µs`);
}

// ---- 4. Rate limiting ---------------------------------------------------------------

async function rate() {
  console.log('\n4. Fixed-window rate limit, 10 per minute, 10,000 keys × 12 events');
  let now = 0;
  const ours = new RateLimiter({ limit: 10, windowMs: 60_000 }, () => now);
  let refused = 0;
  const t0 = performance.now();
  for (let k = 0; k < 10_000; k++) for (let i = 0; i < 12; i++) if (ours.take(`k${k}`) !== null) refused++;
  const oursUs = ((performance.now() - t0) * 1000) / 120_000;
  now = 60_001;
  const after = ours.take('k0');
  console.log(`  ours: refused ${refused} (expected 20000), allowed again after the window: ${after === null}, ${oursUs.toFixed(2)} µs/event, bounded at 50,000 keys`);
  const erl = optional<{ MemoryStore: new () => { init(o: { windowMs: number }): void; increment(k: string): Promise<{ totalHits: number }>; shutdown(): void } }>('express-rate-limit');
  if (!erl) return console.log(`  express-rate-limit: not installed in ${LIBCMP}`);
  const store = new erl.MemoryStore();
  store.init({ windowMs: 60_000 });
  let theirsRefused = 0;
  const t1 = performance.now();
  for (let k = 0; k < 10_000; k++) for (let i = 0; i < 12; i++) if ((await store.increment(`k${k}`)).totalHits > 10) theirsRefused++;
  const theirsUs = ((performance.now() - t1) * 1000) / 120_000;
  store.shutdown();
  console.log(`  express-rate-limit MemoryStore: refused ${theirsRefused}, ${theirsUs.toFixed(2)} µs/event (an HTTP middleware: our websocket messages and concurrent long polls are not requests it sees)`);
}

similarity();
edit();
totp();
await rate();
if (!fs.existsSync(LIBCMP)) console.log(`\n(${LIBCMP} missing: see the header for the optional rows)`);
