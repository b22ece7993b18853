/**
 * The case lifecycle state machine. The allowed table below is written by hand from
 * the product rules (not generated from TRANSITIONS), and the exhaustive check over
 * every (status, action, actor) proves the machine allows exactly these and no more.
 */
import { describe, expect, it } from 'vitest';
import {
  availableActions,
  CASE_STATUSES,
  checkTransition,
  isCaseStatus,
  isOpenStatus,
  type Actor,
  type CaseAction,
  type CaseStatus,
} from '../../../src/domain/case/lifecycle.ts';

const ACTORS: readonly Actor[] = ['admin', 'intake', 'handler', 'supervisor', 'grid', 'citizen', 'system'];
const ACTIONS: readonly CaseAction[] = [
  'accept',
  'not_accept',
  'transfer',
  'start_handling',
  'note',
  'extend',
  'reply',
  'request_review',
  'review_reply',
  'close',
];

type Row = [status: CaseStatus, action: CaseAction, actor: Actor, to: CaseStatus];

/** Every allowed triple with its target status (66 rows). */
const ALLOWED: Row[] = [
  // accept: submitted | transferred, by admin / intake / handler
  ['submitted', 'accept', 'admin', 'accepted'],
  ['submitted', 'accept', 'intake', 'accepted'],
  ['submitted', 'accept', 'handler', 'accepted'],
  ['transferred', 'accept', 'admin', 'accepted'],
  ['transferred', 'accept', 'intake', 'accepted'],
  ['transferred', 'accept', 'handler', 'accepted'],
  // not_accept
  ['submitted', 'not_accept', 'admin', 'not_accepted'],
  ['submitted', 'not_accept', 'intake', 'not_accepted'],
  ['submitted', 'not_accept', 'handler', 'not_accepted'],
  ['transferred', 'not_accept', 'admin', 'not_accepted'],
  ['transferred', 'not_accept', 'intake', 'not_accepted'],
  ['transferred', 'not_accept', 'handler', 'not_accepted'],
  // transfer: only the bureau side (admin, intake)
  ['submitted', 'transfer', 'admin', 'transferred'],
  ['submitted', 'transfer', 'intake', 'transferred'],
  ['transferred', 'transfer', 'admin', 'transferred'],
  ['transferred', 'transfer', 'intake', 'transferred'],
  ['accepted', 'transfer', 'admin', 'transferred'],
  ['accepted', 'transfer', 'intake', 'transferred'],
  // start_handling
  ['accepted', 'start_handling', 'admin', 'in_progress'],
  ['accepted', 'start_handling', 'intake', 'in_progress'],
  ['accepted', 'start_handling', 'handler', 'in_progress'],
  // note: every open status, status unchanged
  ['submitted', 'note', 'admin', 'submitted'],
  ['submitted', 'note', 'intake', 'submitted'],
  ['submitted', 'note', 'handler', 'submitted'],
  ['transferred', 'note', 'admin', 'transferred'],
  ['transferred', 'note', 'intake', 'transferred'],
  ['transferred', 'note', 'handler', 'transferred'],
  ['accepted', 'note', 'admin', 'accepted'],
  ['accepted', 'note', 'intake', 'accepted'],
  ['accepted', 'note', 'handler', 'accepted'],
  ['in_progress', 'note', 'admin', 'in_progress'],
  ['in_progress', 'note', 'intake', 'in_progress'],
  ['in_progress', 'note', 'handler', 'in_progress'],
  ['extended', 'note', 'admin', 'extended'],
  ['extended', 'note', 'intake', 'extended'],
  ['extended', 'note', 'handler', 'extended'],
  ['review_requested', 'note', 'admin', 'review_requested'],
  ['review_requested', 'note', 'intake', 'review_requested'],
  ['review_requested', 'note', 'handler', 'review_requested'],
  // extend
  ['accepted', 'extend', 'admin', 'extended'],
  ['accepted', 'extend', 'intake', 'extended'],
  ['accepted', 'extend', 'handler', 'extended'],
  ['in_progress', 'extend', 'admin', 'extended'],
  ['in_progress', 'extend', 'intake', 'extended'],
  ['in_progress', 'extend', 'handler', 'extended'],
  // reply
  ['accepted', 'reply', 'admin', 'replied'],
  ['accepted', 'reply', 'intake', 'replied'],
  ['accepted', 'reply', 'handler', 'replied'],
  ['in_progress', 'reply', 'admin', 'replied'],
  ['in_progress', 'reply', 'intake', 'replied'],
  ['in_progress', 'reply', 'handler', 'replied'],
  ['extended', 'reply', 'admin', 'replied'],
  ['extended', 'reply', 'intake', 'replied'],
  ['extended', 'reply', 'handler', 'replied'],
  // review_reply: the review body's answer (its staff are handlers; admin)
  ['review_requested', 'review_reply', 'admin', 'replied'],
  ['review_requested', 'review_reply', 'handler', 'replied'],
  // request_review: the citizen, or staff of the bureau on the citizen's behalf
  ['replied', 'request_review', 'citizen', 'review_requested'],
  ['replied', 'request_review', 'intake', 'review_requested'],
  ['replied', 'request_review', 'admin', 'review_requested'],
  // … also after a close (the window is checked by the review rules; a close does not end it)
  ['closed', 'request_review', 'citizen', 'review_requested'],
  ['closed', 'request_review', 'intake', 'review_requested'],
  ['closed', 'request_review', 'admin', 'review_requested'],
  // close
  ['replied', 'close', 'admin', 'closed'],
  ['replied', 'close', 'intake', 'closed'],
  ['not_accepted', 'close', 'admin', 'closed'],
  ['not_accepted', 'close', 'intake', 'closed'],
];

type Forbidden = [status: CaseStatus, action: CaseAction, actor: Actor, reason: 'invalid_transition' | 'not_allowed'];

const FORBIDDEN: Forbidden[] = [
  // wrong status
  ['accepted', 'accept', 'intake', 'invalid_transition'],
  ['in_progress', 'accept', 'admin', 'invalid_transition'],
  ['closed', 'accept', 'admin', 'invalid_transition'],
  ['replied', 'not_accept', 'intake', 'invalid_transition'],
  ['accepted', 'not_accept', 'handler', 'invalid_transition'],
  ['in_progress', 'transfer', 'intake', 'invalid_transition'],
  ['replied', 'transfer', 'admin', 'invalid_transition'],
  ['submitted', 'start_handling', 'handler', 'invalid_transition'],
  ['in_progress', 'start_handling', 'handler', 'invalid_transition'],
  ['replied', 'note', 'handler', 'invalid_transition'],
  ['not_accepted', 'note', 'intake', 'invalid_transition'],
  ['closed', 'note', 'admin', 'invalid_transition'],
  ['extended', 'extend', 'handler', 'invalid_transition'],
  ['submitted', 'extend', 'handler', 'invalid_transition'],
  ['submitted', 'reply', 'handler', 'invalid_transition'],
  ['replied', 'reply', 'handler', 'invalid_transition'],
  ['in_progress', 'request_review', 'citizen', 'invalid_transition'],
  ['closed', 'reply', 'admin', 'invalid_transition'],
  ['review_requested', 'reply', 'handler', 'invalid_transition'],
  ['replied', 'review_reply', 'admin', 'invalid_transition'],
  ['review_requested', 'review_reply', 'intake', 'not_allowed'],
  ['review_requested', 'review_reply', 'supervisor', 'not_allowed'],
  ['review_requested', 'request_review', 'citizen', 'invalid_transition'],
  ['in_progress', 'close', 'admin', 'invalid_transition'],
  ['submitted', 'close', 'intake', 'invalid_transition'],
  ['closed', 'close', 'admin', 'invalid_transition'],
  // wrong actor
  ['submitted', 'accept', 'supervisor', 'not_allowed'],
  ['submitted', 'accept', 'citizen', 'not_allowed'],
  ['submitted', 'accept', 'grid', 'not_allowed'],
  ['submitted', 'accept', 'system', 'not_allowed'],
  ['transferred', 'not_accept', 'supervisor', 'not_allowed'],
  ['submitted', 'transfer', 'handler', 'not_allowed'],
  ['accepted', 'transfer', 'handler', 'not_allowed'],
  ['accepted', 'start_handling', 'citizen', 'not_allowed'],
  ['in_progress', 'note', 'supervisor', 'not_allowed'],
  ['in_progress', 'note', 'citizen', 'not_allowed'],
  ['submitted', 'note', 'grid', 'not_allowed'],
  ['in_progress', 'extend', 'supervisor', 'not_allowed'],
  ['in_progress', 'extend', 'citizen', 'not_allowed'],
  ['in_progress', 'reply', 'supervisor', 'not_allowed'],
  ['extended', 'reply', 'grid', 'not_allowed'],
  ['replied', 'request_review', 'handler', 'not_allowed'],
  ['replied', 'request_review', 'supervisor', 'not_allowed'],
  ['replied', 'request_review', 'grid', 'not_allowed'],
  ['replied', 'close', 'handler', 'not_allowed'],
  ['replied', 'close', 'citizen', 'not_allowed'],
  ['not_accepted', 'close', 'supervisor', 'not_allowed'],
  ['not_accepted', 'close', 'handler', 'not_allowed'],
];

const key = (s: CaseStatus, a: CaseAction, actor: Actor) => `${s}|${a}|${actor}`;
const allowedTo = new Map(ALLOWED.map(([s, a, actor, to]) => [key(s, a, actor), to]));

describe('checkTransition: allowed triples', () => {
  it('the hand-written table has 66 distinct triples', () => {
    expect(ALLOWED).toHaveLength(66);
    expect(allowedTo.size).toBe(66);
  });

  it.each(ALLOWED)('%s --%s by %s--> %s', (status, action, actor, to) => {
    const r = checkTransition(status, action, actor);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.to).toBe(to);
    expect(r.transition.action).toBe(action);
  });
});

describe('checkTransition: forbidden triples', () => {
  it('the sample is large and does not overlap the allowed table', () => {
    expect(FORBIDDEN.length).toBeGreaterThanOrEqual(20);
    for (const [s, a, actor] of FORBIDDEN) expect(allowedTo.has(key(s, a, actor))).toBe(false);
  });

  it.each(FORBIDDEN)('%s --%s by %s--> refused (%s)', (status, action, actor, reason) => {
    expect(checkTransition(status, action, actor)).toEqual({ ok: false, reason });
  });
});

describe('checkTransition: exhaustive over statuses × actions × actors', () => {
  const triples = CASE_STATUSES.flatMap((s) => ACTIONS.flatMap((a) => ACTORS.map((actor) => [s, a, actor] as const)));

  it('allows exactly the hand-written triples; otherwise refuses with the right reason', () => {
    expect(triples).toHaveLength(9 * 10 * 7);
    const mismatches: string[] = [];
    for (const [s, a, actor] of triples) {
      const r = checkTransition(s, a, actor);
      const expectedTo = allowedTo.get(key(s, a, actor));
      if (expectedTo !== undefined) {
        if (!r.ok || r.to !== expectedTo) mismatches.push(`${key(s, a, actor)}: expected ok→${expectedTo}, got ${JSON.stringify(r)}`);
        continue;
      }
      // Some actor may take this action from this status → a wrong actor; else the status is wrong.
      const someoneMay = ACTORS.some((x) => allowedTo.has(key(s, a, x)));
      const reason = someoneMay ? 'not_allowed' : 'invalid_transition';
      if (r.ok || r.reason !== reason) mismatches.push(`${key(s, a, actor)}: expected ${reason}, got ${JSON.stringify(r)}`);
    }
    expect(mismatches).toEqual([]);
  });
});

describe('availableActions', () => {
  it.each(CASE_STATUSES)('supervisor has no action in %s', (status) => {
    expect(availableActions(status, 'supervisor')).toEqual([]);
  });

  it.each(ACTORS)('closed offers %s nothing but a review request (inside the window)', (actor) => {
    expect(availableActions('closed', actor)).toEqual(['citizen', 'intake', 'admin'].includes(actor) ? ['request_review'] : []);
  });

  it.each(['citizen', 'grid', 'system'] as const)('%s has nothing in any status but replied and closed', (actor) => {
    for (const s of CASE_STATUSES) {
      const expected = actor === 'citizen' && (s === 'replied' || s === 'closed') ? ['request_review'] : [];
      expect(availableActions(s, actor), s).toEqual(expected);
    }
  });

  it.each<[CaseStatus, Actor, CaseAction[]]>([
    ['submitted', 'intake', ['accept', 'not_accept', 'transfer', 'note']],
    ['submitted', 'handler', ['accept', 'not_accept', 'note']],
    ['transferred', 'admin', ['accept', 'not_accept', 'transfer', 'note']],
    ['accepted', 'handler', ['start_handling', 'note', 'extend', 'reply']],
    ['accepted', 'intake', ['transfer', 'start_handling', 'note', 'extend', 'reply']],
    ['in_progress', 'handler', ['note', 'extend', 'reply']],
    ['extended', 'handler', ['note', 'reply']],
    ['replied', 'intake', ['request_review', 'close']],
    ['replied', 'handler', []],
    ['review_requested', 'handler', ['note', 'review_reply']],
    ['review_requested', 'intake', ['note']],
    ['not_accepted', 'intake', ['close']],
    ['not_accepted', 'handler', []],
  ])('%s for %s → %j', (status, actor, actions) => {
    expect([...availableActions(status, actor)].sort()).toEqual([...actions].sort());
  });

  it('agrees with checkTransition for every status and actor', () => {
    for (const s of CASE_STATUSES) {
      for (const actor of ACTORS) {
        const expected = ACTIONS.filter((a) => allowedTo.has(key(s, a, actor)));
        expect([...availableActions(s, actor)].sort(), `${s}/${actor}`).toEqual([...expected].sort());
      }
    }
  });
});

describe('note', () => {
  it.each<CaseStatus>(['submitted', 'transferred', 'accepted', 'in_progress', 'extended', 'review_requested'])(
    'keeps the status %s and is public per event',
    (status) => {
      const r = checkTransition(status, 'note', 'handler');
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect(r.to).toBe(status);
      expect(r.transition.to).toBeUndefined();
      expect(r.transition.public).toBe('per_event');
    },
  );

  it.each(ACTIONS.filter((a) => a !== 'note'))('%s is always a public event', (action) => {
    const row = ALLOWED.find(([, a]) => a === action)!;
    const r = checkTransition(row[0], action, row[2]);
    expect(r.ok && r.transition.public).toBe(true);
  });
});

describe('status helpers', () => {
  it.each<[CaseStatus, boolean]>([
    ['submitted', true],
    ['transferred', true],
    ['accepted', true],
    ['in_progress', true],
    ['extended', true],
    ['review_requested', true],
    ['not_accepted', false],
    ['replied', false],
    ['closed', false],
  ])('isOpenStatus(%s) = %s', (s, open) => {
    expect(isOpenStatus(s)).toBe(open);
  });

  it('CASE_STATUSES are exactly the contract statuses', () => {
    expect([...CASE_STATUSES].sort()).toEqual(
      ['submitted', 'accepted', 'not_accepted', 'transferred', 'in_progress', 'extended', 'replied', 'review_requested', 'closed'].sort(),
    );
  });

  it.each([
    ['submitted', true],
    ['closed', true],
    ['open', false],
    ['Closed', false],
    ['', false],
  ])('isCaseStatus(%j) = %s', (s, expected) => {
    expect(isCaseStatus(s)).toBe(expected);
  });
});
