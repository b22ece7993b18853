/**
 * A simulated citizen for the crash test: files one petition through POST /api/chat
 * from a fixed script, answering whatever `expecting` asks. After a lost request (the
 * server was killed) it sends a neutral probe (a guide button: a digression that
 * changes no slot) to learn which turn the store committed, then carries on from there.
 */
import { randomBytes } from 'node:crypto';

export interface ChatReply {
  conversationId: string;
  expecting: string | null;
  caseNumber: string | null;
}

export type ChatBody = { text: string } | { payload: string };

export interface Template {
  name: string;
  first: string;
  /** The answer to each question, by `expecting`; `payload:` sends a button. */
  answers: Record<string, string>;
  /** What the filed case must hold. */
  expect: { category: string; township: string; facts: string };
}

export const TEMPLATES: readonly Template[] = [
  {
    name: 'zh-rich',
    first: '我叫张桂兰，电话13812345678，东湖镇李家村的，村里征地补偿款一直没发下来，要求尽快发放补偿款',
    answers: { consent: 'payload:consent:yes', peopleCount: '就我自己', respondent: 'payload:skip:respondent', priorPetition: 'payload:prior:none', idNumber: 'payload:skip:idNumber', address: '跳过', representatives: '跳过', confirm: 'payload:confirm:yes' },
    expect: { category: 'land', township: '东湖镇', facts: '征地补偿款' },
  },
  {
    name: 'zh-slow',
    first: '我要反映问题',
    answers: {
      consent: 'payload:consent:yes',
      facts: '南河镇王庄村的养猪场天天往河里排污水，河里的鱼都死了',
      township: '南河镇',
      address: '南河镇王庄村',
      demands: '要求关停养猪场',
      peopleCount: '就我自己',
      respondent: 'payload:skip:respondent',
      priorPetition: 'payload:prior:none',
      name: '刘德明',
      phone: '13912345678',
      idNumber: 'payload:skip:idNumber',
      confirm: 'payload:confirm:yes',
    },
    expect: { category: 'environment', township: '南河镇', facts: '养猪场' },
  },
  {
    name: 'en-slow',
    first: 'hello, I want to make a complaint',
    answers: {
      consent: 'yes I agree',
      facts: 'My boss at the construction site has not paid my wages for three months',
      township: 'Chengguan',
      address: 'skip',
      demands: 'I want the company to pay all my wages',
      peopleCount: 'just me',
      respondent: "don't know",
      priorPetition: 'no',
      name: 'Li Wei',
      phone: '139 1234 5678',
      idNumber: 'no thanks',
      confirm: 'yes',
    },
    expect: { category: 'labor', township: '城关镇', facts: 'wages' },
  },
];

/** A button that answers a guide question and asks the open question again. */
export const PROBE: ChatBody = { payload: 'guide:procedure' };

/** `expecting` before the first message: nothing asked yet. */
export const START = '<start>';

export const bodyOf = (answer: string): ChatBody => (answer.startsWith('payload:') ? { payload: answer.slice(8) } : { text: answer });

/** The question that follows each answered question, learnt from an uninterrupted run. */
export type Path = Map<string, string | null>;

export class CrashCitizen {
  readonly userId = randomBytes(16).toString('hex');
  conversationId: string | null = null;
  /** The last question the client saw (the last committed turn it knows of). */
  at: string | null = START;
  caseNumber: string | null = null;
  /** The probe showed that the killed confirm turn committed: a case exists unseen. */
  filedUnseen = false;
  lost = 0;

  constructor(
    readonly template: Template,
    private readonly path: Path,
    private readonly violation: (msg: string) => void,
  ) {}

  get done(): boolean {
    return this.caseNumber !== null || this.filedUnseen || this.at === null;
  }

  message(): ChatBody {
    if (this.at === START) return { text: this.template.first };
    const answer = this.template.answers[this.at!];
    if (answer === undefined) throw new Error(`${this.template.name}: no answer for ${this.at}`);
    return bodyOf(answer);
  }

  /** A normal turn: the answer moves the form to exactly the question after it. */
  answered(r: ChatReply): void {
    this.note(r);
    const want = this.path.get(this.at!);
    if (r.expecting !== want) this.violation(`${this.template.name} ${this.userId}: after ${this.at} expected ${want}, got ${r.expecting}`);
    this.at = r.expecting;
    if (r.caseNumber) this.caseNumber = r.caseNumber;
  }

  /** After a lost turn: the store holds either the question before it or the one after. */
  probed(r: ChatReply): void {
    this.note(r);
    const before = this.at === START ? null : this.at;
    const after = this.path.get(this.at!);
    if (r.expecting !== before && r.expecting !== after) {
      this.violation(`${this.template.name} ${this.userId}: lost turn at ${this.at}; probe says ${r.expecting}, allowed ${before} or ${after}`);
    }
    if (this.at === START && r.expecting === null) return; // the first message never committed: send it again
    if (this.at === 'confirm' && r.expecting === after) this.filedUnseen = true;
    this.at = r.expecting;
  }

  private note(r: ChatReply): void {
    if (r.conversationId) this.conversationId ??= r.conversationId;
  }
}
