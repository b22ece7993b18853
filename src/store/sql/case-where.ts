/**
 * The case list's WHERE clause in SQL, for the statements Prisma cannot write (the
 * search index, the staff pages' aggregates, the one-statement case reads). The scope is
 * the twin of scopeWhere in prisma/case-repository.ts (the export, links and inbox use
 * that one); scoping tests read both ways (test/component/staff-scale.test.ts,
 * test/component/case-reads.test.ts).
 * Columns are those of `cases` aliased `c`; values go into `params` as placeholders.
 */
import type { CaseFilter, CaseScope } from '../../ports/case-ports.ts';

type Params = unknown[];
const p = (params: Params, v: unknown) => `$${params.push(v)}`;

/** `%text%` for LIKE, with LIKE's own wildcards in the text matched literally. */
export const containsPattern = (text: string) => `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

export function scopeSql(scope: CaseScope, params: Params): string {
  if (scope.all) return 'TRUE';
  if (scope.screeningOf) {
    const area = scope.screeningOf;
    const villages = area.villages.filter((v) => v.trim() !== '');
    const accusing = `(c.category <> 'conduct' OR NOT (${p(params, `town:${area.township}`)} = ANY (c.respondent_units))${area.staffId ? ` OR c.reporter_staff_id = ${p(params, area.staffId)}::uuid` : ''})`;
    const inVillages = villages.length ? ` AND (${villages.map((v) => `c.address LIKE ${p(params, containsPattern(v))}`).join(' OR ')})` : '';
    return `(c.origin = 'screening' AND c.township = ${p(params, area.township)} AND ${accusing}${inVillages})`;
  }
  const units = p(params, [...scope.units]);
  const seen = `c.unit = ANY (${units}::text[]) OR c.co_unit = ANY (${units}::text[])${scope.reviews ? ' OR c.review_requested_at IS NOT NULL' : ''}`;
  return `((${seen}) AND NOT (c.category = 'conduct' AND c.respondent_units && ${units}::text[]))`;
}

/** The filter's conditions; `q` narrows through the bigram index, then each field's (I)LIKE decides. */
export function filterSql(f: Omit<CaseFilter, 'page' | 'pageSize'>, params: Params): string {
  const and: string[] = [];
  if (f.status) and.push(`c.status = ${p(params, f.status)}`);
  if (f.unit) {
    const u = p(params, f.unit);
    and.push(`(c.unit = ${u} OR c.co_unit = ${u})`);
  }
  if (f.township) and.push(`c.township = ${p(params, f.township)}`);
  if (f.category) and.push(`c.category = ${p(params, f.category)}`);
  // Containment, not `= ANY`: the GIN index on flags answers it.
  if (f.flag) and.push(`c.flags @> ARRAY[${p(params, f.flag)}]::text[]`);
  if (f.dueBefore) {
    const d = `${p(params, f.dueBefore)}::timestamptz`;
    and.push(
      `((c.status IN ('submitted', 'transferred') AND c.accept_due_at < ${d}) OR (c.status IN ('accepted', 'in_progress', 'extended') AND c.reply_due_at < ${d}) OR (c.status = 'review_requested' AND c.review_answer_due_at < ${d}))`,
    );
  }
  if (f.q) and.push(searchSql(f.q, params));
  return and.length ? and.join(' AND ') : 'TRUE';
}

const DOC = 'case_search_doc(c.case_number, c.facts, c.demands, c.respondent, c.address)';

function searchSql(q: string, params: Params): string {
  const upper = q.toUpperCase();
  const text = p(params, containsPattern(q));
  const fields = ['facts', 'demands', 'respondent', 'address'].map((col) => `c.${col} ILIKE ${text}`).join(' OR ');
  // The case number is matched in capitals (as typed in lower case); each arm has its own bigrams.
  return `((${DOC} @> case_search_bigrams(${p(params, q)}) AND (${fields})) OR (${DOC} @> case_search_bigrams(${p(params, upper)}) AND c.case_number LIKE ${p(params, containsPattern(upper))}))`;
}
