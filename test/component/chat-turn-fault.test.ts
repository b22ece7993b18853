/**
 * A fault inside the dialogue while reading one message: the citizen gets an honest
 * answer, the draft stays as it was (nothing of the message is kept), the fault is
 * logged — never a 500, never a lost draft. The fault is made by a reader that throws.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleChatTurn, type ChatDeps } from '../../src/app/chat-turn/handle-chat-turn.ts';
import type { Nlu } from '../../src/nlu/nlu.ts';
import { county, nlu } from '../helpers/dialog.ts';
import { openTestStore, type TestStore } from '../helpers/stores.ts';

let t: TestStore;
beforeAll(async () => {
  t = await openTestStore('pglite');
});
afterAll(async () => {
  await t?.cleanup();
});

/** The real NLU, except that any message holding "BOOM" breaks the intent reader mid-turn. */
const faulty: Nlu = {
  parse: (text, opts) => nlu.parse(text, opts),
  simplify: (text) => nlu.simplify(text),
  readers(now) {
    const r = nlu.readers(now);
    return {
      ...r,
      intent: (text) => {
        if (text.includes('BOOM')) throw new Error('reader fault');
        return r.intent(text);
      },
    };
  },
};

describe('a turn the dialogue cannot finish', () => {
  it('answers honestly, keeps the draft as it was and logs the fault', async () => {
    const errors: unknown[] = [];
    const s = t.store;
    const deps: ChatDeps = {
      conversations: s.conversations,
      nlu: faulty,
      county,
      clock: { now: () => new Date() },
      caseEffects: { caseLookups: s.caseLookups, callbacks: s.callbacks, attempts: s.queryAttempts, cases: s.cases, county },
      log: { error: (obj: unknown) => void errors.push(obj) },
    };
    const turn = (text: string) => handleChatTurn(deps, { channel: 'web', channelUserId: 'fault-citizen-0123456789', text, payload: null, locale: null });
    await turn('我要反映问题');
    const before = await turn('俺们村的路修了一半就停工了 坑坑洼洼的 下雨天没法走');
    expect(before.expecting).not.toBe('facts');
    const failed = await turn('BOOM 地点改成王庄村');
    expect(failed.replies.map((r) => r.text).join('\n')).toMatch(/这句我没处理好，您前面说的内容都还在/);
    expect(failed.expecting).toBe(before.expecting);
    expect(errors).toHaveLength(1);
    const again = await turn('不知道');
    expect(again.replies.length).toBeGreaterThan(0);
  });
});
