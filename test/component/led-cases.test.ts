/**
 * 包案 in the unit report, on both stores: the open cases leaders hold are counted per
 * unit in the store — all of them, not the listed page (the report lists at most 200) —
 * within the caller's scope; closed cases and cases without a leader do not count.
 */
import { describe, expect, it } from 'vitest';
import { listLedCases } from '../../src/app/backlog/list-led-cases.ts';
import type { StaffPrincipal } from '../../src/app/staff-accounts/staff-principal.ts';
import { newCase } from '../helpers/cases.ts';
import { county } from '../helpers/dialog.ts';
import { STORE_KINDS, storeForSuite } from '../helpers/stores.ts';

const NOW = new Date('2026-12-01T02:00:00Z');

describe.each(STORE_KINDS)('cases in leaders\' charge on %s', (kind) => {
  const suite = storeForSuite(kind);

  it('counts every open led case per unit and leader, beyond the listed 200, within the scope', async () => {
    const prisma = suite().store.handle.prisma;
    const [head, deputy] = await Promise.all(
      [['head', '县长 周建国'], ['deputy', '副县长 李明']].map(([username, displayName]) => prisma.staffAccount.create({ data: { username: `${username}-${kind}`, passwordHash: 'x', role: 'supervisor', displayName } })),
    );
    const ids: string[] = [];
    for (let b = 0; b < 5; b++) ids.push(...(await Promise.all(Array.from({ length: 41 }, () => suite().store.cases.create(newCase({ localDate: '2026-11-20' }))))).map((c) => c.id));
    const labor = await Promise.all(Array.from({ length: 3 }, () => suite().store.cases.create(newCase({ localDate: '2026-11-20', unit: 'rsj', category: 'labor' }))));
    const since = new Date('2026-11-25T02:00:00Z');
    await prisma.case.updateMany({ where: { id: { in: ids.slice(0, 201) } }, data: { leaderStaffId: head!.id, leaderSince: since } });
    await prisma.case.updateMany({ where: { id: { in: labor.map((c) => c.id) } }, data: { leaderStaffId: deputy!.id, leaderSince: since } });
    await prisma.case.update({ where: { id: labor[2]!.id }, data: { status: 'closed', closedAt: NOW } });

    expect(new Set(await suite().store.backlog.ledCounts({ all: true }))).toEqual(new Set([
      { unit: 'zrzy', leaderStaffId: head!.id, count: 201 },
      { unit: 'rsj', leaderStaffId: deputy!.id, count: 2 },
    ]));
    const deps = { backlog: suite().store.backlog, staff: suite().store.staff, county, clock: { now: () => NOW } };
    const leader: StaffPrincipal = { id: head!.id, username: 'leader', role: 'supervisor', unit: null, township: null };
    const all = await listLedCases(deps, { who: leader });
    expect(all.items).toHaveLength(200);
    expect(all.byUnit).toEqual([{ unit: 'zrzy', count: 201, leaders: ['县长 周建国'] }, { unit: 'rsj', count: 2, leaders: ['副县长 李明'] }]);
    const handler: StaffPrincipal = { id: deputy!.id, username: 'rsj01', role: 'handler', unit: 'rsj', township: null };
    expect((await listLedCases(deps, { who: handler })).byUnit).toEqual([{ unit: 'rsj', count: 2, leaders: ['副县长 李明'] }]);
  }, 120_000);
});
