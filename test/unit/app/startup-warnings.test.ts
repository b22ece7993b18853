/** Issue 15, item 15: a production server without TOTP for admin warns at every start. */
import { describe, expect, it } from 'vitest';
import { ADMIN_TOTP_WARNING, startupWarnings } from '../../../src/app/startup/startup-warnings.ts';
import { readCountyConfig } from '../../../src/county-config-file.ts';

const county = readCountyConfig();
const withAdminTotp = { roles: county.roles.map((r) => (r.code === 'admin' ? { ...r, requireTotp: true } : r)) };

describe('startupWarnings', () => {
  it('warns in production when admin may sign in without TOTP (the demo county)', () => {
    expect(startupWarnings({ production: true }, county)).toEqual([ADMIN_TOTP_WARNING]);
    expect(startupWarnings({ production: true }, { roles: [] })).toEqual([ADMIN_TOTP_WARNING]);
  });

  it('is quiet outside production, or with TOTP required for admin', () => {
    expect(startupWarnings({ production: false }, county)).toEqual([]);
    expect(startupWarnings({ production: true }, withAdminTotp)).toEqual([]);
  });
});
