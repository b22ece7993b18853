/** Case numbers (XF + local date + daily sequence) and the 8-digit query code. */
import { describe, expect, it, vi } from 'vitest';
import { CASE_NUMBER_PATTERN, formatCaseNumber, normalizeCaseNumber } from '../../../src/domain/case/case-number.ts';
import { generateQueryCode, isQueryCodeShape } from '../../../src/domain/case/query-code.ts';

describe('formatCaseNumber', () => {
  it.each<[string, number, string]>([
    ['2026-11-27', 1, 'XF202611270001'],
    ['2026-11-27', 42, 'XF202611270042'],
    ['2026-11-27', 999, 'XF202611270999'],
    ['2026-11-27', 9999, 'XF202611279999'],
    ['2026-11-27', 10000, 'XF2026112710000'],
    ['2026-11-27', 123456, 'XF20261127123456'],
    ['2027-01-01', 1, 'XF202701010001'],
  ])('(%s, %i) → %s', (date, seq, expected) => {
    const n = formatCaseNumber(date, seq);
    expect(n).toBe(expected);
    expect(CASE_NUMBER_PATTERN.test(n)).toBe(true);
    expect(normalizeCaseNumber(n)).toBe(n);
  });

  it('four digits up to 9,999 a day, five from 10,000', () => {
    expect(formatCaseNumber('2026-11-27', 9999)).toHaveLength(14);
    expect(formatCaseNumber('2026-11-27', 10000)).toHaveLength(15);
  });

  it.each<[string, number]>([
    ['20261127', 1],
    ['2026-1-27', 1],
    ['2026/11/27', 1],
    ['', 1],
    ['2026-11-27T00:00', 1],
    ['2026-11-27', 0],
    ['2026-11-27', -1],
    ['2026-11-27', 1.5],
    ['2026-11-27', Number.NaN],
    ['2026-11-27', Number.POSITIVE_INFINITY],
    ['2026-13-45', 1],
    ['2026-02-30', 1],
  ])('(%j, %s) throws RangeError', (date, seq) => {
    expect(() => formatCaseNumber(date, seq)).toThrow(RangeError);
  });
});

describe('normalizeCaseNumber', () => {
  it.each([
    ['XF202611270001', 'XF202611270001'],
    ['xf202611270001', 'XF202611270001'],
    ['Xf202611270001', 'XF202611270001'],
    ['  XF202611270001  ', 'XF202611270001'],
    ['XF 2026 1127 0001', 'XF202611270001'],
    ['XF—20261127—0001', 'XF202611270001'],
    ['XF-20261127-0001', 'XF202611270001'],
    ['xf_20261127_0001', 'XF202611270001'],
    ['XF.2026.11.27.0001', 'XF202611270001'],
    ['XF/20261127/0001', 'XF202611270001'],
    ['XF\t20261127\n0001', 'XF202611270001'],
    ['ＸＦ２０２６１１２７０００１', 'XF202611270001'], // full-width letters and digits
    ['ｘｆ２０２６１１２７－０００１', 'XF202611270001'], // full-width lower case and dash
    ['XF\u300020261127\u30000001', 'XF202611270001'], // ideographic space
    ['XF2026112710000', 'XF2026112710000'], // 5-digit sequence
  ])('%j → %s', (raw, expected) => {
    expect(normalizeCaseNumber(raw)).toBe(expected);
  });

  it.each([
    '',
    '   ',
    'XF',
    '202611270001', // no prefix
    'AB202611270001',
    'XYF202611270001',
    'XF2026112700', // date + 2 digits
    'XF20261127001', // date + 3 digits
    'XF20261127000A',
    'XF202611270001X',
    'FX202611270001',
    '我的案件号是XF202611270001',
    'XF２０２６１１２７ＡＢＣＤ',
  ])('rejects %j', (raw) => {
    expect(normalizeCaseNumber(raw)).toBeNull();
  });
});

describe('generateQueryCode', () => {
  it.each<[number, string]>([
    [0, '00000000'],
    [7, '00000007'],
    [1234, '00001234'],
    [9_999_999, '09999999'],
    [10_000_000, '10000000'],
    [99_999_999, '99999999'],
  ])('rand → %i gives %s', (value, code) => {
    const rand = vi.fn(() => value);
    expect(generateQueryCode(rand)).toBe(code);
    expect(rand).toHaveBeenCalledTimes(1);
    expect(rand).toHaveBeenCalledWith(100_000_000);
  });

  it('1,000 real draws are 8-digit strings, nearly all distinct', () => {
    const codes = Array.from({ length: 1000 }, () => generateQueryCode());
    for (const c of codes) {
      expect(c).toMatch(/^\d{8}$/);
      expect(isQueryCodeShape(c)).toBe(true);
    }
    expect(new Set(codes).size).toBeGreaterThan(990);
  });

  it.each([
    ['00000000', true],
    ['12345678', true],
    ['1234567', false],
    ['123456789', false],
    ['1234567a', false],
    ['１２３４５６７８', false],
    ['', false],
  ])('isQueryCodeShape(%j) = %s', (s, ok) => {
    expect(isQueryCodeShape(s)).toBe(ok);
  });
});
