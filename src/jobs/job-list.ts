/** Every periodic job; `npm run jobs -- --once` runs each once. */
import type { Job } from './job.ts';
import { deadlineSweep } from './deadline-sweep.ts';
import { callbackSweep } from './callback-sweep.ts';
import { planStepSweep } from './plan-step-sweep.ts';
import { pruneInbound } from './prune-inbound.ts';
import { retention } from './retention.ts';
import { refreshStatistics } from './refresh-statistics.ts';

export const JOBS: readonly Job[] = [deadlineSweep, callbackSweep, planStepSweep, pruneInbound, retention, refreshStatistics];
