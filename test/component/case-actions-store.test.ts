/**
 * The case action repository on embedded PGlite and on a real PostgreSQL (where
 * concurrent transactions really run in parallel): one winner among concurrent
 * transitions, nothing written by the losers, and scoped reads.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PrismaCaseActionRepository } from '../../src/store/prisma/case-action-repository.ts';
import { newCase } from '../helpers/cases.ts';
import { openTestStore, STORE_KINDS, type TestStore } from '../helpers/stores.ts';

describe.each(STORE_KINDS)('case action repository on %s', (kind) => {
  let t: TestStore;
  let repo: PrismaCaseActionRepository;
  let staffId: string;
  beforeAll(async () => {
    t = await openTestStore(kind);
    repo = new PrismaCaseActionRepository(t.store.handle.prisma, t.store.outbox, t.store.cipher, t.store.handle.sql);
    staffId = (await t.store.staff.create({ username: 'h1', passwordHash: 'x', role: 'handler', unit: 'zrzy', township: null, displayName: null })).id;
  });
  afterAll(async () => {
    await t?.cleanup();
  });

  it('of ten concurrent transitions from one status exactly one commits, with one event and one audit entry', async () => {
    const { caseNumber } = await t.store.cases.create(newCase());
    const state = (await repo.findState(caseNumber, { all: true }))!;
    const at = new Date();
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        repo.applyTransition({
          caseId: state.id,
          caseNumber,
          from: 'submitted',
          to: 'accepted',
          set: { acceptedAt: at, holderStaffId: staffId },
          at,
          actorId: staffId,
          kind: 'accept',
          public: true,
          note: `第${i}次`,
          reason: null,
        }),
      ),
    );
    expect(outcomes.filter((o) => o === 'ok')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'conflict')).toHaveLength(9);
    const p = t.store.handle.prisma;
    expect(await p.caseEvent.count({ where: { caseId: state.id, kind: 'accept' } })).toBe(1);
    expect(await p.auditLog.count({ where: { target: caseNumber } })).toBe(1);
    expect((await repo.findState(caseNumber, { all: true }))!).toMatchObject({ status: 'accepted', holderStaffId: staffId, extensions: 0 });
  });

  it('reads only within the scope: a conduct case is hidden from the unit it accuses', async () => {
    const { caseNumber } = await t.store.cases.create(
      newCase({ category: 'conduct', unit: 'jw', coUnit: 'town:东湖镇', respondent: '东湖镇政府的干部', respondentUnits: ['town:东湖镇'] }),
    );
    expect(await repo.findState(caseNumber, { all: false, units: ['town:东湖镇'] })).toBeNull();
    expect(await repo.findState(caseNumber, { all: false, units: ['jw'] })).not.toBeNull();
    expect(await repo.findState(caseNumber, { all: false, units: ['zrzy'] })).toBeNull();
    const state = (await repo.findState(caseNumber, { all: true }))!;
    expect(await repo.findAttachment(state.id, 'not-a-uuid')).toBeNull();
    expect(await repo.staffNames([staffId, 'nobody'])).toEqual(new Map([[staffId, 'h1']]));
  });
});
