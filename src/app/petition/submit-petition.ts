/**
 * Turns a confirmed petition draft into a case: routing by category and township
 * (never to a unit the report accuses), the acceptance deadline, flags, a fresh
 * query code, and an idempotency key so one intake can only ever file one case.
 */
import { sensitiveMarkOf } from '../../domain/sensitive-periods.ts';
import { generateQueryCode } from '../../domain/case/query-code.ts';
import type { ConsentMethod, DeskOrigin } from '../../domain/case/registration.ts';
import type { CountyConfig } from '../../domain/county/schema.ts';
import { acceptDue, localDate } from '../../domain/deadlines.ts';
import { findAccusedUnits } from '../../domain/accused-units.ts';
import { routeCase } from '../../domain/routing.ts';
import type { PetitionDraft } from '../../dialog/types.ts';
import type { NewCase } from '../../ports/case-ports.ts';
import { screenRisk } from '../../nlu/risk/screen.ts';

/**
 * How a petition reached the bureau when not in chat: a letter, visit or call that
 * staff register (src/app/desk). Deadlines count from `receivedAt`.
 */
export interface DeskReceipt {
  origin: DeskOrigin;
  receivedAt: Date;
  receivedOn: string;
  consentMethod: ConsentMethod;
  registeredBy: string;
  submissionKey: string | null;
}

export function buildNewCase(
  draft: PetitionDraft,
  where: { conversationId: string | null; channel: string },
  now: Date,
  county: CountyConfig,
  desk?: DeskReceipt,
): NewCase {
  const respondentUnits = findAccusedUnits(county, draft);
  const { unit, coUnit } = routeCase(county, { category: draft.category, township: draft.township, respondentUnits });
  const flags: string[] = [];
  // A group matter: 5 or more people or households filing together.
  if (draft.peopleCount >= county.rules.groupThreshold) flags.push('group');
  // Early warning: a risk message during the intake, or facts/demands that screen as one.
  if (draft.riskFlag || screenRisk(draft.facts).level === 'risk' || screenRisk(draft.demands).level === 'risk') flags.push('risk');
  const received = desk?.receivedAt ?? now;
  return {
    submissionKey: desk ? desk.submissionKey : `${where.conversationId}:${draft.intakeId}`,
    origin: desk?.origin ?? 'petition',
    channel: where.channel,
    conversationId: where.conversationId,
    locale: draft.locale,
    petitioner: { name: draft.name, phone: draft.phone, idNumber: draft.idNumber },
    category: draft.category,
    township: draft.township,
    unit,
    coUnit,
    respondent: draft.respondent,
    respondentUnits,
    facts: draft.facts,
    demands: draft.demands,
    address: draft.address,
    peopleCount: draft.peopleCount,
    peopleUnit: draft.peopleUnit,
    priorPetition: draft.priorPetition,
    priorDetail: draft.priorDetail,
    intakeNotes: draft.notes,
    idType: draft.idType,
    representatives: draft.representatives,
    flags,
    sensitivePeriod: sensitiveMarkOf(county, flags, received),
    consent: { at: new Date(draft.consent.at), version: draft.consent.version },
    receivedAt: now,
    localDate: localDate(now, county.utcOffsetMinutes),
    acceptDueAt: acceptDue(received, { rules: county.deadlines, utcOffsetMinutes: county.utcOffsetMinutes }),
    queryCode: generateQueryCode(),
    ...(desk ? { receivedOn: desk.receivedOn, consentMethod: desk.consentMethod, registeredBy: desk.registeredBy } : {}),
  };
}
