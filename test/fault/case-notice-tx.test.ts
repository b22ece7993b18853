/**
 * A lifecycle action's notice to the citizen is queued in the action's own
 * transaction: the outbox row exists if and only if the action committed (one
 * notice among concurrent actions, none for a refused one, and no action when the
 * notice cannot be written). Both stores.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initialState } from '../../src/dialog/types.ts';
import type { CaseTransitionWrite } from '../../src/ports/case-action-ports.ts';
import { newCase } from '../helpers/cases.ts';
import { openTestStore, STORE_KINDS, type TestStore } from '../helpers/stores.ts';

describe.each(STORE_KINDS)('case notices in the transition transaction on %s', (kind) => {
  let t: TestStore;
  let staffId: string;
  beforeAll(async () => {
    t = await openTestStore(kind);
    staffId = (await t.store.staff.create({ username: 'x1', passwordHash: 'x', role: 'intake', unit: null, township: null, displayName: null })).id;
  });
  afterAll(async () => {
    await t?.cleanup();
  });

  async function caseWithConversation() {
    const conv = await t.store.conversations.open('web', `u-${Math.random()}`, initialState('zh'));
    const { caseNumber } = await t.store.cases.create(newCase({ conversationId: conv.id }));
    const state = (await t.store.caseActions.findState(caseNumber, { all: true }))!;
    return { conv, state };
  }

  const accept = (state: { id: string; caseNumber: string }, conversationId: string, text: string): CaseTransitionWrite => ({
    caseId: state.id,
    caseNumber: state.caseNumber,
    from: 'submitted',
    to: 'accepted',
    set: { acceptedAt: new Date() },
    at: new Date(),
    actorId: staffId,
    kind: 'accept',
    public: true,
    note: null,
    reason: null,
    notice: { conversationId, text },
  });

  const notices = (conversationId: string) =>
    t.store.handle.prisma.message.findMany({ where: { conversationId, direction: 'out', author: 'system', delivery: 'pending' } });

  it('commits the notice with the action; of concurrent actions only the winner leaves one', async () => {
    const { conv, state } = await caseWithConversation();
    const outcomes = await Promise.all(Array.from({ length: 5 }, (_, i) => t.store.caseActions.applyTransition(accept(state, conv.id, `受理通知 ${i}`))));
    expect(outcomes.filter((o) => o === 'ok')).toHaveLength(1);
    const rows = await notices(conv.id);
    expect(rows).toHaveLength(1);
    const pending = await t.store.outbox.pendingFor(conv.id);
    expect(pending.map((m) => m.text)).toEqual([expect.stringMatching(/^受理通知 \d$/)]);
    expect(rows[0]!.text).not.toContain('受理通知'); // encrypted at rest like the transcript
  });

  it('writes no notice for a refused action', async () => {
    const { conv, state } = await caseWithConversation();
    expect(await t.store.caseActions.applyTransition({ ...accept(state, conv.id, '不应发送'), from: 'accepted' })).toBe('conflict');
    expect(await notices(conv.id)).toHaveLength(0);
  });

  it('commits no action when its notice cannot be written', async () => {
    const { conv, state } = await caseWithConversation();
    const missing = '00000000-0000-4000-8000-000000000000';
    await expect(t.store.caseActions.applyTransition(accept(state, missing, '无处可发'))).rejects.toThrow();
    expect(await t.store.caseActions.findState(state.caseNumber, { all: true })).toMatchObject({ status: 'submitted' });
    const p = t.store.handle.prisma;
    expect(await p.caseEvent.count({ where: { caseId: state.id, kind: 'accept' } })).toBe(0);
    expect(await p.auditLog.count({ where: { target: state.caseNumber } })).toBe(0);
    expect(await notices(conv.id)).toHaveLength(0);
  });
});
