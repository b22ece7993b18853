/**
 * Routing on the demo county (spec/demo-county.md): 谁主管、谁负责 picks the
 * competent unit, 属地管理 names the township government as co-handler, and a
 * report against officials never reaches the unit or township it accuses.
 */
import { describe, expect, it } from 'vitest';
import { findRespondentUnits, isConduct, routeCase } from '../../../src/domain/routing.ts';
import { readCountyConfig } from '../../../src/county-config-file.ts';

const cfg = readCountyConfig();

/** Category → competent unit, copied by hand from the spec's table. */
const COMPETENT: [category: string, unit: string][] = [
  ['land', 'zrzy'],
  ['housing', 'zjj'],
  ['labor', 'rsj'],
  ['environment', 'sthj'],
  ['rural', 'nync'],
  ['security', 'gaj'],
  ['education', 'jyj'],
  ['health', 'wjw'],
  ['civil', 'mzj'],
  ['market', 'scjg'],
  ['urban', 'cgj'],
  ['conduct', 'jw'],
  ['other', 'xfj'],
];

const TOWNSHIPS = ['城关镇', '东湖镇', '西山乡', '南河镇', '北岭乡', '青石镇', '桃源乡', '河口镇'];

describe('routeCase: competent unit by category', () => {
  it('the spec table covers every demo category', () => {
    expect(cfg.categories.map((c) => c.code).sort()).toEqual(COMPETENT.map(([c]) => c).sort());
  });

  // Issue 15: a report against officials (conduct) never gets an automatic co-handler (below).
  it.each(COMPETENT.filter(([c]) => !isConduct(c)))('%s → %s, township 东湖镇 as co-handler', (category, unit) => {
    expect(routeCase(cfg, { category, township: '东湖镇', respondentUnits: [] })).toEqual({ unit, coUnit: 'town:东湖镇' });
  });

  it.each(COMPETENT)('%s → %s, no township → no co-handler', (category, unit) => {
    expect(routeCase(cfg, { category, township: null, respondentUnits: [] })).toEqual({ unit, coUnit: null });
    expect(routeCase(cfg, { category, township: undefined, respondentUnits: [] })).toEqual({ unit, coUnit: null });
    expect(routeCase(cfg, { category, township: '', respondentUnits: [] })).toEqual({ unit, coUnit: null });
  });

  it.each(TOWNSHIPS)('township %s → co-unit town:%s', (township) => {
    expect(routeCase(cfg, { category: 'land', township, respondentUnits: [] })).toEqual({ unit: 'zrzy', coUnit: `town:${township}` });
  });

  it.each(['unknown', '', 'LAND', 'petition'])('unknown category %j falls back to other → xfj', (category) => {
    expect(routeCase(cfg, { category, township: '西山乡', respondentUnits: [] })).toEqual({ unit: 'xfj', coUnit: 'town:西山乡' });
    expect(routeCase(cfg, { category, township: null, respondentUnits: [] })).toEqual({ unit: 'xfj', coUnit: null });
  });
});

describe('routeCase: reports against officials (conduct)', () => {
  it('a township government named as respondent is not the co-handler', () => {
    const respondentUnits = findRespondentUnits(cfg, '东湖镇政府的干部收受贿赂');
    expect(respondentUnits).toEqual(['town:东湖镇']);
    expect(routeCase(cfg, { category: 'conduct', township: '东湖镇', respondentUnits })).toEqual({ unit: 'jw', coUnit: null });
  });

  // Issue 15 changed these three: a conduct case never gets an automatic township co-handler
  // (the accused is often the township named by position); the bureau assigns one by hand.
  it('no township co-handler either when another township is accused', () => {
    const respondentUnits = findRespondentUnits(cfg, '西山乡的村干部');
    expect(routeCase(cfg, { category: 'conduct', township: '东湖镇', respondentUnits })).toEqual({ unit: 'jw', coUnit: null });
  });

  it('a department accused under conduct stays with jw, without a township co-handler', () => {
    const respondentUnits = findRespondentUnits(cfg, '县自然资源局的工作人员');
    expect(respondentUnits).toEqual(['zrzy']);
    expect(routeCase(cfg, { category: 'conduct', township: '南河镇', respondentUnits })).toEqual({ unit: 'jw', coUnit: null });
  });

  it('accusing the discipline commission itself sends the case to the bureau', () => {
    expect(routeCase(cfg, { category: 'conduct', township: null, respondentUnits: ['jw'] })).toEqual({ unit: 'xfj', coUnit: null });
    expect(routeCase(cfg, { category: 'conduct', township: '青石镇', respondentUnits: ['jw'] })).toEqual({
      unit: 'xfj',
      coUnit: null,
    });
  });

  it.each(['县纪委监委的某干部收钱办事', '纪委监委的工作人员不作为', 'an officer of the Commission for Discipline Inspection and Supervision'])(
    'accusing the discipline commission by its name (%s) → xfj',
    (respondent) => {
      const respondentUnits = findRespondentUnits(cfg, respondent);
      expect(respondentUnits).toContain('jw');
      expect(routeCase(cfg, { category: 'conduct', township: null, respondentUnits }).unit).toBe('xfj');
    },
  );

  // 县纪委 / 纪委 is how citizens name the commission (县纪委监委); a conduct case naming it
  // must not be handled by it.
  it.each(['县纪委的干部收受贿赂', '纪委的人不作为'])('accusing 纪委 as commonly written (%s) → xfj, never jw', (respondent) => {
    const respondentUnits = findRespondentUnits(cfg, respondent);
    expect(routeCase(cfg, { category: 'conduct', township: null, respondentUnits }).unit).toBe('xfj');
  });

  it('the accused township and the accused competent unit are both dropped', () => {
    const respondentUnits = findRespondentUnits(cfg, '县纪委监委和东湖镇政府');
    expect(respondentUnits.sort()).toEqual(['jw', 'town:东湖镇']);
    expect(routeCase(cfg, { category: 'conduct', township: '东湖镇', respondentUnits })).toEqual({ unit: 'xfj', coUnit: null });
  });

  it('outside conduct a named respondent does not change routing', () => {
    expect(routeCase(cfg, { category: 'land', township: '东湖镇', respondentUnits: ['town:东湖镇', 'zrzy'] })).toEqual({
      unit: 'zrzy',
      coUnit: 'town:东湖镇',
    });
  });

  it('isConduct only for the conduct category', () => {
    expect(isConduct('conduct')).toBe(true);
    expect(COMPETENT.filter(([c]) => isConduct(c)).map(([c]) => c)).toEqual(['conduct']);
  });
});

describe('findRespondentUnits', () => {
  it.each<[string, string[]]>([
    ['县自然资源局', ['zrzy']],
    ['县自然资源局的工作人员', ['zrzy']],
    ['自然资源局', ['zrzy']],
    ['Natural Resources Bureau', ['zrzy']],
    ['the natural resources bureau staff', ['zrzy']],
    ['County Natural Resources Bureau', ['zrzy']],
    ['县公安局', ['gaj']],
    ['公安局的民警', ['gaj']],
    ['县纪委监委', ['jw']],
    ['Public Security Bureau', ['gaj']],
    ['东湖镇政府的干部', ['town:东湖镇']],
    ['东湖镇', ['town:东湖镇']],
    ['东湖', ['town:东湖镇']],
    ['Donghu town government', ['town:东湖镇']],
    ['donghu', ['town:东湖镇']],
    ['西山乡', ['town:西山乡']],
    ['西山的村干部', ['town:西山乡']],
    ['北岭乡政府', ['town:北岭乡']],
    ['Hekou officials', ['town:河口镇']],
    // names citizens actually use (unit aliases in the config)
    ['国土局的人', ['zrzy']],
    ['县纪委的干部', ['jw']],
    ['派出所所长', ['gaj']],
    ['城管', ['cgj']],
    ['县城市管理局', ['cgj']],
    ['东湖镇派出所', ['gaj', 'town:东湖镇']],
  ])('%j → %j', (text, units) => {
    expect(findRespondentUnits(cfg, text).sort()).toEqual([...units].sort());
  });

  it('finds several units in one text', () => {
    expect(findRespondentUnits(cfg, '县自然资源局和东湖镇政府').sort()).toEqual(['town:东湖镇', 'zrzy']);
  });

  it.each([null, undefined, '', '村里的张某', 'my neighbour'])('nothing for %j', (text) => {
    expect(findRespondentUnits(cfg, text)).toEqual([]);
  });

  // 县城 is an alias of 城关镇 but is also the first two characters of 县城市管理局.
  it('县城市管理局 names the urban management bureau, not the township 城关镇', () => {
    expect(findRespondentUnits(cfg, '县城市管理局的城管')).toEqual(['cgj']);
  });
});

describe('routeCase: township names', () => {
  it('gives a co-handler only for a canonical township of the county', () => {
    expect(routeCase(cfg, { category: 'land', township: '东湖', respondentUnits: [] }).coUnit).toBeNull();
    expect(routeCase(cfg, { category: 'land', township: '火星镇', respondentUnits: [] }).coUnit).toBeNull();
    expect(routeCase(cfg, { category: 'land', township: '东湖镇', respondentUnits: [] }).coUnit).toBe('town:东湖镇');
  });
});
