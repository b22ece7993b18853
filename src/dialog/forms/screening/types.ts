/**
 * The grid worker's side of the bot: the screening report (矛盾纠纷排查) form's state,
 * the effects it asks the app to carry out and the events that answer them. Only the
 * slots are stored; the next question and the summary are derived.
 */
import type { CaseStatus } from '../../../domain/case/lifecycle.ts';
import type { Locale, PublicCaseView } from '../../types.ts';

/** A staff account bound to this chat, looked up by the app before the turn. */
export interface GridWorkerContext {
  staffId: string;
  username: string;
  township: string;
  /** Villages of the grid; empty: the whole township. */
  villages: readonly string[];
}

export const URGENCIES = ['normal', 'urgent', 'danger'] as const;
/** normal / urgent / immediate danger to people (the last always flags `risk`). */
export type Urgency = (typeof URGENCIES)[number];

/** A report ready to be committed. */
export interface ScreeningDraft {
  reportId: string;
  parties: string;
  township: string;
  place: string | null;
  facts: string;
  peopleCount: number;
  urgency: Urgency;
  category: string;
  riskFlag: boolean;
  locale: Locale;
}

export interface GridReportItem {
  caseNumber: string;
  status: CaseStatus;
  category: string;
  createdAt: string;
}

export type ScreeningEffect =
  | { type: 'bind_staff'; code: string }
  | { type: 'unbind_staff' }
  | { type: 'submit_screening'; draft: ScreeningDraft }
  | { type: 'list_grid_reports' }
  | { type: 'open_grid_report'; caseNumber: string };

export type ScreeningEvent =
  | { type: 'staff_bound'; username: string; township: string }
  | { type: 'bind_refused'; reason: 'invalid' | 'locked' }
  | { type: 'staff_unbound'; wasBound: boolean }
  | { type: 'screening_submitted'; reportId: string; caseNumber: string }
  | { type: 'grid_reports'; items: GridReportItem[] }
  | { type: 'grid_report_opened'; view: PublicCaseView }
  | { type: 'grid_report_not_found' };
