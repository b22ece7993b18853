/**
 * The contract's Case shape for staff APIs. Personal data is masked unless the
 * caller has revealed it (a separate, audited action).
 */
import type { CaseRecord } from '../../ports/case-ports.ts';
import type { CaseFields, OnTheWire, PersonalData } from '../../domain/case/case-record.ts';
import { maskIdNumber } from '../../domain/petitioner/id-number.ts';
import { maskPhone } from '../../domain/petitioner/phone.ts';
import { maskName } from '../../domain/petitioner/redact.ts';

export { maskName };

export function maskPersonal(p: PersonalData): PersonalData {
  return {
    name: p.name ? maskName(p.name) : null,
    phone: p.phone ? maskPhone(p.phone) : null,
    idNumber: p.idNumber ? maskIdNumber(p.idNumber) : null,
  };
}

/** The fields the contract's Case shows as the record holds them (instants as ISO strings). */
type DtoFields =
  | 'caseNumber' | 'status' | 'origin' | 'category' | 'township' | 'unit' | 'coUnit' | 'flags' | 'sensitivePeriod' | 'petitioner' | 'facts'
  | 'demands' | 'respondent' | 'address' | 'peopleCount' | 'peopleUnit' | 'priorPetition' | 'priorDetail' | 'intakeNotes' | 'representatives'
  | 'channel' | 'receivedOn' | 'consentMethod' | 'createdAt' | 'acceptDueAt' | 'replyDueAt';

export interface CaseDto extends Pick<OnTheWire<CaseFields>, DtoFields> {
  /** While a review is asked: when the review body's answer is due; else null. */
  reviewDueAt: string | null;
  relatedCases: string[];
  timeline: { at: string; actor: string; kind: string; public: boolean; fromStatus: string | null; toStatus: string | null; note: string | null }[];
  /**
   * Written notices (书面告知), oldest first. `channel`: the citizen's chat channel, or
   * `print` for one to be printed and handed over until staff record how it was
   * delivered (in_person, post, …); `deliveredAt` null until delivered (送达).
   */
  notices: { kind: string; issuedAt: string; deliveredAt: string | null; channel: string | null }[];
  /** Beside the contract's fields: the leader in charge (包案) and since when, or null. */
  leader: { username: string; displayName: string | null; since: string | null } | null;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toCaseDto(c: CaseRecord, opts: { reveal: boolean; relatedCases?: string[] }): CaseDto {
  const personal = opts.reveal ? c.petitioner : maskPersonal(c.petitioner);
  return {
    caseNumber: c.caseNumber,
    status: c.status,
    origin: c.origin,
    category: c.category,
    township: c.township,
    unit: c.unit,
    coUnit: c.coUnit,
    flags: c.flags,
    sensitivePeriod: c.sensitivePeriod,
    petitioner: personal,
    facts: c.facts,
    demands: c.demands,
    respondent: c.respondent,
    address: c.address,
    peopleCount: c.peopleCount,
    peopleUnit: c.peopleUnit,
    priorPetition: c.priorPetition,
    priorDetail: c.priorDetail,
    intakeNotes: c.intakeNotes,
    representatives: c.representatives.map((r) =>
      opts.reveal ? r : { name: maskName(r.name), phone: r.phone ? maskPhone(r.phone) : null },
    ),
    channel: c.channel,
    receivedOn: c.receivedOn,
    consentMethod: c.consentMethod,
    createdAt: c.createdAt.toISOString(),
    acceptDueAt: iso(c.acceptDueAt),
    replyDueAt: iso(c.replyDueAt),
    reviewDueAt: c.status === 'review_requested' ? iso(c.reviewAnswerDueAt) : null,
    relatedCases: opts.relatedCases ?? [],
    timeline: c.timeline.map((e) => ({
      at: e.at.toISOString(),
      actor: e.actorType,
      kind: e.kind,
      public: e.public,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      note: e.note,
    })),
    notices: c.notices.map((n) => ({ kind: n.kind, issuedAt: n.issuedAt.toISOString(), deliveredAt: iso(n.deliveredAt), channel: n.channel })),
    leader: c.leader ? { username: c.leader.username, displayName: c.leader.displayName, since: iso(c.leader.since) } : null,
  };
}
