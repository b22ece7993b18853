/**
 * Ports of the staff's case work: the state an action is decided on, the one write
 * that commits a transition (case fields, timeline event and audit entry together),
 * the audit of a personal-data reveal, and a case's attachments. Every read is
 * scoped like the case list: a case outside the scope is simply not found.
 */
import type { CaseStatus } from '../domain/case/lifecycle.ts';
import type { CaseFields } from '../domain/case/case-record.ts';
import type { CaseScope } from './case-ports.ts';
import type { WrittenNoticeWrite } from './written-notice-ports.ts';
import type { HoldingChange } from './plan-ports.ts';

/**
 * What a lifecycle action needs to know about a case (no personal data); closing also
 * checks the citizen's rating of the handling and answer to the callback question.
 */
export interface CaseActionState
  extends Pick<
    CaseFields,
    | 'id' | 'caseNumber' | 'status' | 'category' | 'township' | 'unit' | 'coUnit' | 'respondent' | 'respondentUnits' | 'facts' | 'demands'
    | 'conversationId' | 'locale' | 'createdAt' | DatesAnActionSets | 'extensionDays' | 'ratingHandling' | 'followUpResolved' | 'leaderStaffId'
    | 'leaderSince'
  > {
  /** Extensions granted so far (timeline events of kind `extend`). */
  extensions: number;
  /** The emergency plan opened on the case (config plan code), or null. */
  planCode: string | null;
  /** The group incident (群体性事件) the case belongs to, or null. */
  incidentId: string | null;
}

/** The dates and the holder that lifecycle actions set. */
type DatesAnActionSets =
  | 'acceptDueAt' | 'acceptedAt' | 'replyDueAt' | 'repliedAt' | 'reviewDueAt' | 'reviewRequestedAt' | 'reviewAnswerDueAt'
  | 'reviewRepliedAt' | 'closedAt' | 'holderStaffId';

/** Case columns an action may set; `null` clears, absent leaves as is. */
export type CaseFieldChanges = Partial<Pick<CaseFields, 'unit' | 'coUnit' | 'extensionDays' | 'leaderStaffId' | 'leaderSince' | DatesAnActionSets>>;

export interface CaseTransitionWrite {
  caseId: string;
  caseNumber: string;
  /** The status the decision was made on: the update matches only while it holds. */
  from: CaseStatus;
  to: CaseStatus;
  set: CaseFieldChanges;
  at: Date;
  actorId: string;
  /** Timeline event kind: the action's name (accept, reply, note, …). */
  kind: string;
  public: boolean;
  note: string | null;
  data?: Record<string, unknown>;
  /** The audit entry's reason (the staff member's stated reason, if any). */
  reason: string | null;
  /** The citizen's notice, queued in the outbox in the same transaction (null: none). */
  notice?: { conversationId: string; text: string } | null;
  /**
   * The written notice the action issues (书面告知), kept with the case in the same
   * transaction; a chat notice is linked to the outbox message (`notice`) that carries it.
   */
  writtenNotice?: WrittenNoticeWrite | null;
  /** A staff alert raised in the same transaction (once per dedupeKey). */
  alert?: { kind: string; dedupeKey: string; unit: string; message: string } | null;
  /** Who holds the case from now on (another unit or staff member), written in the same transaction. */
  holding?: HoldingChange | null;
}

export interface AttachmentMeta {
  id: string;
  fileName: string;
  mime: string;
  size: number;
  createdAt: Date;
  storagePath: string;
}

export interface RevealAudit {
  actorId: string;
  caseNumber: string;
  reason: string;
  at: Date;
  data: Record<string, unknown>;
}

export interface CaseActionRepository {
  /** null when missing or outside the scope (the caller cannot tell which). */
  findState(caseNumber: string, scope: CaseScope): Promise<CaseActionState | null>;
  /**
   * One transaction: the conditional update on `from`, the timeline event, the
   * audit entry and the citizen's notice. 'conflict' (and nothing written) when the
   * status is no longer `from` — of two concurrent actions on one case exactly one is 'ok'.
   */
  applyTransition(w: CaseTransitionWrite): Promise<'ok' | 'conflict'>;
  /** Writes the audit entry of a reveal (before any personal data is returned). */
  recordReveal(a: RevealAudit): Promise<void>;
  listAttachments(caseId: string): Promise<AttachmentMeta[]>;
  /** null unless the attachment belongs to that case. */
  findAttachment(caseId: string, attachmentId: string): Promise<AttachmentMeta | null>;
  /** Usernames of staff ids, for the timeline. */
  staffNames(ids: readonly string[]): Promise<Map<string, string>>;
}
