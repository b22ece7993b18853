/** A citizen talking to the app over POST /api/chat. */
import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';

export interface ChatResponse {
  conversationId: string;
  replies: { text: string; buttons?: { label: string; payload: string }[] }[];
  expecting: string | null;
  caseNumber: string | null;
}

export class Citizen {
  last!: ChatResponse;
  turns = 0;

  constructor(
    private readonly baseUrl: string,
    private readonly locale?: 'zh' | 'en',
    readonly userId: string = randomBytes(16).toString('hex'),
  ) {}

  async say(text: string): Promise<ChatResponse> {
    return this.send({ text });
  }

  async press(payload: string): Promise<ChatResponse> {
    const offered = this.last?.replies.flatMap((r) => r.buttons ?? []).map((b) => b.payload) ?? [];
    expect(offered, `button ${payload} not offered; last: ${this.text}`).toContain(payload);
    return this.send({ payload });
  }

  async send(body: { text?: string; payload?: string }): Promise<ChatResponse> {
    const res = await fetch(`${this.baseUrl}/api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId: this.userId, ...body, ...(this.locale ? { locale: this.locale } : {}) }),
    });
    const json = (await res.json()) as ChatResponse;
    expect(res.status, JSON.stringify(json)).toBe(200);
    this.last = json;
    this.turns++;
    return json;
  }

  get text(): string {
    return this.last.replies.map((r) => r.text).join('\n');
  }
}
