/** An attachment's bytes for a staff download, only through a case the caller may see. */
import type { CountyConfig } from '../../domain/county/schema.ts';
import { normalizeCaseNumber } from '../../domain/case/case-number.ts';
import { AppError } from '../../domain/errors.ts';
import type { AttachmentMeta, CaseActionRepository } from '../../ports/case-action-ports.ts';
import type { AttachmentFiles } from '../../ports/attachment-ports.ts';
import { caseScopeOf, type StaffPrincipal } from '../staff-accounts/staff-principal.ts';

export interface AttachmentDownloadDeps {
  actions: Pick<CaseActionRepository, 'findState' | 'findAttachment'>;
  files: Pick<AttachmentFiles, 'read'>;
  county: CountyConfig;
}

export async function openCaseAttachment(
  deps: AttachmentDownloadDeps,
  who: StaffPrincipal,
  rawNumber: string,
  attachmentId: string,
): Promise<{ meta: AttachmentMeta; bytes: Buffer }> {
  const caseNumber = normalizeCaseNumber(rawNumber);
  const state = caseNumber ? await deps.actions.findState(caseNumber, caseScopeOf(who, deps.county)) : null;
  const meta = state ? await deps.actions.findAttachment(state.id, attachmentId) : null;
  if (!meta) throw new AppError('not_found', 'no such attachment');
  return { meta, bytes: await deps.files.read(meta.storagePath) };
}
