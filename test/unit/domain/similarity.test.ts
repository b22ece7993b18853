import { describe, expect, it } from 'vitest';
import { normaliseText, textSimilarity, tokens } from '../../../src/domain/similarity.ts';
import { RELATED_THRESHOLD, REPEAT_THRESHOLD } from '../../../src/domain/case-links.ts';

describe('normaliseText and tokens', () => {
  it('folds width and case, drops punctuation and placeholders', () => {
    expect(normaliseText('ＡＢＣ公司，[电话]拖欠！【身份证】')).toBe('abc公司 拖欠');
  });
  it('makes Chinese bigrams and Latin words', () => {
    expect(tokens('ABC公司 [电话] 拖欠，Wages 3个月')).toEqual(['abc', '公司', '拖欠', 'wages', '3', '个月']);
    expect(tokens('村')).toEqual(['村']);
  });
  it('is 0 for empty text and 1 for the same text', () => {
    expect(textSimilarity('', '征地')).toBe(0);
    expect(textSimilarity('！！', '。。')).toBe(0);
    expect(textSimilarity('征地补偿款没有发放 ABC', '“征地补偿款没有发放” ａｂｃ。')).toBeCloseTo(1);
  });
});

// Same matter phrased differently: at least the repeat threshold.
const SAME: [string, string][] = [
  ['村里征地补偿款一直没有发放', '我们村的征地补偿款到现在还没发放'],
  ['村里征地补偿款一直没有发放', '征地补偿款拖欠两年没有发放，请求尽快发放'],
  ['小区楼下烧烤店油烟噪音扰民，晚上吵得睡不着', '楼下烧烤店每天晚上噪音很大，油烟扰民'],
  ['公司拖欠工资三个月，老板联系不上 [电话]', '老板拖欠我们三个月工资，联系不上'],
  ['低保资格被取消，希望重新审核', '我家的低保资格被取消了，请求重新审核'],
];
// Different matters: below the repeat threshold (and so below the related one).
const DIFFERENT: [string, string][] = [
  ['村里征地补偿款一直没有发放', '小区楼下烧烤店油烟噪音扰民'],
  ['村里征地补偿款一直没有发放', '公司拖欠工资三个月，老板联系不上'],
  ['道路坑洼不平，雨天积水严重', '村里征地补偿款一直没有发放'],
  ['低保资格被取消，希望重新审核', '医保报销比例有问题，医院不给报销'],
  ['村里征地补偿款一直没有发放', '征地后安置房迟迟没有建好，村民无处居住'],
  ['宅基地被邻居占用，要求确权', '村里征地补偿款一直没有发放'],
];

describe('textSimilarity', () => {
  it.each(SAME)('same matter: %s ~ %s', (a, b) => {
    expect(textSimilarity(a, b)).toBeGreaterThanOrEqual(REPEAT_THRESHOLD);
    expect(textSimilarity(a, b)).toBeCloseTo(textSimilarity(b, a));
  });
  it.each(DIFFERENT)('different matters: %s vs %s', (a, b) => {
    expect(textSimilarity(a, b)).toBeLessThan(REPEAT_THRESHOLD);
    expect(textSimilarity(a, b)).toBeLessThan(RELATED_THRESHOLD);
  });
});
