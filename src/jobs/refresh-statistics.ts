/**
 * Refreshes the query planner's statistics (ANALYZE) once a day. PGlite runs no
 * autovacuum: without this its planner never learns how many cases there are or how
 * they spread, and plans every query for an empty store (at 100,000 cases the
 * dashboard's count of open review windows read every case through the creation-date
 * index instead of a month of replies through its own: 55 ms against 12 ms). ANALYZE
 * samples a bounded number of rows per table — 3.6 s at 100,000 cases on PGlite, while
 * its one connection waits; on PostgreSQL autovacuum does the same, and this is cheap.
 */
import type { Job } from './job.ts';

export const refreshStatistics: Job = {
  name: 'refresh-statistics',
  everyMs: 24 * 3600_000,
  async run({ statistics }) {
    await statistics.refresh();
    return { analyzed: 1 };
  },
};
