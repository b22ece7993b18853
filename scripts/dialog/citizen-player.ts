/**
 * A scripted citizen (test/scenarios/README.md): given the bot's last answer, the
 * next thing this person types. Shared by `npm run dialog:eval` (the engine) and
 * the scenario tests (POST /api/chat): they play the same people the same way.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface Persona {
  id: string;
  locale: 'zh' | 'en';
  who?: string;
  opening: string;
  answers: Record<string, string[]>;
  asides?: { when: string; text: string; topic?: string }[];
  corrections?: { when: string; text: string }[];
  expect: Record<string, unknown> & { files: boolean };
}

export interface BotTurn {
  expecting: string | null;
  replies: { text: string; buttons?: { label: string; payload: string }[] }[];
}

export type Move = { text: string; kind: 'opening' | 'answer' | 'aside' | 'correction' | 'unknown' | 'reassure'; key: string | null };

export function loadPersonas(dir: string): Persona[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as Persona);
}

/** What the bot waits for, with the two situations that keep their `expecting` but ask something else. */
export function keyOf(bot: BotTurn): string | null {
  const payloads = bot.replies.flatMap((r) => r.buttons ?? []).map((b) => b.payload);
  if (payloads.some((p) => p.startsWith('triage:'))) return 'triage';
  if (payloads.includes('cancel:yes')) return 'cancelCheck';
  return bot.expecting;
}

/** What else a question asks for, by its words. */
const COMBINED: Readonly<Record<string, [string, RegExp][]>> = {
  township: [['address', /哪个村|village|community|street/i]],
  name: [
    ['phone', /电话|phone/i],
    ['idNumber', /身份证|ID number/i],
  ],
  phone: [['idNumber', /身份证|ID number/i]],
  demands: [['peopleCount', /多少人|多少户|how many/i]],
  address: [['respondent', /哪个单位|whom|which office/i]],
};

/** The emergency numbers that only the answer to a life in danger gives. */
const EMERGENCY = /\b110\b.*\b120\b/s;
const NOT_IN_DANGER = { zh: '我没事，没想做什么傻事，就是想把这事登记一下', en: "I'm fine, nobody is in danger. I just want to file this." } as const;

export class CitizenPlayer {
  private readonly used = new Map<string, number>();
  private readonly sentAsides = new Set<number>();
  private readonly sentCorrections = new Set<number>();
  private opened = false;
  private reassured = false;

  constructor(readonly persona: Persona) {}

  next(bot: BotTurn | null): Move | null {
    if (!this.opened) {
      this.opened = true;
      return { text: this.persona.opening, kind: 'opening', key: null };
    }
    const key = bot ? keyOf(bot) : null;
    // A citizen who is not in danger but got the emergency answer says so, once, and goes on.
    if (!key && bot && !this.reassured && this.persona.expect.files && bot.replies.some((r) => EMERGENCY.test(r.text))) {
      this.reassured = true;
      return { text: this.persona.answers['notInDanger']?.[0] ?? NOT_IN_DANGER[this.persona.locale], kind: 'reassure', key: null };
    }
    if (!key) return null;
    // Likewise a question meant for a moment that never came is asked on the summary.
    const aside = (this.persona.asides ?? []).findIndex((a, i) => (a.when === key || key === 'confirm') && !this.sentAsides.has(i));
    if (aside >= 0) {
      this.sentAsides.add(aside);
      return { text: this.persona.asides![aside]!.text, kind: 'aside', key };
    }
    // A correction meant for a question the bot never asked on its own is made on the summary.
    const correction = (this.persona.corrections ?? []).findIndex((c, i) => (c.when === key || key === 'confirm') && !this.sentCorrections.has(i));
    if (correction >= 0) {
      this.sentCorrections.add(correction);
      return { text: this.persona.corrections![correction]!.text, kind: 'correction', key };
    }
    // A question that asks for more than its `expecting` ("哪个乡镇、哪个村", "姓名和电话…身份证号") gets
    // the person's lines for each thing it asks, in one message, as people answer such questions.
    const text = bot?.replies.map((r) => r.text).join('\n') ?? '';
    const extra = (COMBINED[key] ?? []).filter(([k, re]) => re.test(text) && this.persona.answers[k]?.length && !this.used.has(k)).map(([k]) => k);
    if (extra.length > 0 && this.persona.answers[key]?.length && !this.used.has(key)) {
      const parts = [key, ...extra].map((k) => {
        this.used.set(k, 1);
        return this.persona.answers[k]![0]!;
      });
      return { text: parts.join(this.persona.locale === 'zh' ? '，' : ', '), kind: 'answer', key };
    }
    const lines = this.persona.answers[key];
    if (!lines || lines.length === 0) {
      const unknown = this.persona.answers['unknown']?.[0] ?? (this.persona.locale === 'zh' ? '不知道' : "I don't know");
      return { text: unknown, kind: 'unknown', key };
    }
    const n = this.used.get(key) ?? 0;
    this.used.set(key, n + 1);
    return { text: lines[Math.min(n, lines.length - 1)]!, kind: 'answer', key };
  }
}

/** A filed case's fields as the player compares them (the case API's names). */
export interface FiledCase {
  township: string | null;
  category: string;
  peopleCount: number | null;
  peopleUnit: string | null;
  priorPetition: string | null;
  name: string | null;
  phone: string | null;
  idNumber: string | null;
  representatives: { name: string; phone: string | null }[];
  address: string | null;
  facts: string;
  demands: string | null;
  respondent: string | null;
}

const norm = (s: unknown) => String(s ?? '').normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
const digits = (s: unknown) => String(s ?? '').replace(/\D/g, '');

/** Every expected field that the case got wrong, as `field: expected ≠ got`. */
export function wrongFields(expect: Persona['expect'], got: FiledCase): string[] {
  const out: string[] = [];
  const check = (field: string, ok: boolean, want: unknown, have: unknown) => {
    if (!ok) out.push(`${field}: ${JSON.stringify(want)} ≠ ${JSON.stringify(have)}`);
  };
  for (const [key, want] of Object.entries(expect)) {
    if (key === 'files' || key === 'idType') continue;
    if (key.endsWith('~')) {
      const field = key.slice(0, -1) as keyof FiledCase;
      const have = norm(got[field]);
      const wants = Array.isArray(want) ? want : [want];
      check(key, wants.every((w) => have.includes(norm(w))), want, got[field]);
      continue;
    }
    const have = got[key as keyof FiledCase];
    if (key === 'phone') check(key, digits(want) === digits(have) || (want === null && have === null), want, have);
    else if (key === 'idNumber') check(key, norm(want) === norm(have) || (want === null && have === null), want, have);
    else if (key === 'name') check(key, norm(want).replace(/\s/g, '') === norm(have).replace(/\s/g, '') || (want === null && have === null), want, have);
    else if (key === 'representatives') {
      const w = (want as { name: string; phone: string | null }[]).map((r) => `${norm(r.name).replace(/\s/g, '')}:${digits(r.phone)}`).sort();
      const h = (have as FiledCase['representatives']).map((r) => `${norm(r.name).replace(/\s/g, '')}:${digits(r.phone)}`).sort();
      check(key, JSON.stringify(w) === JSON.stringify(h), want, have);
    } else check(key, norm(want) === norm(have) || (want === null && (have === null || have === undefined)), want, have);
  }
  return out;
}
