/** Tables and the PASS/FAIL verdicts of `npm run bench`. */
import { TARGET } from './args.ts';
import type { LoadStats } from './driver.ts';
import type { FloodStats } from './flood-phase.ts';
import type { LookupStats } from './lookup-bench.ts';
import type { StaffStats } from './staff-bench.ts';
import type { NluStats } from './nlu-bench.ts';
import type { RssStats } from './rss-phase.ts';
import type { StoreKind } from './server.ts';

export interface ChatResult extends LoadStats {
  /** Server peak RSS (VmHWM) at the end of this load, MB. */
  peakRssMb: number;
  /** Server CPU time per turn (all turns of the run, warm-up included), ms: robust on a busy machine. */
  cpuMsPerTurn: number;
}

export interface StoreResults {
  store: StoreKind;
  chat: ChatResult[];
  flood?: FloodStats;
  rss?: RssStats;
  lookup?: LookupStats;
  staff?: StaffStats;
}

export interface Verdict {
  target: string;
  pass: boolean | null;
  detail: string;
}

const f0 = (n: number) => n.toFixed(0);
const f1 = (n: number) => n.toFixed(1);

export function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function chatTable(results: ChatResult[]): string {
  const rows = results.map((r) => [
    r.model === 'service' ? `service @${f0(r.offeredRate!)}/s` : 'saturation',
    String(r.users),
    f1(r.turnsPerSec),
    f1(r.latencyMs.p50),
    f1(r.latencyMs.p95),
    f1(r.latencyMs.p99),
    f1(r.latencyMs.max),
    f1(r.petitionsPerSec),
    `${f1(r.filingLatencyMs.p50)} / ${f1(r.filingLatencyMs.p99)}`,
    `${r.errorCount}${r.errorCount ? ` (${Object.entries(r.errors).filter(([, v]) => v).map(([k, v]) => `${k} ${v}`).join(', ')})` : ''}`,
    f0(r.peakRssMb),
    f1(r.cpuMsPerTurn),
  ]);
  return table(['model', 'users', 'turns/s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'petitions/s', 'filing p50/p99 ms', 'errors', 'peak RSS MB', 'server CPU ms/turn'], rows);
}

export function lookupTable(l: LookupStats): string {
  const rows = l.rows.map((r) => [r.what, f1(r.latencyMs.p50), f1(r.latencyMs.p95), f1(r.latencyMs.max), String(r.failures)]);
  return `${l.cases} cases (seeded in ${f1(l.seedSeconds)} s)\n${table(['lookup', 'p50 ms', 'p95 ms', 'max ms', 'failures'], rows)}`;
}

/** Per kind: p50 / p95 of each round. */
export function staffTable(l: StaffStats): string {
  const rows = l.rows.map((r) => [r.what, ...r.rounds.map((x) => `${f1(x.p50)} / ${f1(x.p95)}`), String(r.failures)]);
  const head = ['staff page', ...l.rows[0]!.rounds.map((_, i) => `round ${i + 1} p50 / p95 ms`), 'failures'];
  const seeded = l.seedSeconds === null ? 'store kept from an earlier run' : `seeded in ${f1(l.seedSeconds)} s`;
  return `${l.cases} cases (${seeded}; server start ${f1(l.startSeconds)} s)\n${table(head, rows)}`;
}

export function rssLine(r: RssStats): string {
  return `${r.conversations} open conversations (errors ${r.errors}): RSS ${f0(r.startRssMb)} MB before, ${f0(r.rssMb)} MB after, peak ${f0(r.peakRssMb)} MB`;
}

export function nluLine(n: NluStats): string {
  return `NLU alone (in-process): ${f0(n.parsesPerSec)} parses/s over ${n.parses} parses; p50 ${n.latencyMs.p50.toFixed(2)} ms, p99 ${n.latencyMs.p99.toFixed(2)} ms`;
}

/** The issue's targets; null when this run did not use the target's scenario. */
export function verdicts(results: StoreResults[]): Verdict[] {
  const out: Verdict[] = [];
  for (const s of results) {
    const t = TARGET[s.store];
    const name = `${s.store === 'postgres' ? 'PostgreSQL' : 'PGlite'}: ${t.users} conversations offering ${t.rate} turns/s, p99 ≤ ${t.p99Ms} ms, no errors`;
    const run = s.chat.find((c) => c.model === 'service' && c.users === t.users && c.offeredRate === t.rate);
    if (!run) out.push({ target: name, pass: null, detail: 'not run (needs the default --users/--rate and the service model)' });
    else {
      const kept = run.turnsPerSec >= 0.95 * t.rate;
      const pass = run.latencyMs.p99 <= t.p99Ms && run.errorCount === 0 && kept;
      out.push({ target: name, pass, detail: `p99 ${f1(run.latencyMs.p99)} ms, ${f1(run.turnsPerSec)} turns/s served, ${run.errorCount} errors` });
    }
    const rssName = `${s.store === 'postgres' ? 'PostgreSQL' : 'PGlite'}: server RSS ≤ ${TARGET.rss.maxMb} MB with ${TARGET.rss.conversations} open conversations`;
    if (!s.rss || s.rss.conversations < TARGET.rss.conversations) out.push({ target: rssName, pass: null, detail: 'not run at full size' });
    else out.push({ target: rssName, pass: s.rss.peakRssMb <= TARGET.rss.maxMb, detail: `peak ${f0(s.rss.peakRssMb)} MB, now ${f0(s.rss.rssMb)} MB` });
  }
  return out;
}

export function verdictLines(vs: Verdict[]): string {
  return vs.map((v) => `${v.pass === null ? 'n/a ' : v.pass ? 'PASS' : 'FAIL'}  ${v.target} — ${v.detail}`).join('\n');
}

/** The flood phase: latency of every villager's turns, and what the store made of it. */
export function floodLines(f: FloodStats): string {
  const l = f.latencyMs;
  return [
    `  flood: ${f.citizens} villagers starting within ${f.windowS} s, ${f.turns} turns in ${f.seconds.toFixed(0)} s, ${f.filed} filed, ${f.errors} not filed${f.errors ? ` (${Object.entries(f.notFiled).map(([k, n]) => `${k}: ${n}`).join(', ')})` : ''}`,
    `    turn latency ms: p50 ${f1(l.p50)}  p95 ${f1(l.p95)}  p99 ${f1(l.p99)}  max ${f1(l.max)}   filing turns: p50 ${f1(f.filingLatencyMs.p50)}  p99 ${f1(f.filingLatencyMs.p99)}   server CPU ${f1(f.cpuMsPerTurn)} ms/turn, peak RSS ${f0(f.peakRssMb)} MB`,
    `    store: ${f.cases} cases, ${f.incidents} incident(s) with ${f.members} members, ${f.links} links among them, ${f.incidentAlerts} incident alert(s), ${f.plans} plan(s) (${f.planAlerts} plan alert(s)), ${f.inbox} chats in the inbox`,
  ].join('\n');
}
