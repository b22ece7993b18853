/**
 * The settlement rate (息诉率) over grouped replied cases: the one per-case rule
 * (settlement.ts) applied once per group and weighted by the group's size, so the
 * grouping in SQL never changes what "settled" means.
 */
import type { CountyConfig } from '../../domain/county/schema.ts';
import { settlementVerdict } from './settlement.ts';
import type { UnitRepliedGroup } from '../../ports/unit-stats-ports.ts';

export interface SettlementCounts {
  settled: number;
  /** Replied cases with a verdict (the denominator). */
  decided: number;
}

export function settlementOfGroups(groups: readonly UnitRepliedGroup[], now: Date, cfg: CountyConfig): SettlementCounts {
  const ctx = { rules: cfg.deadlines, utcOffsetMinutes: cfg.utcOffsetMinutes };
  const out = { settled: 0, decided: 0 };
  for (const g of groups) {
    const verdict = settlementVerdict(g, now, ctx);
    if (verdict === 'pending') continue;
    out.decided += g.n;
    if (verdict === 'settled') out.settled += g.n;
  }
  return out;
}
