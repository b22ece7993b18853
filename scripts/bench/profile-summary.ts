/**
 * Summarises a V8 .cpuprofile (node --cpu-prof): the functions with the most self
 * time, and the share per package (node_modules/<pkg>, src/<dir>, node internals).
 * Run alone: node --import tsx scripts/bench/profile-summary.ts <file.cpuprofile> [top]
 */
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileRow {
  name: string;
  ms: number;
  share: number;
}

export interface ProfileSummary {
  totalMs: number;
  topFunctions: ProfileRow[];
  byPackage: ProfileRow[];
  /** The project's own functions (src/) by inclusive time: which use case costs what. */
  ownInclusive: ProfileRow[];
}

function where(url: string): string {
  if (!url) return '(native)';
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (nm) return nm[1]!;
  const src = /\/(src\/[^/]+|scripts\/[^/]+)/.exec(url);
  if (src) return src[1]!;
  return url.startsWith('node:') ? 'node:internal' : url.split('/').slice(-2).join('/');
}

export function summariseProfile(profile: CpuProfile, top = 25): ProfileSummary {
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const byFn = new Map<string, number>();
  const byPkg = new Map<string, number>();
  let total = 0;
  for (const n of profile.nodes) {
    const us = selfUs.get(n.id) ?? 0;
    if (us === 0) continue;
    total += us;
    const f = n.callFrame;
    const file = f.url ? `${f.url.replace(/^.*\/(node_modules|work\/main)\//, '')}:${f.lineNumber + 1}` : '';
    const key = `${f.functionName || '(anonymous)'} ${file}`.trim();
    byFn.set(key, (byFn.get(key) ?? 0) + us);
    const pkg = f.url ? where(f.url) : f.functionName.startsWith('(') ? f.functionName : '(native)';
    byPkg.set(pkg, (byPkg.get(pkg) ?? 0) + us);
  }
  const rows = (m: Map<string, number>, k: number) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, k)
      .map(([name, us]) => ({ name, ms: us / 1000, share: total ? us / total : 0 }));
  return { totalMs: total / 1000, topFunctions: rows(byFn, top), byPackage: rows(byPkg, 15), ownInclusive: rows(ownInclusive(profile, selfUs), top) };
}

const frameKey = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(/^.*\/work\/main\//, '')}:${n.callFrame.lineNumber + 1}`;

/** Inclusive time of each src/ function: a sample counts once for every distinct src frame on its stack. */
function ownInclusive(profile: CpuProfile, selfUs: Map<number, number>): Map<string, number> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const out = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const n = byId.get(cur)!;
      if (!/\/src\//.test(n.callFrame.url) || /node_modules|\/src\/generated\//.test(n.callFrame.url)) continue;
      const key = frameKey(n);
      if (seen.has(key)) continue;
      seen.add(key);
      out.set(key, (out.get(key) ?? 0) + us);
    }
  }
  return out;
}

export function formatProfileSummary(s: ProfileSummary): string {
  const line = (r: ProfileRow) => `${(r.share * 100).toFixed(1).padStart(5)}%  ${r.ms.toFixed(0).padStart(7)} ms  ${r.name}`;
  return [
    `CPU profile: ${(s.totalMs / 1000).toFixed(1)} s sampled`,
    'self time by package:',
    ...s.byPackage.map(line),
    'top functions by self time:',
    ...s.topFunctions.map(line),
    'own functions (src/) by inclusive time:',
    ...s.ownInclusive.map(line),
  ].join('\n');
}

export function summariseProfileFile(file: string, top?: number): ProfileSummary {
  return summariseProfile(JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile, top);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [file, top] = process.argv.slice(2);
  if (!file) {
    console.error('usage: node --import tsx scripts/bench/profile-summary.ts <file.cpuprofile> [top]');
    process.exit(2);
  }
  console.log(formatProfileSummary(summariseProfileFile(file, top ? Number(top) : undefined)));
}
