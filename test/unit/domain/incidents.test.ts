/** Group incidents, pure: the village a text names, and when a case joins or forms an incident. */
import { describe, expect, it } from 'vitest';
import { INCIDENT_MIN_CASES, INCIDENT_WINDOW_HOURS, planIncident, villageOf, type IncidentCandidate, type OpenIncident } from '../../../src/domain/incidents.ts';

describe('villageOf', () => {
  it.each([
    ['东湖镇李家村', '李家村'],
    ['丙镇李家村征地补偿款', '李家村'],
    ['石门乡上坪村村委会不给钱', '上坪村'],
    ['我们村的征地补偿款', null],
    ['全村三百多户', null],
    ['村里征地', null],
    ['邻村的人也来了', null],
    ['Lijia village', null],
    [null, null],
  ])('%s → %s', (text, village) => expect(villageOf(text)).toBe(village));
});

const AT = new Date('2026-11-27T02:00:00Z');
const HOUR = 3_600_000;
const cand = (over: Partial<IncidentCandidate> = {}): IncidentCandidate => ({
  id: `c${Math.random()}`, score: 0.8, createdAt: new Date(AT.getTime() - HOUR), incidentId: null, alarming: false, village: '李家村', ...over,
});
const kase = (over: { alarming?: boolean; village?: string | null } = {}) => ({ createdAt: AT, alarming: false, village: '李家村', ...over });

describe('planIncident', () => {
  it('joins the incident of the most similar member, bringing the similar cases in none; the other incident is bridged, not merged', () => {
    expect(planIncident(kase(), [cand({ score: 0.6, incidentId: 'a' }), cand({ score: 0.9, incidentId: 'b' }), cand({ id: 'lone', score: 0.95 })])).toEqual({
      kind: 'join', incidentId: 'b', adopt: ['lone'], bridged: ['a'],
    });
  });

  const open = (id: string, openedHoursAgo: number, members: IncidentCandidate[]): OpenIncident => ({ id, openedAt: new Date(AT.getTime() - openedHoursAgo * HOUR), members });

  it('joins an open incident when similar to ANY of its members, not only to its own best candidates', () => {
    // Similar to one member only (wording is not transitive); its nearest candidates are in no incident.
    const incident = open('i1', 5, [cand({ score: 0.2, incidentId: 'i1' }), cand({ score: 0.5, incidentId: 'i1' })]);
    expect(planIncident(kase({ alarming: true }), [cand({ id: 'x', score: 0.9 })], [incident])).toEqual({ kind: 'join', incidentId: 'i1', adopt: ['x'], bridged: [] });
    // Similar to none of them: it forms its own with its similar case.
    const far = open('i1', 5, [cand({ score: 0.3, incidentId: 'i1' })]);
    expect(planIncident(kase({ alarming: true }), [cand({ id: 'x', score: 0.9 })], [far])).toEqual({ kind: 'form', memberIds: ['x'] });
    // A member outside the window or of another village does not count.
    const stale = open('i1', 80, [cand({ incidentId: 'i1', createdAt: new Date(AT.getTime() - (INCIDENT_WINDOW_HOURS + 1) * HOUR) }), cand({ incidentId: 'i1', village: '王家村' })]);
    expect(planIncident(kase(), [], [stale])).toEqual({ kind: 'none' });
  });

  it('a case that bridges two incidents joins the first opened and names the other; nothing merges', () => {
    const first = open('first', 10, [cand({ score: 0.5, incidentId: 'first' })]);
    const second = open('second', 2, [cand({ score: 0.95, incidentId: 'second' })]);
    expect(planIncident(kase(), [], [second, first])).toEqual({ kind: 'join', incidentId: 'first', adopt: [], bridged: ['second'] });
  });

  it('a group or risk case with one similar case forms an incident, oldest first', () => {
    const older = cand({ id: 'old', createdAt: new Date(AT.getTime() - 2 * HOUR) });
    const newer = cand({ id: 'new' });
    expect(planIncident(kase({ alarming: true }), [newer, older])).toEqual({ kind: 'form', memberIds: ['old', 'new'] });
    expect(planIncident(kase(), [cand({ id: 'g', alarming: true })])).toEqual({ kind: 'form', memberIds: ['g'] });
  });

  it(`individual cases form one only at ${INCIDENT_MIN_CASES}`, () => {
    const few = Array.from({ length: INCIDENT_MIN_CASES - 2 }, () => cand());
    expect(planIncident(kase(), few)).toEqual({ kind: 'none' });
    expect(planIncident(kase(), [...few, cand()]).kind).toBe('form');
  });

  it('ignores dissimilar cases, cases older than the window, and another village', () => {
    const g = kase({ alarming: true });
    expect(planIncident(g, [cand({ score: 0.44 })])).toEqual({ kind: 'none' });
    expect(planIncident(g, [cand({ createdAt: new Date(AT.getTime() - (INCIDENT_WINDOW_HOURS + 1) * HOUR) })])).toEqual({ kind: 'none' });
    expect(planIncident(g, [cand({ village: '王家村', incidentId: 'x' })])).toEqual({ kind: 'none' });
    // A text naming no village does not keep a case out.
    expect(planIncident(kase({ alarming: true, village: null }), [cand({ incidentId: 'x' })])).toEqual({ kind: 'join', incidentId: 'x', adopt: [], bridged: [] });
  });
});
