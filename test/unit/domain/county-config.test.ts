/** The county config schema: the shipped demo county, errors naming the bad field, defaults. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CountyConfigError, parseCountyConfig, townshipUnit, unitName } from '../../../src/domain/county/schema.ts';
import { DEMO_COUNTY_PATH, readCountyConfig } from '../../../src/county-config-file.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Doc = any;
const demoDoc = (): Doc => JSON.parse(fs.readFileSync(DEMO_COUNTY_PATH, 'utf8'));

function issuesOf(doc: unknown): string[] {
  try {
    parseCountyConfig(doc);
  } catch (err) {
    expect(err).toBeInstanceOf(CountyConfigError);
    const e = err as CountyConfigError;
    for (const i of e.issues) expect(e.message).toContain(i);
    return e.issues;
  }
  throw new Error('expected the config to be refused');
}

/** The issues name the field by its dotted path, as "path: message". */
function expectIssueAt(doc: unknown, fieldPath: string, message?: RegExp) {
  const issues = issuesOf(doc);
  const hit = issues.filter((i) => i.startsWith(`${fieldPath}: `));
  expect(hit, `issues: ${JSON.stringify(issues)}`).not.toHaveLength(0);
  if (message) expect(hit.some((i) => message.test(i)), `issues: ${JSON.stringify(issues)}`).toBe(true);
  return issues;
}

const minimal = (): Doc => ({
  county: { code: 'mini', name: { zh: '小县', en: 'Mini County' } },
  townships: [{ name: '甲镇' }],
  units: [{ code: 'xfj', nameZh: '县信访局', nameEn: 'County Letters and Visits Bureau', kind: 'bureau' }],
  categories: [{ code: 'other', nameZh: '其他', nameEn: 'other', unit: 'xfj' }],
  guide: demoDoc().guide,
});

describe('the demo county', () => {
  const cfg = readCountyConfig();

  it('parses with 8 townships, 13 categories, 14 units and 7 seed staff (the spec\'s, the review body\'s and the county head)', () => {
    expect(cfg.townships).toHaveLength(8);
    expect(cfg.categories).toHaveLength(13);
    expect(cfg.units).toHaveLength(14);
    expect(cfg.seedStaff).toHaveLength(7);
    expect(cfg.county.code).toBe('shifan');
    expect(cfg.bureauUnit).toBe('xfj');
    expect(cfg.fallbackCategory).toBe('other');
  });

  it('has the townships and aliases of the spec', () => {
    expect(cfg.townships).toEqual([
      { name: '城关镇', nameEn: 'Chengguan Town', aliases: ['城关', '县城', 'Chengguan'] },
      { name: '东湖镇', nameEn: 'Donghu Town', aliases: ['东湖', 'Donghu'] },
      { name: '西山乡', nameEn: 'Xishan Township', aliases: ['西山', 'Xishan'] },
      { name: '南河镇', nameEn: 'Nanhe Town', aliases: ['南河', 'Nanhe'] },
      { name: '北岭乡', nameEn: 'Beiling Township', aliases: ['北岭', 'Beiling'] },
      { name: '青石镇', nameEn: 'Qingshi Town', aliases: ['青石', 'Qingshi'] },
      { name: '桃源乡', nameEn: 'Taoyuan Township', aliases: ['桃源', 'Taoyuan'] },
      { name: '河口镇', nameEn: 'Hekou Town', aliases: ['河口', 'Hekou'] },
    ]);
  });

  it('has the unit codes of the spec, xfj being the bureau, and fcb the review body', () => {
    expect(cfg.units.map((u) => u.code).sort()).toEqual(
      ['xfj', 'zrzy', 'zjj', 'rsj', 'sthj', 'nync', 'gaj', 'jyj', 'wjw', 'mzj', 'scjg', 'cgj', 'jw', 'fcb'].sort(),
    );
    expect(cfg.reviewBody).toEqual({ unit: 'fcb', role: 'handler' });
    expect(cfg.units.filter((u) => u.kind === 'bureau').map((u) => u.code)).toEqual(['xfj']);
  });

  it('seeds the demo staff of the spec', () => {
    expect(cfg.seedStaff.map((s) => [s.username, s.role, s.unit ?? null])).toEqual([
      ['admin', 'admin', null],
      ['xfj01', 'intake', 'xfj'],
      ['zrzy01', 'handler', 'zrzy'],
      ['town-donghu01', 'handler', 'town:东湖镇'],
      ['leader01', 'supervisor', null],
      // Acts for the review body (复查), issue 17.
      ['fcb01', 'handler', 'fcb'],
      // The county head, who receives on reception days and takes cases in charge (包案), issue 17.
      ['leader02', 'supervisor', null],
    ]);
  });

  it('has every staff role', () => {
    expect(cfg.roles.map((r) => r.code).sort()).toEqual(['admin', 'grid', 'handler', 'intake', 'supervisor']);
  });

  it('names units in both languages, townships as their government', () => {
    expect(unitName(cfg, 'zrzy', 'zh')).toBe('县自然资源局');
    expect(unitName(cfg, 'zrzy', 'en')).toBe('County Natural Resources Bureau');
    expect(unitName(cfg, townshipUnit('东湖镇'), 'zh')).toBe('东湖镇人民政府');
    // An English reader sees no Chinese: the township's English name.
    expect(unitName(cfg, 'town:东湖镇', 'en')).toBe('Donghu Town Government');
    expect(unitName(cfg, 'nope', 'zh')).toBe('nope');
  });
});

describe('errors name the bad field', () => {
  it('a category with an unknown unit → categories.3.unit', () => {
    const doc = demoDoc();
    doc.categories[3].unit = 'nosuchunit';
    const issues = expectIssueAt(doc, 'categories.3.unit', /unknown unit "nosuchunit"/);
    expect(issues).toHaveLength(1);
    try {
      parseCountyConfig(doc);
    } catch (err) {
      expect((err as Error).message).toContain('categories.3.unit');
    }
  });

  it('a category may go to a known township government, not an unknown one', () => {
    const ok = demoDoc();
    ok.categories[5].unit = 'town:东湖镇';
    expect(parseCountyConfig(ok).categories[5]!.unit).toBe('town:东湖镇');
    const bad = demoDoc();
    bad.categories[5].unit = 'town:无名镇';
    expectIssueAt(bad, 'categories.5.unit');
  });

  it.each([
    ['missing', undefined],
    ['empty', []],
    ['not a list', '东湖镇'],
  ])('townships %s → townships', (_label, value) => {
    const doc = demoDoc();
    if (value === undefined) delete doc.townships;
    else doc.townships = value;
    expectIssueAt(doc, 'townships');
  });

  it.each([
    [2, '东湖'], // alias of 东湖镇 (index 1)
    [2, 'DONGHU'], // case-insensitive
    [4, '城关镇'], // another township's canonical name
  ])('an alias shared by two townships → townships.%i.aliases (%s)', (index, alias) => {
    const doc = demoDoc();
    doc.townships[index].aliases.push(alias);
    expectIssueAt(doc, `townships.${index}.aliases`, new RegExp(`"${alias}" names two townships`));
  });

  it('a township listing its own name as an alias is fine', () => {
    const doc = demoDoc();
    doc.townships[0].aliases.push('城关镇');
    expect(() => parseCountyConfig(doc)).not.toThrow();
  });

  it.each([
    ['without a unit', {}],
    ['with an unknown unit', { unit: 'nosuchunit' }],
    ['with an unknown township government', { unit: 'town:无名镇' }],
  ])('a handler %s → seedStaff.7.unit', (_label, extra) => {
    const doc = demoDoc();
    doc.seedStaff.push({ username: 'handler2', role: 'handler', ...extra });
    expectIssueAt(doc, 'seedStaff.7.unit', /handler needs a known unit/);
  });

  it.each([
    ['without a township', {}],
    ['with an unknown township', { township: '无名镇' }],
    ['with an alias instead of the canonical name', { township: '东湖' }],
  ])('a grid worker %s → seedStaff.7.township', (_label, extra) => {
    const doc = demoDoc();
    doc.seedStaff.push({ username: 'grid01', role: 'grid', ...extra });
    expectIssueAt(doc, 'seedStaff.7.township', /grid worker needs a known township/);
  });

  it('a grid worker with a known township is fine', () => {
    const doc = demoDoc();
    doc.seedStaff.push({ username: 'grid01', role: 'grid', township: '东湖镇' });
    expect(parseCountyConfig(doc).seedStaff[7]).toMatchObject({ role: 'grid', township: '东湖镇' });
  });

  it('bureauUnit unknown → bureauUnit', () => {
    const doc = demoDoc();
    doc.bureauUnit = 'xinfangju';
    expectIssueAt(doc, 'bureauUnit', /unknown unit "xinfangju"/);
  });

  it('bureauUnit defaulted to xfj but no such unit → bureauUnit', () => {
    const doc = minimal();
    doc.units[0].code = 'bureau';
    doc.categories[0].unit = 'bureau';
    expectIssueAt(doc, 'bureauUnit');
  });

  it('fallbackCategory unknown → fallbackCategory', () => {
    const doc = demoDoc();
    doc.fallbackCategory = 'misc';
    expectIssueAt(doc, 'fallbackCategory', /unknown category "misc"/);
  });

  it.each<[string, (d: Doc) => void]>([
    ['units.0.code', (d) => (d.units[0].code = 'XFJ')],
    ['units.2.nameZh', (d) => (d.units[2].nameZh = '   ')],
    ['categories.0.code', (d) => (d.categories[0].code = 'Land Use')],
    ['county.name.en', (d) => delete d.county.name.en],
    ['utcOffsetMinutes', (d) => (d.utcOffsetMinutes = 900)],
    ['deadlines.acceptDays', (d) => (d.deadlines.acceptDays = 0)],
    ['deadlines.handleDays', (d) => (d.deadlines.handleDays = 1.5)],
    ['deadlines.counting', (d) => (d.deadlines.counting = 'weekly')],
    ['deadlines.holidays.0', (d) => (d.deadlines.holidays = ['2026/10/01'])],
    ['seedStaff.1.role', (d) => (d.seedStaff[1].role = 'boss')],
    ['seedStaff.0.username', (d) => (d.seedStaff[0].username = 'Admin User')],
    ['roles.0.code', (d) => (d.roles[0].code = 'root')],
    ['reviewBody.unit', (d) => (d.reviewBody = { unit: 'nowhere', role: 'handler' })],
    ['reviewBody.role', (d) => (d.reviewBody = { unit: 'fcb', role: 'reviewer' })],
    ['rules.maxReceivedAgeDays', (d) => (d.rules.maxReceivedAgeDays = 0)],
  ])('%s is named', (fieldPath, mutate) => {
    const doc = demoDoc();
    mutate(doc);
    expectIssueAt(doc, fieldPath);
  });

  it.each([[null], [42], ['config'], [[]]])('a document that is not an object (%j) is refused at the root', (doc) => {
    expectIssueAt(doc, '(root)');
  });
});

describe('defaults', () => {
  it('a config without the guide texts is refused at guide', () => {
    const doc = minimal();
    delete doc.guide;
    expectIssueAt(doc, 'guide');
    const partial = minimal();
    partial.guide = { ...partial.guide, rights: { zh: '权利' } };
    expectIssueAt(partial, 'guide.rights.en');
  });

  it('a minimal config gets every default', () => {
    const cfg = parseCountyConfig(minimal());
    expect(cfg.deadlines).toEqual({
      registerDays: 15,
      acceptDays: 15,
      handleDays: 60,
      maxExtensions: 1,
      maxExtensionDays: 30,
      reviewRequestDays: 30,
      reviewAnswerDays: 30,
      recheckRequestDays: 30,
      recheckAnswerDays: 30,
      dueSoonDays: 3,
      counting: 'calendar',
      holidays: [],
      workingWeekends: [],
    });
    expect(cfg.utcOffsetMinutes).toBe(480);
    expect(cfg.rules).toEqual({ groupThreshold: 5, maxRepresentatives: 5, maxReceivedAgeDays: 90 });
    expect(cfg.bureauUnit).toBe('xfj');
    expect(cfg.fallbackCategory).toBe('other');
    expect(cfg.roles).toEqual([]);
    expect(cfg.seedStaff).toEqual([]);
    expect(cfg.townships[0]).toEqual({ name: '甲镇', aliases: [] });
    expect(cfg.units[0]!.kind).toBe('bureau');
    expect(cfg.categories[0]!.keywords).toEqual({ zh: [], en: [] });
  });

  it('a partial deadlines block keeps its numbers and fills the rest', () => {
    const doc = minimal();
    doc.deadlines = { handleDays: 90, counting: 'workdays', holidays: ['2026-10-01'] };
    const cfg = parseCountyConfig(doc);
    expect(cfg.deadlines).toMatchObject({
      acceptDays: 15,
      handleDays: 90,
      maxExtensionDays: 30,
      reviewRequestDays: 30,
      dueSoonDays: 3,
      counting: 'workdays',
      holidays: ['2026-10-01'],
      workingWeekends: [],
    });
  });

  it('default deadline lists are not shared between parses', () => {
    const a = parseCountyConfig(minimal());
    a.deadlines.holidays.push('2026-10-01');
    expect(parseCountyConfig(minimal()).deadlines.holidays).toEqual([]);
  });

  it('unit kind defaults to department', () => {
    const doc = minimal();
    doc.units.push({ code: 'zrzy', nameZh: '县自然资源局', nameEn: 'County Natural Resources Bureau' });
    expect(parseCountyConfig(doc).units[1]!.kind).toBe('department');
  });
});

describe('readCountyConfig', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'county-config-test-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads the shipped demo county by default', () => {
    expect(readCountyConfig().county.name).toEqual({ zh: '示范县', en: 'Shifan County' });
  });

  it('reads another file', () => {
    const file = path.join(dir, 'mini.json');
    fs.writeFileSync(file, JSON.stringify(minimal()));
    expect(readCountyConfig(file).county.code).toBe('mini');
  });

  it('a missing file is a CountyConfigError', () => {
    const file = path.join(dir, 'missing.json');
    expect(() => readCountyConfig(file)).toThrow(CountyConfigError);
    expect(() => readCountyConfig(file)).toThrow(/cannot read/);
  });

  it('malformed JSON is a CountyConfigError', () => {
    const file = path.join(dir, 'broken.json');
    fs.writeFileSync(file, '{"county": ');
    expect(() => readCountyConfig(file)).toThrow(CountyConfigError);
    expect(() => readCountyConfig(file)).toThrow(/not valid JSON/);
  });

  it('an invalid document names the field', () => {
    const file = path.join(dir, 'bad.json');
    const doc = demoDoc();
    doc.categories[3].unit = 'nosuchunit';
    fs.writeFileSync(file, JSON.stringify(doc));
    expect(() => readCountyConfig(file)).toThrow(/categories\.3\.unit/);
  });
});
