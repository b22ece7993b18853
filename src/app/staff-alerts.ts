/**
 * A staff member's alerts: new material on cases they hold, or on unheld cases in
 * their scope (caseScopeOf); admin, supervisor and bureau intake see all. Acknowledging
 * hides an alert for everyone (one acknowledgement per alert).
 */
import type { CountyConfig } from '../domain/county/schema.ts';
import { AppError } from '../domain/errors.ts';
import type { AlertRecord, PrismaAlertRepository } from '../store/prisma/alert-repository.ts';
import type { Clock } from './ports.ts';
import { caseScopeOf, type StaffPrincipal } from './staff-principal.ts';

export interface StaffAlertDeps {
  alerts: Pick<PrismaAlertRepository, 'open' | 'acknowledge'>;
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

const readerOf = (p: StaffPrincipal, county: CountyConfig) => ({ staffId: p.id, scope: caseScopeOf(p, county) });

const toView = (a: AlertRecord): StaffAlert => ({ id: a.id, at: a.at.toISOString(), kind: a.kind, caseNumber: a.caseNumber, message: a.message });

export async function listStaffAlerts(deps: StaffAlertDeps, p: StaffPrincipal): Promise<{ items: StaffAlert[] }> {
  return { items: (await deps.alerts.open(readerOf(p, deps.county))).map(toView) };
}

export async function acknowledgeStaffAlert(deps: StaffAlertDeps, p: StaffPrincipal, id: string): Promise<void> {
  const ok = UUID.test(id) && (await deps.alerts.acknowledge(id, readerOf(p, deps.county), p.username, deps.clock.now()));
  if (!ok) throw new AppError('not_found', 'no such alert');
}
