/**
 * Round Z6 (2026-12-08): the narrow fixes of the recall round — self-harm typed wholly in
 * pinyin, a rumour with its source named (听邻居说), a threat suffered and reported (老板放话),
 * one's own coffin (寿材). Sentences written for this test, not from intents/risk or any
 * evaluation set.
 */
import { describe, expect, it } from 'vitest';
import { riskFeatures } from '../../../src/nlu/risk/features.ts';
import { normalizeForRisk } from '../../../src/nlu/risk/normalize.ts';
import { screenRisk } from '../../../src/nlu/risk/screen.ts';

describe('self-harm typed in pinyin', () => {
  it.each([
    ['wo shi zhen de bu xiang huo le', '不想活'],
    ['ta shuo ta huo bu xia qu le', '活不下去'],
    ['俺真bu想活了', '俺真不想活了'],
    ['jiu xiang tiao lou', '跳楼'],
  ])('%s reads as %s', (text, reads) => {
    expect(normalizeForRisk(text)).toContain(reads);
  });

  it.each(['bought a zi sha teapot at the market', 'we had huo guo for dinner', 'the bus to bu xiang village is late'])('%s is left as it is', (text) => {
    expect(normalizeForRisk(text)).not.toMatch(/\p{Script=Han}/u);
  });

  it('a whole message in pinyin alerts staff', () => {
    expect(screenRisk('zhen de bu xiang huo le, mei ren guan wo').level).not.toBe('none');
  });
});

describe('named rumours, reported threats, a coffin made ready', () => {
  it('a rumour with its source named is hearsay; a relative speaking is not', () => {
    expect(riskFeatures('听隔壁邻居说老赵要去北京告状').features).toContain('h:hearsay');
    const relative = riskFeatures('听我妈说她不想活了');
    expect(relative.features).not.toContain('h:hearsay');
    expect(relative.evidence.has('self_harm')).toBe(true);
  });

  it('a threat the boss made against the citizen is the citizen as victim; the citizen making it is not', () => {
    expect(riskFeatures('包工头放话说谁敢去劳动局就找人收拾谁').features).toContain('h:victim');
    expect(riskFeatures('我已经放话了谁来拆就找人收拾谁').features).not.toContain('h:victim');
  });

  it('寿材 made ready is a farewell; the coffin shop is not', () => {
    expect(riskFeatures('木匠把我的寿材做好了').features).toContain('c:farewell');
    expect(riskFeatures('寿材店的老板占了人行道').features).not.toContain('c:farewell');
  });
});
