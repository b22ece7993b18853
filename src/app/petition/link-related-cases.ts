/**
 * Repeat and related petitions for cases filed outside the chat (src/domain/case-links.ts
 * decides the links). Cases created outside the chat call `linkRelatedCases` once they
 * are committed.
 */
import type { PlannedLink } from '../../domain/case-links.ts';
import type { CaseLinkRepository } from '../../ports/case-link-ports.ts';

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
