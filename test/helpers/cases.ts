/** Builders for cases in tests. */
import type { NewCase } from '../../src/ports/case-ports.ts';

export function newCase(over: Partial<NewCase> = {}): NewCase {
  const at = new Date('2026-11-27T02:00:00Z');
  return {
    submissionKey: null,
    origin: 'petition',
    channel: 'web',
    conversationId: null,
    locale: 'zh',
    petitioner: { name: '张桂兰', phone: '13812345678', idNumber: '11010519491231002X' },
    category: 'land',
    township: '东湖镇',
    unit: 'zrzy',
    coUnit: 'town:东湖镇',
    respondent: null,
    respondentUnits: [],
    facts: '村里征地补偿款一直没有发放',
    demands: '尽快发放补偿款',
    address: '东湖镇李家村',
    peopleCount: 1,
    priorPetition: null,
    representatives: [],
    flags: [],
    consent: { at, version: 'guide-v1' },
    receivedAt: at,
    localDate: '2026-11-27',
    acceptDueAt: new Date('2026-12-12T15:59:59.999Z'),
    queryCode: '01234567',
    ...over,
  };
}
