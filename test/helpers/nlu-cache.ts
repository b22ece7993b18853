/** One trained NLU model shared by every test that starts the app (keyed by corpus hash). */
import os from 'node:os';
import path from 'node:path';

export const SHARED_NLU_CACHE = process.env.TEST_NLU_CACHE_DIR ?? path.join(os.tmpdir(), 'xf-test-nlu-cache');
