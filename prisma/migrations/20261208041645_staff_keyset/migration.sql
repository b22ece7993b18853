-- CreateTable
CREATE TABLE "case_unit_tally" (
    "unit" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "dim" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "n" INTEGER NOT NULL,

    CONSTRAINT "case_unit_tally_pkey" PRIMARY KEY ("unit","day","dim","key")
);

-- CreateIndex
CREATE INDEX "cases_flags_idx" ON "cases" USING GIN ("flags");



-- Written by hand below (Prisma's schema cannot express functions, triggers or storage
-- parameters). Figures: docs/performance.md, "Staff pages: keyset pages, the unit tally".

-- The tally is updated in place by every filing and case change. With `n` in an index
-- (case_tally_dim_key_idx INCLUDE n) no update could be HOT, so each one left a dead row and
-- a dead index entry for a vacuum to reclaim (100,000 seeded cases on a server without
-- autovacuum: 12,813 live rows in 30 MB beside 572,527 dead ones; PGlite never vacuums on its
-- own), and a year's dashboard read all of it. With no index on `n` and room on every page an
-- update is HOT, and its page is pruned when it is next read. The table is rewritten compact.
DROP INDEX "case_tally_dim_key_idx";
ALTER TABLE "case_tally" SET (fillfactor = 50);
CREATE TEMP TABLE "case_tally_kept" ON COMMIT DROP AS SELECT * FROM "case_tally" WHERE "n" <> 0;
TRUNCATE "case_tally";
INSERT INTO "case_tally" SELECT * FROM "case_tally_kept";
-- A list's total (one key, every day) and its deep pages (one key's days, newest first).
CREATE INDEX "case_tally_key_day_idx" ON "case_tally" ("dim", "key", "day");

-- The dashboard's settlement rate reads the replied cases whose stored review window is still
-- open (a month of replies) only to count them: with these columns the county's count needs
-- no row (an index-only scan, once a vacuum has marked the pages all-visible).
DROP INDEX "cases_review_due_replied_idx";
CREATE INDEX "cases_review_due_replied_idx" ON "cases" ("review_due_at") INCLUDE ("created_at", "review_requested_at", "follow_up_resolved")
  WHERE "replied_at" IS NOT NULL;

-- The unit tally: what case_tally_rows counts, once per unit that sees the case — its competent
-- unit and its 属地 co-handler, never a unit a conduct case accuses. For a scope of one unit this
-- is the scope's SQL (src/store/sql/case-where.ts scopeSql), so a handler's numbers, list totals
-- and deep pages are read here instead of counted.
ALTER TABLE "case_unit_tally" SET (fillfactor = 50);
CREATE INDEX "case_unit_tally_key_day_idx" ON "case_unit_tally" ("unit", "dim", "key", "day");

CREATE FUNCTION case_unit_tally_rows(c "cases", sign int) RETURNS TABLE ("unit" text, "day" date, "dim" text, "key" text, "n" int)
LANGUAGE plpgsql STABLE AS $$
#variable_conflict use_column
BEGIN
  RETURN QUERY SELECT u.x, r.day, r.dim, r.key, r.n
  FROM (SELECT DISTINCT v.x FROM unnest(ARRAY[c.unit, c.co_unit]) v(x)
        WHERE v.x IS NOT NULL AND NOT (c.category = 'conduct' AND v.x = ANY (c.respondent_units))) u
  CROSS JOIN case_tally_rows(c, sign) r;
END $$;

-- Deferred like case_tally_on_row: the difference is added when the writing transaction commits.
CREATE FUNCTION case_unit_tally_on_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO case_unit_tally AS t ("unit", "day", "dim", "key", "n")
    SELECT r.unit, r.day, r.dim, r.key, sum(r.n)::int FROM case_unit_tally_rows(NEW, 1) r GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT ("unit", "day", "dim", "key") DO UPDATE SET "n" = t."n" + EXCLUDED."n";
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO case_unit_tally AS t ("unit", "day", "dim", "key", "n")
    SELECT r.unit, r.day, r.dim, r.key, sum(r.n)::int FROM case_unit_tally_rows(OLD, -1) r GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT ("unit", "day", "dim", "key") DO UPDATE SET "n" = t."n" + EXCLUDED."n";
  ELSE
    INSERT INTO case_unit_tally AS t ("unit", "day", "dim", "key", "n")
    SELECT r.unit, r.day, r.dim, r.key, sum(r.n)::int
    FROM (SELECT * FROM case_unit_tally_rows(OLD, -1) UNION ALL SELECT * FROM case_unit_tally_rows(NEW, 1)) r
    GROUP BY 1, 2, 3, 4 HAVING sum(r.n) <> 0 ORDER BY 1, 2, 3, 4
    ON CONFLICT ("unit", "day", "dim", "key") DO UPDATE SET "n" = t."n" + EXCLUDED."n";
  END IF;
  RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER case_unit_tally_insert_delete AFTER INSERT OR DELETE ON "cases"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION case_unit_tally_on_row();
-- The tally's columns, and the ones that decide which units see the case.
CREATE CONSTRAINT TRIGGER case_unit_tally_update AFTER UPDATE ON "cases"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN ((OLD.created_at, OLD.status, OLD.category, OLD.township, OLD.flags, OLD.rating_acceptance, OLD.rating_handling,
         OLD.replied_at, OLD.review_due_at, OLD.review_requested_at, OLD.follow_up_resolved, OLD.unit, OLD.co_unit, OLD.respondent_units)
    IS DISTINCT FROM
        (NEW.created_at, NEW.status, NEW.category, NEW.township, NEW.flags, NEW.rating_acceptance, NEW.rating_handling,
         NEW.replied_at, NEW.review_due_at, NEW.review_requested_at, NEW.follow_up_resolved, NEW.unit, NEW.co_unit, NEW.respondent_units))
  EXECUTE FUNCTION case_unit_tally_on_row();

-- A change of the county's UTC offset recounts both tallies.
CREATE OR REPLACE FUNCTION case_tally_rebuild() RETURNS void LANGUAGE sql AS $$
  DELETE FROM case_tally;
  INSERT INTO case_tally ("day", "dim", "key", "n")
  SELECT r.day, r.dim, r.key, sum(r.n)::int FROM "cases" c CROSS JOIN LATERAL case_tally_rows(c, 1) r GROUP BY 1, 2, 3;
  DELETE FROM case_unit_tally;
  INSERT INTO case_unit_tally ("unit", "day", "dim", "key", "n")
  SELECT r.unit, r.day, r.dim, r.key, sum(r.n)::int FROM "cases" c CROSS JOIN LATERAL case_unit_tally_rows(c, 1) r GROUP BY 1, 2, 3, 4;
$$;
INSERT INTO case_unit_tally ("unit", "day", "dim", "key", "n")
SELECT r.unit, r.day, r.dim, r.key, sum(r.n)::int FROM "cases" c CROSS JOIN LATERAL case_unit_tally_rows(c, 1) r GROUP BY 1, 2, 3, 4;

-- Statistics for the planner now (PGlite runs no autovacuum; a server may not have run it yet).
ANALYZE "case_tally";
ANALYZE "case_unit_tally";
