/**
 * Issue 15, item 15: `npm start` with NODE_ENV=production and TOTP not required for the
 * admin role prints the warning at every start, not only the first.
 */
import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { ADMIN_TOTP_WARNING } from '../../src/app/startup/startup-warnings.ts';
import { SHARED_NLU_CACHE } from '../helpers/nlu-cache.ts';
import { startServer } from '../helpers/process.ts';
import { tempDir, TEST_SECRET } from '../helpers/stores.ts';
import { seedPgliteData } from '../helpers/store-templates.ts';

const dataDir = seedPgliteData(tempDir());
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('npm start in production', () => {
  it('prints the admin TOTP warning at the first start and again at the next', async () => {
    for (let start = 0; start < 2; start++) {
      const server = await startServer({ NODE_ENV: 'production', DATA_DIR: dataDir, SECRET_KEY: TEST_SECRET, NLU_CACHE_DIR: SHARED_NLU_CACHE, ADMIN_PASSWORD: 'admin-test-password-1' });
      try {
        expect(server.output()).toContain(ADMIN_TOTP_WARNING);
      } finally {
        server.child.kill('SIGTERM');
        await server.exited;
      }
    }
  }, 240_000);
});
