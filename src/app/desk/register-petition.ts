/**
 * The bureau registers a petition received by letter, visit or call (来信、来访、来电
 * 登记). The case is built by the chat petition's own builder (buildNewCase): routed
 * to the competent unit with the township as co-handler, flagged (risk screen on the
 * facts, group by the number of people), given a query code; deadlines count from the
 * date received. One transaction writes it with its repeat/related links, an internal
 * note and the audit entry; after commit a risk or group case gets its emergency plan,
 * as a chat petition does. The query code is returned this once, for the receipt.
 */
import { randomUUID } from 'node:crypto';
import { checkReceivedOn, CONSENT_METHOD, receivedInstant } from '../../domain/case/registration.ts';
import type { CountyConfig } from '../../domain/county/schema.ts';
import { AppError } from '../../domain/errors.ts';
import { guideVersion } from '../../dialog/guide.ts';
import type { PetitionDraft } from '../../dialog/types.ts';
import type { Logger } from '../../log.ts';
import type { DeskRegistrationStore } from '../../ports/desk-ports.ts';
import type { Clock } from '../../ports/clock.ts';
import type { StaffPrincipal } from '../staff-accounts/staff-principal.ts';
import { buildNewCase } from '../petition/submit-petition.ts';
import { receivedOnReason, type ValidRegistration } from './registration-input.ts';

export interface DeskDeps {
  desk: DeskRegistrationStore;
  county: CountyConfig;
  clock: Clock;
  /** What every new case gets once committed (an emergency plan for a risk or group case). */
  afterCreated?: (caseId: string) => Promise<void>;
  log: Pick<Logger, 'warn'>;
}

export interface Registered {
  caseNumber: string;
  /** Plain, this once; null when the same form was posted again (the code was shown the first time). */
  queryCode: string | null;
  created: boolean;
  receivedOn: string;
  /** For the receipt: where the case went and the first deadline. */
  category: string;
  township: string | null;
  unit: string;
  acceptDueAt: Date;
}

/** Roles that register letters, visits and calls. */
export const mayRegister = (who: Pick<StaffPrincipal, 'role'>) => who.role === 'admin' || who.role === 'intake';

export async function registerPetition(deps: DeskDeps, who: StaffPrincipal, input: ValidRegistration): Promise<Registered> {
  if (!mayRegister(who)) throw new AppError('forbidden', `a ${who.role} may not register petitions`);
  const now = deps.clock.now();
  const received = checkReceivedOn(input.receivedAt, now, deps.county);
  // The edge's schema checks it too (with every other field); the clock may have moved on since.
  if (!received.ok) throw new AppError('bad_request', `invalid body: receivedAt: ${receivedOnReason(received.reason, deps.county)}`);
  const draft = draftOf(input, now, deps.county);
  const kase = buildNewCase(draft, { conversationId: null, channel: input.origin }, now, deps.county, {
    origin: input.origin,
    receivedAt: receivedInstant(received.date, now, deps.county.utcOffsetMinutes),
    receivedOn: received.date,
    consentMethod: CONSENT_METHOD[input.origin],
    registeredBy: who.id,
    submissionKey: input.submissionId ? `desk:${who.id}:${input.submissionId}` : null,
  });
  const created = await deps.desk.register({ kase, staffId: who.id, note: `${ORIGIN_NOTE[input.origin]} · ${who.username} · ${received.date}`, bookingId: input.bookingId ?? null });
  if (created.created) await planAfterFiling(deps, created.id);
  return {
    caseNumber: created.caseNumber,
    queryCode: created.created ? kase.queryCode : null,
    created: created.created,
    receivedOn: received.date,
    category: kase.category,
    township: kase.township,
    unit: kase.unit,
    acceptDueAt: kase.acceptDueAt,
  };
}

/** The internal timeline note, in both console languages. */
const ORIGIN_NOTE = { letter: '来信登记 Letter registered', visit: '来访登记 Visit registered', call: '来电登记 Call registered' } as const;

/** The same draft the chat commits, from the desk's fields. */
function draftOf(v: ValidRegistration, now: Date, county: CountyConfig): PetitionDraft {
  return {
    intakeId: randomUUID(),
    name: v.petitioner.name,
    phone: v.petitioner.phone,
    idNumber: v.petitioner.idNumber,
    idType: v.petitioner.idNumber ? 'resident' : null,
    township: v.township,
    address: v.address ?? null,
    category: v.category,
    respondent: v.respondent ?? null,
    facts: v.facts,
    demands: v.demands,
    peopleCount: v.peopleCount,
    peopleUnit: 'people',
    representatives: [],
    priorPetition: v.priorPetition,
    priorDetail: null,
    notes: {},
    anonymous: v.anonymous,
    consent: { at: now.toISOString(), version: guideVersion(county) },
    locale: v.locale,
  };
}

/** After commit; the case exists either way, so a failure is logged, not thrown (the plan sweep catches up). */
async function planAfterFiling(deps: DeskDeps, caseId: string): Promise<void> {
  try {
    await deps.afterCreated?.(caseId);
  } catch (err) {
    deps.log.warn({ err, caseId }, 'plan of a registered case not recorded');
  }
}
