/** Input of the supervision notice routes (JSON body or console form: the same fields). */
import { z } from 'zod';
import { cleanText } from '../../app/cases/case-action-kit.ts';

export const MAX_NOTICE_MESSAGE = 2000;
export const MAX_NOTICE_ANSWER = 4000;

const required = (max: number) =>
  z
    .string()
    .max(max)
    .transform((s, ctx) => {
      const t = cleanText(s);
      if (t === null) ctx.addIssue({ code: 'custom', message: 'must not be empty' });
      return t ?? '';
    });

export const IssueNoticeSchema = z.object({
  unit: z.preprocess((v) => (v === '' ? undefined : v), z.string().max(100).optional()),
  /** County-local date YYYY-MM-DD. */
  dueAt: z.iso.date(),
  message: required(MAX_NOTICE_MESSAGE),
});

export const AnswerNoticeSchema = z.object({ answer: required(MAX_NOTICE_ANSWER) });

export const NoticeQuerySchema = z.object({
  unit: z.preprocess((v) => (v === '' ? undefined : v), z.string().max(100).optional()),
  open: z.preprocess((v) => (v === '' || v === undefined ? undefined : v === '1' || v === 'true'), z.boolean().optional()),
});

/** Where a console answer form came from: the case list, or a case page. */
export const BackSchema = z.object({ back: z.union([z.literal('list'), z.string().regex(/^XF\d{12,}$/)]).optional() });
