/**
 * The county config: townships, units, categories (谁主管、谁负责), roles and every
 * number of the rules. A real county replaces the file, not the code.
 */
import { z } from 'zod';
import { PlanSchema, planIssues } from './plan-schema.ts';
import { NOTICE_KINDS, type NoticeKind } from '../notices/written-notice.ts';
import { DEFAULT_NOTICE_TEMPLATES } from '../notices/default-templates.ts';
import { BacklogSchema } from '../backlog/backlog.ts';
import { ReceptionSchema } from '../reception/reception-schema.ts';

const nonEmpty = z.string().trim().min(1);
const localized = z.object({ zh: nonEmpty, en: nonEmpty });

export const STAFF_ROLES = ['admin', 'intake', 'handler', 'supervisor', 'grid'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const TownshipSchema = z.object({
  name: nonEmpty,
  /** Shown in English conversations and pages ("Chengguan Town"); an English conversation shows no Chinese. */
  nameEn: nonEmpty.optional(),
  aliases: z.array(nonEmpty).default([]),
});

export const UnitSchema = z.object({
  code: z.string().regex(/^[a-z][a-z0-9_-]*$/, 'unit codes are lower-case letters, digits, - or _'),
  nameZh: nonEmpty,
  nameEn: nonEmpty,
  kind: z.enum(['bureau', 'department']).default('department'),
  /** Names citizens actually use (纪委, 城管, 派出所): how a respondent text names the unit. */
  aliases: z.array(nonEmpty).default([]),
});

export const CategorySchema = z.object({
  code: z.string().regex(/^[a-z][a-z0-9_]*$/),
  nameZh: nonEmpty,
  nameEn: nonEmpty,
  unit: nonEmpty,
  keywords: z.object({ zh: z.array(nonEmpty).default([]), en: z.array(nonEmpty).default([]) }).prefault({}),
});

const days = z.number().int().min(1).max(365);

export const DeadlineRulesSchema = z.object({
  /** Registration and routing after receipt. */
  registerDays: days.default(15),
  /** Decision on acceptance after receipt by the handling unit. */
  acceptDays: days.default(15),
  /** Handling after acceptance. */
  handleDays: days.default(60),
  maxExtensions: z.number().int().min(0).max(5).default(1),
  maxExtensionDays: days.default(30),
  /** Window to request review (复查) after the written reply. */
  reviewRequestDays: days.default(30),
  reviewAnswerDays: days.default(30),
  /** Window to request re-examination (复核) after the review answer. */
  recheckRequestDays: days.default(30),
  recheckAnswerDays: days.default(30),
  /** A case is "due soon" this many days before a deadline. */
  dueSoonDays: z.number().int().min(0).max(30).default(3),
  /** calendar: every day counts; workdays: weekends and holidays are skipped. */
  counting: z.enum(['calendar', 'workdays']).default('calendar'),
  holidays: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)).default([]),
  /** Extra working days (調休 weekends) when counting workdays. */
  workingWeekends: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)).default([]),
});

/**
 * Texts of the three understandings and the lawful channels, per locale. Placeholders
 * in braces ({registerDays}, {acceptDays}, {handleDays}, {maxExtensionDays}, {reviewRequestDays},
 * {reviewAnswerDays}, {recheckRequestDays}, {recheckAnswerDays}, {maxRepresentatives}, {groupThreshold})
 * are filled from the config's numbers, so the texts never contradict the rules.
 */
export const GuideSchema = z.object({
  version: nonEmpty,
  procedure: localized,
  conduct: localized,
  rights: localized,
  /** The short form shown before filing; the consent question follows it. */
  summary: localized,
  channels: z.object({
    litigation: localized,
    arbitration: localized,
    reconsideration: localized,
    discipline: localized,
    lowerLevel: localized,
    recheckClosed: localized,
  }),
  remedies: z.object({ reviewBody: localized, recheckBody: localized }),
  /** Said when a message signals danger to life (self-harm, violence). */
  emergency: localized,
  officeHours: localized,
  /** Where and when the bureau receives visitors, and its phone (optional: without it the bot says it cannot tell). */
  visit: localized.optional(),
});
export type Guide = z.infer<typeof GuideSchema>;

const noticeTemplate = z.object({ title: nonEmpty, body: nonEmpty });
const localizedTemplate = z.object({ zh: noticeTemplate, en: noticeTemplate });

const localDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const SensitivePeriodSchema = z
  .object({ name: localized, from: localDay, to: localDay })
  .refine((p) => p.from <= p.to, { message: 'a sensitive period ends on or after its start', path: ['to'] });

export const CountyConfigSchema = z
  .object({
    county: z.object({ code: nonEmpty, name: localized }),
    /** Offset of the county's local time from UTC, minutes (China: 480, no DST). */
    utcOffsetMinutes: z.number().int().min(-720).max(840).default(480),
    townships: z.array(TownshipSchema).min(1),
    units: z.array(UnitSchema).min(1),
    categories: z.array(CategorySchema).min(1),
    roles: z
      .array(z.object({ code: z.enum(STAFF_ROLES), name: localized, requireTotp: z.boolean().default(false) }))
      .default([]),
    deadlines: DeadlineRulesSchema.prefault({}),
    guide: GuideSchema,
    /** When staff answer chats: weekdays (1 = Monday … 7 = Sunday) and local periods. */
    officeHours: z
      .object({
        weekdays: z.array(z.number().int().min(1).max(7)).default([1, 2, 3, 4, 5]),
        periods: z
          .array(z.tuple([z.string().regex(/^\d{2}:\d{2}$/), z.string().regex(/^\d{2}:\d{2}$/)]))
          .default([
            ['08:30', '12:00'],
            ['14:30', '17:30'],
          ]),
      })
      .prefault({}),
    rules: z
      .object({
        groupThreshold: z.number().int().min(2).default(5),
        maxRepresentatives: z.number().int().min(1).default(5),
        /** A letter, visit or call registered by staff was received at most this many days ago. */
        maxReceivedAgeDays: z.number().int().min(1).max(3650).default(90),
      })
      .prefault({}),
    /** The bureau that registers and routes (sees all cases). */
    bureauUnit: nonEmpty.default('xfj'),
    /**
     * Who answers a review (复查): the body one level above the unit that replied. Its
     * unit code, and the staff role that acts for it (staff of that role and unit).
     * Absent: only the admin answers reviews.
     */
    reviewBody: z.object({ unit: nonEmpty, role: z.enum(STAFF_ROLES).default('handler') }).optional(),
    /** The unit that takes a category no other unit fits. */
    fallbackCategory: nonEmpty.default('other'),
    /** Ready answers staff can send to a citizen in an escalated chat. */
    cannedReplies: z.array(z.object({ id: z.string().regex(/^[a-z0-9_-]+$/), zh: nonEmpty, en: nonEmpty })).default([]),
    seedStaff: z
      .array(
        z.object({
          username: z.string().regex(/^[a-z0-9][a-z0-9._-]{1,31}$/),
          role: z.enum(STAFF_ROLES),
          unit: z.string().optional(),
          township: z.string().optional(),
          displayName: z.string().optional(),
        }),
      )
      .default([]),
    /** Emergency plans (应急预案) opened by risk and group cases; see plan-schema.ts. */
    plans: z.array(PlanSchema).default([]),
    /** Wording of the written notices (书面告知), per kind and language; see default-templates.ts. */
    noticeTemplates: z
      .object(Object.fromEntries(NOTICE_KINDS.map((k) => [k, localizedTemplate.default(DEFAULT_NOTICE_TEMPLATES[k])])) as Record<NoticeKind, z.ZodDefault<typeof localizedTemplate>>)
      .prefault({}),
    /**
     * Sensitive periods (敏感时期: national meetings, anniversaries): local dates, both
     * ends included. Alerts raised in them are raised one level; risk and group cases
     * filed in them are marked.
     */
    sensitivePeriods: z.array(SensitivePeriodSchema).default([]),
    /** The backlog (积案): threshold and age buckets; see backlog.ts. */
    backlog: BacklogSchema.prefault({}),
    /** Leaders' reception days (领导接访日) and bookings; see reception-schema.ts. */
    reception: ReceptionSchema.prefault({}),
  })
  .superRefine((cfg, ctx) => {
    for (const issue of planIssues(cfg.plans)) ctx.addIssue({ code: 'custom', ...issue });
    const units = new Set(cfg.units.map((u) => u.code));
    const townships = new Set(cfg.townships.map((t) => t.name));
    const unitExists = (code: string) => units.has(code) || (code.startsWith('town:') && townships.has(code.slice(5)));
    cfg.categories.forEach((c, i) => {
      if (!unitExists(c.unit)) {
        ctx.addIssue({ code: 'custom', path: ['categories', i, 'unit'], message: `unknown unit "${c.unit}"` });
      }
    });
    if (!units.has(cfg.bureauUnit)) {
      ctx.addIssue({ code: 'custom', path: ['bureauUnit'], message: `unknown unit "${cfg.bureauUnit}"` });
    }
    if (cfg.reviewBody && !unitExists(cfg.reviewBody.unit)) {
      ctx.addIssue({ code: 'custom', path: ['reviewBody', 'unit'], message: `unknown unit "${cfg.reviewBody.unit}"` });
    }
    if (!cfg.categories.some((c) => c.code === cfg.fallbackCategory)) {
      ctx.addIssue({ code: 'custom', path: ['fallbackCategory'], message: `unknown category "${cfg.fallbackCategory}"` });
    }
    const seen = new Map<string, number>();
    cfg.townships.forEach((t, i) => {
      for (const n of [t.name, ...t.aliases]) {
        const key = n.toLowerCase();
        if (seen.has(key) && seen.get(key) !== i) {
          ctx.addIssue({ code: 'custom', path: ['townships', i, 'aliases'], message: `"${n}" names two townships` });
        }
        seen.set(key, i);
      }
    });
    cfg.reception.days.forEach((d, i) => {
      // An account made later in the console is checked when a case is put in its charge.
      const seeded = cfg.seedStaff.find((s) => s.username === d.leaderUsername);
      if (seeded && seeded.role !== 'supervisor') {
        ctx.addIssue({ code: 'custom', path: ['reception', 'days', i, 'leaderUsername'], message: 'a reception day\'s leader is a supervisor' });
      }
    });
    cfg.seedStaff.forEach((s, i) => {
      if (s.role === 'handler' && (!s.unit || !unitExists(s.unit))) {
        ctx.addIssue({ code: 'custom', path: ['seedStaff', i, 'unit'], message: 'a handler needs a known unit' });
      }
      if (s.role === 'grid' && (!s.township || !townships.has(s.township))) {
        ctx.addIssue({ code: 'custom', path: ['seedStaff', i, 'township'], message: 'a grid worker needs a known township' });
      }
    });
  });

export type CountyConfig = z.infer<typeof CountyConfigSchema>;
export type DeadlineRules = CountyConfig['deadlines'];
export type Category = CountyConfig['categories'][number];
export type Township = CountyConfig['townships'][number];

export class CountyConfigError extends Error {
  constructor(readonly issues: string[]) {
    super(`invalid county config:\n  ${issues.join('\n  ')}`);
  }
}

/** Validates a parsed config document; errors name the bad field by its path. */
export function parseCountyConfig(doc: unknown): CountyConfig {
  const r = CountyConfigSchema.safeParse(doc);
  if (!r.success) {
    throw new CountyConfigError(r.error.issues.map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`));
  }
  return r.data;
}

/** The township government's unit code (属地 co-handler). */
export const townshipUnit = (township: string) => `town:${township}`;

/** A township's name in a locale: the English name, else its first Latin alias, else the Chinese name. */
export function townshipName(cfg: Pick<CountyConfig, 'townships'>, name: string, locale: 'zh' | 'en'): string {
  if (locale === 'zh') return name;
  const t = cfg.townships.find((x) => x.name === name);
  return t?.nameEn ?? t?.aliases.find((a) => /^[A-Za-z]/.test(a)) ?? name;
}

export function unitName(cfg: CountyConfig, code: string, locale: 'zh' | 'en'): string {
  if (code.startsWith('town:')) {
    const t = code.slice(5);
    return locale === 'zh' ? `${t}人民政府` : `${townshipName(cfg, t, 'en')} Government`;
  }
  const u = cfg.units.find((x) => x.code === code);
  return u ? (locale === 'zh' ? u.nameZh : u.nameEn) : code;
}
