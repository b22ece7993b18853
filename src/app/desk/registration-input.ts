/**
 * What a registration of a letter, visit or call accepts (POST /api/cases and the
 * console's form): the bot's own rules for each field — a mainland phone, a resident
 * ID with a valid checksum, a township of the county by name or alias, a category
 * code, a date received not in the future nor too long ago — and bounded texts. Each
 * field is checked on its own, so one 400 names every bad field (parseInput); whether
 * a name and phone are needed (only a report against officials may be anonymous) is
 * decided once the fields are sound.
 */
import { z } from 'zod';
import { checkReceivedOn, DESK_ORIGINS, type ReceivedOnCheck } from '../../domain/case/registration.ts';
import type { CountyConfig } from '../../domain/county/schema.ts';
import { validateIdNumber } from '../../domain/petitioner/id-number.ts';
import { validatePhone } from '../../domain/petitioner/phone.ts';
import type { PriorPetition } from '../../dialog/types.ts';
import { cleanText } from '../cases/case-action-kit.ts';

/** The prior-handling values, for the desk's form (the staff console sees the dialog's types through src/app). */
export type { PriorPetition };

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
/** A required text that `pick` turns into its canonical value, or refuses with `why`. */
const oneOf = (max: number, pick: (s: string) => string | null, why: string) =>
  required(max).transform((s, ctx) => {
    const v = s === '' ? '' : pick(s);
    if (v === null) ctx.addIssue({ code: 'custom', message: why });
    return v ?? s;
  });

const told = z.preprocess((v) => (v === undefined || v === null || v === '' ? true : v === true || v === 'true' || v === 'on' || v === '1'), z.boolean());

const phone = text(40).transform((s, ctx) => {
  if (!s) return null;
  const r = validatePhone(s);
  if (!r.ok) ctx.addIssue({ code: 'custom', message: 'not a mainland mobile or landline number with area code' });
  return r.ok ? r.value : s;
});

const idNumber = (now: Date) =>
  text(40).transform((s, ctx) => {
    if (!s) return null;
    const r = validateIdNumber(s, now);
    if (!r.ok) {
      const why = r.reason === 'checksum' ? 'wrong check digit' : r.reason === 'birthdate' ? 'impossible birth date' : 'not an 18-character resident ID number';
      ctx.addIssue({ code: 'custom', message: why });
    }
    return r.ok ? r.value : s;
  });

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

/** The schema for one county at one instant. */
export function registrationSchema(county: CountyConfig, now: Date) {
  const shape = z.object({
    origin: z.enum(DESK_ORIGINS, { error: 'one of letter, visit, call' }),
    /** YYYY-MM-DD, default today (county time). */
    receivedAt: z.preprocess(
      blankIsAbsent,
      z
        .string({ error: 'a date as YYYY-MM-DD' })
        .max(10, 'a date as YYYY-MM-DD')
        .nullish()
        .superRefine((s, ctx) => {
          const r = checkReceivedOn(s, now, county);
          if (!r.ok) ctx.addIssue({ code: 'custom', message: receivedOnReason(r.reason, county) });
        }),
    ),
    petitioner: z.object({ name: text(50), phone, idNumber: idNumber(now) }).prefault({}),
    township: oneOf(50, (s) => canonicalTownship(county, s), 'not a township of this county'),
    address: text(MAX_SHORT),
    category: oneOf(40, (s) => (county.categories.some((c) => c.code === s) ? s : null), `unknown category (one of ${county.categories.map((c) => c.code).join(', ')})`),
    facts: required(MAX_FACTS),
    demands: required(MAX_DEMANDS),
    peopleCount: z.preprocess(
      blankIsAbsent,
      z.coerce.number({ error: 'a whole number' }).int('a whole number').min(1, 'at least 1').max(MAX_PEOPLE, `at most ${MAX_PEOPLE}`),
    ),
    respondent: text(MAX_SHORT),
    priorPetition: z.preprocess(blankIsAbsent, z.enum(PRIOR as [PriorPetition, ...PriorPetition[]]).default('none')),
    /** The three understandings were told and the petitioner agreed (the API defaults to told). */
    understandingsTold: told.refine((v) => v, 'tell the three understandings and get the consent before registering'),
    /** The citizen's language for notices on the case (the receipt prints both). */
    locale: z.preprocess(blankIsAbsent, z.enum(['zh', 'en']).default('zh')),
    /** The console form's one-time id: a second post of the same form files nothing new. */
    submissionId: z.preprocess(blankIsAbsent, z.string().regex(/^[A-Za-z0-9_-]{8,64}$/).nullish()),
    /** A visit to a leaders' reception day: the booking it was made from (src/app/reception). */
    bookingId: z.preprocess(blankIsAbsent, z.uuid('a booking id').nullish()),
  });
  return shape.transform((v, ctx) => {
    const p = v.petitioner;
    // A report against officials may be anonymous, as in chat: no name and no phone.
    const anonymous = v.category === 'conduct' && !p.name && !p.phone;
    if (!anonymous) {
      const why = 'required (only a report against officials may be anonymous)';
      if (!p.name) ctx.addIssue({ code: 'custom', path: ['petitioner', 'name'], message: why });
      // A booked visit without a phone typed: the booking's phone (register-booked-visit.ts).
      if (!p.phone && !v.bookingId) ctx.addIssue({ code: 'custom', path: ['petitioner', 'phone'], message: why });
    }
    return { ...v, anonymous, petitioner: anonymous ? { name: null, phone: null, idNumber: null } : { name: p.name ?? null, phone: p.phone ?? null, idNumber: p.idNumber ?? null } };
  });
}

export type ValidRegistration = z.output<ReturnType<typeof registrationSchema>>;
