/**
 * 督办 sweep: open cases whose acceptance deadline (submitted, transferred), reply
 * deadline (accepted, in progress, extended) or review answer deadline (review
 * requested: the review body's, 复查) is due soon or overdue. For each case,
 * deadline and state it raises one alert for supervisors and the responsible unit
 * (for a review, the county's review body)
 * (dedupeKey `<state>:<deadline>:<caseId>`) and writes one internal `supervision`
 * event with it; an overdue case also gets the `overdue` flag. A second run creates
 * nothing. Bounded: at most TAKE cases per run, earliest deadline first.
 */
import { dueAfter, dueState, type DeadlineContext, type DueState } from '../domain/deadlines.ts';
import { deadlineContext } from '../app/chat-turn/messages.ts';
import type { DeadlineKind, DueCase, JobRepository } from '../ports/job-ports.ts';
import type { Job } from './job.ts';

const TAKE = 1000;

const STATUSES: Record<DeadlineKind, readonly string[]> = {
  accept: ['submitted', 'transferred'],
  reply: ['accepted', 'in_progress', 'extended'],
  review: ['review_requested'],
};

const LABEL: Record<DeadlineKind, Record<Exclude<DueState, 'ok'>, string>> = {
  accept: { due_soon: '受理期限即将届满 / acceptance deadline due soon', overdue: '受理期限已超期 / acceptance deadline overdue' },
  reply: { due_soon: '办理期限即将届满 / reply deadline due soon', overdue: '办理期限已超期 / reply deadline overdue' },
  review: { due_soon: '复查答复期限即将届满 / review answer due soon', overdue: '复查答复已超期 / review answer overdue' },
};

export const deadlineAlertKey = (state: Exclude<DueState, 'ok'>, kind: DeadlineKind, caseId: string) => `${state}:${kind}:${caseId}`;

/** The latest deadline `dueState` still calls due soon at `now`. */
export function dueSoonHorizon(now: Date, c: DeadlineContext): Date {
  return dueAfter(now, c.rules.dueSoonDays, { ...c.rules, counting: 'calendar' }, c.utcOffsetMinutes);
}

async function supervise(repo: JobRepository, kind: DeadlineKind, kase: DueCase, state: Exclude<DueState, 'ok'>, now: Date, reviewUnit: string | null) {
  const label = LABEL[kind][state];
  const raised = await repo.raiseAlert({
    kind: `deadline_${state}`,
    dedupeKey: deadlineAlertKey(state, kind, kase.id),
    caseId: kase.id,
    // A late review is the review body's, not the unit whose reply is reviewed.
    unit: kind === 'review' && reviewUnit ? reviewUnit : kase.unit,
    message: `案件 ${kase.caseNumber} ${label}`,
    at: now,
  });
  if (raised) {
    await repo.addSystemEvent(kase.id, { at: now, kind: 'supervision', note: `督办：${label}`, data: { deadline: kind, state, dueAt: kase.dueAt.toISOString() } });
  }
  const flagged = state === 'overdue' && (await repo.addFlag(kase.id, 'overdue'));
  return { raised, flagged };
}

export const deadlineSweep: Job = {
  name: 'deadline-sweep',
  everyMs: 10 * 60_000,
  async run({ deps, repo, now }) {
    const c = deadlineContext(deps.county);
    const until = dueSoonHorizon(now, c);
    const counts = { scanned: 0, alerts: 0, flagged: 0 };
    for (const kind of ['accept', 'reply', 'review'] as const) {
      const cases = await repo.dueCases(kind, STATUSES[kind], now, until, TAKE - counts.scanned);
      for (const kase of cases) {
        counts.scanned++;
        const state = dueState(kase.dueAt, now, c);
        if (state === 'ok') continue;
        const r = await supervise(repo, kind, kase, state, now, deps.county.reviewBody?.unit ?? null);
        if (r.raised) counts.alerts++;
        if (r.flagged) counts.flagged++;
      }
      if (counts.scanned >= TAKE) break;
    }
    return counts;
  },
};
