/**
 * Grid workers' store ports: chat accounts bound to staff accounts through one-time
 * link codes (only a keyed hash of a code is stored), and screening reports
 * committed as cases with their reporter, alerts and audit entry in one transaction.
 */
import type { CreatedCase, NewCase } from './case-ports.ts';

/** A channel identity as conversations know it (Telegram's chat id; a web chat's keyed hash). */
export interface ChatIdentity {
  channel: string;
  channelUserId: string;
}

/** A grid worker's account as the bot needs it. */
export interface GridWorkerRecord {
  staffId: string;
  username: string;
  township: string;
  villages: string[];
}

export interface NewLinkCode {
  code: string;
  staffId: string;
  /** Username of who issued it (an admin, or the grid worker themself). */
  createdBy: string;
  actorId: string;
  at: Date;
  expiresAt: Date;
}

export interface GridBindingStore {
  /** The active grid worker bound to a chat; null when unbound, disabled, or no longer a grid worker. */
  workerFor(chat: ChatIdentity): Promise<GridWorkerRecord | null>;
  /** Stores the code's hash with its audit entry. */
  saveLinkCode(c: NewLinkCode): Promise<void>;
  /**
   * One transaction: an unexpired, unused code of an active grid worker is used up,
   * the chat is bound to that worker (replacing an earlier binding of the chat) and
   * the binding is audited. The same chat redeeming its own used code again (a
   * replayed turn) gets the worker again; anything else is null.
   */
  redeemLinkCode(code: string, chat: ChatIdentity, at: Date, maxFailures?: number): Promise<GridWorkerRecord | null>;
  /**
   * A failed bind counts against every code still valid (a wrong guess cannot tell which
   * code it aimed at): each live code's failures + 1; a code that reaches `maxFailures`
   * is dead (redeemLinkCode refuses it) and its lock is audited. Returns how many died.
   */
  countFailedBind(at: Date, maxFailures: number): Promise<number>;
  /** Removes the chat's binding (audited); false when there was none. */
  unbind(chat: ChatIdentity, at: Date): Promise<boolean>;
  /** How many chat accounts each staff account has bound. */
  bindingCounts(staffIds: readonly string[]): Promise<Map<string, number>>;
}

export interface NewScreeningReport {
  kase: NewCase;
  reporterStaffId: string;
  /**
   * The worker's conversation: files sent while reporting are attached. The case
   * itself has no conversation (no citizen to notify or ask for a rating).
   */
  attachmentsFrom: string | null;
  /** Internal timeline note (urgency, reporter) written with the case. */
  note: string;
  /** Early-warning alert of a report flagged `risk`; null when not flagged. */
  riskAlert: { message: string } | null;
}

export interface ScreeningReportStore {
  /** Creates the case once per submission key (a replay returns the first one, created false). */
  create(r: NewScreeningReport): Promise<CreatedCase>;
}
