/**
 * Crash test: simulated citizens file petitions through /api/chat while the server is
 * killed with SIGKILL at random (seeded) moments and started again on the same store.
 * It collects violations of the invariants instead of asserting timing:
 * - every case number a client received exists with the fields the client sent;
 * - no conversation has two cases; every case has its petitioner and 'submitted' event;
 * - a conversation interrupted by a kill continues from its last committed turn;
 * - the store reopens unaided after every kill (a refused start throws).
 */
import { CrashCitizen, START, TEMPLATES, bodyOf, PROBE, type ChatBody, type ChatReply, type Path, type Template } from './crash-citizen.ts';
import { seededRandom } from '../helpers/random.ts';
import { CrashServer, freePort, CRASH_ADMIN_PASSWORD } from './crash-server.ts';
import { checkStore } from './crash-store-check.ts';

export interface CrashOptions {
  store: { kind: 'pglite' | 'postgres'; dataDir: string; databaseUrl?: string | undefined };
  kills: number;
  seed: number;
  citizens: number;
  /** Up time before each kill is drawn from [min, max] ms. */
  upMs: [number, number];
  /** Share of restarts that are themselves killed while starting (at a random moment of the first `startMs` ms). */
  killStarting?: { share: number; withinMs: number };
  log?: (line: string) => void;
}

export interface CrashReport {
  kills: number;
  /** Restarts that were themselves killed while starting. */
  startingKills: number;
  citizens: number;
  filed: number;
  filedUnseen: number;
  lostTurns: number;
  turns: number;
  cases: number;
  startMs: number[];
  violations: string[];
}


const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

class Client {
  turns = 0;
  constructor(
    private readonly server: CrashServer,
    private readonly violation: (m: string) => void,
  ) {}

  /** One POST; throws when the request is lost (connection refused or reset). */
  async post(userId: string, body: ChatBody): Promise<ChatReply> {
    const res = await fetch(`${this.server.url}/api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId, ...body }),
      signal: AbortSignal.timeout(30_000),
    });
    const json = (await res.json()) as ChatReply;
    this.turns++;
    if (res.status !== 200) {
      this.violation(`POST /api/chat answered ${res.status}: ${JSON.stringify(json).slice(0, 200)}`);
      throw new Error(`status ${res.status}`);
    }
    return json;
  }
}

/** One uninterrupted petition per template: the order of questions each answer leads to. */
async function learnPath(client: Client, t: Template): Promise<Path> {
  const path: Path = new Map();
  const userId = `golden-${t.name}-${Date.now()}-padding`;
  let at: string | null = START;
  for (let i = 0; i < 20 && at !== null; i++) {
    const body = at === START ? { text: t.first } : bodyOf(t.answers[at] ?? '');
    if (at !== START && t.answers[at] === undefined) throw new Error(`${t.name}: no answer for ${at}`);
    const r = await client.post(userId, body);
    if (path.has(at)) throw new Error(`${t.name}: asked ${at} twice`);
    path.set(at, r.expecting);
    at = r.expecting;
    if (r.caseNumber) return path;
  }
  throw new Error(`${t.name}: the golden run filed no case`);
}

async function drive(c: CrashCitizen, client: Client, server: CrashServer): Promise<void> {
  while (!c.done) {
    try {
      c.answered(await client.post(c.userId, c.message()));
    } catch {
      c.lost++;
      for (;;) {
        await server.up();
        try {
          c.probed(await client.post(c.userId, PROBE));
          break;
        } catch {
          await sleep(50);
        }
      }
    }
  }
}

export async function runCrashTest(o: CrashOptions): Promise<CrashReport> {
  const log = o.log ?? (() => undefined);
  const violations: string[] = [];
  const violation = (m: string) => violations.push(m);
  const rnd = seededRandom(o.seed);
  const server = new CrashServer(await freePort(), o.store);
  const client = new Client(server, violation);
  const everyone: CrashCitizen[] = [];
  let startingKills = 0;
  await server.start();
  try {
    const paths = new Map<string, Path>();
    for (const t of TEMPLATES) paths.set(t.name, await learnPath(client, t));
    let stopping = false;
    const slot = async (i: number) => {
      for (let n = 0; !stopping; n++) {
        const t = TEMPLATES[(i + n) % TEMPLATES.length]!;
        const c = new CrashCitizen(t, paths.get(t.name)!, violation);
        everyone.push(c);
        await drive(c, client, server);
      }
    };
    const slots = Array.from({ length: o.citizens }, (_, i) => slot(i));
    for (let k = 0; k < o.kills; k++) {
      await sleep(o.upMs[0] + rnd() * (o.upMs[1] - o.upMs[0]));
      await server.kill();
      if (o.killStarting && rnd() < o.killStarting.share) {
        await server.killWhileStarting(rnd() * o.killStarting.withinMs);
        startingKills++;
        log(`kill ${k + 1}/${o.kills}: also killed while starting`);
      }
      await server.start();
      log(`kill ${k + 1}/${o.kills}: restarted in ${server.startMs.at(-1)} ms, ${everyone.length} citizens so far`);
    }
    stopping = true;
    await Promise.all(slots);
    await checkReceivedCases(server, everyone, violation);
  } finally {
    const code = await server.stop();
    if (code !== 0) violation(`the server did not stop cleanly (exit ${code})`);
  }
  const cases = await checkStore(o.store, everyone, TEMPLATES.length, violation);
  return {
    kills: o.kills,
    startingKills,
    citizens: everyone.length,
    filed: everyone.filter((c) => c.caseNumber).length,
    filedUnseen: everyone.filter((c) => c.filedUnseen).length,
    lostTurns: everyone.reduce((n, c) => n + c.lost, 0),
    turns: client.turns,
    cases,
    startMs: server.startMs,
    violations,
  };
}

/** Every case number a client was shown, read back through the staff API. */
async function checkReceivedCases(server: CrashServer, everyone: CrashCitizen[], violation: (m: string) => void): Promise<void> {
  const login = await fetch(`${server.url}/api/staff/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: CRASH_ADMIN_PASSWORD }),
  });
  const { token } = (await login.json()) as { token: string };
  for (const c of everyone.filter((x) => x.caseNumber)) {
    const res = await fetch(`${server.url}/api/cases/${c.caseNumber}`, { headers: { authorization: `Bearer ${token}` } });
    if (res.status !== 200) {
      violation(`case ${c.caseNumber} shown to ${c.userId} answers ${res.status}`);
      continue;
    }
    const k = (await res.json()) as { category: string; township: string; facts: string; status: string; timeline: unknown[] };
    const e = c.template.expect;
    if (k.category !== e.category || k.township !== e.township || !k.facts.includes(e.facts) || k.status !== 'submitted') {
      violation(`case ${c.caseNumber} (${c.template.name}) holds ${JSON.stringify({ category: k.category, township: k.township, facts: k.facts, status: k.status })}`);
    }
  }
}
