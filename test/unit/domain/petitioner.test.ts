import { describe, expect, it } from 'vitest';
import { maskIdNumber, normalizeIdNumber, validateIdNumber } from '../../../src/domain/petitioner/id-number.ts';
import { maskPhone, normalizePhone, validatePhone } from '../../../src/domain/petitioner/phone.ts';

/** Independent oracle for the GB 11643 check character. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const checkChar = (first17: string) =>
  '10X98765432'[[...first17].reduce((sum, d, i) => sum + Number(d) * (WEIGHTS[i] ?? 0), 0) % 11] ?? '';
const id = (first17: string) => first17 + checkChar(first17);
const wrongCheck = (first17: string) => first17 + (checkChar(first17) === '0' ? '1' : '0');

const NOW = new Date('2026-03-10T12:00:00+08:00');

describe('validateIdNumber', () => {
  it.each([
    ['official example', '11010519491231002X', { ok: true, value: '11010519491231002X' }],
    ['lower-case x', '11010519491231002x', { ok: true, value: '11010519491231002X' }],
    ['computed', id('33010219900307123'), { ok: true, value: id('33010219900307123') }],
    ['computed, leap day', id('42010220000229001'), { ok: true, value: id('42010220000229001') }],
    ['grouped with spaces', `330102 19900307 123${checkChar('33010219900307123')}`, { ok: true, value: id('33010219900307123') }],
    ['full-width', '１１０１０５１９４９１２３１００２Ｘ', { ok: true, value: '11010519491231002X' }],
    ['born today', id('11010520260310001'), { ok: true, value: id('11010520260310001') }],
    ['bad checksum', wrongCheck('33010219900307123'), { ok: false, reason: 'checksum' }],
    ['official example, wrong check', '110105194912310021', { ok: false, reason: 'checksum' }],
    ['17 characters', '11010519491231002', { ok: false, reason: 'format' }],
    ['19 characters', '110105194912310021X', { ok: false, reason: 'format' }],
    ['X in the middle', '1101051949X231002X', { ok: false, reason: 'format' }],
    ['leading zero', id('01010519491231002'), { ok: false, reason: 'format' }],
    ['empty', '', { ok: false, reason: 'format' }],
    ['month 13', id('11010519491331002'), { ok: false, reason: 'birthdate' }],
    ['30 February', id('11010520010230002'), { ok: false, reason: 'birthdate' }],
    ['29 February, not leap', id('11010519000229002'), { ok: false, reason: 'birthdate' }],
    ['before 1900', id('11010518991231002'), { ok: false, reason: 'birthdate' }],
    ['born tomorrow', id('11010520260311001'), { ok: false, reason: 'birthdate' }],
  ])('%s', (_label, input, expected) => {
    expect(validateIdNumber(input, NOW)).toEqual(expected);
  });

  it('accepts a future birth date when no clock is given', () => {
    expect(validateIdNumber(id('11010520991231001')).ok).toBe(true);
  });
  it('normalizes and masks', () => {
    expect(normalizeIdNumber(' 110105 19491231 002x ')).toBe('11010519491231002X');
    expect(maskIdNumber('330102199003071234')).toBe('3301**********1234');
    expect(maskIdNumber('11010519491231002x')).toBe('1101**********002X');
    expect(maskIdNumber('1234')).toBe('****');
  });
});

describe('validatePhone', () => {
  it.each([
    ['13812345678', { ok: true, value: '13812345678', kind: 'mobile' }],
    ['138 1234 5678', { ok: true, value: '13812345678', kind: 'mobile' }],
    ['138-1234-5678', { ok: true, value: '13812345678', kind: 'mobile' }],
    ['+86 138 1234 5678', { ok: true, value: '13812345678', kind: 'mobile' }],
    ['0086-13812345678', { ok: true, value: '13812345678', kind: 'mobile' }],
    ['8613812345678', { ok: true, value: '13812345678', kind: 'mobile' }],
    ['１９９１２３４５６７８', { ok: true, value: '19912345678', kind: 'mobile' }],
    ['0571-88886666', { ok: true, value: '057188886666', kind: 'landline' }],
    ['(0571) 8888 6666', { ok: true, value: '057188886666', kind: 'landline' }],
    ['（０５７１）８８８８６６６６', { ok: true, value: '057188886666', kind: 'landline' }],
    ['010-1234567', { ok: true, value: '0101234567', kind: 'landline' }],
    ['057112345678', { ok: true, value: '057112345678', kind: 'landline' }],
    ['+86 571 8888 6666', { ok: true, value: '057188886666', kind: 'landline' }],
    ['', { ok: false, reason: 'empty' }],
    ['138abc45678', { ok: false, reason: 'format' }],
    ['12812345678', { ok: false, reason: 'prefix' }],
    ['1381234567', { ok: false, reason: 'length' }],
    ['138123456789', { ok: false, reason: 'length' }],
    ['0571-123', { ok: false, reason: 'length' }],
    ['0071-88886666', { ok: false, reason: 'prefix' }],
  ])('%s', (input, expected) => {
    expect(validatePhone(input)).toEqual(expected);
  });

  it('normalizes to digits', () => {
    expect(normalizePhone(' +86 (138) 1234-5678 ')).toBe('13812345678');
    expect(normalizePhone('0571－88886666')).toBe('057188886666');
  });
  it.each([
    ['13812345678', '138****5678'],
    ['+86 138 1234 5678', '138****5678'],
    ['0571-88886666', '0571****6666'],
    ['010-12345678', '010****5678'],
    ['0571-8888666', '0571***8666'],
  ])('masks %s as %s', (input, masked) => {
    expect(maskPhone(input)).toBe(masked);
  });
});
