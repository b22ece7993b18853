import { describe, expect, it } from 'vitest';
import { AfterReply } from '../../../src/app/chat-turn/after-reply.ts';

describe('work after a reply', () => {
  it('starts at once, is not waited for, and settle() waits for all of it, also work started meanwhile', async () => {
    const after = new AfterReply();
    const done: string[] = [];
    let release!: () => void;
    after.run(async () => {
      await new Promise<void>((r) => (release = r));
      done.push('first');
      after.run(async () => void done.push('started by the first'));
    });
    expect(done).toEqual([]);
    const settled = after.settle();
    release();
    await settled;
    expect(done).toEqual(['first', 'started by the first']);
  });

  it('a failure neither escapes nor stops settle()', async () => {
    const after = new AfterReply();
    after.run(async () => {
      throw new Error('store down');
    });
    await expect(after.settle()).resolves.toBeUndefined();
  });
});
