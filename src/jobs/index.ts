/** Every periodic job; `npm run jobs -- --once` runs each once. */
import type { Job } from './job.ts';

export const JOBS: readonly Job[] = [];
