/** The NLU alone, in this process: parses/s over a pool of varied citizen messages. */
import { readCountyConfig } from '../../src/county-config-file.ts';
import { createNlu } from '../../src/nlu/nlu.ts';
import { newPersona, opener, answer, type ChatReply } from './citizen.ts';
import { BENCH_NLU_CACHE } from './server.ts';
import { summarise, type LatencySummary } from './stats.ts';

export interface NluStats {
  parses: number;
  seconds: number;
  parsesPerSec: number;
  latencyMs: LatencySummary;
}

const SLOTS = ['consent', 'facts', 'township', 'address', 'demands', 'peopleCount', 'representatives', 'priorPetition', 'name', 'phone', 'idNumber', 'confirm'];

/** Every text a few hundred simulated citizens would type (button presses left out). */
function messagePool(size: number): string[] {
  const out: string[] = [];
  while (out.length < size) {
    const p = newPersona();
    const first = opener(p).text;
    if (first) out.push(first);
    for (const expecting of SLOTS) {
      const a = answer({ ...p, presses: false }, { expecting, replies: [], conversationId: '', caseNumber: null } as ChatReply, 0);
      if (a?.text) out.push(a.text);
    }
  }
  return out.slice(0, size);
}

export async function benchNlu(durationMs: number): Promise<NluStats> {
  const nlu = await createNlu({ cacheDir: BENCH_NLU_CACHE, county: readCountyConfig() });
  const pool = messagePool(2000);
  for (const t of pool.slice(0, 200)) await nlu.parse(t); // warm-up (JIT)
  const samples: number[] = [];
  const start = performance.now();
  for (let i = 0; performance.now() - start < durationMs; i++) {
    const t0 = performance.now();
    await nlu.parse(pool[i % pool.length]!);
    samples.push(performance.now() - t0);
  }
  const seconds = (performance.now() - start) / 1000;
  return { parses: samples.length, seconds, parsesPerSec: samples.length / seconds, latencyMs: summarise(samples) };
}
