/**
 * Callback (回访): CALLBACK_AFTER_DAYS after the written reply, the bot asks the
 * citizen on their channel whether the matter is resolved, with the buttons
 * `followup:<caseNumber>:yes|no` (answered by the dialogue). The message and
 * `followUpSentAt` are written in one transaction, so each case is asked once.
 */
import { localDate } from '../domain/deadlines.ts';
import { t, type Locale } from '../app/chat-turn/messages.ts';
import type { Job } from './job.ts';

/** Days after the reply before asking. Config later: the county config has no field for it yet. */
export const CALLBACK_AFTER_DAYS = 30;

const TAKE = 1000;
const DAY_MS = 86_400_000;

// The payload and the job's name predate the word "callback": buttons already sent and the job runs on record carry them.
export const callbackPayload = (caseNumber: string, answer: 'yes' | 'no') => `followup:${caseNumber}:${answer}`;

export const callbackSweep: Job = {
  name: 'follow-up-sweep',
  everyMs: 60 * 60_000,
  async run({ deps, repo, now }) {
    const due = await repo.callbackCandidates(new Date(now.getTime() - CALLBACK_AFTER_DAYS * DAY_MS), TAKE);
    let sent = 0;
    for (const c of due) {
      if (!(await repo.markCallbackSent(c.id, now))) continue;
      const locale: Locale = c.locale === 'en' ? 'en' : 'zh';
      const text = t(locale, 'jobCallbackAsk', { caseNumber: c.caseNumber, date: localDate(c.repliedAt, deps.county.utcOffsetMinutes) });
      const buttons = [
        { label: t(locale, 'jobCallbackYes'), payload: callbackPayload(c.caseNumber, 'yes') },
        { label: t(locale, 'jobCallbackNo'), payload: callbackPayload(c.caseNumber, 'no') },
      ];
      await repo.enqueue(c.conversationId, { author: 'system', text, buttons }, now);
      sent++;
    }
    return { candidates: due.length, sent };
  },
};
