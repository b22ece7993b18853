/** Harmless messages of the typed citizens' rounds that the screen once read as threats. */
import { describe, expect, it } from 'vitest';
import { screenRisk } from '../../../src/nlu/risk/screen.ts';

describe('the screen on demands and neighbours (round D)', () => {
  it.each([
    '我要求厂子赔我们的鱼钱，环保部门查处偷排，把排污口封了',
    'Hello, my english not so good. Neighbour build big extension 3 floor on his house, no permit, now our house no sun all day',
  ])('%s alerts nobody', (text) => expect(screenRisk(text).level).toBe('none'));

  it.each(['明天我们把镇政府大门封了', 'I know where his house is, he will pay'])('%s still does', (text) => expect(screenRisk(text).level).toBe('risk'));
});
