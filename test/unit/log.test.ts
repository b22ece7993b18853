import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, scrubPersonalData } from '../../src/log.ts';

describe('log scrubbing', () => {
  it.each([
    ['电话13812345678请回电', '电话[phone]请回电'],
    ['call +86 138-1234-5678', 'call [phone]'],
    ['座机0571-88886666', '座机[phone]'],
    ['身份证11010519491231002X', '身份证[id]'],
    ['id 110105 19491231 002x end', 'id [id] end'],
    ['case XF202611270001 ok', 'case XF202611270001 ok'],
    ['took 1234 ms', 'took 1234 ms'],
  ])('%s', (input, expected) => {
    expect(scrubPersonalData(input)).toBe(expected);
  });

  it('redacts known fields and scrubs strings everywhere in a log line', () => {
    const lines: string[] = [];
    const log = createLogger('info', new Writable({ write: (c, _e, cb) => (lines.push(String(c)), cb()) }));
    log.info({ petitioner: { phone: '13812345678', name: '张三' }, note: 'id 11010519491231002X' }, 'msg 13900001111');
    log.error({ err: new Error('bad phone 13700001111') }, 'failed');
    const out = lines.join('');
    for (const s of ['13812345678', '张三', '11010519491231002X', '13900001111', '13700001111']) expect(out).not.toContain(s);
    expect(out).toContain('[redacted]');
  });
});
