-- AlterTable
ALTER TABLE "cases" ADD COLUMN     "anonymized_at" TIMESTAMPTZ(3),
ADD COLUMN     "closure_review" TEXT,
ADD COLUMN     "closure_review_at" TIMESTAMPTZ(3),
ADD COLUMN     "closure_review_by" TEXT,
ADD COLUMN     "follow_up_answered_at" TIMESTAMPTZ(3),
ADD COLUMN     "plan_code" TEXT,
ADD COLUMN     "reporter_staff_id" UUID;

-- AlterTable
ALTER TABLE "messages" ADD COLUMN     "leased_by" TEXT,
ADD COLUMN     "leased_until" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "staff_accounts" ADD COLUMN     "villages" TEXT[];

-- CreateTable
CREATE TABLE "staff_chat_bindings" (
    "channel" TEXT NOT NULL,
    "channel_user_id" TEXT NOT NULL,
    "staff_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "staff_chat_bindings_pkey" PRIMARY KEY ("channel","channel_user_id")
);

-- CreateTable
CREATE TABLE "staff_link_codes" (
    "code_hash" TEXT NOT NULL,
    "staff_id" UUID NOT NULL,
    "created_by" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),

    CONSTRAINT "staff_link_codes_pkey" PRIMARY KEY ("code_hash")
);

-- CreateTable
CREATE TABLE "case_plan_steps" (
    "case_id" UUID NOT NULL,
    "step_id" TEXT NOT NULL,
    "plan_code" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "role" TEXT NOT NULL,
    "due_at" TIMESTAMPTZ(3) NOT NULL,
    "done_at" TIMESTAMPTZ(3),
    "done_by" TEXT,
    "note" TEXT,

    CONSTRAINT "case_plan_steps_pkey" PRIMARY KEY ("case_id","step_id")
);

-- CreateTable
CREATE TABLE "supervise_notices" (
    "id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "unit" TEXT NOT NULL,
    "issued_by" TEXT NOT NULL,
    "issued_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "due_at" TIMESTAMPTZ(3) NOT NULL,
    "message" TEXT NOT NULL,
    "answer" TEXT,
    "answered_at" TIMESTAMPTZ(3),
    "answered_by" TEXT,

    CONSTRAINT "supervise_notices_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "case_holdings" (
    "id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "unit" TEXT NOT NULL,
    "staff_id" UUID,
    "since" TIMESTAMPTZ(3) NOT NULL,
    "until" TIMESTAMPTZ(3),
    "reason" TEXT,

    CONSTRAINT "case_holdings_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "staff_chat_bindings_staff_id_idx" ON "staff_chat_bindings"("staff_id");

-- CreateIndex
CREATE INDEX "staff_link_codes_staff_id_idx" ON "staff_link_codes"("staff_id");

-- CreateIndex
CREATE INDEX "case_plan_steps_due_at_idx" ON "case_plan_steps"("due_at");

-- CreateIndex
CREATE INDEX "supervise_notices_unit_answered_at_idx" ON "supervise_notices"("unit", "answered_at");

-- CreateIndex
CREATE INDEX "supervise_notices_case_id_idx" ON "supervise_notices"("case_id");

-- CreateIndex
CREATE INDEX "supervise_notices_issued_at_idx" ON "supervise_notices"("issued_at");

-- CreateIndex
CREATE INDEX "case_holdings_case_id_since_idx" ON "case_holdings"("case_id", "since");

-- CreateIndex
CREATE INDEX "cases_reporter_staff_id_idx" ON "cases"("reporter_staff_id");

-- CreateIndex
CREATE INDEX "cases_closed_at_idx" ON "cases"("closed_at");

-- CreateIndex
CREATE INDEX "processed_inbound_at_idx" ON "processed_inbound"("at");

