/**
 * Follow-up (回访): FOLLOW_UP_AFTER_DAYS after the written reply, the bot asks the
 * citizen on their channel whether the matter is resolved, with the buttons
 * `followup:<caseNumber>:yes|no` (answered by the dialogue). The message and
 * `followUpSentAt` are written in one transaction, so each case is asked once.
 */
import { localDate } from '../domain/deadlines.ts';
import { t, type Locale } from '../app/messages.ts';
import type { Job } from './job.ts';

/** Days after the reply before asking. Config later: the county config has no field for it yet. */
export const FOLLOW_UP_AFTER_DAYS = 30;

const TAKE = 1000;
const DAY_MS = 86_400_000;

export const followUpPayload = (caseNumber: string, answer: 'yes' | 'no') => `followup:${caseNumber}:${answer}`;

export const followUpSweep: Job = {
  name: 'follow-up-sweep',
  everyMs: 60 * 60_000,
  async run({ deps, repo, now }) {
    const due = await repo.followUpCandidates(new Date(now.getTime() - FOLLOW_UP_AFTER_DAYS * DAY_MS), TAKE);
    let sent = 0;
    for (const c of due) {
      if (!(await repo.markFollowUpSent(c.id, now))) continue;
      const locale: Locale = c.locale === 'en' ? 'en' : 'zh';
      const text = t(locale, 'jobFollowUpAsk', { caseNumber: c.caseNumber, date: localDate(c.repliedAt, deps.county.utcOffsetMinutes) });
      const buttons = [
        { label: t(locale, 'jobFollowUpYes'), payload: followUpPayload(c.caseNumber, 'yes') },
        { label: t(locale, 'jobFollowUpNo'), payload: followUpPayload(c.caseNumber, 'no') },
      ];
      await repo.enqueue(c.conversationId, { author: 'system', text, buttons }, now);
      sent++;
    }
    return { candidates: due.length, sent };
  },
};
