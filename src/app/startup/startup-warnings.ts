/**
 * What an operator must hear at every start, not only the first: settings that are
 * allowed but unsafe for the production the server says it runs in.
 */
import type { CountyConfig } from '../../domain/county/schema.ts';

export const ADMIN_TOTP_WARNING =
  'WARNING: NODE_ENV=production but two-step sign-in (TOTP) is not required for the admin role. ' +
  'Set "requireTotp": true for "admin" (and "supervisor") under roles in the county config (COUNTY_CONFIG), then restart.';

export function startupWarnings(opts: { production: boolean }, county: Pick<CountyConfig, 'roles'>): string[] {
  const out: string[] = [];
  const admin = county.roles.find((r) => r.code === 'admin');
  if (opts.production && !admin?.requireTotp) out.push(ADMIN_TOTP_WARNING);
  return out;
}
