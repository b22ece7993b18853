/**
 * A staff member's alerts. Material a citizen adds: on cases they hold, or on unheld
 * cases in their scope (caseScopeOf). Supervision (督办 deadlines due soon or
 * overdue, early-warning risk): every one for admin, supervisors and the bureau's
 * intake; a handler's unit's cases (competent or co-handling) for handlers. Admin,
 * supervisor and bureau intake see all. An acknowledgement by someone responsible for
 * the alert hides it for everyone: admin, the bureau's intake, the competent unit of
 * the case (a 督办 notice: the unit it names; a review's alerts: the review body), the
 * staff member holding the case.
 * Anyone else who sees it — a co-handler, a supervisor — hides it for themself only.
 */
import type { CountyConfig } from '../../domain/county/schema.ts';
import { AppError } from '../../domain/errors.ts';
import type { AlertAckTarget, AlertRecord, AlertRepository, SupervisionAlertRepository } from '../../ports/alert-ports.ts';
import type { Clock } from '../../ports/clock.ts';
import { caseScopeOf, type StaffPrincipal } from '../staff-accounts/staff-principal.ts';

export interface StaffAlertDeps {
  alerts: Pick<AlertRepository, 'open' | 'ackTarget' | 'acknowledgeForAll' | 'acknowledgeFor'>;
  /** Deadline and risk alerts; without it only material alerts are listed. */
  supervision?: Pick<SupervisionAlertRepository, 'open' | 'ackTarget'>;
  county: CountyConfig;
  clock: Clock;
}

export interface StaffAlert {
  id: string;
  at: string;
  kind: string;
  caseNumber: string | null;
  message: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LIST_LIMIT = 100;

const readerOf = (p: StaffPrincipal, county: CountyConfig) => ({ staffId: p.id, role: p.role, scope: caseScopeOf(p, county) });

const toView = (a: AlertRecord): StaffAlert => ({ id: a.id, at: a.at.toISOString(), kind: a.kind, caseNumber: a.caseNumber, message: a.message });

export async function listStaffAlerts(deps: StaffAlertDeps, p: StaffPrincipal): Promise<{ items: StaffAlert[] }> {
  const reader = readerOf(p, deps.county);
  const [material, supervision] = await Promise.all([deps.alerts.open(reader), deps.supervision ? deps.supervision.open(reader) : []]);
  const items = [...material, ...supervision].sort((a, b) => b.at.getTime() - a.at.getTime() || a.id.localeCompare(b.id)).slice(0, LIST_LIMIT);
  return { items: items.map(toView) };
}

/** Whether the reader's acknowledgement speaks for everyone (see the rules above). */
export function acknowledgesForAll(p: StaffPrincipal, county: CountyConfig, a: AlertAckTarget): boolean {
  if (p.role === 'admin' || (p.role === 'intake' && caseScopeOf(p, county).all)) return true;
  if (p.role === 'supervisor' || p.role === 'grid') return false;
  if (a.holderStaffId === p.id) return true;
  // A 督办 notice is the unit's it names; a review's alerts (asked, answer due) are the review body's.
  const reviewBodyAlert = county.reviewBody !== undefined && a.unit === county.reviewBody.unit && (a.kind === 'review_requested' || a.kind.startsWith('deadline_'));
  const responsibleUnit = a.kind === 'supervise_notice' || reviewBodyAlert ? a.unit : a.caseUnit;
  return p.unit !== null && p.unit === responsibleUnit;
}

export async function acknowledgeStaffAlert(deps: StaffAlertDeps, p: StaffPrincipal, id: string): Promise<void> {
  const reader = readerOf(p, deps.county);
  const at = deps.clock.now();
  const target = UUID.test(id) ? ((await deps.alerts.ackTarget(id, reader)) ?? (deps.supervision ? await deps.supervision.ackTarget(id, reader) : null)) : null;
  if (!target) throw new AppError('not_found', 'no such alert');
  if (acknowledgesForAll(p, deps.county, target)) await deps.alerts.acknowledgeForAll(id, p.username, at);
  else await deps.alerts.acknowledgeFor(id, p.id, at);
}
