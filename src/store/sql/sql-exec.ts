/**
 * Statements written once in SQL run on any of the store's clients: the driver (a
 * chat turn), a driver transaction, or a Prisma transaction (a repository's).
 */
import type { Prisma } from '../../generated/prisma/client.ts';
import type { SqlQuery } from '../open-store.ts';

export type { SqlQuery };

export function prismaQuery(tx: Pick<Prisma.TransactionClient, '$queryRawUnsafe'>): SqlQuery {
  return { query: <T>(text: string, params: readonly unknown[]) => tx.$queryRawUnsafe<T[]>(text, ...params) };
}

/** `($1, $2, …), (…)` rows for a multi-row VALUES list; appends each row's values to `params`. */
export function valuesRows(params: unknown[], rows: readonly (readonly unknown[])[], casts: readonly string[]): string {
  return rows
    .map((row) => {
      const first = params.push(...row) - row.length + 1;
      return `(${row.map((_, i) => `$${first + i}${casts[i] ? `::${casts[i]}` : ''}`).join(', ')})`;
    })
    .join(', ');
}

/** The SQLSTATE of a failed statement, whichever client ran it (the driver's error, or Prisma's wrapping of it). */
export function sqlState(err: unknown): string | undefined {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 4; depth++) {
    const { code, originalCode, meta } = e as { code?: unknown; originalCode?: unknown; meta?: { driverAdapterError?: unknown } };
    // Prisma's own codes (P2010: a raw query failed) wrap the driver's error in meta.
    if (meta?.driverAdapterError) {
      e = meta.driverAdapterError;
      continue;
    }
    if (typeof originalCode === 'string') return originalCode;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}
