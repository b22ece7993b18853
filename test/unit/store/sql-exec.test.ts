import { describe, expect, it } from 'vitest';
import { sqlState, valuesRows } from '../../../src/store/sql/sql-exec.ts';

describe('statements written once for every client', () => {
  it('numbers a VALUES list after the parameters already there, with casts', () => {
    const params: unknown[] = ['case-id'];
    const sql = valuesRows(params, [['a', 1], ['b', null]], ['uuid', '']);
    expect(sql).toBe('($2::uuid, $3), ($4::uuid, $5)');
    expect(params).toEqual(['case-id', 'a', 1, 'b', null]);
    expect(valuesRows(params, [], [])).toBe('');
  });

  it("reads the SQLSTATE from the driver's error and from Prisma's wrappings of it", () => {
    expect(sqlState(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBe('23505');
    // Prisma's raw query error (P2010) over PGlite and over pg.
    expect(sqlState({ code: 'P2010', meta: { driverAdapterError: { cause: { kind: 'postgres', code: '23505' } } } })).toBe('23505');
    expect(sqlState({ code: 'P2010', meta: { driverAdapterError: { cause: { originalCode: '23505', kind: 'UniqueConstraintViolation' } } } })).toBe('23505');
    expect(sqlState(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))).toBeUndefined();
    expect(sqlState(null)).toBeUndefined();
  });
});
