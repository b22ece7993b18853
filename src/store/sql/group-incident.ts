/**
 * Group incidents in the commit that creates a case (link-new-case.ts): the new case
 * joins the incident of a similar case, or it and its similar cases form one. Which is
 * domain logic (planIncident); this stores it: the membership, one link from each member
 * to the hub, the incident's one early-warning alert, and the plan a member opened before
 * the incident existed, adopted as the incident's.
 */
import { randomUUID } from 'node:crypto';
import { planIncident, villageOf, type IncidentCandidate, type IncidentPlan, type OpenIncident } from '../../domain/incidents.ts';
import { textSimilarity } from '../../domain/similarity.ts';
import { valuesRows, type SqlQuery } from './sql-exec.ts';

export interface IncidentCase {
  id: string;
  facts: string;
  address: string | null;
  township: string;
  category: string;
  createdAt: Date;
  flags: readonly string[];
}

export interface AreaCandidate {
  id: string;
  facts: string;
  address: string | null;
  createdAt: Date;
  flags: readonly string[];
  incidentId: string | null;
}

/** An open incident of the township and category, with its latest members (sql: INCIDENT_MEMBERS in link-new-case.ts). */
export interface AreaIncident {
  id: string;
  openedAt: Date;
  members: readonly AreaCandidate[];
}

/** The candidates of the new case: other petitioners' cases of the area, and the open incidents' latest members. */
export interface IncidentCandidates {
  area: readonly AreaCandidate[];
  incidents: readonly AreaIncident[];
}

/**
 * The hub the new case is linked to, with the similarity of their facts; `bridged`: the
 * hubs of other incidents it is also similar to (linked, not merged).
 */
export type IncidentHub = { hubId: string; score: number; bridged: { hubId: string; score: number }[] };

const alarming = (flags: readonly string[]) => flags.includes('group') || flags.includes('risk');
const placeOf = (c: { address: string | null; facts: string }) => villageOf(c.address) ?? villageOf(c.facts);

const decide = (kase: IncidentCase, found: IncidentCandidates, score: (c: AreaCandidate) => number) => {
  const candidate = (c: AreaCandidate): IncidentCandidate => ({ id: c.id, score: score(c), createdAt: c.createdAt, incidentId: c.incidentId, alarming: alarming(c.flags), village: placeOf(c) });
  const open = found.incidents.map((i): OpenIncident => ({ id: i.id, openedAt: i.openedAt, members: i.members.map(candidate) }));
  return planIncident({ createdAt: kase.createdAt, alarming: alarming(kase.flags), village: placeOf(kase) }, found.area.map(candidate), open);
};

/**
 * Puts the new case into its incident, if it has one; null when it stands alone. Only
 * forming an incident calls `lockAndReload` (the township and category's lock, then the
 * candidates again): a concurrent filing may have formed it meanwhile, and then this
 * case joins it. Joins need no lock, so a flood's filings do not queue behind each other.
 */
export async function groupIncident(
  q: SqlQuery,
  kase: IncidentCase,
  found: IncidentCandidates,
  score: (c: AreaCandidate) => number,
  lockAndReload: () => Promise<IncidentCandidates>,
): Promise<IncidentHub | null> {
  let plan = decide(kase, found, score);
  if (plan.kind === 'form') {
    found = await lockAndReload();
    plan = decide(kase, found, score);
  }
  if (plan.kind === 'none') return null;
  const byId = new Map(found.area.map((c) => [c.id, c]));
  if (plan.kind === 'join') return joinIncident(q, kase, plan, plan.adopt.map((id) => byId.get(id)!));
  return formIncident(q, kase, plan.memberIds.map((id) => byId.get(id)!));
}

/**
 * The case joins the incident, with the similar cases it brings that are in none (each
 * linked once to the hub, their links suggested among the members gone, a plan of theirs
 * the incident's when it has none). The incidents it bridges stay apart.
 */
async function joinIncident(q: SqlQuery, kase: IncidentCase, plan: Extract<IncidentPlan, { kind: 'join' }>, adopt: readonly AreaCandidate[]): Promise<IncidentHub> {
  const ids = [kase.id, ...plan.adopt];
  const [row] = await q.query<{ hubId: string; hubFacts: string }>(
    `WITH m AS (UPDATE cases SET incident_id = $1::uuid WHERE id = ANY($2::uuid[]) AND incident_id IS NULL RETURNING id)
     UPDATE incidents i SET case_count = case_count + (SELECT count(*) FROM m), last_case_at = greatest(last_case_at, $3::timestamptz)
     FROM cases h WHERE i.id = $1::uuid AND h.id = i.hub_case_id
     RETURNING i.hub_case_id::text AS "hubId", h.facts AS "hubFacts"`,
    [plan.incidentId, ids, kase.createdAt],
  );
  const hub = { hubId: row!.hubId, score: textSimilarity(kase.facts, row!.hubFacts) };
  if (adopt.length > 0) await adoptMembers(q, plan.incidentId, hub.hubId, adopt.map((c) => [c.id, textSimilarity(c.facts, row!.hubFacts)]));
  const bridged = plan.bridged.length
    ? await q.query<{ hubId: string; hubFacts: string }>(
        `SELECT i.hub_case_id::text AS "hubId", h.facts AS "hubFacts" FROM incidents i JOIN cases h ON h.id = i.hub_case_id WHERE i.id = ANY($1::uuid[]) ORDER BY i.opened_at, i.id`,
        [plan.bridged],
      )
    : [];
  return { ...hub, bridged: bridged.map((b) => ({ hubId: b.hubId, score: textSimilarity(kase.facts, b.hubFacts) })) };
}

/** Cases taken into an incident after their filing: one link each to the hub, the incident's plan if it had none. */
async function adoptMembers(q: SqlQuery, incidentId: string, hubId: string, adopted: readonly [id: string, score: number][]): Promise<void> {
  const params: unknown[] = [incidentId, hubId];
  const rows = valuesRows(params, adopted, ['uuid', 'float8']);
  // Only those this filing took (a concurrent one may have taken a case into another incident).
  await q.query(
    `WITH a AS (SELECT v.id, v.s FROM (VALUES ${rows}) AS v(id, s) JOIN cases c ON c.id = v.id WHERE c.incident_id = $1::uuid AND c.id <> $2::uuid),
     d AS (
       DELETE FROM case_links l WHERE l.kind = 'related' AND l.confirmed_at IS NULL AND l.unlinked_at IS NULL AND l.other_case_id <> $2::uuid
         AND l.case_id IN (SELECT id FROM a) AND l.other_case_id IN (SELECT id FROM cases WHERE incident_id = $1::uuid)
     )
     INSERT INTO case_links (case_id, other_case_id, kind, score) SELECT a.id, $2::uuid, 'related', a.s FROM a
     ON CONFLICT DO NOTHING`,
    params,
  );
  await q.query(
    `UPDATE incidents SET plan_case_id = (SELECT id FROM cases WHERE incident_id = $1::uuid AND plan_code IS NOT NULL ORDER BY created_at, id LIMIT 1)
     WHERE id = $1::uuid AND plan_case_id IS NULL`,
    [incidentId],
  );
}

async function formIncident(q: SqlQuery, kase: IncidentCase, members: AreaCandidate[]): Promise<IncidentHub> {
  const hub = members[0]!;
  const id = randomUUID();
  const ids = [...members.map((m) => m.id), kase.id];
  const params: unknown[] = [id, hub.id, kase.township, kase.category, kase.createdAt, ids.length, ids];
  // Each earlier member gets its one link to the hub; links suggested among them go.
  const hubLinks = valuesRows(params, members.slice(1).map((m) => [m.id, textSimilarity(m.facts, hub.facts)]), ['uuid', 'float8']);
  const message = `群体性事件：同一地方同一事项的 ${ids.length} 件信访已合为一组 / Group incident: ${ids.length} petitions of one place and matter grouped`;
  params.push(`incident:${id}`, message);
  const msg = params.length;
  await q.query(
    `WITH i AS (
       INSERT INTO incidents (id, hub_case_id, township, category, opened_at, last_case_at, case_count)
       VALUES ($1::uuid, $2::uuid, $3, $4, $5::timestamptz, $5::timestamptz, $6::int)
     ), m AS (
       UPDATE cases SET incident_id = $1::uuid WHERE id = ANY($7::uuid[]) AND incident_id IS NULL
     ), d AS (
       DELETE FROM case_links WHERE kind = 'related' AND confirmed_at IS NULL AND unlinked_at IS NULL
         AND case_id = ANY($7::uuid[]) AND other_case_id = ANY($7::uuid[]) AND case_id <> $2::uuid AND other_case_id <> $2::uuid
     )${hubLinks ? `, l AS (
       INSERT INTO case_links (case_id, other_case_id, kind, score) SELECT v.c, $2::uuid, 'related', v.s FROM (VALUES ${hubLinks}) AS v(c, s)
       ON CONFLICT DO NOTHING
     )` : ''}
     INSERT INTO alerts (id, at, kind, dedupe_key, case_id, unit, message)
     SELECT gen_random_uuid(), $5::timestamptz, 'incident', $${msg - 1}, h.id, h.unit, $${msg} FROM cases h WHERE h.id = $2::uuid
     ON CONFLICT (dedupe_key) DO NOTHING`,
    params,
  );
  // A member may have opened its plan before the incident existed: that plan is the
  // incident's. A separate statement, so it sees plans committed while it waited for the
  // members' rows above.
  await q.query(
    `UPDATE incidents SET plan_case_id = (SELECT id FROM cases WHERE incident_id = $1::uuid AND plan_code IS NOT NULL ORDER BY created_at, id LIMIT 1)
     WHERE id = $1::uuid`,
    [id],
  );
  return { hubId: hub.id, score: textSimilarity(kase.facts, hub.facts), bridged: [] };
}
