/**
 * CSV export of the filtered case list (cases created in a period), personal data
 * always masked (reveal is a per-case, audited action elsewhere, never an export).
 * The export is written to the audit log (who, filters, row count) before any row
 * leaves. Free text (facts, demands, address) is left out: it may carry personal data.
 * Cells that a spreadsheet would run as a formula are prefixed with an apostrophe.
 */
import { z } from 'zod';
import { CASE_FLAGS, CASE_STATUSES } from '../../domain/case/lifecycle.ts';
import type { CountyConfig } from '../../domain/county/schema.ts';
import { localDate } from '../../domain/deadlines.ts';
import { AppError } from '../../domain/errors.ts';
import type { AuditLog } from '../../ports/audit-ports.ts';
import { maskPersonal } from '../cases/case-dto.ts';
import type { Clock } from '../../ports/clock.ts';
import { caseScopeOf, type StaffPrincipal } from '../staff-accounts/staff-principal.ts';
import type { ExportFilter, ExportRow, StatsRepository } from '../../ports/stats-ports.ts';
import type { StatsPeriod } from './stats-period.ts';

export interface ExportDeps {
  stats: StatsRepository;
  audit: AuditLog;
  county: CountyConfig;
  clock: Clock;
}

export const MAX_EXPORT_ROWS = 50_000;
const BATCH = 500;

const optional = <T extends z.ZodType>(t: T) => z.preprocess((v) => (v === '' ? undefined : v), t.optional());
export const ExportFilterSchema = z.object({
  status: optional(z.enum(CASE_STATUSES)),
  unit: optional(z.string().max(64)),
  township: optional(z.string().max(64)),
  category: optional(z.string().max(64)),
  flag: optional(z.enum(CASE_FLAGS)),
});

const HEADER = [
  'caseNumber', 'createdAt', 'status', 'category', 'township', 'unit', 'coUnit', 'flags', 'channel',
  'petitionerName', 'petitionerPhone', 'petitionerIdNumber', 'acceptDueAt', 'replyDueAt', 'repliedAt',
  'ratingAcceptance', 'ratingHandling',
];

export function csvCell(v: string | null): string {
  let s = v ?? '';
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function line(r: ExportRow, offset: number): string {
  const p = maskPersonal(r.petitioner);
  const t = (d: Date | null) => (d ? new Date(d.getTime() + offset * 60_000).toISOString().slice(0, 19).replace('T', ' ') : null);
  return [
    r.caseNumber, t(r.createdAt), r.status, r.category, r.township, r.unit, r.coUnit, r.flags.join(' '), r.channel,
    p.name, p.phone, p.idNumber, t(r.acceptDueAt), t(r.replyDueAt), t(r.repliedAt), r.ratingAcceptance, r.ratingHandling,
  ].map(csvCell).join(',');
}

export interface CaseExport {
  fileName: string;
  rows: number;
  /** The CSV text in chunks (header first; UTF-8 BOM so spreadsheets read Chinese). */
  chunks: AsyncIterable<string>;
}

export async function exportCases(deps: ExportDeps, who: StaffPrincipal, period: StatsPeriod, filter: ExportFilter): Promise<CaseExport> {
  const scope = caseScopeOf(who, deps.county);
  const rows = await deps.stats.exportCount(scope, period, filter);
  if (rows > MAX_EXPORT_ROWS) throw new AppError('bad_request', `too many cases (${rows}) for one export; narrow the period or filters (at most ${MAX_EXPORT_ROWS})`);
  const now = deps.clock.now();
  await deps.audit.write({
    actorId: who.id,
    action: 'cases.export',
    target: null,
    reason: null,
    data: { username: who.username, role: who.role, unit: who.unit, from: period.fromDate, to: period.toDate, filter: { ...filter }, rows, masked: true, at: now.toISOString() },
  });
  const offset = deps.county.utcOffsetMinutes;
  async function* chunks(): AsyncIterable<string> {
    yield `\uFEFF${HEADER.join(',')}\r\n`;
    for await (const batch of deps.stats.exportRows(scope, period, filter, BATCH)) {
      yield batch.map((r) => `${line(r, offset)}\r\n`).join('');
    }
  }
  return { fileName: `cases-${period.fromDate}-${period.toDate}-${localDate(now, offset)}.csv`, rows, chunks: chunks() };
}
