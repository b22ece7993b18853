#!/usr/bin/env node
// Runs the Prisma CLI with a placeholder DATABASE_URL when none is set: the CLI needs
// one to parse the schema, and without it Prisma tries to download a native engine.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const cli = require.resolve('prisma/build/index.js');
const env = { ...process.env, DATABASE_URL: process.env.DATABASE_URL || 'postgresql://localhost:5432/unused' };
const r = spawnSync(process.execPath, [cli, ...process.argv.slice(2)], { stdio: 'inherit', env });
process.exit(r.status ?? 1);
