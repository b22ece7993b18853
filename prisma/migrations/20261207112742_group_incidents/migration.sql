-- AlterTable
ALTER TABLE "cases" ADD COLUMN     "incident_id" UUID;

-- CreateTable
CREATE TABLE "incidents" (
    "id" UUID NOT NULL,
    "hub_case_id" UUID NOT NULL,
    "township" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "opened_at" TIMESTAMPTZ(3) NOT NULL,
    "last_case_at" TIMESTAMPTZ(3) NOT NULL,
    "case_count" INTEGER NOT NULL,
    "plan_case_id" UUID,

    CONSTRAINT "incidents_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "incidents_hub_case_id_key" ON "incidents"("hub_case_id");

-- CreateIndex
CREATE INDEX "incidents_township_category_last_case_at_idx" ON "incidents"("township", "category", "last_case_at");

-- CreateIndex
CREATE INDEX "cases_incident_id_idx" ON "cases"("incident_id");

