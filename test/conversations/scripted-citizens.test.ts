/**
 * Every scripted citizen of test/scenarios (README there) types their way through
 * POST /api/chat on the real app (embedded store, the NLU trained on intents/),
 * and what they meant to file is checked on the filed case through the staff case
 * API (the personal data through the audited reveal): every field, or that nothing
 * was filed when they chose the lawful channel instead.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CitizenPlayer, loadPersonas, wrongFields, type BotTurn, type FiledCase } from '../../scripts/dialog/citizen-player.ts';
import { loginAs, startTestApp, type TestApp } from '../helpers/app.ts';
import { Citizen } from '../helpers/chat.ts';

const personas = loadPersonas(path.resolve(import.meta.dirname, '../scenarios'));
const MAX_TURNS = 30;

let t: TestApp;
let token: string;
beforeAll(async () => {
  t = await startTestApp('pglite');
  token = await loginAs(t, 'admin');
}, 120_000);
afterAll(async () => t?.stop());

async function api<T>(method: string, p: string, body?: unknown): Promise<T> {
  const res = await fetch(`${t.url}${p}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  expect(res.status, `${method} ${p}`).toBe(200);
  return (await res.json()) as T;
}

interface CaseJson {
  township: string | null;
  category: string;
  peopleCount: number | null;
  peopleUnit: string | null;
  priorPetition: string | null;
  address: string | null;
  facts: string;
  demands: string | null;
  respondent: string | null;
}
interface Revealed {
  petitioner: { name: string | null; phone: string | null; idNumber: string | null };
  representatives: { name: string; phone: string | null }[];
}

describe('scripted citizens who type', () => {
  it('has at least 60 of them, zh and en', () => {
    expect(personas.length).toBeGreaterThanOrEqual(60);
    expect(personas.some((p) => p.locale === 'en')).toBe(true);
  });

  for (const persona of personas) {
    it(`${persona.id}: ${persona.expect.files ? 'files every field right' : 'files nothing'}`, async () => {
      const citizen = new Citizen(t.url, undefined);
      const player = new CitizenPlayer(persona);
      const transcript: string[] = [];
      let bot: BotTurn | null = null;
      let caseNumber: string | null = null;
      for (let turn = 0; turn < MAX_TURNS && !caseNumber; turn++) {
        const move = player.next(bot);
        if (!move) break;
        const r = await citizen.say(move.text);
        transcript.push(`>>> ${move.text}`, ...r.replies.map((x) => `<<< ${x.text}`));
        bot = { expecting: r.expecting, replies: r.replies };
        caseNumber = r.caseNumber;
      }
      const log = transcript.join('\n');
      if (!persona.expect.files) {
        expect(caseNumber, log).toBeNull();
        return;
      }
      expect(caseNumber, log).toMatch(/^XF\d+$/);
      const c = await api<CaseJson>('GET', `/api/cases/${caseNumber}`);
      const revealed = await api<Revealed>('POST', `/api/cases/${caseNumber}/reveal`, { reason: 'scenario test: compare what the citizen said' });
      const filed: FiledCase = { ...c, ...revealed.petitioner, representatives: revealed.representatives };
      expect(wrongFields(persona.expect, filed), log).toEqual([]);
    });
  }
});
