// The suite needs the local PostgreSQL (real store tests). Fail fast and clearly if it is down.
import { postgresReachable, PG_ADMIN_URL } from './postgres.ts';

export default async function setup() {
  if (!(await postgresReachable())) {
    throw new Error(`PostgreSQL is not reachable at ${PG_ADMIN_URL}; start it (see .ci/run) before npm test`);
  }
}
