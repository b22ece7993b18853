-- AlterTable
ALTER TABLE "cases" ADD COLUMN     "rating_acceptance" TEXT,
ADD COLUMN     "rating_handling" TEXT,
ADD COLUMN     "review_requested_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "query_attempts" (
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "window_start" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "locked_until" TIMESTAMPTZ(3),

    CONSTRAINT "query_attempts_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "cases_conversation_id_idx" ON "cases"("conversation_id");

