/**
 * The load driver (a library: the CLI and the smoke test both call runLoad). N
 * simulated citizens each file a full petition through POST /api/chat, answering
 * whatever `expecting` asks, then look their case up once with the query code, then
 * a new citizen takes their place.
 *
 * Two models:
 * - saturation: every citizen sends its next message as soon as the answer arrives;
 *   latency is send → answer. Gives the most turns/s the server can do.
 * - service: each citizen sends on a fixed schedule so that together they offer
 *   `rate` turns/s; latency is measured from the *intended* send time, so a slow
 *   answer that delays the next message is counted, not hidden (no coordinated omission).
 */
import { answer, lookupText, newPersona, opener, queryCodeOf, questionText, type ChatBody, type ChatReply, type Persona } from './citizen.ts';
import { HttpClient } from './http-client.ts';
import { LatencyRecorder, type LatencySummary } from './stats.ts';

export type LoadModel = 'saturation' | 'service';

export interface LoadOptions {
  baseUrl: string;
  users: number;
  durationMs: number;
  model: LoadModel;
  /** service model: turns/s offered by all citizens together. */
  rate?: number;
  /** Turns sent before this much time has passed are not counted. */
  warmupMs?: number;
  /** Each citizen stops after this many petitions (tests; default: until the time is up). */
  petitionsPerUser?: number;
  /** A petition that needs more turns than this is counted as abandoned. */
  maxTurnsPerPetition?: number;
}

export interface LoadErrors {
  /** Answers other than 200. */
  http: number;
  /** Connection errors and timeouts. */
  network: number;
  /** Petitions that ended without a case number (turn cap, handoff, free talk). */
  abandoned: number;
  /** Lookups by case number and query code that did not show the case. */
  lookupFailed: number;
}

export interface LoadStats {
  model: LoadModel;
  users: number;
  offeredRate: number | null;
  seconds: number;
  turns: number;
  /** Every turn sent, warm-up and overtime included. */
  turnsSent: number;
  turnsPerSec: number;
  latencyMs: LatencySummary;
  /** The turns that filed a petition (the answer carries its case number), a subset of latencyMs. */
  filingLatencyMs: LatencySummary;
  petitions: number;
  petitionsPerSec: number;
  lookups: number;
  errors: LoadErrors;
  errorCount: number;
  /** Every case number received (measured or not). */
  caseNumbers: string[];
}

interface RunState {
  opts: LoadOptions;
  client: HttpClient;
  latency: LatencyRecorder;
  filingLatency: LatencyRecorder;
  start: number;
  end: number;
  measureFrom: number;
  turns: number;
  turnsSent: number;
  petitions: number;
  lookups: number;
  errors: LoadErrors;
  caseNumbers: string[];
}

class TurnFailed extends Error {}

export async function runLoad(opts: LoadOptions): Promise<LoadStats> {
  if (opts.model === 'service' && !(opts.rate && opts.rate > 0)) throw new Error('the service model needs a rate > 0');
  const start = performance.now();
  const s: RunState = {
    opts,
    client: new HttpClient(opts.baseUrl, opts.users + 8),
    latency: new LatencyRecorder(),
    filingLatency: new LatencyRecorder(),
    start,
    end: start + opts.durationMs,
    measureFrom: start + (opts.warmupMs ?? 0),
    turns: 0,
    turnsSent: 0,
    petitions: 0,
    lookups: 0,
    errors: { http: 0, network: 0, abandoned: 0, lookupFailed: 0 },
    caseNumbers: [],
  };
  try {
    await Promise.all(Array.from({ length: opts.users }, () => citizenLoop(s)));
  } finally {
    s.client.close();
  }
  const measured = Math.max(1, (Math.min(performance.now(), s.end) - s.measureFrom) / 1000);
  const errorCount = s.errors.http + s.errors.network + s.errors.abandoned + s.errors.lookupFailed;
  return {
    model: opts.model,
    users: opts.users,
    offeredRate: opts.model === 'service' ? opts.rate! : null,
    seconds: measured,
    turns: s.turns,
    turnsSent: s.turnsSent,
    turnsPerSec: s.turns / measured,
    latencyMs: s.latency.summary(),
    filingLatencyMs: s.filingLatency.summary(),
    petitions: s.petitions,
    petitionsPerSec: s.petitions / measured,
    lookups: s.lookups,
    errors: s.errors,
    errorCount,
    caseNumbers: s.caseNumbers,
  };
}

/** One simulated user: petition after petition until the time (or the quota) is up. */
async function citizenLoop(s: RunState): Promise<void> {
  const interval = s.opts.model === 'service' ? (s.opts.users / s.opts.rate!) * 1000 : 0;
  // A random phase spreads the citizens' schedules over one interval.
  const clock = { next: s.start + Math.random() * interval };
  for (let done = 0; s.opts.petitionsPerUser === undefined || done < s.opts.petitionsPerUser; done++) {
    if (performance.now() >= s.end && s.opts.petitionsPerUser === undefined) return;
    const p = newPersona();
    try {
      await petition(s, p, interval, clock);
    } catch (err) {
      if (!(err instanceof TurnFailed)) throw err;
    }
  }
}

async function petition(s: RunState, p: Persona, interval: number, clock: { next: number }): Promise<void> {
  const max = s.opts.maxTurnsPerPetition ?? 30;
  // A long conversation: questions first (its state and transcript grow), then the filing.
  for (let q = 0; q < p.questions; q++) if ((await turn(s, p, { text: questionText(p) }, interval, clock)) === STOPPED) return;
  let r = await turn(s, p, opener(p), interval, clock);
  let last = '';
  let repeats = 0;
  for (let i = 1; !r.caseNumber; i++) {
    if (r === STOPPED) return;
    repeats = r.expecting === last ? repeats + 1 : 0;
    last = r.expecting ?? '';
    const next = answer(p, r, repeats);
    if (!next || i >= max) {
      s.errors.abandoned++;
      return;
    }
    r = await turn(s, p, next, interval, clock);
  }
  const now = performance.now();
  if (now >= s.measureFrom && now < s.end) s.petitions++;
  s.caseNumbers.push(r.caseNumber);
  await lookUp(s, p, r, interval, clock);
}

/** A status lookup of the citizen's own case: case number, then the query code if asked. */
async function lookUp(s: RunState, p: Persona, filed: ChatReply, interval: number, clock: { next: number }): Promise<void> {
  const caseNumber = filed.caseNumber!;
  const code = queryCodeOf(filed);
  let r = await turn(s, p, { text: lookupText(p, caseNumber) }, interval, clock);
  if (r === STOPPED) return;
  if (r.expecting === 'queryCode' && code) r = await turn(s, p, { text: code }, interval, clock);
  if (r === STOPPED) return;
  const shown = r.replies.some((x) => x.text.includes(caseNumber));
  if (shown) s.lookups++;
  else s.errors.lookupFailed++;
}

const STOPPED = { conversationId: '', replies: [], expecting: null, caseNumber: null } as ChatReply;

/** Sends one message (on schedule in the service model) and records its latency. */
async function turn(s: RunState, p: Persona, body: ChatBody, interval: number, clock: { next: number }): Promise<ChatReply> {
  let intended = performance.now();
  if (interval > 0) {
    intended = clock.next;
    clock.next += interval;
    const wait = intended - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  }
  if (intended >= s.end && s.opts.petitionsPerUser === undefined) return STOPPED;
  let res;
  try {
    res = await s.client.request('POST', '/api/chat', { userId: p.userId, ...body });
  } catch {
    s.errors.network++;
    throw new TurnFailed();
  }
  const done = performance.now();
  s.turnsSent++;
  const measured = intended >= s.measureFrom && intended < s.end;
  if (measured) {
    s.turns++;
    s.latency.add(done - intended);
  }
  if (res.status !== 200) {
    s.errors.http++;
    throw new TurnFailed();
  }
  const reply = JSON.parse(res.body) as ChatReply;
  if (measured && reply.caseNumber) s.filingLatency.add(done - intended);
  return reply;
}
