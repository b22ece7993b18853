-- Reception bookings are erased by the retention job (name, phone, description) and marked.
-- Hand-written: the previous migration's schema snapshot predates the reception and tally
-- tables, so a generated diff would recreate them; this directory's snapshot is current.
ALTER TABLE "reception_bookings" ALTER COLUMN "name_enc" DROP NOT NULL,
ALTER COLUMN "phone_enc" DROP NOT NULL,
ADD COLUMN "anonymized_at" TIMESTAMPTZ(3);

-- CreateIndex
CREATE INDEX "reception_bookings_case_id_idx" ON "reception_bookings"("case_id");

-- An incident's latest members are read per filing: an index scan of the newest, not a sort of all.
DROP INDEX "cases_incident_id_idx";
CREATE INDEX "cases_incident_id_created_at_idx" ON "cases"("incident_id", "created_at");
