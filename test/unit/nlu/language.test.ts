import { describe, expect, it } from 'vitest';
import { detectLocale } from '../../../src/nlu/language.ts';

describe('detectLocale', () => {
  it.each([
    ['我要反映问题', 'en', 'zh'],
    ['請幫我查詢進度', 'en', 'zh'],
    ['我的case number是XF202611270001', 'en', 'zh'],
    ['ok 好的', 'en', 'zh'],
    ['OK的', 'en', 'zh'],
    ['我在用WeChat 能不能发app上', 'en', 'zh'],
    ['hello, I want to file a complaint', 'zh', 'en'],
    ['my name is Zhang Guilan', 'zh', 'en'],
    ['XF202611270001 status?', 'zh', 'en'],
    ['ＯＫ', 'zh', 'en'],
    ['Café', 'zh', 'en'],
    ['13812345678', 'zh', 'zh'],
    ['13812345678', 'en', 'en'],
    ['330102199003071234', 'en', 'en'],
    ['😂👍', 'en', 'en'],
    ['？？', 'zh', 'zh'],
    ['', 'en', 'en'],
    ['   ', 'zh', 'zh'],
  ] as const)('%j (fallback %s) → %s', (text, fallback, want) => {
    expect(detectLocale(text, fallback)).toBe(want);
  });
});

describe('a few Chinese words inside English (round D)', () => {
  it('stay English', () => {
    expect(detectLocale('my chinese name 玛丽亚, I am filing for my husband', 'en')).toBe('en');
    expect(detectLocale('the 低保 of my grandmother was cut last month', 'zh')).toBe('en');
  });
  it('a Chinese message with an English word is Chinese', () => {
    expect(detectLocale('我要 complain 一下村里的低保', 'en')).toBe('zh');
    expect(detectLocale('我叫玛丽亚', 'en')).toBe('zh');
  });
  it('a bare Chinese name answering in an English conversation keeps English', () => {
    expect(detectLocale('玛丽亚', 'en')).toBe('en');
    expect(detectLocale('玛丽亚', 'zh')).toBe('zh');
  });
});
