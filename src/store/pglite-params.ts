/** What every PGlite opening shares: the server's own and the initdb child's. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../prisma/migrations');

/**
 * PGlite's memory is one WebAssembly memory that grows and never shrinks, inside the
 * server's own process: PostgreSQL's defaults (128 MB of shared buffers, 64 MB for
 * maintenance) would stay resident for good. The OS page cache still holds the data
 * files. Measured with 1,000 open conversations: README, Performance. initdb takes
 * them too, so the generated postgresql.conf agrees.
 */
export const PGLITE_MEMORY = ['-c', 'shared_buffers=16MB', '-c', 'maintenance_work_mem=16MB'];
