/**
 * Files a case the way a chat turn does: created inside commitTurn's transaction, then
 * what the chat does after the reply (the plan, the incident's second look). Used by the
 * group-incident tests, which need many filings without the dialogue around them.
 */
import { afterCaseCreated } from '../../src/app/cases/open-case-plan.ts';
import { initialState } from '../../src/dialog/types.ts';
import { createLogger } from '../../src/log.ts';
import type { NewCase } from '../../src/ports/case-ports.ts';
import { casePlanDeps } from '../../src/root/plan-deps.ts';
import { newCase } from './cases.ts';
import { county } from './dialog.ts';
import type { TestStore } from './stores.ts';

export interface ChatFiling {
  /** The conversation's user id (one conversation per filing). */
  userId: string;
  at: Date;
  /** Reserve the day's case sequence before the transaction, as the chat does. */
  reserveSequence?: boolean;
  /** Runs inside the transaction after the case's link step, before the commit. */
  beforeCommit?: () => Promise<unknown>;
}

export async function fileLikeChat(t: TestStore, over: Partial<NewCase>, o: ChatFiling): Promise<string> {
  const conv = await t.store.conversations.open('web', o.userId, initialState());
  const sequence = o.reserveSequence ? await t.store.conversations.reserveCaseSequence!(o.at.toISOString().slice(0, 10)) : undefined;
  let caseNumber = '';
  await t.store.conversations.commitTurn(conv.id, conv.version, async (tx) => {
    caseNumber = (await tx.createCase(newCase({ receivedAt: o.at, ...(sequence !== undefined ? { sequence } : {}), ...over }))).caseNumber;
    await o.beforeCommit?.();
    return { state: conv.state, messages: [], handoff: null, audit: [], inboundKey: null };
  });
  await afterCaseCreated(casePlanDeps(t.store, county, { now: () => o.at }, createLogger('silent')), { caseNumber });
  return caseNumber;
}
