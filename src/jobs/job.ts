/**
 * A periodic job: idempotent, bounded, and given the clock. The runner takes a
 * database lock per job so that with several server processes one runs it at a time.
 */
import type { Core } from '../main.ts';
import type { Logger } from '../log.ts';

export interface JobContext {
  core: Core;
  log: Logger;
  now: Date;
}

export interface Job {
  name: string;
  /** How often the in-process timer runs it. */
  everyMs: number;
  run(ctx: JobContext): Promise<Record<string, number>>;
}
