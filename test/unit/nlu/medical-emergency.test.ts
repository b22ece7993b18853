import { describe, expect, it } from 'vitest';
import { medicalEmergency } from '../../../src/nlu/medical-emergency.ts';

describe('a body in acute danger, told in a message', () => {
  it.each(['俺爹喘不上气了 嘴唇都紫了 要不要打120', '老伴晕过去了叫不醒', "my mother can't breathe, her lips are blue", 'he passed out and is not breathing'])('%s → an emergency', (text) => {
    expect(medicalEmergency(text)).toBe(true);
  });

  it.each([
    // An illness lived with (round Z8: a retired miner with pneumoconiosis telling his story).
    '俺住北岭乡马家沟村 矿在乡东边 现在走两步就喘不上气 医生说这病治不好只能养着 一个月药钱就得一千多',
    "my father has black lung, he can't breathe when he walks",
    '化工厂的烟熏得人喘不上气',
    '去年晕过去一回',
  ])('%s → no emergency now', (text) => {
    expect(medicalEmergency(text)).toBe(false);
  });
});
