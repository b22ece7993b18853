/**
 * Repeat and related petitions: which earlier cases a new case is linked to. The store
 * loads bounded candidate lists (same petitioner; same township and category) inside
 * the transaction that creates the case; `planCaseLinks` decides the links.
 */
import { textSimilarity } from './similarity.ts';

/** Same petitioner (phone or ID hash), similar facts: a repeat petition. */
export const REPEAT_THRESHOLD = 0.35;
/** Another petitioner, same township and category, similar facts: a related case. */
export const RELATED_THRESHOLD = 0.45;
export const REPEAT_WINDOW_DAYS = 365;
export const RELATED_WINDOW_DAYS = 90;
/** Bound on each candidate query (newest first). */
export const CANDIDATE_LIMIT = 200;
/** At most this many `related` links per new case (the most similar). */
export const MAX_RELATED_LINKS = 10;

export interface LinkCandidate {
  id: string;
  facts: string;
  createdAt: Date;
}

export interface PlannedLink {
  otherCaseId: string;
  kind: 'repeat' | 'related';
  score: number;
}

/**
 * `samePerson` are the petitioner's earlier cases; `sameArea` other petitioners'
 * cases of the same township and category. Returns at most one `repeat` link (the
 * most similar earlier case) and the most similar `related` ones.
 */
export function planCaseLinks(
  facts: string,
  samePerson: readonly LinkCandidate[],
  sameArea: readonly LinkCandidate[],
  /** Scores computed already (the store's incident check scored the same candidates). */
  similarity: (c: LinkCandidate) => number = (c) => textSimilarity(facts, c.facts),
): PlannedLink[] {
  const scored = (cs: readonly LinkCandidate[]) =>
    cs.map((c) => ({ c, score: similarity(c) })).sort((a, b) => b.score - a.score || b.c.createdAt.getTime() - a.c.createdAt.getTime());
  const links: PlannedLink[] = [];
  const best = scored(samePerson)[0];
  if (best && best.score >= REPEAT_THRESHOLD) links.push({ otherCaseId: best.c.id, kind: 'repeat', score: best.score });
  const taken = new Set(links.map((l) => l.otherCaseId));
  let related = 0;
  for (const { c, score } of scored(sameArea)) {
    if (score < RELATED_THRESHOLD || related >= MAX_RELATED_LINKS) break;
    if (taken.has(c.id)) continue;
    taken.add(c.id);
    related++;
    links.push({ otherCaseId: c.id, kind: 'related', score });
  }
  return links;
}
