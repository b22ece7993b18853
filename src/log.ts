/**
 * Structured logging (pino) that never prints personal data: known fields are
 * redacted, and every string is scrubbed of phone and ID-number patterns.
 */
import { pino, type Logger } from 'pino';
import { scrubPersonalData } from './domain/petitioner/redact.ts';

export { scrubPersonalData };

/** Deeper than this a value is not printed at all: an unscrubbed level would be a leak. */
const MAX_DEPTH = 6;

function scrubValue(v: unknown, depth = 0): unknown {
  if (typeof v === 'string') return scrubPersonalData(v);
  // A phone or ID number may arrive as a number (11 or 17 digits).
  if (typeof v === 'number' || typeof v === 'bigint') {
    const s = String(v);
    return scrubPersonalData(s) === s ? v : scrubPersonalData(s);
  }
  if (v === null || typeof v !== 'object') return v;
  if (depth > MAX_DEPTH) return '[nested]';
  if (v instanceof Error) return { type: v.name, message: scrubPersonalData(v.message), stack: v.stack ? scrubPersonalData(v.stack) : undefined };
  if (Array.isArray(v)) return v.map((x) => scrubValue(x, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) out[k] = scrubValue(x, depth + 1);
  return out;
}

const SECRET_FIELDS = ['phone', 'idNumber', 'name', 'password', 'text', 'totp'];
// Top level and one level down (`*.x` alone does not match a top-level `x`).
const REDACT = [...SECRET_FIELDS, ...SECRET_FIELDS.map((f) => `*.${f}`), 'req.headers.authorization', 'req.headers.cookie'];

/** A child's bindings are printed on every line and never pass logMethod: scrub them as they are bound. */
function scrubbingChildren(log: Logger): Logger {
  const child = log.child.bind(log);
  log.child = ((bindings: pino.Bindings, options?: pino.ChildLoggerOptions) =>
    scrubbingChildren(child(scrubValue(bindings) as pino.Bindings, options))) as unknown as Logger['child'];
  return log;
}

/** `err` may be anything a catch received (a string, a plain object), not only an Error. */
function serializeError(e: unknown): unknown {
  if (!(e instanceof Error)) return scrubValue(e);
  return { type: e.name, message: scrubPersonalData(e.message), stack: e.stack ? scrubPersonalData(e.stack) : undefined };
}

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return scrubbingChildren(pino(
    {
      level,
      redact: { paths: REDACT, censor: '[redacted]' },
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map((a) => scrubValue(a)) as Parameters<typeof method>);
        },
      },
      serializers: { err: serializeError },
    },
    destination,
  ));
}

export type { Logger };
