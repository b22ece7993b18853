import { describe, expect, it } from 'vitest';
import { readChoice, renderReplies } from '../../../src/channels/terminal/render.ts';

describe('terminal rendering', () => {
  const replies = [
    { text: '请选择：', buttons: [{ label: '同意', payload: 'consent:yes' }, { label: '取消', payload: 'cmd:cancel' }] },
    { text: '第二段', buttons: [{ label: '转人工', payload: 'cmd:human' }] },
  ];

  it('numbers every button across replies', () => {
    const r = renderReplies(replies);
    expect(r.text).toBe('请选择：\n  1) 同意\n  2) 取消\n\n第二段\n  3) 转人工');
    expect(r.choices.map((c) => c.payload)).toEqual(['consent:yes', 'cmd:cancel', 'cmd:human']);
  });

  it.each([
    ['1', { text: null, payload: 'consent:yes' }],
    [' 3 ', { text: null, payload: 'cmd:human' }],
    ['4', { text: '4', payload: null }],
    ['13812345678', { text: '13812345678', payload: null }],
    ['好的', { text: '好的', payload: null }],
  ])('reads %j', (line, expected) => {
    expect(readChoice(line, renderReplies(replies).choices)).toEqual(expected);
  });
});
