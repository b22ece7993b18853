import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // 2-core CI machine: PGlite instances are memory- and CPU-heavy.
    pool: 'forks',
    maxWorkers: 2,
    // One module graph per worker instead of one per file: the app's imports
    // (Prisma, node-nlp, botkit) cost ~2 s a file and the suite ~5 min in all.
    // Every file builds its own app and store, so nothing is shared but code.
    isolate: false,
    globalSetup: ['test/helpers/global-setup.ts'],
  },
});
