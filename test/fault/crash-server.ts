/**
 * The server process under the crash test: always on the same port and store, killed
 * with SIGKILL and started again. Clients wait on `up()` while it is down.
 */
import net from 'node:net';
import { spawnServer, startServer, type ServerProcess } from '../helpers/process.ts';
import { SHARED_NLU_CACHE } from '../helpers/nlu-cache.ts';
import { TEST_SECRET } from '../helpers/stores.ts';

export const CRASH_ADMIN_PASSWORD = 'admin-test-password-1';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

export class CrashServer {
  private proc: ServerProcess | null = null;
  private waiting: (() => void)[] = [];
  /** How long each start took until /healthz answered, in ms. */
  readonly startMs: number[] = [];
  readonly url: string;

  constructor(
    private readonly port: number,
    private readonly store: { dataDir: string; databaseUrl?: string | undefined },
  ) {
    this.url = `http://127.0.0.1:${port}`;
  }

  get alive(): boolean {
    return this.proc !== null;
  }

  /** Resolves at once while the server runs, else when it is started again. */
  up(): Promise<void> {
    return this.proc ? Promise.resolve() : new Promise((resolve) => this.waiting.push(resolve));
  }

  async start(): Promise<void> {
    // startServer throws if the process exits first, e.g. refusing a "locked" DATA_DIR.
    const p = await startServer(this.env(), 180_000);
    this.startMs.push(p.msToHealthy);
    this.proc = p;
    for (const w of this.waiting.splice(0)) w();
  }

  /** Starts a process and kills it `afterMs` later, whatever it is doing (opening the store, migrating, loading the NLU). */
  async killWhileStarting(afterMs: number): Promise<void> {
    const p = spawnServer(this.env());
    await Promise.race([p.exited, new Promise((r) => setTimeout(r, afterMs))]);
    p.child.kill('SIGKILL');
    await p.exited;
  }

  private env(): Record<string, string> {
    return {
      PORT: String(this.port),
      DATA_DIR: this.store.dataDir,
      SECRET_KEY: TEST_SECRET,
      ADMIN_PASSWORD: CRASH_ADMIN_PASSWORD,
      NLU_CACHE_DIR: SHARED_NLU_CACHE,
      LOG_LEVEL: 'warn',
      ...(this.store.databaseUrl ? { DATABASE_URL: this.store.databaseUrl } : {}),
    };
  }

  /** kill -9: no shutdown code runs, exactly like a crash. */
  async kill(): Promise<void> {
    const p = this.proc;
    if (!p) return;
    this.proc = null;
    p.child.kill('SIGKILL');
    await p.exited;
  }

  /** A clean stop (SIGTERM) that must exit 0. */
  async stop(): Promise<number | null> {
    const p = this.proc;
    if (!p) return 0;
    this.proc = null;
    p.child.kill('SIGTERM');
    return p.exited;
  }

  output(): string {
    return this.proc?.output() ?? '';
  }
}
