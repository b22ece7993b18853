/**
 * Accuracy of each slot-answer reader, as the dialogue uses it: the trained
 * classifiers with the rules around them (prior handling, kind of matter, ID
 * refusals) and the parsers (counts, representatives, places). Scored on the
 * held-out fifth of intents/answers (readers trained on the rest) and on the
 * blind set (figures only, never its lines).
 */
import type { CountyConfig } from '../../src/domain/county/schema.ts';
import { readCategory } from '../../src/dialog/forms/intake/category.ts';
import { readPrior } from '../../src/dialog/forms/intake/steps.ts';
import { ratingIn } from '../../src/dialog/forms/case-lookup/answers.ts';
import { readPeopleCount } from '../../src/nlu/answers/people-count.ts';
import { readPlace } from '../../src/nlu/answers/place.ts';
import { readRepresentatives } from '../../src/nlu/answers/representatives.ts';
import type { AnswerExample, AnswerSlot } from '../../src/nlu/answers/corpus.ts';
import type { Readers } from '../../src/nlu/nlu.ts';
import { buildT2sMap } from '../../src/nlu/traditional.ts';

const t2s = buildT2sMap();
const fold = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\p{Script=Han}/gu, (c) => t2s.get(c) ?? c).replace(/[\s,，.。、!！?？~]+/g, ' ').trim();

/** What a reader makes of one line, in the corpus's label language. */
export function readAs(slot: AnswerSlot, text: string, readers: Readers, county: CountyConfig): string {
  const classified = (min: number) => {
    const r = readers.answer(slot as never, text);
    return r && r.confidence >= min ? r.label : '_none';
  };
  switch (slot) {
    case 'consent':
    case 'confirm':
    case 'cancelCheck':
      return classified(0.5);
    case 'triage':
      return classified(0.5);
    case 'question': {
      const r = readers.answer('question', text);
      return r ? r.label : 'none';
    }
    case 'satisfaction':
      return (/^\s*[123]\s*$/.test(text) ? ratingIn(text) : null) ?? classified(0.6);
    case 'priorPetition': {
      const ctx = { readers, county } as never;
      return readPrior(text, ctx) ?? '_none';
    }
    case 'idNumber': {
      if (/(?:护照|passport|港澳|台胞|通行证|permit)/i.test(text) || /\b[A-Z]{1,2}\d{7,8}\b/.test(text)) return 'passport';
      return classified(0.5);
    }
    case 'category':
      return readCategory(text, county, readers, { story: false })?.code ?? '_none';
    case 'peopleCount': {
      const c = readPeopleCount(text);
      if (!c) return '_none';
      const scope = c.scope === 'all' ? '/all' : c.scope === 'self' && c.n > 1 ? '/self' : c.scope === 'self' && /别|其他|others?|不敢|代表不了/.test(text) ? '/self' : '';
      return `${c.n}${c.unit === 'households' ? 'h' : 'p'}${scope}`;
    }
    case 'representatives': {
      const reps = readRepresentatives(text, county.rules.maxRepresentatives);
      if (!reps) return '_none';
      if (reps.length === 0) return 'none';
      return reps.map((r) => `${r.self ? 'SELF' : (r.name ?? '')}${r.phone ? `:${r.phone}` : ''}`).join(';');
    }
    case 'address': {
      const p = readPlace(text, county.townships);
      return !p ? '_none' : 'place' in p ? p.place : '?';
    }
  }
}

/** Whether a reading matches the label (lenient where the corpus labels free text: places, counts' scope). */
export function matches(slot: AnswerSlot, label: string, got: string): boolean {
  if (slot === 'address') {
    if (label === '?' || got === '?' || got === '_none') return label === got || (label === '?' && got === '_none');
    const a = fold(label);
    const b = fold(got);
    return a === b || a.includes(b) || b.includes(a);
  }
  if (slot === 'peopleCount') {
    const [want, wantScope = ''] = label.split('/');
    const [have, haveScope = ''] = got.split('/');
    // A citizen filing only for themselves is one person for the case; the corpus may keep the number said.
    if (wantScope === 'self' && have?.startsWith('1')) return true;
    return want === have && (wantScope === haveScope || wantScope === '' || haveScope === '');
  }
  if (slot === 'representatives') {
    const norm = (s: string) => s.split(';').map((x) => fold(x).replace(/\s/g, '')).sort().join(';');
    return norm(label) === norm(got);
  }
  if (slot === 'idNumber') return label === got || ((label === 'refuse' || label === 'unknown') && (got === 'refuse' || got === 'unknown'));
  return label === got;
}

export interface SlotScore {
  slot: AnswerSlot;
  right: number;
  total: number;
  misses: string[];
}

export function scoreAnswers(examples: readonly AnswerExample[], readers: Readers, county: CountyConfig): SlotScore[] {
  const bySlot = new Map<AnswerSlot, SlotScore>();
  for (const e of examples) {
    const s = bySlot.get(e.slot) ?? { slot: e.slot, right: 0, total: 0, misses: [] };
    const got = readAs(e.slot, e.text, readers, county);
    s.total++;
    if (matches(e.slot, e.label, got)) s.right++;
    else s.misses.push(`${e.label} → ${got}: ${e.text.slice(0, 80)}`);
    bySlot.set(e.slot, s);
  }
  return [...bySlot.values()];
}

export function printScores(title: string, scores: readonly SlotScore[], showMisses: boolean): void {
  console.log(`\n${title}`);
  let right = 0;
  let total = 0;
  for (const s of [...scores].sort((a, b) => a.slot.localeCompare(b.slot))) {
    right += s.right;
    total += s.total;
    console.log(`  ${s.slot.padEnd(16)} ${((100 * s.right) / s.total).toFixed(1).padStart(5)} %  (${s.right}/${s.total})`);
  }
  console.log(`  ${'all slots'.padEnd(16)} ${((100 * right) / total).toFixed(1).padStart(5)} %  (${right}/${total})`);
  if (!showMisses) return;
  for (const s of scores) for (const m of s.misses.slice(0, 12)) console.log(`    [${s.slot}] ${m}`);
}
