/**
 * The bulk path for demo cases: createMany in batches, one transaction per batch,
 * personal fields encrypted and hashed like the case repository does, case numbers
 * continuing the store's daily counters. Optionally every case gets a query code
 * (salted keyed hash) so that a benchmark can look cases up as a citizen would.
 */
import { randomBytes } from 'node:crypto';
import { formatCaseNumber } from '../../src/domain/case/case-number.ts';
import { generateQueryCode } from '../../src/domain/case/query-code.ts';
import type { CountyConfig } from '../../src/domain/county/schema.ts';
import { localDate } from '../../src/domain/deadlines.ts';
import type { AppStore } from '../../src/store/create-store.ts';
import { generateCases, type Person, type Seeded } from './demo-cases.ts';

export const BATCH = 1000;
/** How many seeded cases (with their query code and petitioner) are handed back. */
const SAMPLE_SIZE = 500;

export interface SeededSample {
  caseNumber: string;
  queryCode: string | null;
  category: string;
  township: string | null;
  facts: string;
  person: Person;
}

export interface SeedOptions {
  /** Give every case a query code (the benchmark's citizen lookups need one). */
  queryCodes?: boolean;
  onProgress?: (done: number, total: number) => void;
  now?: number;
}

export interface SeedResult {
  count: number;
  seconds: number;
  /** Evenly spread over the seeded cases. */
  samples: SeededSample[];
}

export async function seedCases(store: AppStore, county: CountyConfig, n: number, opts: SeedOptions = {}): Promise<SeedResult> {
  const started = performance.now();
  await store.county.sync(county);
  const all = generateCases(county, n, opts.now ?? Date.now());
  const counters = new Map((await store.handle.prisma.caseNumberCounter.findMany()).map((r) => [r.day, r.last]));
  const samples: SeededSample[] = [];
  const every = Math.max(1, Math.floor(n / SAMPLE_SIZE));
  for (let i = 0; i < all.length; i += BATCH) {
    const batch = all.slice(i, i + BATCH);
    const rows = await insertBatch(store, batch, counters, county.utcOffsetMinutes, opts.queryCodes ?? false);
    rows.forEach((r, j) => {
      if ((i + j) % every === 0 && samples.length < SAMPLE_SIZE) samples.push(r);
    });
    opts.onProgress?.(Math.min(i + BATCH, all.length), n);
  }
  return { count: n, seconds: (performance.now() - started) / 1000, samples };
}

async function insertBatch(store: AppStore, batch: Seeded[], counters: Map<string, number>, utcOffset: number, withCodes: boolean): Promise<SeededSample[]> {
  const prisma = store.handle.prisma;
  const c = store.cipher;
  const touched = new Set<string>();
  const out: SeededSample[] = [];
  const cases = batch.map((s) => {
    const day = localDate(s.kase.createdAt, utcOffset);
    const seq = (counters.get(day) ?? 0) + 1;
    counters.set(day, seq);
    touched.add(day);
    const caseNumber = formatCaseNumber(day, seq);
    const queryCode = withCodes ? generateQueryCode() : null;
    const salt = queryCode ? randomBytes(16).toString('base64url') : null;
    const k = s.kase as unknown as { category: string; township: string | null; facts: string };
    out.push({ caseNumber, queryCode, category: k.category, township: k.township, facts: k.facts, person: s.person });
    return { ...s.kase, caseNumber, queryCodeSalt: salt, queryCodeHash: salt ? c.hash('query-code', `${salt}:${queryCode}`) : null };
  });
  const petitioners = batch
    .filter((s) => s.newPerson)
    .map(({ person: p }) => ({
      id: p.id,
      nameEnc: c.encrypt(p.name),
      phoneEnc: c.encrypt(p.phone),
      idNumberEnc: c.encrypt(p.idNumber),
      phoneHash: c.hash('phone', p.phone),
      idNumberHash: c.hash('id', p.idNumber),
    }));
  await prisma.$transaction(
    async (tx) => {
      if (petitioners.length) await tx.petitioner.createMany({ data: petitioners });
      await tx.case.createMany({ data: cases as never });
      await tx.caseEvent.createMany({ data: batch.flatMap((s) => s.events) });
      for (const day of touched) {
        const last = counters.get(day)!;
        await tx.caseNumberCounter.upsert({ where: { day }, create: { day, last }, update: { last } });
      }
    },
    { timeout: 300_000 },
  );
  return out;
}
