import { describe, expect, it } from 'vitest';
import { extractCaseNumber } from '../../../src/nlu/extractors/case-number.ts';
import { extractDate } from '../../../src/nlu/extractors/date.ts';
import { extractIdNumber } from '../../../src/nlu/extractors/id-number.ts';
import { extractEntities } from '../../../src/nlu/extractors/extract-entities.ts';
import { extractPeopleCount } from '../../../src/nlu/extractors/people-count.ts';
import { extractPersonName } from '../../../src/nlu/extractors/person-name.ts';
import { extractPhone } from '../../../src/nlu/extractors/phone.ts';
import { extractTownship, suggestTownships } from '../../../src/nlu/extractors/township.ts';
import type { Entity, ExtractContext } from '../../../src/nlu/extractors/types.ts';

const TOWNSHIPS = [
  { name: '城关镇', aliases: ['城关', '县城', 'Chengguan'] },
  { name: '东湖镇', aliases: ['东湖', 'Donghu'] },
  { name: '西山乡', aliases: ['西山', 'Xishan'] },
  { name: '南河镇', aliases: ['南河', 'Nanhe'] },
  { name: '北岭乡', aliases: ['北岭', 'Beiling'] },
  { name: '青石镇', aliases: ['青石', 'Qingshi'] },
  { name: '桃源乡', aliases: ['桃源', 'Taoyuan'] },
  { name: '河口镇', aliases: ['河口', 'Hekou'] },
];
/** 2026-03-10 noon in the county (UTC+8). */
const ctx: ExtractContext = { now: new Date('2026-03-10T04:00:00Z'), townships: TOWNSHIPS };

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const checkChar = (first17: string) =>
  '10X98765432'[[...first17].reduce((sum, d, i) => sum + Number(d) * (WEIGHTS[i] ?? 0), 0) % 11] ?? '';
const ID_A = `33010219900307123${checkChar('33010219900307123')}`;
const ID_B = `42010220000229001${checkChar('42010220000229001')}`;

const spans = (found: Entity[], text: string) => found.map((e) => text.slice(e.start, e.end));

describe('extractPhone', () => {
  it.each([
    ['电话13812345678', ['13812345678'], ['13812345678']],
    ['手机 138 1234 5678 谢谢', ['13812345678'], ['138 1234 5678']],
    ['138-1234-5678', ['13812345678'], ['138-1234-5678']],
    ['call +86 13812345678 please', ['13812345678'], ['+86 13812345678']],
    ['0086 139 1234 5678', ['13912345678'], ['0086 139 1234 5678']],
    ['8613812345678', ['13812345678'], ['8613812345678']],
    ['座机0571-88886666', ['057188886666'], ['0571-88886666']],
    ['(0571)88886666', ['057188886666'], ['(0571)88886666']],
    ['（0571）88886666', ['057188886666'], ['（0571）88886666']],
    ['１３８１２３４５６７８', ['13812345678'], ['１３８１２３４５６７８']],
    ['010-12345678 or 15987654321.', ['01012345678', '15987654321'], ['010-12345678', '15987654321']],
  ])('%s', (text, expected, matched) => {
    const found = extractPhone(text, ctx);
    expect(found.map((e) => e.value)).toEqual(expected);
    expect(spans(found, text)).toEqual(matched);
  });

  it.each([
    '号码12812345678', '1381234567', '138123456789', `身份证${ID_A}`,
    'XF202611270001', '卡号6222021234567890123', '赔偿50000元', '0571-123',
  ])('finds none in %s', (text) => {
    expect(extractPhone(text, ctx)).toEqual([]);
  });
});

describe('extractIdNumber', () => {
  it.each([
    [`身份证号${ID_A}`, [[ID_A, true]]],
    [`${ID_B}`, [[ID_B, true]]],
    ['11010519491231002X', [['11010519491231002X', true]]],
    ['11010519491231002x', [['11010519491231002X', true]]],
    ['１１０１０５１９４９１２３１００２ｘ', [['11010519491231002X', true]]],
    [`330102 19900307 123${checkChar('33010219900307123')}`, [[ID_A, true]]],
    [`330102-19900307-123${checkChar('33010219900307123')}`, [[ID_A, true]]],
    ['110105194912310021', [['110105194912310021', false, 'checksum']]],
    ['110105194913310021', [['110105194913310021', false, 'birthdate']]],
    [`11010520260311001${checkChar('11010520260311001')}`, [[`11010520260311001${checkChar('11010520260311001')}`, false, 'birthdate']]],
  ])('%s', (text, expected) => {
    const found = extractIdNumber(text, ctx).map((e) => [e.value, e.valid, ...(e.reason ? [e.reason] : [])]);
    expect(found).toEqual(expected);
  });

  it.each([
    '11010519491231002', '110105194912310021X', 'A11010519491231002X', '011010519491231002',
    '13812345678', 'XF202611270001',
  ])('finds none in %s', (text) => {
    expect(extractIdNumber(text, ctx)).toEqual([]);
  });
});

describe('extractCaseNumber', () => {
  it.each([
    ['XF202611270001', ['XF202611270001']], ['xf202611270001', ['XF202611270001']],
    ['查询 xf 2026-1127-0001 的进度', ['XF202611270001']],
    ['XF20261127 0001', ['XF202611270001']], ['XF-2026-11-27-0001', ['XF202611270001']],
    ['Xf_20261127_0042', ['XF202611270042']], ['ｘｆ２０２６１１２７０００１', ['XF202611270001']],
    ['case XF2026112712345', ['XF2026112712345']],
    ['XF202611270001和XF202611280002', ['XF202611270001', 'XF202611280002']],
  ])('%s', (text, expected) => {
    expect(extractCaseNumber(text, ctx).map((e) => e.value)).toEqual(expected);
  });

  it.each([
    '202611270001', 'XF2026112700', 'XF20261127001', 'AXF202611270001', 'XG202611270001', 'xf 2026',
  ])('finds none in %s', (text) => {
    expect(extractCaseNumber(text, ctx)).toEqual([]);
  });
});

describe('extractDate', () => {
  it.each([
    ['2026-03-05', ['2026-03-05']], ['2026年3月5日那天', ['2026-03-05']], ['二〇二五年十二月三十一日', ['2025-12-31']],
    ['3月5号开始', ['2026-03-05']], ['三月五号', ['2026-03-05']], ['5月1号', ['2025-05-01']],
    ['2026/3/5', ['2026-03-05']], ['2026.3.5', ['2026-03-05']], ['去年10月', ['2025-10-01']],
    ['今年1月份', ['2026-01-01']], ['今天', ['2026-03-10']], ['昨天和前天', ['2026-03-09', '2026-03-08']],
    ['上个月', ['2026-02-01']], ['上个月15号', ['2026-02-15']], ['3天前', ['2026-03-07']],
    ['March 5, 2026', ['2026-03-05']], ['5 March 2026', ['2026-03-05']], ['on 5th of March', ['2026-03-05']],
    ['Dec 24', ['2025-12-24']], ['since yesterday', ['2026-03-09']], ['last month', ['2026-02-01']],
    ['two days ago', ['2026-03-08']], ['May 1', ['2025-05-01']], ['they may 5 times', []],
  ])('%s', (text, expected) => {
    expect(extractDate(text, ctx).map((e) => e.value)).toEqual(expected);
  });

  it.each([
    '2026年2月30日', 'XF202611270001', 'xf 2026-11-27-0001', 'XF20261127 0001', '13812345678',
    '138-1234-5678', '0571-8888-6666', `${ID_A}`, `330102-19900307-1234`, '拖了3个月', '半年了', '75岁', '5号楼',
  ])('finds none in %s', (text) => {
    expect(extractDate(text, ctx)).toEqual([]);
  });

  it('reads relative dates in the county time zone', () => {
    const lateUtc = { ...ctx, now: new Date('2026-03-09T17:00:00Z') }; // 01:00 on the 10th in China
    expect(extractDate('今天', lateUtc)[0]?.value).toBe('2026-03-10');
    expect(extractDate('today', { ...lateUtc, utcOffsetMinutes: 0 })[0]?.value).toBe('2026-03-09');
  });
});

describe('extractPeopleCount', () => {
  it.each([
    ['30户', [30]], ['三十多户', [30]], ['十几个人', [10]], ['二十来人', [20]], ['两百多人', [200]], ['一百二十人', [120]],
    ['5个人', [5]], ['五六个人', [5]], ['好几十户', [20]], ['全村一百多户', [100]], ['我们3家', [3]], ['几十个村民', [20]],
    ['一家三口', [3]], ['30多名工人', [30]], ['上百个农民工', [100]], ['30 households', [30]], ['about 40 people', [40]],
    ['a dozen families', [12]], ['more than 20 workers', [20]], ['five of us', [5]],
    ['twenty-five migrant workers', [25]],
  ])('%s', (text, expected) => {
    expect(extractPeopleCount(text, ctx).map((e) => e.value)).toEqual(expected);
  });

  it.each([
    '3万元', '5000块', '75岁', '3个月', '半年', '5亩', '13812345678', '3月5日', '3家公司', '第三户',
    '每户3000元', '几个人', '5口井', '户口本', 'one of us', '30 years', '5000 yuan', 'a 75 year old man',
  ])('finds none in %s', (text) => {
    expect(extractPeopleCount(text, ctx)).toEqual([]);
  });
});

describe('extractTownship', () => {
  it.each([
    ['我住在东湖镇', ['东湖镇'], ['东湖镇']], ['东湖', ['东湖镇'], ['东湖']], ['城关镇的', ['城关镇'], ['城关镇']],
    ['城关那边', ['城关镇'], ['城关']], ['去县城', ['城关镇'], ['县城']], ['西山镇', ['西山乡'], ['西山镇']],
    ['河口镇和青石镇', ['河口镇', '青石镇'], ['河口镇', '青石镇']],
    ['I live in donghu town', ['东湖镇'], ['donghu town']],
    ['Xishan Township', ['西山乡'], ['Xishan Township']],
    ['HEKOU', ['河口镇'], ['HEKOU']], ['Xi Shan', ['西山乡'], ['Xi Shan']],
  ])('%s', (text, expected, matched) => {
    const found = extractTownship(text, ctx);
    expect(found.map((e) => e.value)).toEqual(expected);
    expect(spans(found, text)).toEqual(matched);
  });

  it.each([
    '黄河口湿地', '世外桃源', 'Donghua street', '北京', 'shanghai', '青石板路',
  ])('finds none in %s', (text) => {
    expect(extractTownship(text, ctx)).toEqual([]);
  });

  it.each([
    ['东胡镇', '东湖镇'], ['xi shan', '西山乡'], ['我住在东胡镇', '东湖镇'], ['hekow', '河口镇'], ['Chengguang', '城关镇'],
    ['桃园乡', '桃源乡'],
  ])('suggests for %s', (text, best) => {
    expect(suggestTownships(text, TOWNSHIPS)[0]).toBe(best);
  });
  it('suggests nothing for an unrelated name and at most max', () => {
    expect(suggestTownships('shanghai', TOWNSHIPS)).toEqual([]);
    expect(suggestTownships('青山', TOWNSHIPS, 1)).toHaveLength(1);
  });
});

describe('extractPersonName', () => {
  it.each([
    ['我叫张桂兰', ['张桂兰']], ['我是李大山，今年六十岁', ['李大山']], ['本人王小明', ['王小明']], ['我姓刘，叫刘德华', ['刘德华']],
    ['我姓刘，叫德华', ['刘德华']], ['俺叫赵铁柱', ['赵铁柱']], ['我的名字是欧阳明月', ['欧阳明月']], ['姓名：陈静', ['陈静']],
    ['我是张三，电话13812345678', ['张三']], ['我叫周杰住在东湖镇', ['周杰']], ['我是王芳东湖镇人', ['王芳']],
    ['my name is John Smith', ['John Smith']],
    ["I'm Mary Chen from Donghu", ['Mary Chen']],
    ['this is Li Wei speaking', ['Li Wei']], ['name: Zhang Wei', ['Zhang Wei']],
  ])('%s', (text, expected) => {
    expect(extractPersonName(text, ctx).map((e) => e.value)).toEqual(expected);
  });

  it.each([
    '我是村民', '我是东湖镇的', '我是来反映问题的', '我是老师', '我是农民', '我是他妈妈', '我是王书记',
    '我是高中老师', '我是江西人', '我是王芳芳芳芳', '我叫了救护车', "I'm angry", "I'm Sorry", 'This is Donghu town',
    'my name is john', "I'm Worried About it", '我是王小明的妈妈',
  ])('finds none in %s', (text) => {
    expect(extractPersonName(text, ctx)).toEqual([]);
  });
});

describe('extractEntities', () => {
  const types = (text: string) => extractEntities(text, ctx).map((e) => [e.type, e.value]);

  it('keeps an ID number whole and reads no phone out of it', () => {
    const text = `身份证 330102 19900307 123${checkChar('33010219900307123')}`;
    expect(types(text)).toEqual([['id_number', ID_A]]);
  });
  it('reads no date or phone out of a case number', () => {
    expect(types('xf 2026-11-27-0001')).toEqual([['case_number', 'XF202611270001']]);
    expect(types('XF20261127 0001')).toEqual([['case_number', 'XF202611270001']]);
  });
  it('marks an ID number with a wrong checksum invalid', () => {
    expect(extractEntities('110105194912310021', ctx)).toEqual([
      { type: 'id_number', value: '110105194912310021', start: 0, end: 18, valid: false, reason: 'checksum' },
    ]);
  });
  it('finds everything in a mixed message, in text order, with UTF-16 spans', () => {
    const text = '我叫张桂兰，电话138-1234-5678，东湖镇全村三十多户，从去年10月开始，XF202611270001';
    const found = extractEntities(text, ctx);
    expect(found.map((e) => [e.type, e.value, text.slice(e.start, e.end)])).toEqual([
      ['person_name', '张桂兰', '张桂兰'],
      ['phone', '13812345678', '138-1234-5678'],
      ['township', '东湖镇', '东湖镇'],
      ['people_count', 30, '三十多户'],
      ['date', '2025-10-01', '去年10月'],
      ['case_number', 'XF202611270001', 'XF202611270001'],
    ]);
  });
  it('lets a name win over a township alias inside it', () => {
    expect(types('我叫王青石')).toEqual([['person_name', '王青石']]);
  });
  it('returns nothing for plain text', () => {
    expect(extractEntities('你好，我想咨询一下', ctx)).toEqual([]);
  });
});
