/**
 * npm run staff -- <command>: staff accounts from the server's own shell, for the
 * operator (first admin lost, a new unit, a forgotten password). Generated passwords
 * are printed once and never stored in plain text. Every change is audited with no
 * actor (the operator).
 */
import { parseArgs } from 'node:util';
import { createStaffAccount } from '../src/app/staff-accounts/create-staff-account.ts';
import { listStaffAccounts } from '../src/app/staff-accounts/list-staff-accounts.ts';
import type { StaffAdminDeps } from '../src/app/staff-accounts/staff-account-deps.ts';
import { resetStaffPassword } from '../src/app/staff-accounts/reset-staff-password.ts';
import { resetStaffTotp } from '../src/app/staff-accounts/reset-staff-totp.ts';
import { generatePassword } from '../src/app/staff-accounts/bootstrap-staff.ts';
import { ConfigError, loadConfig } from '../src/config.ts';
import { CountyConfigError } from '../src/domain/county/schema.ts';
import { AppError } from '../src/domain/errors.ts';
import { createLogger } from '../src/log.ts';
import type { Core } from '../src/root/core.ts';
import { argon2Hasher } from '../src/staff/password-hasher.ts';
import { DataDirLockedError } from '../src/store/data-dir-lock.ts';

const HELP = `Staff accounts.

Usage: npm run staff -- <command> [options]

  add <username> <role> [--unit <code>] [--township <name>] [--name <display name>]
        Adds an account and prints its generated password once.
        Roles: admin, intake, handler (needs --unit: a unit code or town:<township>),
        supervisor, grid (needs --township).
  reset-password <username>
        Sets a new generated password (printed once), lifts a lock and ends the
        account's sessions.
  reset-totp <username>
        Removes two-step verification and the recovery codes (authenticator and codes
        lost); the person enrols again.
  list  Lists the accounts.

It uses the server's settings (DATABASE_URL, DATA_DIR, SECRET_KEY, COUNTY_CONFIG).
With the embedded store (DATABASE_URL unset) stop the server first: PGlite serves one
process, so while the server holds DATA_DIR this command fails with "data directory …
is in use". With DATABASE_URL it can run beside a running server.
`;

class UsageError extends Error {}

function parse(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      unit: { type: 'string' },
      township: { type: 'string' },
      name: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  return { ...values, command: positionals[0], args: positionals.slice(1) };
}

async function run(core: Core, o: ReturnType<typeof parse>): Promise<void> {
  const { store, clock, county } = core;
  const deps: StaffAdminDeps = { staff: store.staff, sessions: store.sessions, hasher: argon2Hasher, audit: store.audit, clock };
  const [username, role] = o.args;
  if (o.command === 'add') {
    if (!username || !role) throw new UsageError('add needs <username> <role>');
    const password = generatePassword();
    const input = { username, role, password, unit: o.unit, township: o.township, displayName: o.name };
    const created = await createStaffAccount({ ...deps, county }, null, input);
    console.log(`Added ${created.username} (${created.role}${created.unit ? `, ${created.unit}` : ''}${created.township ? `, ${created.township}` : ''}).`);
    console.log(`Password (shown this once): ${password}`);
  } else if (o.command === 'reset-password') {
    if (!username) throw new UsageError('reset-password needs <username>');
    const r = await resetStaffPassword(deps, null, username);
    console.log(`New password for ${r.username} (shown this once): ${r.password}`);
    console.log(`Sessions ended: ${r.sessionsEnded}`);
  } else if (o.command === 'reset-totp') {
    if (!username) throw new UsageError('reset-totp needs <username>');
    await resetStaffTotp(deps, null, username);
    console.log(`Two-step verification removed for ${username}; they enrol again at their next sign-in or on /staff/account.`);
  } else if (o.command === 'list') {
    for (const a of await listStaffAccounts(deps, null, clock.now())) {
      const flags = [a.totpEnabled ? 'totp' : '', a.disabled ? 'disabled' : '', a.locked ? 'locked' : ''].filter(Boolean).join(',');
      console.log([a.username.padEnd(20), a.role.padEnd(10), (a.unit ?? a.township ?? '').padEnd(14), flags].join(' ').trimEnd());
    }
  } else {
    throw new UsageError(o.command ? `unknown command "${o.command}"` : 'no command given');
  }
}

async function main(): Promise<number> {
  let options: ReturnType<typeof parse>;
  try {
    options = parse(process.argv.slice(2));
  } catch (err) {
    console.error(`${(err as Error).message}\n\n${HELP}`);
    return 2;
  }
  if (options.help || !options.command) {
    console.log(HELP);
    return options.help ? 0 : 2;
  }
  let core: Core | undefined;
  try {
    const cfg = loadConfig();
    // Loaded only now: the app's module graph (NLU, channels) is heavy, and --help needs none of it.
    const { createCore } = await import('../src/root/core.ts');
    core = await createCore(cfg, createLogger('error'));
    await run(core, options);
    return 0;
  } catch (err) {
    if (err instanceof UsageError) console.error(`${err.message}\n\n${HELP}`);
    else if (err instanceof DataDirLockedError || err instanceof ConfigError || err instanceof CountyConfigError || err instanceof AppError) {
      console.error(err.message);
    }
    else throw err;
    return err instanceof UsageError ? 2 : 1;
  } finally {
    await core?.close();
  }
}

process.exitCode = await main();
