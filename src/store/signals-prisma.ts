/**
 * The store's Prisma client, observed: a write that other processes must hear about
 * (a pending outbox message, a change to a chat waiting for staff, a new staff alert)
 * sends its signal inside the transaction that makes it, whichever repository wrote
 * it. This stands in for a database trigger, which would need a migration; it sees
 * writes made through Prisma's model API (raw SQL writes are not observed and are
 * left to the listeners' safety-net poll).
 */
import type { PrismaClient } from '../generated/prisma/client.ts';
import type { Signal, Signals, SignalTx } from './signals.ts';

type Rows = Record<string, unknown>[];
type Hook = (args: { data?: unknown }, result: unknown, log: WriteLog) => void;
type Delegate = Record<string, (args: unknown) => Promise<unknown>>;

/** Conversation fields whose change changes the staff inbox. */
const INBOX_FIELDS = ['waitingSince', 'handoffReason', 'staffId', 'claimedAt', 'caseNumber'];

/** What one transaction (or one auto-committed write) changed. */
class WriteLog {
  readonly outbox = new Set<string>();
  readonly messaged = new Set<string>();
  readonly known = new Map<string, { channel: string; waiting: boolean }>();
  inbox = false;
  alert = false;

  get empty(): boolean {
    return this.outbox.size === 0 && this.messaged.size === 0 && !this.inbox && !this.alert;
  }
}

const rowsOf = (data: unknown): Rows => (Array.isArray(data) ? (data as Rows) : data && typeof data === 'object' ? [data as Record<string, unknown>] : []);

const onMessages: Hook = (args, _result, log) => {
  for (const m of rowsOf(args.data)) {
    if (typeof m.conversationId !== 'string') continue;
    log.messaged.add(m.conversationId);
    if (m.delivery === 'pending') log.outbox.add(m.conversationId);
  }
};

const onConversation: Hook = (args, result, log) => {
  const data = (args.data ?? {}) as Record<string, unknown>;
  if (INBOX_FIELDS.some((f) => data[f] !== undefined)) log.inbox = true;
  const row = result as { id?: unknown; channel?: unknown; waitingSince?: unknown } | null;
  if (typeof row?.id === 'string' && typeof row.channel === 'string') log.known.set(row.id, { channel: row.channel, waiting: row.waitingSince != null });
};

const onAlert: Hook = (_args, result, log) => {
  const count = (result as { count?: unknown } | null)?.count;
  if (typeof count !== 'number' || count > 0) log.alert = true;
};

const HOOKS: Record<string, Record<string, Hook>> = {
  message: { create: onMessages, createMany: onMessages },
  conversation: { update: onConversation, updateMany: onConversation },
  alert: { create: onAlert, createMany: onAlert, upsert: onAlert },
};

/** The signals a transaction's writes call for; looks up what the writes did not tell (channel, waiting). */
async function signalsOf(tx: SignalTx, log: WriteLog): Promise<Signal[]> {
  const unknown = [...new Set([...log.outbox, ...log.messaged])].filter((id) => !log.known.has(id));
  if (unknown.length > 0) {
    const rows = await tx.$queryRaw<{ id: string; channel: string; waiting: boolean }[]>`
      SELECT id::text AS id, channel, waiting_since IS NOT NULL AS waiting FROM conversations WHERE id = ANY(${unknown}::uuid[])`;
    for (const r of rows) log.known.set(r.id, { channel: r.channel, waiting: r.waiting });
  }
  const out: Signal[] = [];
  for (const id of log.outbox) {
    const c = log.known.get(id);
    if (c) out.push({ topic: 'outbox', payload: { conversationId: id, channel: c.channel } });
  }
  // A new message in a waiting chat changes what the inbox shows.
  if (log.inbox || [...log.messaged].some((id) => log.known.get(id)?.waiting)) out.push({ topic: 'inbox', payload: {} });
  if (log.alert) out.push({ topic: 'alert', payload: {} });
  return out;
}

async function flush(tx: SignalTx, log: WriteLog, signals: Signals): Promise<void> {
  if (log.empty) return;
  await signals.notifyIn(tx, await signalsOf(tx, log));
}

function observeDelegate(delegate: Delegate, hooks: Record<string, Hook>, logFor: () => WriteLog, after: (log: WriteLog) => Promise<void>): Delegate {
  return new Proxy(delegate, {
    get(target, prop) {
      const hook = typeof prop === 'string' ? hooks[prop] : undefined;
      const value = Reflect.get(target, prop) as unknown;
      if (!hook || typeof value !== 'function') return value;
      return async (args: { data?: unknown }) => {
        const result: unknown = await (value as (a: unknown) => Promise<unknown>).call(target, args);
        const log = logFor();
        hook(args, result, log);
        await after(log);
        return result;
      };
    },
  });
}

/** A client (or transaction client) whose observed writes go into `logFor()`, then `after` runs. */
function observe<T extends object>(client: T, logFor: () => WriteLog, after: (log: WriteLog) => Promise<void>, extra: (prop: string | symbol) => unknown = () => undefined): T {
  return new Proxy(client, {
    get(target, prop) {
      const special = extra(prop);
      if (special !== undefined) return special;
      const value = Reflect.get(target, prop) as unknown;
      const hooks = typeof prop === 'string' ? HOOKS[prop] : undefined;
      if (hooks && value && typeof value === 'object') return observeDelegate(value as Delegate, hooks, logFor, after);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** Wraps the store's client so that observed writes signal in their own transaction (or right after an auto-committed one). */
export function signallingClient(prisma: PrismaClient, signals: Signals): PrismaClient {
  const transaction = (arg: unknown, opts?: unknown): unknown => {
    if (typeof arg !== 'function') return (prisma.$transaction as (a: unknown, o?: unknown) => unknown)(arg, opts);
    return prisma.$transaction(async (tx) => {
      const log = new WriteLog();
      const result: unknown = await (arg as (t: unknown) => Promise<unknown>)(observe(tx, () => log, async () => undefined));
      await flush(tx, log, signals);
      return result;
    }, opts as never);
  };
  // Outside a transaction each write commits by itself: its signal follows at once.
  return observe(prisma, () => new WriteLog(), (log) => flush(prisma, log, signals), (prop) => (prop === '$transaction' ? transaction : undefined));
}
