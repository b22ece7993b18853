/**
 * Everything the console's case page shows, scoped like the case API: the masked
 * case, its deadlines, the timeline with staff names, the attachments, and the
 * actions the caller's role may take in the case's status (from the lifecycle table).
 */
import { availableActions, type CaseAction } from '../../domain/case/lifecycle.ts';
import { normalizeCaseNumber } from '../../domain/case/case-number.ts';
import type { CountyConfig } from '../../domain/county/schema.ts';
import { AppError } from '../../domain/errors.ts';
import type { AttachmentMeta, CaseActionRepository, CaseActionState } from '../../store/case-action-ports.ts';
import type { CaseRepository } from '../../store/ports.ts';
import { toCaseDto, type CaseDto } from '../case-view.ts';
import { caseScopeOf, type StaffPrincipal } from '../staff-principal.ts';
import { mayReveal } from './reveal-personal-data.ts';
import { accusedUnits } from './transfer-case.ts';

export interface CaseDetailDeps {
  cases: CaseRepository;
  actions: Pick<CaseActionRepository, 'findState' | 'listAttachments' | 'staffNames'>;
  county: CountyConfig;
}

export interface CaseDetail {
  kase: CaseDto;
  state: CaseActionState;
  /** The case's timeline, each staff event with the staff member's username. */
  timeline: (CaseDto['timeline'][number] & { staffName: string | null })[];
  attachments: Omit<AttachmentMeta, 'storagePath'>[];
  actions: CaseAction[];
  canReveal: boolean;
  /** Units a transfer may not go to (the current one, and any a conduct case accuses). */
  transferExcluded: string[];
}

export async function getCaseDetail(deps: CaseDetailDeps, who: StaffPrincipal, rawNumber: string): Promise<CaseDetail> {
  const caseNumber = normalizeCaseNumber(rawNumber);
  const scope = caseScopeOf(who, deps.county);
  const [kase, state] = caseNumber
    ? await Promise.all([deps.cases.findByNumber(caseNumber, scope), deps.actions.findState(caseNumber, scope)])
    : [null, null];
  if (!kase || !state) throw new AppError('not_found', 'no such case');
  const ids = kase.timeline.map((e) => e.actorId).filter((x): x is string => x !== null);
  const [staffNames, attachments] = await Promise.all([deps.actions.staffNames(ids), deps.actions.listAttachments(kase.id)]);
  const dto = toCaseDto(kase, { reveal: false });
  return {
    kase: dto,
    state,
    timeline: dto.timeline.map((e, i) => {
      const id = kase.timeline[i]?.actorId;
      return { ...e, staffName: id ? (staffNames.get(id) ?? null) : null };
    }),
    attachments: attachments.map(({ storagePath: _s, ...a }) => a),
    actions: availableActions(state.status, who.role),
    canReveal: mayReveal(who, kase),
    transferExcluded: [state.unit, ...accusedUnits(deps.county, state)],
  };
}
