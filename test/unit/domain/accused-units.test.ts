/**
 * Issue 15, item 1: who a report against officials accuses when the citizen names the
 * accused by position ("镇长"), as "ours" ("我们镇"), only in the facts, or not at all —
 * and that such a report never gets an automatic township co-handler.
 */
import { describe, expect, it } from 'vitest';
import { accusedUnitsOf, findAccusedUnits, namesOfficialByPosition } from '../../../src/domain/accused-units.ts';
import { routeCase } from '../../../src/domain/routing.ts';
import { readCountyConfig } from '../../../src/county-config-file.ts';

const cfg = readCountyConfig();
const conduct = (township: string | null, respondent: string | null, facts = '有人收了好处费，办事不公', demands = '请依法查处') =>
  findAccusedUnits(cfg, { category: 'conduct', township, respondent, facts, demands });

describe('findAccusedUnits: the township where it happened, named by position or as ours', () => {
  it.each<[string, string | null, string]>([
    ['镇长 in the respondent', '镇长', '他收受贿赂'],
    ['镇长收受贿赂 in the facts only', null, '镇长收受贿赂，工程给了他亲戚'],
    ['我们镇的党委书记', '我们镇的党委书记', '吃拿卡要'],
    ['镇政府的干部', '镇政府的干部', '打压举报人'],
    ['副镇长', '副镇长王某', '索要好处费'],
    ['乡长', '乡长', '作风粗暴'],
    ['站长 / 所长', '农经站站长和国土所所长', '吃拿卡要'],
    ['村支书 of a village', '李家村村支书', '侵占补贴'],
    ['村主任', '村主任', '截留补偿款'],
    ['主任', '办公室主任', '态度恶劣'],
    ['the probe of issue 15', null, '我要举报我们镇的镇长，他收了修村道工程老板的好处费'],
    ['the deputy head of our township', 'the deputy head of our township', 'he took bribes'],
    ['head of the township', null, 'The head of the township asked me for money'],
    ['township party secretary', 'the township party secretary', 'abuse of power'],
    ['a department named, and the 镇长 in the facts', '县住建局李某', '我们镇的镇长也拿了钱'],
  ])('%s → the township is accused', (_what, respondent, facts) => {
    expect(conduct('北岭乡', respondent, facts)).toContain('town:北岭乡');
  });

  it('"our town" in the demands is read too', () => {
    expect(conduct('北岭乡', '县住建局王某', '他收钱办事', '请查处我们镇的这个人').sort()).toEqual(['town:北岭乡', 'zjj']);
    expect(conduct('北岭乡', 'Housing bureau clerk', 'took money', 'punish him and the officials of our town').sort()).toEqual(['town:北岭乡', 'zjj']);
  });

  it.each([null, '', '不愿透露', '张某'])('a respondent that names no unit (%j): the township is accused', (respondent) => {
    expect(conduct('东湖镇', respondent, '收了钱不办事')).toEqual(['town:东湖镇']);
  });

  it('a department named without any position word accuses that department only', () => {
    expect(conduct('东湖镇', '县住房和城乡建设局李某', '李某收了开发商的钱')).toEqual(['zjj']);
  });

  it('units named in the facts count, the bodies that receive reports only when the respondent names them', () => {
    expect(conduct('东湖镇', '县自然资源局的科员', '我向县纪委和信访局反映过，西山乡也推诿').sort()).toEqual(['town:西山乡', 'zrzy']);
    expect(conduct(null, '县纪委的干部', '收受贿赂').sort()).toEqual(['jw']);
  });

  it('without a known township only units named by name', () => {
    expect(conduct(null, '镇长', '收受贿赂')).toEqual([]);
    expect(conduct('火星镇', '镇长', '收受贿赂')).toEqual([]);
  });

  it('only a conduct case accuses anyone', () => {
    expect(findAccusedUnits(cfg, { category: 'land', township: '东湖镇', respondent: '镇长', facts: '镇长收受贿赂' })).toEqual([]);
    expect(accusedUnitsOf(cfg, { category: 'land', township: '东湖镇', respondent: '镇长', respondentUnits: ['town:东湖镇'] }).size).toBe(0);
  });

  it('accusedUnitsOf joins what was recorded at filing with what the texts name now', () => {
    const got = accusedUnitsOf(cfg, { category: 'conduct', township: '东湖镇', respondent: '县住建局李某', facts: '收钱', respondentUnits: ['rsj'] });
    expect([...got].sort()).toEqual(['rsj', 'zjj']);
  });

  it('position words: zh and en, on word boundaries in English', () => {
    expect(namesOfficialByPosition('我们乡的书记')).toBe(true);
    expect(namesOfficialByPosition('Deputy  Head of our Township')).toBe(true);
    expect(namesOfficialByPosition('my neighbour took my land')).toBe(false);
    expect(namesOfficialByPosition('unofficially')).toBe(false);
    expect(namesOfficialByPosition(null)).toBe(false);
  });
});

describe('routeCase: a conduct case never gets an automatic township co-handler', () => {
  it.each<[string | null, string]>([
    ['镇长', '镇长收受贿赂'],
    [null, '我们镇的党委书记吃拿卡要'],
    ['县住建局李某', '收钱'],
    [null, '不说是谁，收了钱'],
  ])('%j / %s → jw, no co-handler', (respondent, facts) => {
    const respondentUnits = conduct('北岭乡', respondent, facts);
    expect(routeCase(cfg, { category: 'conduct', township: '北岭乡', respondentUnits })).toEqual({ unit: 'jw', coUnit: null });
  });
});
