/** Input of the supervision notice routes (JSON body or console form: the same fields). */
import { z } from 'zod';
import { requiredText } from '../text-inputs.ts';

export const MAX_NOTICE_MESSAGE = 2000;
export const MAX_NOTICE_ANSWER = 4000;

export const IssueNoticeSchema = z.object({
  unit: z.preprocess((v) => (v === '' ? undefined : v), z.string().max(100).optional()),
  /** County-local date YYYY-MM-DD. */
  dueAt: z.iso.date(),
  message: requiredText(MAX_NOTICE_MESSAGE),
});

export const AnswerNoticeSchema = z.object({ answer: requiredText(MAX_NOTICE_ANSWER) });

export const NoticeQuerySchema = z.object({
  unit: z.preprocess((v) => (v === '' ? undefined : v), z.string().max(100).optional()),
  open: z.preprocess((v) => (v === '' || v === undefined ? undefined : v === '1' || v === 'true'), z.boolean().optional()),
});

/** Where a console answer form came from: the case list, or a case page. */
export const BackSchema = z.object({ back: z.union([z.literal('list'), z.string().regex(/^XF\d{12,}$/)]).optional() });
