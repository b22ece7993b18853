/** zod validation at the edge: a failure is a 400 naming the bad fields. */
import type { z } from 'zod';
import { AppError } from '../../domain/errors.ts';

export function parseInput<T extends z.ZodType>(schema: T, input: unknown, what = 'body'): z.infer<T> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const fields = r.error.issues.slice(0, 5).map((i) => `${i.path.map(String).join('.') || what}: ${i.message}`);
  throw new AppError('bad_request', `invalid ${what}: ${fields.join('; ')}`);
}

/** Reads one cookie without a parser dependency. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}
