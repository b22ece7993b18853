/**
 * Repeat and related petitions of a new case: the candidates in one read, the links
 * (and the `repeat` flag) in one write. What counts as similar is app logic
 * (planCaseLinks); this only fetches and stores.
 */
import { INCIDENT_MEMBERS_COMPARED, INCIDENT_WINDOW_HOURS } from '../../domain/incidents.ts';
import { CANDIDATE_LIMIT, planCaseLinks, RELATED_WINDOW_DAYS, REPEAT_WINDOW_DAYS, type LinkCandidate, type PlannedLink } from '../../domain/case-links.ts';
import { textSimilarity } from '../../domain/similarity.ts';
import { groupIncident, type AreaCandidate, type AreaIncident } from './group-incident.ts';
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

/** Open incidents this many at most: a township and category rarely has more than one at a time. */
const OPEN_INCIDENTS = 10;

// The open incidents of the case's township and category (a member filed within the
// window), first opened first, each with its latest members: a bounded read however
// large the incident grows.
const INCIDENT_MEMBERS = `
  WITH k AS (SELECT id, township, category, created_at FROM cases WHERE id = $1::uuid AND township IS NOT NULL),
  i AS (
    SELECT i.id, i.opened_at FROM k, incidents i
    WHERE i.township = k.township AND i.category = k.category AND i.last_case_at >= k.created_at - make_interval(secs => $2::int)
    ORDER BY i.opened_at, i.id LIMIT $3::int
  )
  SELECT i.id::text AS "incidentId", i.opened_at AS "openedAt", m.id::text AS id, m.facts, m.created_at AS "createdAt", m.flags, m.address,
    p.phone_hash AS "phoneHash", p.id_number_hash AS "idNumberHash"
  FROM i CROSS JOIN k CROSS JOIN LATERAL (
    SELECT c.id, c.facts, c.created_at, c.flags, c.address, c.petitioner_id FROM cases c
    WHERE c.incident_id = i.id AND c.id <> k.id ORDER BY c.created_at DESC LIMIT $4::int
  ) m LEFT JOIN petitioners p ON p.id = m.petitioner_id
  ORDER BY i.opened_at, i.id`;

type MemberRow = { incidentId: string; openedAt: Date; id: string; facts: string; createdAt: Date; flags: string[] | null; address: string | null; phoneHash: string | null; idNumberHash: string | null };

// Forming an incident takes this lock of the township and category: two cases of one flood
// committing at once would otherwise each start their own (group-incident.ts). Joining
// one, or standing alone, takes none. The lock's void result stays inside: Prisma's raw
// queries cannot read a void column.
const AREA_LOCK = `WITH l AS (SELECT pg_advisory_xact_lock(${0x1f0c1d}, hashtext(township || '/' || category)) FROM cases WHERE id = $1::uuid AND township IS NOT NULL)
  SELECT count(*)::int AS locked FROM l`;

/** `incidentOnly`: the group incident and its hub links only (regroupCase), no new repeat or related suggestions. */
export async function linkNewCase(q: SqlQuery, caseId: string, opts: { incidentOnly?: boolean } = {}): Promise<PlannedLink[]> {
  const params = [caseId, REPEAT_WINDOW_DAYS * DAY_S, RELATED_WINDOW_DAYS * DAY_S, CANDIDATE_LIMIT];
  const rows = await q.query<Row>(CANDIDATES, params);
  const kase = rows.find((r) => r.src === 'case');
  if (!kase) throw new Error(`case ${caseId} not found`);
  // A pair linked before (either way, also one staff unlinked) is never suggested again.
  const known = new Set(rows.filter((r) => r.src === 'known').map((r) => r.id));
  const candidates = (src: Row['src'], from = rows) =>
    from.filter((r) => r.src === src && !known.has(r.id)).map((r) => ({ ...r, facts: r.facts ?? '', createdAt: new Date(r.createdAt!), flags: r.flags ?? [] }));
  // Other people only: the petitioner's own cases are repeats or nothing.
  const own = (r: Pick<Row, 'phoneHash' | 'idNumberHash'>) => (!!r.phoneHash && r.phoneHash === kase.phoneHash) || (!!r.idNumberHash && r.idNumberHash === kase.idNumberHash);
  const facts = kase.facts ?? '';
  const area = candidates('area').filter((r) => !own(r));
  const openIncidents = async (): Promise<AreaIncident[]> => {
    const members = await q.query<MemberRow>(INCIDENT_MEMBERS, [caseId, INCIDENT_WINDOW_HOURS * 3600, OPEN_INCIDENTS, INCIDENT_MEMBERS_COMPARED]);
    const byId = new Map<string, { id: string; openedAt: Date; members: AreaCandidate[] }>();
    for (const m of members) {
      const i = byId.get(m.incidentId) ?? byId.set(m.incidentId, { id: m.incidentId, openedAt: new Date(m.openedAt), members: [] }).get(m.incidentId)!;
      if (!own(m)) i.members.push({ id: m.id, facts: m.facts, address: m.address, createdAt: new Date(m.createdAt), flags: m.flags ?? [], incidentId: m.incidentId });
    }
    return [...byId.values()];
  };
  // Each candidate is scored once, for the incident and the related links alike.
  const scores = new Map<string, number>();
  const score = (c: LinkCandidate) => scores.get(c.id) ?? scores.set(c.id, textSimilarity(facts, c.facts)).get(c.id)!;
  const lockAndReload = async () => {
    await q.query(AREA_LOCK, [caseId]);
    return { area: candidates('area', await q.query<Row>(CANDIDATES, params)).filter((r) => !own(r)), incidents: await openIncidents() };
  };
  const hub = kase.township && kase.category
    ? await groupIncident(q, { ...kase, facts, township: kase.township, category: kase.category, createdAt: new Date(kase.createdAt!), flags: kase.flags ?? [] }, { area, incidents: await openIncidents() }, score, lockAndReload)
    : null;
  // A member of an incident is linked once, to its hub, rather than to its most similar cases.
  const links = opts.incidentOnly ? [] : planCaseLinks(facts, candidates('person'), hub ? [] : area, score);
  // Its hub, and the hubs of incidents it bridges: staff see the bridge, nothing is merged.
  for (const h of hub ? [hub, ...hub.bridged] : []) {
    if (h.hubId !== caseId && !known.has(h.hubId) && !links.some((l) => l.otherCaseId === h.hubId)) links.push({ otherCaseId: h.hubId, kind: 'related', score: h.score });
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

/**
 * A case committed in no incident looks again once committed: a similar filing that
 * committed at the same moment was invisible to its transaction, so both may have
 * stood alone. Joins (or forms) an incident as at filing, adds the links newly visible
 * cases call for, and leaves it one link to the group's hub. False when the case is in an
 * incident already or still stands alone.
 */
export async function regroupCase(q: SqlQuery, caseId: string): Promise<boolean> {
  // No row lock: a concurrent filing forming the incident updates this row under its area lock.
  const [before] = await q.query<{ incidentId: string | null }>(`SELECT incident_id::text AS "incidentId" FROM cases WHERE id = $1::uuid`, [caseId]);
  if (!before || before.incidentId) return false;
  await linkNewCase(q, caseId, { incidentOnly: true });
  const [after] = await q.query<{ incidentId: string | null; hubId: string | null }>(
    `SELECT c.incident_id::text AS "incidentId", i.hub_case_id::text AS "hubId" FROM cases c LEFT JOIN incidents i ON i.id = c.incident_id WHERE c.id = $1::uuid`,
    [caseId],
  );
  if (!after?.incidentId) return false;
  // Its links suggested at filing to cases now in its incident give way to the one to the hub.
  await q.query(
    `DELETE FROM case_links WHERE case_id = $1::uuid AND kind = 'related' AND confirmed_at IS NULL AND unlinked_at IS NULL
       AND other_case_id <> $3::uuid AND other_case_id IN (SELECT id FROM cases WHERE incident_id = $2::uuid)`,
    [caseId, after.incidentId, after.hubId],
  );
  return true;
}
