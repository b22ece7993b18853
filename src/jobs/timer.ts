/**
 * The in-process job timer: each job runs every `everyMs` (a run never overlaps the
 * previous one of the same job). The first run continues the schedule kept in
 * `job_runs`, so frequent restarts neither skip a job nor run it early; a job that
 * never ran waits one period. Timers are unref'd: they never keep the process alive.
 */
import type { Clock } from '../ports/clock.ts';
import type { Logger } from '../log.ts';
import { JOBS } from './job-list.ts';
import type { Job, JobDeps } from './job.ts';
import { runJob } from './runner.ts';

export interface JobTimer {
  /** Stops scheduling and waits for runs in progress (call before closing the store). */
  stop(): Promise<void>;
}

export function startJobTimer(deps: JobDeps, log: Logger, clock: Clock, jobs: readonly Job[] = JOBS): JobTimer {
  let stopped = false;
  const timers = new Set<NodeJS.Timeout>();
  const running = new Set<Promise<unknown>>();

  const schedule = (job: Job, delayMs: number) => {
    if (stopped) return;
    const timer = setTimeout(() => {
      timers.delete(timer);
      const run = runJob(deps, job, log, clock.now())
        .catch((err: unknown) => log.error({ err, job: job.name }, 'job failed'))
        .finally(() => {
          running.delete(run);
          schedule(job, job.everyMs);
        });
      running.add(run);
    }, delayMs);
    timer.unref();
    timers.add(timer);
  };

  const started = deps.store.jobs.lastRuns()
    .catch((err: unknown) => {
      log.warn({ err }, 'job schedule not read; every job waits one period');
      return new Map<string, Date>();
    })
    .then((last) => {
      const now = clock.now().getTime();
      for (const job of jobs) {
        const ranAt = last.get(job.name)?.getTime();
        const delay = ranAt === undefined ? job.everyMs : Math.min(job.everyMs, Math.max(0, ranAt + job.everyMs - now));
        schedule(job, delay);
      }
    });

  return {
    async stop() {
      stopped = true;
      await started;
      for (const t of timers) clearTimeout(t);
      timers.clear();
      await Promise.all([...running]);
    },
  };
}
