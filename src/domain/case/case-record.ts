/**
 * A case, every field of it that the program reads, declared once. The case shapes of
 * the ports, the use cases and the dialogue are cuts of it (Pick, Omit, Partial), so a
 * field is named, typed and documented here and nowhere else. `OnTheWire` is the same
 * cut as JSON carries it (instants as ISO strings).
 */
import type { CaseStatus } from './lifecycle.ts';
import type { CaseOrigin } from './registration.ts';

/** A petitioner's personal data (encrypted at rest; masked for staff unless revealed). */
export interface PersonalData {
  name: string | null;
  phone: string | null;
  idNumber: string | null;
}

export interface Representative {
  name: string;
  phone: string | null;
}

export interface CaseFields {
  id: string;
  caseNumber: string;
  status: CaseStatus;
  origin: CaseOrigin;
  /** The channel it came in on (web, telegram, …; letter, visit, call from the desk). */
  channel: string;
  /** The conversation that filed it; null for the desk's registrations. */
  conversationId: string | null;
  locale: 'zh' | 'en';
  category: string;
  township: string | null;
  /** The competent unit's code. */
  unit: string;
  /** The 属地 co-handler (a township government, `town:<name>`). */
  coUnit: string | null;
  flags: string[];
  /** Filed during a sensitive period as a risk or group case: the period's name (sensitive-periods.ts). */
  sensitivePeriod: string | null;
  petitioner: PersonalData;
  /** The citizen's account; a conduct case may name the accused there too. */
  facts: string;
  demands: string | null;
  respondent: string | null;
  /** Units a conduct case accuses (routing never sends it to them). */
  respondentUnits: string[];
  address: string | null;
  peopleCount: number | null;
  peopleUnit: 'people' | 'households' | null;
  priorPetition: string | null;
  /** The citizen's own words about earlier handling. */
  priorDetail: string | null;
  /** The citizen's own words for fields the bot could not read, for staff. */
  intakeNotes: Record<string, string> | null;
  /** resident | passport, of petitioner.idNumber. */
  idType: string | null;
  representatives: Representative[];
  createdAt: Date;
  acceptDueAt: Date | null;
  acceptedAt: Date | null;
  replyDueAt: Date | null;
  extensionDays: number | null;
  repliedAt: Date | null;
  /** End of the window to request a review (after the reply), or of the re-examination window once the review body answered. */
  reviewDueAt: Date | null;
  reviewRequestedAt: Date | null;
  /** The review body's answer is due (while a review is asked). */
  reviewAnswerDueAt: Date | null;
  /** The review body answered; reviewDueAt then ends the re-examination window. */
  reviewRepliedAt: Date | null;
  closedAt: Date | null;
  /** The staff member holding the case, if any. */
  holderStaffId: string | null;
  /** The leader in charge (包案), a supervisor's staff id, and since when. */
  leaderStaffId: string | null;
  leaderSince: Date | null;
  consentAt: Date | null;
  consentVersion: string | null;
  /** How the three understandings were told when not in chat (registration.ts ConsentMethod). */
  consentMethod: string | null;
  /** A letter, visit or call: the local date it was received (deadlines count from it). */
  receivedOn: string | null;
  /** The citizen's ratings of acceptance and of the handling. */
  ratingAcceptance: string | null;
  ratingHandling: string | null;
  /** The 30-day callback (回访): when it was asked, the answer, when answered (the database's follow_up_* columns). */
  followUpSentAt: Date | null;
  followUpResolved: boolean | null;
  followUpAnsweredAt: Date | null;
}

/** The same fields as JSON carries them: instants become ISO strings. */
export type OnTheWire<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] };
