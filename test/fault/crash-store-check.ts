/**
 * The crash test's last look, straight at the store once the server has stopped:
 * one case per conversation at most, no half-written case, and exactly the cases the
 * clients know of (seen, or committed by a killed confirm turn) plus the golden runs'.
 */
import { openStore } from '../../src/store/open-store.ts';
import type { CrashCitizen } from './crash-citizen.ts';

export async function checkStore(
  store: { dataDir: string; databaseUrl?: string | undefined },
  everyone: readonly CrashCitizen[],
  goldenCases: number,
  violation: (m: string) => void,
): Promise<number> {
  const handle = await openStore({ dataDir: store.dataDir, databaseUrl: store.databaseUrl, poolSize: 2 });
  try {
    const rows = await handle.prisma.$queryRaw<{ case_number: string; conversation_id: string | null; has_petitioner: boolean; submitted: boolean }[]>`
      SELECT c.case_number, c.conversation_id::text AS conversation_id,
        (p.id IS NOT NULL AND p.name_enc IS NOT NULL) AS has_petitioner,
        EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = c.id AND e.kind = 'submitted') AS submitted
      FROM cases c LEFT JOIN petitioners p ON p.id = c.petitioner_id`;
    const byConversation = new Map<string, string[]>();
    for (const r of rows) {
      if (!r.has_petitioner || !r.submitted) violation(`case ${r.case_number} is half-written (petitioner ${r.has_petitioner}, submitted event ${r.submitted})`);
      if (r.conversation_id) byConversation.set(r.conversation_id, [...(byConversation.get(r.conversation_id) ?? []), r.case_number]);
    }
    for (const [conv, numbers] of byConversation) if (numbers.length > 1) violation(`conversation ${conv} has ${numbers.length} cases: ${numbers.join(', ')}`);
    for (const c of everyone) {
      const numbers = c.conversationId ? (byConversation.get(c.conversationId) ?? []) : [];
      if (c.caseNumber && !numbers.includes(c.caseNumber)) violation(`case ${c.caseNumber} shown to ${c.userId} is not in its conversation (${numbers.join(', ')})`);
      if (c.filedUnseen && numbers.length !== 1) violation(`a killed confirm turn of ${c.userId} committed, yet its conversation has ${numbers.length} cases`);
    }
    const known = everyone.filter((c) => c.caseNumber || c.filedUnseen).length + goldenCases;
    if (rows.length !== known) violation(`the store holds ${rows.length} cases; the clients know of ${known}`);
    return rows.length;
  } finally {
    await handle.close();
  }
}
