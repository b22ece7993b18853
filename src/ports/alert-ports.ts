/**
 * Staff alerts: material and hand-over alerts (raised by the store inside the
 * transaction of what caused them) and supervision alerts (deadlines, risk, plans,
 * 督办 notices), read per staff member and relayed once to a Telegram staff chat.
 */
import type { StaffRole } from '../domain/county/schema.ts';
import type { CaseScope } from './case-ports.ts';

export interface AlertRecord {
  id: string;
  at: Date;
  kind: string;
  caseId: string | null;
  caseNumber: string | null;
  conversationId: string | null;
  unit: string | null;
  message: string;
}

/** Who reads alerts: the scope of caseScopeOf and the staff member's id (for cases they hold). */
export interface AlertReader {
  staffId: string;
  scope: CaseScope;
}

/** What decides who an acknowledgement hides an alert for (see staff-alerts.ts). */
export interface AlertAckTarget {
  kind: string;
  /** The unit the alert was raised for (a 督办 notice's unit). */
  unit: string | null;
  caseUnit: string | null;
  holderStaffId: string | null;
}

export interface SupervisionReader {
  staffId: string;
  role: StaffRole;
  scope: CaseScope;
}

/** Material and hand-over alerts. */
export interface AlertRepository {
  /** The reader's unacknowledged alerts, newest first (bounded). */
  open(reader: AlertReader): Promise<AlertRecord[]>;
  /** A material alert the reader may see, with what decides its acknowledgement; null when there is none for them. */
  ackTarget(id: string, reader: AlertReader): Promise<AlertAckTarget | null>;
  /** Hides the alert for everyone; the first acknowledgement stays. */
  acknowledgeForAll(id: string, by: string, at: Date): Promise<void>;
  /** Hides the alert for one reader only. */
  acknowledgeFor(id: string, staffId: string, at: Date): Promise<void>;
  /** Alerts of the relayed kinds raised since `since` and not yet relayed (the Telegram staff chat). */
  unrelayed(since: Date, limit: number): Promise<AlertRecord[]>;
  /** Claims the relay of one alert; true only for the one process whose claim won. */
  claimRelay(alertId: string): Promise<boolean>;
  /** Gives a claim back after a send that did not go out, so the next round tries again. */
  releaseRelay(alertId: string): Promise<void>;
}

/** Supervision alerts (deadlines, risk, plans, 督办 notices). */
export interface SupervisionAlertRepository {
  open(reader: SupervisionReader): Promise<AlertRecord[]>;
  ackTarget(id: string, reader: SupervisionReader): Promise<AlertAckTarget | null>;
}
