/**
 * Mirrors the county config's reference data (units, townships, categories) into the
 * store so that reports and joins can use it; the config file stays the source.
 * The county's UTC offset goes to the dashboard's tally (a change recounts it).
 */
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { townshipUnit, type CountyConfig } from '../../domain/county/schema.ts';
import { setTallyOffset } from '../sql/case-tally.ts';
import { prismaQuery } from '../sql/sql-exec.ts';

export class PrismaCountyRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /** Idempotent: upserts every row of the config. */
  async sync(cfg: CountyConfig): Promise<void> {
    const units = [
      ...cfg.units,
      ...cfg.townships.map((t) => ({ code: townshipUnit(t.name), nameZh: `${t.name}人民政府`, nameEn: `${t.nameEn ?? t.name} Government`, kind: 'township' })),
    ];
    await this.prisma.$transaction(async (tx) => {
      for (const u of units) {
        const data = { nameZh: u.nameZh, nameEn: u.nameEn, kind: u.kind };
        await tx.unit.upsert({ where: { code: u.code }, create: { code: u.code, ...data }, update: data });
      }
      for (const t of cfg.townships) {
        const data = { aliases: t.aliases, unit: townshipUnit(t.name) };
        await tx.township.upsert({ where: { name: t.name }, create: { name: t.name, ...data }, update: data });
      }
      for (const c of cfg.categories) {
        const data = { nameZh: c.nameZh, nameEn: c.nameEn, unit: c.unit, keywords: [...c.keywords.zh, ...c.keywords.en] };
        await tx.category.upsert({ where: { code: c.code }, create: { code: c.code, ...data }, update: data });
      }
      // The dashboard's tally counts the county's local days.
      await setTallyOffset(prismaQuery(tx), cfg.utcOffsetMinutes);
    }, { timeout: 600_000 }); // a changed offset recounts every case
  }
}
