/**
 * First start: creates the config's seed staff that do not exist yet. admin takes
 * ADMIN_PASSWORD when given; every other password is generated and returned once,
 * for the caller to print — it is never stored in plain text or logged.
 */
import { randomBytes } from 'node:crypto';
import type { CountyConfig } from '../../domain/county/schema.ts';
import type { StaffRepository, PasswordHasher } from '../../ports/staff-ports.ts';

export interface GeneratedCredential {
  username: string;
  password: string;
}

export const generatePassword = () => randomBytes(12).toString('base64url');

export async function bootstrapStaff(
  deps: { staff: StaffRepository; hasher: PasswordHasher },
  cfg: CountyConfig,
  adminPassword: string | undefined,
): Promise<GeneratedCredential[]> {
  const generated: GeneratedCredential[] = [];
  for (const s of cfg.seedStaff) {
    if (await deps.staff.findByUsername(s.username)) continue;
    const fromEnv = s.username === 'admin' ? adminPassword : undefined;
    const password = fromEnv ?? generatePassword();
    await deps.staff.create({
      username: s.username,
      passwordHash: await deps.hasher.hash(password),
      role: s.role,
      unit: s.unit ?? null,
      township: s.township ?? null,
      displayName: s.displayName ?? null,
    });
    if (!fromEnv) generated.push({ username: s.username, password });
  }
  return generated;
}
