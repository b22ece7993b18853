/**
 * The shared outbox on both stores: claims are per conversation and exclusive while
 * leased, a lease runs out, a back-off holds every sender, and the outbox signal is
 * heard when the writing transaction commits, never before. On PostgreSQL the
 * listening connection comes back after it is killed, with a resync call.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initialState } from '../../src/dialog/types.ts';
import type { PendingHint } from '../../src/ports/outbox-ports.ts';
import type { SignalPayload } from '../../src/store/signals.ts';
import { openTestStore, STORE_KINDS, type TestStore } from '../helpers/stores.ts';
import { waitFor } from '../helpers/telegram.ts';

const LONG = 60_000;

describe.each(STORE_KINDS)('the outbox on %s', (kind) => {
  let t: TestStore;
  let chat = 0;
  beforeAll(async () => {
    t = await openTestStore(kind);
  }, 120_000);
  afterAll(() => t?.cleanup());

  const conversation = async () => (await t.store.conversations.open('telegram', `chat-${++chat}`, initialState())).id;
  const enqueue = async (conversationId: string, ...texts: string[]) => {
    await t.store.outbox.enqueue(conversationId, texts.map((text) => ({ author: 'staff' as const, text })), new Date());
  };
  const claimAll = (owner: string, leaseMs = LONG) => t.store.outbox.claim('telegram', owner, leaseMs, 1000);

  it('lets one sender hold a conversation: a second one gets its other conversations, then the rest once it is done', async () => {
    const [c1, c2] = [await conversation(), await conversation()];
    await enqueue(c1, 'one', 'two');
    await enqueue(c2, 'three');
    const first = await t.store.outbox.claim('telegram', 'A', LONG, 1);
    expect(first.map((m) => m.text)).toEqual(['one']);
    expect((await claimAll('B')).map((m) => m.text)).toEqual(['three']);
    expect(await t.store.outbox.claimFor(c1, 'B', LONG)).toEqual([]);
    await t.store.outbox.markDelivered(first.map((m) => m.id), new Date());
    expect((await claimAll('B')).map((m) => m.text)).toEqual(['two']);
  });

  it('splits concurrent claims by conversation: every message once, each conversation to one sender', async () => {
    const convs = await Promise.all(Array.from({ length: 8 }, () => conversation()));
    for (const c of convs) await enqueue(c, `${c}-1`, `${c}-2`, `${c}-3`);
    const [a, b] = await Promise.all([claimAll('A'), claimAll('B')]);
    const ids = [...a, ...b].map((m) => m.id);
    expect(ids.length).toBe(24);
    expect(new Set(ids).size).toBe(24);
    for (const c of convs) {
      const owners = new Set([...a.map((m) => ['A', m] as const), ...b.map((m) => ['B', m] as const)].filter(([, m]) => m.conversationId === c).map(([o]) => o));
      expect(owners.size).toBe(1);
    }
    await t.store.outbox.markDelivered(ids, new Date());
  });

  it('hands a dead sender’s messages to another once the lease runs out; a back-off holds every sender', async () => {
    const c = await conversation();
    await enqueue(c, 'left behind');
    expect(await claimAll('dead', 300)).toHaveLength(1);
    expect(await claimAll('B')).toEqual([]);
    const taken = await waitFor('lease ran out', async () => {
      const got = await claimAll('B');
      return got.length > 0 ? got : undefined;
    });
    expect(taken.map((m) => m.text)).toEqual(['left behind']);
    await t.store.outbox.release(taken.map((m) => m.id), 'B', LONG);
    expect(await claimAll('B')).toEqual([]);
    expect(await claimAll('C')).toEqual([]);
    await t.store.outbox.release(taken.map((m) => m.id), 'B');
    expect((await claimAll('C')).map((m) => m.text)).toEqual(['left behind']);
  });

  it('signals new messages when the writing transaction commits, not before', async () => {
    const c = await conversation();
    const hints: PendingHint[] = [];
    const off = t.store.outbox.onPending((h) => hints.push(h));
    await t.store.signals.ready();
    try {
      await t.store.handle.prisma.$transaction(async (tx) => {
        await t.store.outbox.enqueueIn(tx, c, [{ author: 'system', text: 'in a transaction' }], new Date());
        await new Promise((r) => setTimeout(r, 300));
        expect(hints).toEqual([]);
      });
      await waitFor('signal after commit', () => hints.length > 0);
      expect(hints).toContainEqual({ conversationId: c, channel: 'telegram' });
    } finally {
      off();
    }
  });

});

// PostgreSQL only: the embedded store has no connection to lose and runs in one process.
describe('the outbox signals on postgres', () => {
  let t: TestStore;
  let chat = 0;
  beforeAll(async () => {
    t = await openTestStore('postgres');
  }, 120_000);
  afterAll(() => t?.cleanup());

  const conversation = async () => (await t.store.conversations.open('telegram', `chat-${++chat}`, initialState())).id;
  const enqueue = async (conversationId: string, ...texts: string[]) => {
    await t.store.outbox.enqueue(conversationId, texts.map((text) => ({ author: 'staff' as const, text })), new Date());
  };

  it('never signals a rolled-back write, and resyncs after the listening connection is lost', async () => {
    const heard: (SignalPayload | null)[] = [];
    const off = t.store.signals.listen('outbox', (p) => heard.push(p));
    await t.store.signals.ready();
    const [gone, kept] = [await conversation(), await conversation()];
    try {
      await expect(
        t.store.handle.prisma.$transaction(async (tx) => {
          await t.store.outbox.enqueueIn(tx, gone, [{ author: 'system', text: 'rolled back' }], new Date());
          throw new Error('roll back');
        }),
      ).rejects.toThrow('roll back');
      await enqueue(kept, 'kept');
      await waitFor('committed signal', () => heard.some((p) => p?.conversationId === kept));
      expect(heard.some((p) => p?.conversationId === gone)).toBe(false);

      const admin = new pg.Client({ connectionString: t.databaseUrl });
      await admin.connect();
      await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN%'`);
      await admin.end();
      await waitFor('resync after reconnect', () => heard.includes(null));
      const again = await conversation();
      await enqueue(again, 'after the reconnect');
      await waitFor('signal on the new connection', () => heard.some((p) => p?.conversationId === again));
    } finally {
      off();
    }
  });
});
