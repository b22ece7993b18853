/** Emergency plans, pure: the plan a case opens (most specific wins), due times, late steps, who may complete a step, the config. */
import { describe, expect, it } from 'vitest';
import { readCountyConfig } from '../../../src/county-config-file.ts';
import { parseCountyConfig } from '../../../src/domain/county/schema.ts';
import { mayCompleteStep, planStepsDue, RISK_KINDS, selectPlan, stepState, type Plan, type PlanCaseFacts, type RiskKind } from '../../../src/domain/plans.ts';
import { RISK_CATEGORIES } from '../../../src/nlu/risk/screen.ts';

const county = readCountyConfig();
const facts = (flags: string[], riskKinds: RiskKind[] = [], peopleCount: number | null = 1): PlanCaseFacts => ({ flags, riskKinds, peopleCount });

describe('the demo county plans', () => {
  it('ships the required plans, each with 4–6 steps in zh and en', () => {
    expect(county.plans.map((p) => p.code)).toEqual(['self_harm', 'violence', 'blocking', 'capital_gathering', 'group_visit', 'other_risk']);
    for (const p of county.plans) {
      expect(p.steps.length, p.code).toBeGreaterThanOrEqual(4);
      expect(p.steps.length, p.code).toBeLessThanOrEqual(6);
      for (const s of p.steps) expect(s.title.zh).toMatch(/\p{Script=Han}/u);
    }
  });

  it('names the same risk kinds as the early-warning screen', () => {
    expect([...RISK_KINDS]).toEqual([...RISK_CATEGORIES]);
  });

  it('rejects a duplicated step id and an unknown risk kind, naming the field', () => {
    const doc = JSON.parse(JSON.stringify(county)) as { plans: Plan[] };
    doc.plans[0]!.steps[1]!.id = doc.plans[0]!.steps[0]!.id;
    expect(() => parseCountyConfig(doc)).toThrow(/plans\.0\.steps\.1\.id: step id "contact" is used twice/);
    const bad = JSON.parse(JSON.stringify(county)) as { plans: { triggers: unknown[] }[] };
    bad.plans[0]!.triggers = [{ flag: 'risk', riskKinds: ['blockade'] }];
    expect(() => parseCountyConfig(bad)).toThrow(/plans\.0\.triggers\.0\.riskKinds\.0/);
  });
});

describe('selectPlan', () => {
  it.each<[string, PlanCaseFacts, string | null]>([
    ['no flag', facts([]), null],
    ['repeat and overdue only', facts(['repeat', 'overdue']), null],
    ['self-harm', facts(['risk'], ['self_harm']), 'self_harm'],
    ['violence', facts(['risk'], ['violence']), 'violence'],
    ['threat', facts(['risk'], ['threat']), 'violence'],
    ['blocking', facts(['risk'], ['blocking']), 'blocking'],
    ['going to the capital', facts(['risk'], ['capital']), 'capital_gathering'],
    ['gathering', facts(['risk'], ['gathering']), 'capital_gathering'],
    ['risk of no known kind', facts(['risk']), 'other_risk'],
    ['group only', facts(['group'], [], 30), 'group_visit'],
    ['a group that threatens to block a road: the risk kind is more specific', facts(['group', 'risk'], ['blocking'], 30), 'blocking'],
    ['a group with a risk of no known kind: any risk beats a group', facts(['group', 'risk'], [], 30), 'other_risk'],
    ['self-harm and blocking: the plan listed first', facts(['risk'], ['blocking', 'self_harm']), 'self_harm'],
    ['kinds without the risk flag open nothing', facts([], ['self_harm']), null],
  ])('%s', (_name, c, expected) => {
    expect(selectPlan(county.plans, c)?.code ?? null).toBe(expected);
  });

  it('a larger minPeople is more specific among group triggers; below it the plan does not match', () => {
    const step = { id: 'a', title: { zh: '步骤', en: 'step' }, role: 'intake' as const, dueMinutes: 10 };
    const plans: Plan[] = [
      { code: 'small', name: { zh: '小', en: 'small' }, triggers: [{ flag: 'group' }], steps: [step] },
      { code: 'large', name: { zh: '大', en: 'large' }, triggers: [{ flag: 'group', minPeople: 50 }], steps: [step] },
    ];
    expect(selectPlan(plans, facts(['group'], [], 80))?.code).toBe('large');
    expect(selectPlan(plans, facts(['group'], [], 49))?.code).toBe('small');
    expect(selectPlan(plans, facts(['group'], [], null))?.code).toBe('small');
  });
});

describe('steps', () => {
  const plan = county.plans.find((p) => p.code === 'self_harm')!;
  const opened = new Date('2026-11-27T02:00:00.000Z');

  it('fall due dueMinutes after the opening, in config order', () => {
    const due = planStepsDue(plan, opened);
    expect(due.map((d) => d.position)).toEqual(plan.steps.map((_s, i) => i + 1));
    expect(due[0]).toEqual({ stepId: 'contact', position: 1, role: 'intake', dueAt: new Date('2026-11-27T02:15:00.000Z') });
    expect(due.at(-1)!.dueAt).toEqual(new Date(opened.getTime() + 4320 * 60_000));
  });

  it('are late only after their due instant and never once done', () => {
    const dueAt = new Date('2026-11-27T02:15:00.000Z');
    expect(stepState({ dueAt, doneAt: null }, dueAt)).toBe('open');
    expect(stepState({ dueAt, doneAt: null }, new Date(dueAt.getTime() + 1))).toBe('late');
    expect(stepState({ dueAt, doneAt: new Date('2026-11-28T00:00:00Z') }, new Date('2026-12-01T00:00:00Z'))).toBe('done');
  });

  it.each<[string, { role: 'admin' | 'intake' | 'handler' | 'supervisor' | 'grid'; unit: string | null }, 'unit' | 'township' | 'intake', boolean]>([
    ['admin, any step', { role: 'admin', unit: null }, 'township', true],
    ['intake, any step', { role: 'intake', unit: 'xfj' }, 'unit', true],
    ['the competent unit, its step', { role: 'handler', unit: 'zrzy' }, 'unit', true],
    ['the competent unit, the township step', { role: 'handler', unit: 'zrzy' }, 'township', false],
    ['the competent unit, an intake step', { role: 'handler', unit: 'zrzy' }, 'intake', false],
    ['the township, its step', { role: 'handler', unit: 'town:东湖镇' }, 'township', true],
    ['another township', { role: 'handler', unit: 'town:西山乡' }, 'township', false],
    ['another unit, the unit step', { role: 'handler', unit: 'zjj' }, 'unit', false],
    ['a supervisor reads only', { role: 'supervisor', unit: null }, 'intake', false],
    ['a grid worker reads only', { role: 'grid', unit: null }, 'township', false],
  ])('%s', (_n, who, role, expected) => {
    expect(mayCompleteStep(who, role, { unit: 'zrzy', coUnit: 'town:东湖镇', township: '东湖镇' })).toBe(expected);
  });
});
