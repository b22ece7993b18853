/**
 * What a registration of a letter, visit or call accepts (POST /api/cases and the
 * console's form): the bot's own rules for each field — a mainland phone, a resident
 * ID with a valid checksum, a township of the county by name or alias, a category
 * code — and bounded texts. A failure is a 400 naming every bad field (parseInput).
 */
import { z } from 'zod';
import { checkReceivedOn, DESK_ORIGINS, type ReceivedOnCheck } from '../../domain/case/registration.ts';
import type { CountyConfig } from '../../domain/county/schema.ts';
import { validateIdNumber } from '../../domain/petitioner/id-number.ts';
import { validatePhone } from '../../domain/petitioner/phone.ts';
import type { PriorPetition } from '../../dialog/types.ts';
import { cleanText } from '../cases/case-action-kit.ts';

export const MAX_FACTS = 4000;
export const MAX_DEMANDS = 2000;
const MAX_SHORT = 200;
const MAX_PEOPLE = 100_000;

const PRIOR: readonly PriorPetition[] = ['none', 'earlier_petition', 'litigation', 'arbitration', 'reconsideration', 'lower_level', 'recheck_closed'];

/** A form's empty field is an absent one. */
const blankIsAbsent = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const text = (max: number) => z.preprocess(blankIsAbsent, z.string().max(max).transform((s) => cleanText(s)).nullish());
const required = (max: number) =>
  z.preprocess(
    blankIsAbsent,
    z
      .string({ error: 'required' })
      .max(max)
      .transform((s, ctx) => {
        const t = cleanText(s);
        if (t === null) ctx.addIssue({ code: 'custom', message: 'required' });
        return t ?? '';
      }),
  );

const told = z.preprocess((v) => (v === undefined || v === null || v === '' ? true : v === true || v === 'true' || v === 'on' || v === '1'), z.boolean());

const Shape = z.object({
  origin: z.enum(DESK_ORIGINS, { error: 'one of letter, visit, call' }),
  /** YYYY-MM-DD; checked against the clock by the use case. */
  receivedAt: z.preprocess(blankIsAbsent, z.string().max(10).nullish()),
  petitioner: z
    .object({ name: text(50), phone: text(40), idNumber: text(40) })
    .prefault({}),
  township: required(50),
  address: text(MAX_SHORT),
  category: required(40),
  facts: required(MAX_FACTS),
  demands: required(MAX_DEMANDS),
  peopleCount: z.preprocess(blankIsAbsent, z.coerce.number({ error: 'a whole number' }).int('a whole number').min(1).max(MAX_PEOPLE)),
  respondent: text(MAX_SHORT),
  priorPetition: z.preprocess(blankIsAbsent, z.enum(PRIOR as [PriorPetition, ...PriorPetition[]]).default('none')),
  /** The three understandings were told and the petitioner agreed (the API defaults to told). */
  understandingsTold: told,
  /** The citizen's language for notices on the case (the receipt prints both). */
  locale: z.preprocess(blankIsAbsent, z.enum(['zh', 'en']).default('zh')),
  /** The console form's one-time id: a second post of the same form files nothing new. */
  submissionId: z.preprocess(blankIsAbsent, z.string().regex(/^[A-Za-z0-9_-]{8,64}$/).nullish()),
});

export type RegistrationInput = z.output<typeof Shape>;

/** Why a date of receipt is refused, in the error's words. */
export function receivedOnReason(reason: Extract<ReceivedOnCheck, { ok: false }>['reason'], county: Pick<CountyConfig, 'rules'>): string {
  if (reason === 'future') return 'must not be in the future';
  if (reason === 'too_old') return `too long ago (at most ${county.rules.maxReceivedAgeDays} days)`;
  return 'a date as YYYY-MM-DD';
}

/** The canonical township name for a name or alias (case-insensitive for Latin aliases); null when unknown. */
export function canonicalTownship(county: Pick<CountyConfig, 'townships'>, raw: string): string | null {
  const key = raw.trim().toLowerCase();
  return county.townships.find((t) => t.name === raw.trim() || t.aliases.some((a) => a.toLowerCase() === key))?.name ?? null;
}

/** The schema for one county: townships, categories and the anonymity of a report against officials. */
export function registrationSchema(county: CountyConfig, now: Date) {
  return Shape.transform((v, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    const township = canonicalTownship(county, v.township);
    if (!township) issue(['township'], 'not a township of this county');
    if (!county.categories.some((c) => c.code === v.category)) issue(['category'], `unknown category (one of ${county.categories.map((c) => c.code).join(', ')})`);
    const p = v.petitioner;
    // A report against officials may be anonymous, as in chat: no name and no phone.
    const anonymous = v.category === 'conduct' && !p.name && !p.phone;
    let phone: string | null = null;
    if (!anonymous) {
      if (!p.name) issue(['petitioner', 'name'], 'required (only a report against officials may be anonymous)');
      const checked = p.phone ? validatePhone(p.phone) : null;
      if (!checked) issue(['petitioner', 'phone'], 'required (only a report against officials may be anonymous)');
      else if (!checked.ok) issue(['petitioner', 'phone'], 'not a mainland mobile or landline number with area code');
      else phone = checked.value;
    }
    let idNumber: string | null = null;
    if (p.idNumber && !anonymous) {
      const checked = validateIdNumber(p.idNumber, now);
      if (checked.ok) idNumber = checked.value;
      else issue(['petitioner', 'idNumber'], checked.reason === 'checksum' ? 'wrong check digit' : checked.reason === 'birthdate' ? 'impossible birth date' : 'not an 18-character resident ID number');
    }
    if (!v.understandingsTold) issue(['understandingsTold'], 'tell the three understandings and get the consent before registering');
    const received = checkReceivedOn(v.receivedAt, now, county);
    if (!received.ok) issue(['receivedAt'], receivedOnReason(received.reason, county));
    return { ...v, township: township ?? v.township, anonymous, petitioner: { name: anonymous ? null : (p.name ?? null), phone, idNumber } };
  });
}

export type ValidRegistration = z.output<ReturnType<typeof registrationSchema>>;
