#!/usr/bin/env node
// Writes the next migration: the SQL diff between the schema snapshot kept beside the
// latest migration and prisma/schema.prisma. Pure schema-to-schema diff, so no shadow
// database is needed (Prisma's shadow database does not work through PGlite).
// Usage: npm run db:migration -- <name>
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('usage: npm run db:migration -- <snake_case_name>');
  process.exit(2);
}
const dir = 'prisma/migrations';
const latest = fs.readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort().at(-1);
const from = latest ? ['--from-schema-datamodel', path.join(dir, latest, 'schema.prisma')] : ['--from-empty'];
const r = spawnSync(process.execPath, ['scripts/prisma.mjs', 'migrate', 'diff', ...from, '--to-schema-datamodel', 'prisma/schema.prisma', '--script'], {
  encoding: 'utf8',
});
if (r.status !== 0) {
  console.error(r.stderr || r.stdout);
  process.exit(1);
}
if (!/\b(CREATE|ALTER|DROP)\b/.test(r.stdout)) {
  console.log('schema.prisma has no changes since the latest migration');
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
const target = path.join(dir, `${stamp}_${name}`);
fs.mkdirSync(target);
fs.writeFileSync(path.join(target, 'migration.sql'), r.stdout);
fs.copyFileSync('prisma/schema.prisma', path.join(target, 'schema.prisma'));
console.log(`wrote ${target}/migration.sql`);
