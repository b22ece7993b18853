/** Every periodic job; `npm run jobs -- --once` runs each once. */
import type { Job } from './job.ts';
import { deadlineSweep } from './deadline-sweep.ts';
import { followUpSweep } from './follow-up-sweep.ts';

export const JOBS: readonly Job[] = [deadlineSweep, followUpSweep];
