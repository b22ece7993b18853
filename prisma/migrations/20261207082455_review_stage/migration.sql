-- AlterTable
ALTER TABLE "cases" ADD COLUMN     "review_answer_due_at" TIMESTAMPTZ(3),
ADD COLUMN     "review_replied_at" TIMESTAMPTZ(3);

-- CreateIndex
CREATE INDEX "cases_review_answer_due_at_idx" ON "cases"("review_answer_due_at");

