/**
 * Free-text fields of staff forms and JSON bodies (notes, reasons, answers, notices):
 * cleaned the same way everywhere (cleanText), bounded, and "required" meaning not
 * blank after cleaning.
 */
import { z } from 'zod';
import { cleanText } from '../app/cases/case-action-kit.ts';

export const requiredText = (max: number) =>
  z
    .string()
    .max(max)
    .transform((s, ctx) => {
      const t = cleanText(s);
      if (t === null) ctx.addIssue({ code: 'custom', message: 'must not be empty' });
      return t ?? '';
    });

export const optionalText = (max: number) =>
  z
    .string()
    .max(max)
    .nullish()
    .transform((s) => cleanText(s));
