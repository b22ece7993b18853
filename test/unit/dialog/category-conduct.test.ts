/**
 * Issue 15, item 1: a report of an official's misconduct is `conduct`, whatever other
 * words it holds (a probe naming a road contractor was filed as `security` and routed
 * to the police, with the accused township as co-handler).
 */
import { describe, expect, it } from 'vitest';
import { readCategory } from '../../../src/dialog/forms/intake/category.ts';
import { county, readers } from '../../helpers/dialog.ts';

const kind = (text: string, story = true) => readCategory(text, county, readers(), { story })?.code ?? null;

describe('the kind of a report against an official', () => {
  it.each([
    '我要举报我们镇的镇长，他收了修村道工程老板的好处费',
    '派出所的一个民警收了赌场老板的钱 每回查赌都提前通风报信',
    '镇上管低保的干部 让俺给他买了两条烟才给办',
    '城管队员扣了我的三轮车 要我塞五百块才给还',
    '征地补偿款叫村干部私吞了一部分',
    'a police officer takes money from the gambling den owner and warns them before raids',
    'the village accountant wants cigarettes and cash before he submits dibao applications',
    'Township officials came to my house and threatened my son\'s job because I petitioned',
  ])('%s → conduct', (text) => {
    expect(kind(text)).toBe('conduct');
  });

  it.each([
    ['村里有人开赌场 天天晚上聚一帮人', 'conduct'],
    ['The neighbour threatened us with a knife and the police just left', 'conduct'],
    ['我要表扬一下我们村的驻村干部 人特别好', 'conduct'],
  ])('%s is not a report against an official (not %s)', (text, not) => {
    expect(kind(text)).not.toBe(not);
  });

  it('"是征地 不是承包地那种": what the matter is not is left out of the reading', () => {
    expect(kind('是征地 不是承包地那种 修路征的', false)).toBe('land');
  });
});
