-- CreateTable
CREATE TABLE "case_tally" (
    "day" DATE NOT NULL,
    "dim" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "n" INTEGER NOT NULL,

    CONSTRAINT "case_tally_pkey" PRIMARY KEY ("day","dim","key")
);

-- CreateTable
CREATE TABLE "case_tally_settings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "utc_offset_minutes" INTEGER NOT NULL,

    CONSTRAINT "case_tally_settings_pkey" PRIMARY KEY ("id")
);


-- Written by hand below (Prisma's schema cannot express functions, triggers or expression indexes).

-- The tally's days are the county's local days; 480 (UTC+8) until the county config is synced.
INSERT INTO "case_tally_settings" ("id", "utc_offset_minutes") VALUES (1, 480);

-- What one case contributes to the tally (sign +1 or -1). Settlement classes: a case
-- the citizen called unresolved; a replied case with its review window stored, by
-- whether a review was asked (the store adds the cases whose window is still open).
-- PL/pgSQL, not SQL: the planner's inlining of a SQL function with a row argument fails here
-- ("variable not found in subplan target list").
CREATE FUNCTION case_tally_rows(c "cases", sign int) RETURNS TABLE ("day" date, "dim" text, "key" text, "n" int)
LANGUAGE plpgsql STABLE AS $$
#variable_conflict use_column
BEGIN
  RETURN QUERY SELECT ((c.created_at AT TIME ZONE 'UTC') + make_interval(mins => s.utc_offset_minutes))::date, x.dim, x.key, sign
  FROM case_tally_settings s, (
    SELECT 'total' AS dim, '' AS key
    UNION ALL SELECT 'status', c.status
    UNION ALL SELECT 'category', c.category
    UNION ALL SELECT 'township', c.township WHERE c.township IS NOT NULL
    UNION ALL SELECT 'flag', u.f FROM unnest(c.flags) WITH ORDINALITY u(f, i) WHERE array_position(c.flags, u.f) = u.i -- each flag once
    UNION ALL SELECT 'rating', c.rating_acceptance WHERE c.rating_acceptance IS NOT NULL
    UNION ALL SELECT 'rating', c.rating_handling WHERE c.rating_handling IS NOT NULL
    UNION ALL SELECT 'settle', CASE WHEN c.follow_up_resolved = false THEN 'unresolved' WHEN c.review_requested_at IS NOT NULL THEN 'review' ELSE 'ok' END
      WHERE c.replied_at IS NOT NULL AND (c.follow_up_resolved = false OR c.review_due_at IS NOT NULL)
  ) x;
END $$;

-- A deferred row trigger: each change of a case adds its difference when the writing
-- transaction commits, so concurrent filings hold the day's tally rows only while they
-- commit, not from their insert on. Rows are upserted in key order.
CREATE FUNCTION case_tally_on_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO case_tally AS t ("day", "dim", "key", "n")
    SELECT r.day, r.dim, r.key, sum(r.n)::int FROM case_tally_rows(NEW, 1) r GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT ("day", "dim", "key") DO UPDATE SET "n" = t."n" + EXCLUDED."n";
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO case_tally AS t ("day", "dim", "key", "n")
    SELECT r.day, r.dim, r.key, sum(r.n)::int FROM case_tally_rows(OLD, -1) r GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT ("day", "dim", "key") DO UPDATE SET "n" = t."n" + EXCLUDED."n";
  ELSE
    INSERT INTO case_tally AS t ("day", "dim", "key", "n")
    SELECT r.day, r.dim, r.key, sum(r.n)::int
    FROM (SELECT * FROM case_tally_rows(OLD, -1) UNION ALL SELECT * FROM case_tally_rows(NEW, 1)) r
    GROUP BY 1, 2, 3 HAVING sum(r.n) <> 0 ORDER BY 1, 2, 3
    ON CONFLICT ("day", "dim", "key") DO UPDATE SET "n" = t."n" + EXCLUDED."n";
  END IF;
  RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER case_tally_insert_delete AFTER INSERT OR DELETE ON "cases"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION case_tally_on_row();
-- Only the columns the tally reads (updated_at, holders and the like change often).
CREATE CONSTRAINT TRIGGER case_tally_update AFTER UPDATE ON "cases"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN ((OLD.created_at, OLD.status, OLD.category, OLD.township, OLD.flags, OLD.rating_acceptance, OLD.rating_handling,
         OLD.replied_at, OLD.review_due_at, OLD.review_requested_at, OLD.follow_up_resolved)
    IS DISTINCT FROM
        (NEW.created_at, NEW.status, NEW.category, NEW.township, NEW.flags, NEW.rating_acceptance, NEW.rating_handling,
         NEW.replied_at, NEW.review_due_at, NEW.review_requested_at, NEW.follow_up_resolved))
  EXECUTE FUNCTION case_tally_on_row();

-- Recounts the tally from the cases (after the county's UTC offset changed; and here, for the cases already stored).
CREATE FUNCTION case_tally_rebuild() RETURNS void LANGUAGE sql AS $$
  DELETE FROM case_tally;
  INSERT INTO case_tally ("day", "dim", "key", "n")
  SELECT r.day, r.dim, r.key, sum(r.n)::int FROM "cases" c CROSS JOIN LATERAL case_tally_rows(c, 1) r GROUP BY 1, 2, 3;
$$;
SELECT case_tally_rebuild();

-- Search (GET /api/cases?q=): every two-character piece of a case's searchable text, in a
-- GIN index; a query's pieces narrow the rows, the ILIKE of each field then decides (so the
-- answer is the same as a scan). Bigrams, not pg_trgm's trigrams: Chinese search words are
-- often two characters, which give a trigram index nothing to look up. chr(1) joins the fields.
-- Schema-qualified inside: PostgreSQL 17 (PGlite) builds an index with search_path = pg_catalog.
CREATE FUNCTION case_search_bigrams(t text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT substr(lower(t), i, 2)), '{}'::text[]) FROM generate_series(1, char_length(t) - 1) i
$$;
CREATE FUNCTION case_search_doc(case_number text, facts text, demands text, respondent text, address text) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT public.case_search_bigrams(concat_ws(chr(1), case_number, facts, demands, respondent, address))
$$;
CREATE INDEX "cases_search_bigrams_idx" ON "cases" USING gin (case_search_doc("case_number", "facts", "demands", "respondent", "address"));

-- The list's order (newest first), with the id, so a deep page is read from the index alone.
CREATE INDEX "cases_list_order_idx" ON "cases" ("created_at" DESC, "case_number" DESC) INCLUDE ("id");
CREATE INDEX "cases_status_list_order_idx" ON "cases" ("status", "created_at" DESC, "case_number" DESC) INCLUDE ("id");
-- Replied cases whose review window is still open (or not stored): the dashboard reads them live.
CREATE INDEX "cases_review_due_replied_idx" ON "cases" ("review_due_at") WHERE "replied_at" IS NOT NULL;
-- A list's total from the tally (one key over all days).
CREATE INDEX "case_tally_dim_key_idx" ON "case_tally" ("dim", "key") INCLUDE ("n");
