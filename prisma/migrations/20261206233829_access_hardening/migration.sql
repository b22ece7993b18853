-- AlterTable
ALTER TABLE "staff_link_codes" ADD COLUMN     "failures" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "alert_acks" (
    "alert_id" UUID NOT NULL,
    "staff_id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "alert_acks_pkey" PRIMARY KEY ("alert_id","staff_id")
);

-- CreateTable
CREATE TABLE "store_meta" (
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "store_meta_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "alert_acks_staff_id_idx" ON "alert_acks"("staff_id");

-- CreateIndex
CREATE INDEX "conversations_updated_at_idx" ON "conversations"("updated_at");

-- AddForeignKey
ALTER TABLE "alert_acks" ADD CONSTRAINT "alert_acks_alert_id_fkey" FOREIGN KEY ("alert_id") REFERENCES "alerts"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- A report against officials (conduct) never has an automatic township co-handler
-- (issue 15). Conduct cases filed before this rule got the township where it happened
-- as co-handler, and the words that name it by position ("镇长", "我们镇") were not
-- read: that township is recorded as accused (the safe reading of old text) and is no
-- longer co-handler (no co-handler was ever assigned by hand before this migration).
UPDATE "cases"
SET "respondent_units" = (
      SELECT coalesce(array_agg(DISTINCT u), '{}')
      FROM unnest(coalesce("respondent_units", '{}') || ARRAY["co_unit", CASE WHEN "township" IS NOT NULL THEN 'town:' || "township" END]) AS u
      WHERE u IS NOT NULL
    ),
    "co_unit" = NULL
WHERE "category" = 'conduct' AND ("co_unit" IS NOT NULL OR "township" IS NOT NULL);
