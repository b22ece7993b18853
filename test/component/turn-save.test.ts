/**
 * A chat turn that files nothing is saved in one statement (claim, state, transcript,
 * inbound key, audit): all of it or none of it, on both stores. A stale version
 * writes nothing; a redelivered inbound key, also two at once, is processed once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initialState, type ConversationState } from '../../src/dialog/types.ts';
import { ConversationConflictError, DuplicateInboundError, type TurnWrite } from '../../src/ports/conversation-ports.ts';
import { openTestStore, STORE_KINDS, type TestStore } from '../helpers/stores.ts';

describe.each(STORE_KINDS)('saving a chat turn on %s', (kind) => {
  let t: TestStore;
  beforeAll(async () => {
    t = await openTestStore(kind);
  });
  afterAll(async () => {
    await t?.cleanup();
  });

  const at = new Date('2026-12-01T02:00:00Z');
  const write = (state: ConversationState, text: string, inboundKey: string | null = null, audit: TurnWrite['audit'] = []): TurnWrite => ({
    state,
    messages: [
      { direction: 'in', author: 'citizen', text, payload: null, at },
      { direction: 'out', author: 'bot', text: `re: ${text}`, payload: '[{"label":"是","payload":"yes"}]', at: new Date(at.getTime() + 1), delivery: 'pending' },
    ],
    handoff: null,
    audit,
    inboundKey,
  });
  const chat = () => `chat-${Math.random().toString(36).slice(2)}`;

  it('starts a conversation on first contact and reads it back with the turn flags', async () => {
    const id = chat();
    const start = await t.store.conversations.beginTurn('telegram', id, initialState('en'), 'tg:1');
    expect(start).toMatchObject({ processed: false, staffBound: false, conversation: { channel: 'telegram', channelUserId: id, version: 0 } });
    expect(start.conversation.state.locale).toBe('en');
    const again = await t.store.conversations.beginTurn('telegram', id, initialState('zh'), null);
    expect(again.conversation.id).toBe(start.conversation.id);
    expect(again.conversation.state.locale).toBe('en');
  });

  it('writes state, transcript, inbound key and audit together and bumps the version', async () => {
    const { conversation: c } = await t.store.conversations.beginTurn('telegram', chat(), initialState('zh'), 'tg:2');
    const state = { ...c.state, locale: 'en' as const };
    await t.store.conversations.saveTurn(c.id, c.version, write(state, '你好', 'tg:2', [{ action: 'conversation.stopped', detail: 'court' }]));
    const after = await t.store.conversations.beginTurn('telegram', c.channelUserId, initialState('zh'), 'tg:2');
    expect(after.processed).toBe(true);
    expect(after.conversation.version).toBe(c.version + 1);
    expect(after.conversation.state.locale).toBe('en');
    expect((await t.store.conversations.transcript(c.id, 10)).map((m) => [m.direction, m.text])).toEqual([
      ['in', '你好'],
      ['out', 're: 你好'],
    ]);
    expect((await t.store.outbox.pendingFor(c.id)).map((m) => [m.text, m.buttons])).toEqual([['re: 你好', [{ label: '是', payload: 'yes' }]]]);
    const audit = await t.store.handle.prisma.auditLog.findMany({ where: { target: `conversation:${c.id}` } });
    expect(audit.map((a) => [a.action, a.data])).toEqual([['conversation.stopped', { detail: 'court' }]]);
  });

  it('writes nothing for a stale version', async () => {
    const { conversation: c } = await t.store.conversations.beginTurn('web', chat(), initialState('zh'), null);
    await t.store.conversations.saveTurn(c.id, c.version, write(c.state, 'first'));
    await expect(t.store.conversations.saveTurn(c.id, c.version, write(c.state, 'stale', 'web:stale'))).rejects.toBeInstanceOf(ConversationConflictError);
    expect((await t.store.conversations.transcript(c.id, 10)).map((m) => m.text)).toEqual(['first', 're: first']);
    expect(await t.store.conversations.isProcessed('web:stale')).toBe(false);
  });

  it('processes one of two concurrent deliveries of the same inbound key', async () => {
    const id = chat();
    const a = await t.store.conversations.beginTurn('telegram', id, initialState('zh'), 'tg:dup');
    const b = await t.store.conversations.beginTurn('telegram', id, initialState('zh'), 'tg:dup');
    const results = await Promise.allSettled([
      t.store.conversations.saveTurn(a.conversation.id, a.conversation.version, write(a.conversation.state, 'one', 'tg:dup')),
      t.store.conversations.saveTurn(b.conversation.id, b.conversation.version, write(b.conversation.state, 'one', 'tg:dup')),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const failure = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    // Which check stops the second depends on timing: the version claim or the inbound key.
    expect(failure.reason instanceof ConversationConflictError || failure.reason instanceof DuplicateInboundError).toBe(true);
    expect((await t.store.conversations.transcript(a.conversation.id, 10)).map((m) => m.text)).toEqual(['one', 're: one']);
  });

  it('refuses a key processed in another conversation without writing anything', async () => {
    const first = await t.store.conversations.beginTurn('telegram', chat(), initialState('zh'), 'tg:shared');
    await t.store.conversations.saveTurn(first.conversation.id, first.conversation.version, write(first.conversation.state, 'x', 'tg:shared'));
    const { conversation: c } = await t.store.conversations.beginTurn('telegram', chat(), initialState('zh'), null);
    await expect(t.store.conversations.saveTurn(c.id, c.version, write(c.state, 'y', 'tg:shared'))).rejects.toBeInstanceOf(DuplicateInboundError);
    const after = await t.store.conversations.beginTurn('telegram', c.channelUserId, initialState('zh'), null);
    expect(after.conversation.version).toBe(c.version);
    expect(await t.store.conversations.transcript(c.id, 10)).toEqual([]);
  });
});
