/**
 * Structured logging (pino) that never prints personal data: known fields are
 * redacted, and every string is scrubbed of phone and ID-number patterns.
 */
import { pino, type Logger } from 'pino';

// 18-char ID numbers, mainland mobiles (with optional +86), landlines with area code.
const ID_PATTERN = /(?<![0-9A-Za-z])\d{6}\s?\d{8}\s?\d{3}[\dXx](?![0-9A-Za-z])/g;
const MOBILE_PATTERN = /(?<!\d)(?:\+?86[\s-]?)?1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}(?!\d)/g;
const LANDLINE_PATTERN = /(?<!\d)0\d{2,3}[\s-]?\d{7,8}(?!\d)/g;

export function scrubPersonalData(s: string): string {
  return s.replace(ID_PATTERN, '[id]').replace(MOBILE_PATTERN, '[phone]').replace(LANDLINE_PATTERN, '[phone]');
}

function scrubValue(v: unknown, depth = 0): unknown {
  if (typeof v === 'string') return scrubPersonalData(v);
  if (depth > 4 || v === null || typeof v !== 'object') return v;
  if (v instanceof Error) return { type: v.name, message: scrubPersonalData(v.message) };
  if (Array.isArray(v)) return v.map((x) => scrubValue(x, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) out[k] = scrubValue(x, depth + 1);
  return out;
}

const REDACT = ['*.phone', '*.idNumber', '*.name', '*.password', '*.text', '*.totp', 'req.headers.authorization', 'req.headers.cookie'];

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      redact: { paths: REDACT, censor: '[redacted]' },
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map((a) => scrubValue(a)) as Parameters<typeof method>);
        },
      },
      serializers: { err: (e: Error) => ({ type: e.name, message: scrubPersonalData(e.message), stack: e.stack ? scrubPersonalData(e.stack) : undefined }) },
    },
    destination,
  );
}

export type { Logger };
