/** What the citizen's case lookup and its actions (supplement, rating, review) are given. */
import type { CountyConfig } from '../../domain/county/schema.ts';
import type { CaseLookupRepository } from '../../ports/case-lookup-ports.ts';
import type { QueryAttemptStore } from '../../ports/query-attempt-ports.ts';
import type { CaseRepository } from '../../ports/case-ports.ts';

export interface CaseLookupDeps {
  caseLookups: CaseLookupRepository;
  attempts: QueryAttemptStore;
  /** Only `verifyQueryCode` is used. */
  cases: Pick<CaseRepository, 'verifyQueryCode'>;
  county: CountyConfig;
}

/** The channel identity of the citizen: one conversation per (channel, channelUserId). */
export interface CaseLookupCaller {
  conversationId: string;
  channel: string;
  channelUserId: string;
}
