-- AlterTable
ALTER TABLE "cases" ADD COLUMN     "follow_up_resolved" BOOLEAN,
ADD COLUMN     "follow_up_sent_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "case_links" (
    "case_id" UUID NOT NULL,
    "other_case_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "confirmed_at" TIMESTAMPTZ(3),
    "unlinked_at" TIMESTAMPTZ(3),
    "decided_by" TEXT,

    CONSTRAINT "case_links_pkey" PRIMARY KEY ("case_id","other_case_id")
);

-- CreateTable
CREATE TABLE "job_runs" (
    "name" TEXT NOT NULL,
    "last_run_at" TIMESTAMPTZ(3) NOT NULL,
    "last_result" JSONB,

    CONSTRAINT "job_runs_pkey" PRIMARY KEY ("name")
);

-- CreateIndex
CREATE INDEX "case_links_other_case_id_idx" ON "case_links"("other_case_id");

