/**
 * All citizen-facing text, zh and en, one catalog per feature. `t` is the only way
 * the dialogue produces words.
 */
import { common } from './common.ts';
import { fill } from './define.ts';
import { intake } from './intake.ts';
import { caseLookup } from './case-lookup.ts';
import { callback } from './callback.ts';
import { caseNotices } from './case-notices.ts';
import { staffChat } from './staff-chat.ts';
import { risk } from './risk.ts';
import { jobs } from './jobs.ts';
import { screening } from './screening.ts';
import { form } from './form.ts';
import { faq } from './faq.ts';
import { reception } from './reception.ts';
import type { Locale } from '../types.ts';

const catalogs = {
  zh: { ...common.zh, ...intake.zh, ...caseLookup.zh, ...callback.zh, ...caseNotices.zh, ...staffChat.zh, ...jobs.zh, ...risk.zh, ...screening.zh, ...form.zh, ...faq.zh, ...reception.zh },
  en: { ...common.en, ...intake.en, ...caseLookup.en, ...callback.en, ...caseNotices.en, ...staffChat.en, ...jobs.en, ...risk.en, ...screening.en, ...form.en, ...faq.en, ...reception.en },
};

export type MessageKey = keyof typeof catalogs.zh;

export function t(locale: Locale, key: MessageKey, params?: Record<string, string | number>): string {
  return fill(catalogs[locale][key], params);
}

export function allMessages(locale: Locale): Record<string, string> {
  return catalogs[locale];
}
