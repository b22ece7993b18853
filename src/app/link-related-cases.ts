/**
 * Repeat and related petitions: which earlier cases a new case is linked to.
 * The store loads bounded candidate lists (same petitioner; same township and
 * category) inside the transaction that creates the case; this decides the links.
 * Cases created outside the chat call `linkRelatedCases` once they are committed.
 */
import { textSimilarity } from '../domain/similarity.ts';
import type { CaseScope } from '../ports/store-ports.ts';

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
export function planCaseLinks(facts: string, samePerson: readonly LinkCandidate[], sameArea: readonly LinkCandidate[]): PlannedLink[] {
  const scored = (cs: readonly LinkCandidate[]) =>
    cs.map((c) => ({ c, score: textSimilarity(facts, c.facts) })).sort((a, b) => b.score - a.score || b.c.createdAt.getTime() - a.c.createdAt.getTime());
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

/** Reads a case's linked case numbers (both directions, not unlinked), scoped to the caller. */
export interface CaseLinkReader {
  relatedCaseNumbers(caseId: string, scope: CaseScope): Promise<string[]>;
}

export type LinkStatus = 'suggested' | 'confirmed' | 'unlinked';

/** One link of a case as staff see it, from that case's side. */
export interface CaseLinkEntry {
  otherCaseId: string;
  otherCaseNumber: string;
  kind: 'repeat' | 'related';
  score: number;
  createdAt: Date;
  status: LinkStatus;
  decidedAt: Date | null;
  decidedBy: string | null;
}

/** A staff decision on the link between two cases (either direction). */
export interface LinkDecisionWrite {
  caseId: string;
  caseNumber: string;
  otherCaseId: string;
  otherCaseNumber: string;
  decision: 'confirm' | 'unlink';
  at: Date;
  actorId: string;
  /** Username, kept on the link as who decided. */
  actorName: string;
}

export interface CaseLinkRepository extends CaseLinkReader {
  /** Every link of the case (also unlinked ones) whose other case is in the scope; newest first. */
  linksOf(caseId: string, scope: CaseScope): Promise<CaseLinkEntry[]>;
  /**
   * One transaction: the link's decision (conditional on it changing), the `repeat`
   * flag of the newer case kept in step, an internal timeline event on `caseId` and
   * the audit entry. 'unchanged' writes nothing (the same decision again).
   */
  decide(w: LinkDecisionWrite): Promise<'ok' | 'unchanged' | 'missing'>;
  /** Links an existing case in its own transaction; pairs linked before (also unlinked ones) are skipped. */
  linkNewCase(caseId: string): Promise<PlannedLink[]>;
}

/**
 * Links a case created outside a chat turn (a grid worker's screening report, an
 * import, a staff-entered case) to the petitioner's earlier similar case (`repeat`)
 * and to similar recent cases of others (`related`), after the case is committed.
 * Idempotent: a second call adds nothing, and a pair staff unlinked is never
 * suggested again. The chat path does the same inside its own commit.
 */
export function linkRelatedCases(deps: { caseLinks: Pick<CaseLinkRepository, 'linkNewCase'> }, caseId: string): Promise<PlannedLink[]> {
  return deps.caseLinks.linkNewCase(caseId);
}
