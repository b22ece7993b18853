/** Flags on a case that Prisma's model API cannot take away. */
import type { SqlQuery } from './sql-exec.ts';

export async function removeCaseFlag(q: SqlQuery, caseId: string, flag: string): Promise<void> {
  await q.query(`UPDATE cases SET flags = array_remove(flags, $2::text) WHERE id = $1::uuid AND $2::text = ANY (flags)`, [caseId, flag]);
}
