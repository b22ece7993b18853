/**
 * Repeat and related petitions of a new case: the candidates in one read, the links
 * (and the `repeat` flag) in one write. What counts as similar is app logic
 * (planCaseLinks); this only fetches and stores.
 */
import { CANDIDATE_LIMIT, planCaseLinks, RELATED_WINDOW_DAYS, REPEAT_WINDOW_DAYS, type LinkCandidate, type PlannedLink } from '../../domain/case-links.ts';
import { textSimilarity } from '../../domain/similarity.ts';
import { groupIncident } from './group-incident.ts';
import { valuesRows, type SqlQuery } from './sql-exec.ts';

type Row = {
  src: 'case' | 'known' | 'person' | 'area';
  id: string;
  facts: string | null;
  createdAt: Date | null;
  flags: string[] | null;
  phoneHash: string | null;
  idNumberHash: string | null;
  address: string | null;
  incidentId: string | null;
  township: string | null;
  category: string | null;
};

const DAY_S = 24 * 60 * 60;

// Windows in seconds, not days: a day interval on timestamptz follows the session's DST.
const CANDIDATES = `
  WITH k AS (
    SELECT c.id, c.facts, c.township, c.category, c.created_at, c.flags, c.address, p.phone_hash, p.id_number_hash
    FROM cases c LEFT JOIN petitioners p ON p.id = c.petitioner_id WHERE c.id = $1::uuid
  ), person AS (
    SELECT c.id, c.facts, c.created_at FROM k, cases c JOIN petitioners p ON p.id = c.petitioner_id
    WHERE c.id <> k.id AND c.created_at >= k.created_at - make_interval(secs => $2::int) AND c.created_at <= k.created_at
      AND ((k.phone_hash IS NOT NULL AND p.phone_hash = k.phone_hash) OR (k.id_number_hash IS NOT NULL AND p.id_number_hash = k.id_number_hash))
    ORDER BY c.created_at DESC LIMIT $4::int
  ), area AS (
    SELECT c.id, c.facts, c.created_at, c.flags, c.address, c.incident_id, p.phone_hash, p.id_number_hash FROM k, cases c LEFT JOIN petitioners p ON p.id = c.petitioner_id
    WHERE k.township IS NOT NULL AND c.id <> k.id AND c.township = k.township AND c.category = k.category
      AND c.created_at >= k.created_at - make_interval(secs => $3::int) AND c.created_at <= k.created_at
    ORDER BY c.created_at DESC LIMIT $4::int
  )
  SELECT 'case' AS src, id::text AS id, facts, created_at AS "createdAt", flags, phone_hash AS "phoneHash", id_number_hash AS "idNumberHash",
    address, NULL::text AS "incidentId", township, category FROM k
  UNION ALL
  SELECT 'known', (CASE WHEN case_id = $1::uuid THEN other_case_id ELSE case_id END)::text, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
  FROM case_links WHERE case_id = $1::uuid OR other_case_id = $1::uuid
  UNION ALL
  SELECT 'person', id::text, facts, created_at, NULL, NULL, NULL, NULL, NULL, NULL, NULL FROM person
  UNION ALL
  SELECT 'area', id::text, facts, created_at, flags, phone_hash, id_number_hash, address, incident_id::text, NULL, NULL FROM area`;

// Forming an incident takes this lock of the township and category: two cases of one flood
// committing at once would otherwise each start their own (group-incident.ts). Joining
// one, or standing alone, takes none. The lock's void result stays inside: Prisma's raw
// queries cannot read a void column.
const AREA_LOCK = `WITH l AS (SELECT pg_advisory_xact_lock(${0x1f0c1d}, hashtext(township || '/' || category)) FROM cases WHERE id = $1::uuid AND township IS NOT NULL)
  SELECT count(*)::int AS locked FROM l`;

export async function linkNewCase(q: SqlQuery, caseId: string): Promise<PlannedLink[]> {
  const params = [caseId, REPEAT_WINDOW_DAYS * DAY_S, RELATED_WINDOW_DAYS * DAY_S, CANDIDATE_LIMIT];
  const rows = await q.query<Row>(CANDIDATES, params);
  const kase = rows.find((r) => r.src === 'case');
  if (!kase) throw new Error(`case ${caseId} not found`);
  // A pair linked before (either way, also one staff unlinked) is never suggested again.
  const known = new Set(rows.filter((r) => r.src === 'known').map((r) => r.id));
  const candidates = (src: Row['src'], from = rows) =>
    from.filter((r) => r.src === src && !known.has(r.id)).map((r) => ({ ...r, facts: r.facts ?? '', createdAt: new Date(r.createdAt!), flags: r.flags ?? [] }));
  // Other people only: the petitioner's own cases are repeats or nothing.
  const own = (r: Row) => (!!r.phoneHash && r.phoneHash === kase.phoneHash) || (!!r.idNumberHash && r.idNumberHash === kase.idNumberHash);
  const facts = kase.facts ?? '';
  const area = candidates('area').filter((r) => !own(r));
  // Each candidate is scored once, for the incident and the related links alike.
  const scores = new Map<string, number>();
  const score = (c: LinkCandidate) => scores.get(c.id) ?? scores.set(c.id, textSimilarity(facts, c.facts)).get(c.id)!;
  const lockAndReload = async () => {
    await q.query(AREA_LOCK, [caseId]);
    return candidates('area', await q.query<Row>(CANDIDATES, params)).filter((r) => !own(r));
  };
  const hub = kase.township && kase.category
    ? await groupIncident(q, { ...kase, facts, township: kase.township, category: kase.category, createdAt: new Date(kase.createdAt!), flags: kase.flags ?? [] }, area, score, lockAndReload)
    : null;
  // A member of an incident is linked once, to its hub, rather than to its most similar cases.
  const links = planCaseLinks(facts, candidates('person'), hub ? [] : area, score);
  if (hub && hub.hubId !== caseId && !known.has(hub.hubId) && !links.some((l) => l.otherCaseId === hub.hubId)) {
    links.push({ otherCaseId: hub.hubId, kind: 'related', score: hub.score });
  }
  if (links.length === 0) return links;

  const write: unknown[] = [caseId, links.some((l) => l.kind === 'repeat') && !(kase.flags ?? []).includes('repeat')];
  const values = valuesRows(write, links.map((l) => [l.otherCaseId, l.kind, l.score]), ['uuid', 'text', 'float8']);
  await q.query(
    `WITH l AS (
       INSERT INTO case_links (case_id, other_case_id, kind, score) SELECT $1::uuid, v.o, v.k, v.s FROM (VALUES ${values}) AS v(o, k, s)
       ON CONFLICT DO NOTHING
     )
     UPDATE cases SET flags = array_append(coalesce(flags, '{}'), 'repeat'), updated_at = CURRENT_TIMESTAMP WHERE id = $1::uuid AND $2::boolean`,
    write,
  );
  return links;
}
