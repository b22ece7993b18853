/**
 * A staff member's alerts. Material a citizen adds: on cases they hold, or on unheld
 * cases in their scope (caseScopeOf). Supervision (督办 deadlines due soon or
 * overdue, early-warning risk): every one for admin, supervisors and the bureau's
 * intake; a handler's unit's cases (competent or co-handling) for handlers. Admin,
 * supervisor and bureau intake see all. Acknowledging hides an alert for everyone
 * (one acknowledgement per alert).
 */
import type { CountyConfig } from '../domain/county/schema.ts';
import { AppError } from '../domain/errors.ts';
import type { AlertRecord, PrismaAlertRepository } from '../store/prisma/alert-repository.ts';
import type { PrismaSupervisionAlertRepository } from '../store/prisma/supervision-alert-repository.ts';
import type { Clock } from './ports.ts';
import { caseScopeOf, type StaffPrincipal } from './staff-principal.ts';

export interface StaffAlertDeps {
  alerts: Pick<PrismaAlertRepository, 'open' | 'acknowledge'>;
  /** Deadline and risk alerts; without it only material alerts are listed. */
  supervision?: Pick<PrismaSupervisionAlertRepository, 'open' | 'acknowledge'>;
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

export async function acknowledgeStaffAlert(deps: StaffAlertDeps, p: StaffPrincipal, id: string): Promise<void> {
  const reader = readerOf(p, deps.county);
  const at = deps.clock.now();
  const ok =
    UUID.test(id) &&
    ((await deps.alerts.acknowledge(id, reader, p.username, at)) || (!!deps.supervision && (await deps.supervision.acknowledge(id, reader, p.username, at))));
  if (!ok) throw new AppError('not_found', 'no such alert');
}
