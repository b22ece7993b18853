/**
 * A PostgreSQL cluster of the test's own (initdb on a free port, data under the temp
 * dir), so a test may stop and start it without touching the shared one on 5432.
 * initdb refuses to run as root: then every command runs as the `postgres` user.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

/** The newest PostgreSQL's bin directory that has initdb and pg_ctl, if any. */
export function findPgBin(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!fs.existsSync(root)) return undefined;
  const versions = fs.readdirSync(root).sort((a, b) => Number(b) - Number(a));
  for (const v of versions) {
    const bin = path.join(root, v, 'bin');
    if (fs.existsSync(path.join(bin, 'initdb')) && fs.existsSync(path.join(bin, 'pg_ctl'))) return bin;
  }
  return undefined;
}

const asRoot = () => process.getuid?.() === 0;

export class ThrowawayCluster {
  private constructor(
    private readonly bin: string,
    readonly dir: string,
    readonly port: number,
  ) {}

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/xf`;
  }

  static async create(bin: string, port: number): Promise<ThrowawayCluster> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xf-pgcluster-'));
    if (asRoot()) {
      const { stdout } = await run('id', ['-u', 'postgres']);
      const uid = Number(stdout.trim());
      fs.chownSync(dir, uid, uid);
    }
    const c = new ThrowawayCluster(bin, dir, port);
    await c.exec('initdb', ['-D', c.data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
    await c.start();
    const admin = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${port}/postgres` });
    await admin.connect();
    await admin.query('CREATE DATABASE xf');
    await admin.end();
    return c;
  }

  private get data(): string {
    return path.join(this.dir, 'data');
  }

  private async exec(tool: string, args: string[]): Promise<void> {
    const cmd = path.join(this.bin, tool);
    const [file, argv] = asRoot() ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args];
    await run(file, argv, { cwd: this.dir, timeout: 120_000 });
  }

  async start(): Promise<void> {
    const opts = `-p ${this.port} -c listen_addresses=127.0.0.1 -k ${this.dir} -c fsync=off -c max_connections=50`;
    await this.exec('pg_ctl', ['start', '-D', this.data, '-w', '-t', '60', '-l', path.join(this.dir, 'server.log'), '-o', opts]);
  }

  /** `immediate`: no checkpoint, connections dropped at once — like a crash of the database. */
  async stop(mode: 'immediate' | 'fast' = 'immediate'): Promise<void> {
    await this.exec('pg_ctl', ['stop', '-D', this.data, '-m', mode, '-w', '-t', '60']);
  }

  async destroy(): Promise<void> {
    await this.stop('immediate').catch(() => undefined);
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
