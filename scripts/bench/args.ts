/** Command-line options of `npm run bench`, with the full and the --quick sizes. */
import { parseArgs } from 'node:util';
import type { StoreKind } from './server.ts';

export type Part = 'chat' | 'nlu' | 'lookup' | 'rss' | 'flood' | 'staff';
export type ModelChoice = 'saturation' | 'service' | 'both';

export interface BenchArgs {
  stores: StoreKind[];
  /** Simulated citizens per store; undefined: the target scenario's (PGlite 100, PostgreSQL 200). */
  users: number | undefined;
  durationS: number;
  warmupS: number;
  /** Offered turns/s for the service model; undefined: the target's (PGlite 150, PostgreSQL 300). */
  rate: number | undefined;
  model: ModelChoice;
  cases: number;
  parts: Part[];
  quick: boolean;
  /** Open conversations for the memory phase. */
  rssConversations: number;
  /** Timed repetitions per lookup kind. */
  iterations: number;
  /** Rounds of the staff-page timings on one seeded store. */
  rounds: number;
  /** The staff phase keeps its seeded store for the next run (and reuses one it finds). */
  keepStore: boolean;
  /** Write a CPU profile of the server during the chat load and summarise it. */
  profile: boolean;
  /** The memory phase's citizens talk over the widget's websocket (kept open) instead of POST /api/chat. */
  socket: boolean;
  /** The flood phase: villagers filing one group matter, and the window they start in. */
  floodCitizens: number;
  floodWindowS: number;
}

export const USAGE = `usage: npm run bench -- [--store pglite|postgres|both] [--users N] [--duration S] [--rate R]
       [--model saturation|service|both] [--cases N] [--only chat|nlu|lookup|rss|flood|staff] [--socket] [--quick] [--profile]
       [--flood-citizens N] [--flood-window S]
       [--iterations N] [--rounds N] [--keep-store]`;

/** The targets of issue 7: users and offered rate per store. */
export const TARGET = {
  pglite: { users: 100, rate: 150, p99Ms: 200 },
  postgres: { users: 200, rate: 300, p99Ms: 100 },
  rss: { conversations: 1000, maxMb: 400 },
} as const;

function positive(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number`);
  return n;
}

export function parseBenchArgs(argv: string[]): BenchArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      store: { type: 'string', default: 'both' },
      users: { type: 'string' },
      duration: { type: 'string' },
      rate: { type: 'string' },
      model: { type: 'string', default: 'both' },
      cases: { type: 'string' },
      only: { type: 'string' },
      quick: { type: 'boolean', default: false },
      profile: { type: 'boolean', default: false },
      socket: { type: 'boolean', default: false },
      'flood-citizens': { type: 'string' },
      'flood-window': { type: 'string' },
      rounds: { type: 'string' },
      iterations: { type: 'string' },
      'keep-store': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) throw new Error(USAGE);
  const quick = values.quick!;
  const store = values.store!;
  if (!['pglite', 'postgres', 'both'].includes(store)) throw new Error('--store must be pglite, postgres or both');
  if (!['saturation', 'service', 'both'].includes(values.model!)) throw new Error('--model must be saturation, service or both');
  if (values.only && !['chat', 'nlu', 'lookup', 'rss', 'flood', 'staff'].includes(values.only)) throw new Error('--only must be chat, nlu, lookup, rss, flood or staff');
  const durationS = positive('duration', values.duration, quick ? 10 : 60);
  return {
    stores: store === 'both' ? ['pglite', 'postgres'] : [store as StoreKind],
    users: values.users === undefined ? (quick ? 20 : undefined) : Math.round(positive('users', values.users, 1)),
    durationS,
    warmupS: Math.min(quick ? 2 : 10, durationS / 5),
    rate: values.rate === undefined ? (quick ? 30 : undefined) : positive('rate', values.rate, 1),
    model: values.model as ModelChoice,
    cases: Math.round(positive('cases', values.cases, quick ? 1000 : 100_000)),
    parts: values.only ? [values.only as Part] : ['nlu', 'chat', 'flood', 'rss', 'lookup', 'staff'],
    quick,
    rssConversations: quick ? 200 : TARGET.rss.conversations,
    iterations: Math.round(positive('iterations', values.iterations, quick ? 10 : 50)),
    rounds: Math.round(positive('rounds', values.rounds, quick ? 1 : 3)),
    keepStore: values['keep-store']!,
    profile: values.profile!,
    socket: values.socket!,
    floodCitizens: Math.round(positive('flood-citizens', values['flood-citizens'], quick ? 50 : 500)),
    floodWindowS: positive('flood-window', values['flood-window'], quick ? 20 : 120),
  };
}
