// The suite needs the local PostgreSQL (real store tests). Fail fast and clearly if it is down.
// Then, once for every test file: the migrated store templates most tests copy from
// (store-templates.ts) and the NLU model trained on our corpus (nlu-cache.ts), so two
// workers do not each train it at their first app.
import { loadIntentModel } from '../../src/nlu/intent-model.ts';
import { SHARED_NLU_CACHE } from './nlu-cache.ts';
import { postgresReachable, PG_ADMIN_URL } from './postgres.ts';
import { ensurePgliteTemplate, ensurePostgresTemplate } from './store-templates.ts';

export default async function setup() {
  if (!(await postgresReachable())) {
    throw new Error(`PostgreSQL is not reachable at ${PG_ADMIN_URL}; start it (see .ci/run) before npm test`);
  }
  await Promise.all([ensurePgliteTemplate(), ensurePostgresTemplate(), loadIntentModel({ cacheDir: SHARED_NLU_CACHE })]);
}
