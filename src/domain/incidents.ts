/**
 * Group incidents (群体性事件): many petitioners of one place filing the same matter
 * close together. Instead of linking every such case to every other, the cases form one
 * incident: each member points to it once and is linked to its hub (the first case),
 * and the incident raises one early-warning alert and opens at most one emergency plan.
 * Pure: the store loads the same-township, same-category candidates (case-links.ts)
 * inside the transaction that creates the case; `planIncident` decides.
 */
import { RELATED_THRESHOLD } from './case-links.ts';

/** Similar cases filed within this span of each other belong to one incident. */
export const INCIDENT_WINDOW_HOURS = 72;
/** Cases (of different petitioners) that make an incident when none of them is a group case. */
export const INCIDENT_MIN_CASES = 5;
/** A new case is compared with at most this many of an open incident's latest members. */
export const INCIDENT_MEMBERS_COMPARED = 20;

export interface IncidentCandidate {
  id: string;
  /** Similarity of its facts to the new case's (textSimilarity). */
  score: number;
  createdAt: Date;
  incidentId: string | null;
  /** A group or risk case (5+ people, or risk language). */
  alarming: boolean;
  village: string | null;
}

export interface NewIncidentCase {
  createdAt: Date;
  alarming: boolean;
  village: string | null;
}

/** An incident of the same township and category with a member inside the window: its latest members. */
export interface OpenIncident {
  id: string;
  openedAt: Date;
  /** At most INCIDENT_MEMBERS_COMPARED, scored against the new case like candidates. */
  members: readonly IncidentCandidate[];
}

export type IncidentPlan =
  | { kind: 'none' }
  /**
   * `adopt`: similar cases in no incident (left out by a race or by wording that matched
   * nothing at their filing) that join with it; `bridged`: other incidents the case is
   * also similar to, not merged, for staff to see.
   */
  | { kind: 'join'; incidentId: string; adopt: string[]; bridged: string[] }
  /** Members: the similar candidates not in an incident, oldest first (the hub is the first). */
  | { kind: 'form'; memberIds: string[] };

/** Words before 村 that name no particular village (我们村, 全村, 邻村 …). */
const GENERIC_VILLAGE = /^(?:[我咱俺你他她]们|[我咱俺本全邻各该这那此每]|[整同隔附][个一壁近]|一个|哪个)/u;
const VILLAGE = /(\p{Script=Han}{1,3}?)村(?![民里委子庄口头])/gu;

/** The first named village in the text ("李家村"), or null when it names none. */
export function villageOf(text: string | null): string | null {
  for (const m of (text ?? '').matchAll(VILLAGE)) {
    const name = m[1]!.replace(/^.*[镇乡县市区街]/u, '');
    if (name && !GENERIC_VILLAGE.test(name)) return `${name}村`;
  }
  return null;
}

/** Similar cases filed within the window about the same village (when both name one), most similar first. */
function sameMatter(kase: NewIncidentCase, candidates: readonly IncidentCandidate[]): IncidentCandidate[] {
  const since = kase.createdAt.getTime() - INCIDENT_WINDOW_HOURS * 3_600_000;
  return candidates
    .filter((c) => c.score >= RELATED_THRESHOLD && c.createdAt.getTime() >= since)
    .filter((c) => !kase.village || !c.village || c.village === kase.village)
    .sort((a, b) => b.score - a.score || b.createdAt.getTime() - a.createdAt.getTime());
}

/**
 * Which incident, if any, the new case belongs to. Candidates are other petitioners'
 * cases of the same township and category. Similarity is not transitive (villagers tell
 * one matter in alike words), so the case joins an open incident when it is similar to
 * ANY of its latest members, not only to its own best candidates; when it matches
 * several, the first opened is kept and the others are reported as bridged, not merged.
 * Otherwise a group or risk case with one similar case, or INCIDENT_MIN_CASES similar
 * cases, form a new incident.
 */
export function planIncident(kase: NewIncidentCase, candidates: readonly IncidentCandidate[], open: readonly OpenIncident[] = []): IncidentPlan {
  const similar = sameMatter(kase, candidates);
  const byOpening = [...open].sort((a, b) => a.openedAt.getTime() - b.openedAt.getTime() || a.id.localeCompare(b.id));
  // Incidents reached through a member, first opened first; then any a similar candidate names.
  const matched = [
    ...byOpening.filter((i) => sameMatter(kase, i.members).length > 0).map((i) => i.id),
    ...similar.map((c) => c.incidentId).filter((id): id is string => id !== null),
  ].filter((id, i, all) => all.indexOf(id) === i);
  if (matched.length > 0) {
    const adopt = similar.filter((c) => c.incidentId === null).map((c) => c.id);
    return { kind: 'join', incidentId: matched[0]!, adopt, bridged: matched.slice(1) };
  }
  if (similar.length === 0) return { kind: 'none' };
  const alarming = kase.alarming || similar.some((c) => c.alarming);
  if (!alarming && similar.length + 1 < INCIDENT_MIN_CASES) return { kind: 'none' };
  const members = [...similar].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
  return { kind: 'form', memberIds: members.map((c) => c.id) };
}
