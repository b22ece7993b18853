/**
 * Signals come from one place, the database's triggers: a chat turn written through
 * the driver, a staff write through Prisma and a raw statement are heard alike, on
 * commit only, on both stores.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initialState } from '../../src/dialog/types.ts';
import type { TurnWrite } from '../../src/ports/conversation-ports.ts';
import type { SignalPayload, Topic } from '../../src/store/signals.ts';
import { openTestStore, STORE_KINDS, type TestStore } from '../helpers/stores.ts';
import { waitFor } from '../helpers/telegram.ts';

describe.each(STORE_KINDS)('store signals on %s', (kind) => {
  let t: TestStore;
  let chat = 0;
  const heard: { topic: Topic; payload: SignalPayload | null }[] = [];
  beforeAll(async () => {
    t = await openTestStore(kind);
    for (const topic of ['outbox', 'inbox', 'alert'] as const) t.store.signals.listen(topic, (payload) => heard.push({ topic, payload }));
    await t.store.signals.ready();
  }, 120_000);
  afterAll(() => t?.cleanup());

  const open = () => t.store.conversations.open('web', `chat-${++chat}`, initialState());
  const turn = (over: Partial<TurnWrite> = {}): TurnWrite => ({
    state: initialState(),
    messages: [{ direction: 'in', author: 'citizen', text: 'hello', payload: null, at: new Date() }],
    handoff: null,
    audit: [],
    inboundKey: null,
    ...over,
  });
  const pushed = { direction: 'out', author: 'bot', text: 'pushed', payload: null, at: new Date(), delivery: 'pending' } as const;
  /** Waits for `topic` heard after `mark`; returns what was heard since `mark`. */
  const after = async (mark: number, topic: Topic) => {
    await waitFor(`${topic} signal`, () => heard.slice(mark).some((h) => h.topic === topic));
    return heard.slice(mark);
  };

  it('hears a chat turn written through the driver: a pushed reply on the outbox, a hand-over on the inbox and as an alert', async () => {
    const c = await open();
    let mark = heard.length;
    await t.store.conversations.saveTurn(c.id, c.version, turn({ messages: [pushed] }));
    expect(await after(mark, 'outbox')).toContainEqual({ topic: 'outbox', payload: { conversationId: c.id, channel: 'web' } });

    mark = heard.length;
    await t.store.conversations.saveTurn(c.id, c.version + 1, turn({ handoff: { reason: 'asked for a person', at: new Date() } }));
    await after(mark, 'inbox');
    await after(mark, 'alert');

    // A turn in a waiting chat changes the inbox; a staff write through Prisma too.
    mark = heard.length;
    await t.store.conversations.saveTurn(c.id, c.version + 2, turn());
    await after(mark, 'inbox');
    mark = heard.length;
    await t.store.conversations.updateState(c.id, c.version + 3, { state: initialState(), messages: [{ ...pushed, author: 'staff' }], audit: [] });
    await after(mark, 'inbox');
    await after(mark, 'outbox');
  });

  it('hears a raw statement, and nothing of a rolled-back one', async () => {
    const [gone, kept] = [await open(), await open()];
    const insert = `INSERT INTO messages (id, conversation_id, at, direction, author, text, delivery) VALUES (gen_random_uuid(), $1::uuid, now(), 'out', 'staff', 'x', 'pending')`;
    await expect(
      t.store.handle.sql.transaction(async (q) => {
        await q.query(insert, [gone.id]);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    const mark = heard.length;
    await t.store.handle.sql.query(insert, [kept.id]);
    await waitFor('committed signal', () => heard.slice(mark).some((h) => h.payload?.conversationId === kept.id));
    expect(heard.some((h) => h.payload?.conversationId === gone.id)).toBe(false);
  });

  it('stays quiet for a turn that neither pushes nor touches a waiting chat', async () => {
    const [quiet, loud] = [await open(), await open()];
    const mark = heard.length;
    await t.store.conversations.saveTurn(quiet.id, quiet.version, turn());
    await t.store.conversations.saveTurn(loud.id, loud.version, turn({ messages: [pushed] }));
    // Signals are delivered in commit order: once the second turn's is here, the first had its chance.
    expect(await after(mark, 'outbox')).toEqual([{ topic: 'outbox', payload: { conversationId: loud.id, channel: 'web' } }]);
  });
});
