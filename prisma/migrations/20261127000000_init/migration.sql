-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "units" (
    "code" TEXT NOT NULL,
    "name_zh" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "kind" TEXT NOT NULL,

    CONSTRAINT "units_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "townships" (
    "name" TEXT NOT NULL,
    "aliases" TEXT[],
    "unit" TEXT NOT NULL,

    CONSTRAINT "townships_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "categories" (
    "code" TEXT NOT NULL,
    "name_zh" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "keywords" TEXT[],

    CONSTRAINT "categories_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "petitioners" (
    "id" UUID NOT NULL,
    "name_enc" TEXT,
    "phone_enc" TEXT,
    "id_number_enc" TEXT,
    "phone_hash" TEXT,
    "id_number_hash" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "petitioners_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "cases" (
    "id" UUID NOT NULL,
    "case_number" TEXT NOT NULL,
    "submission_key" TEXT,
    "query_code_hash" TEXT,
    "query_code_salt" TEXT,
    "status" TEXT NOT NULL,
    "origin" TEXT NOT NULL DEFAULT 'petition',
    "category" TEXT NOT NULL,
    "township" TEXT,
    "unit" TEXT NOT NULL,
    "co_unit" TEXT,
    "respondent" TEXT,
    "respondent_units" TEXT[],
    "facts" TEXT NOT NULL,
    "demands" TEXT,
    "address" TEXT,
    "people_count" INTEGER,
    "prior_petition" TEXT,
    "representatives" JSONB,
    "channel" TEXT NOT NULL,
    "conversation_id" UUID,
    "petitioner_id" UUID,
    "flags" TEXT[],
    "locale" TEXT NOT NULL DEFAULT 'zh',
    "consent_at" TIMESTAMPTZ(3),
    "consent_version" TEXT,
    "holder_staff_id" UUID,
    "accept_due_at" TIMESTAMPTZ(3),
    "accepted_at" TIMESTAMPTZ(3),
    "reply_due_at" TIMESTAMPTZ(3),
    "extension_days" INTEGER,
    "replied_at" TIMESTAMPTZ(3),
    "review_due_at" TIMESTAMPTZ(3),
    "closed_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "cases_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "case_events" (
    "id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_type" TEXT NOT NULL,
    "actor_id" TEXT,
    "kind" TEXT NOT NULL,
    "public" BOOLEAN NOT NULL DEFAULT false,
    "from_status" TEXT,
    "to_status" TEXT,
    "note" TEXT,
    "data" JSONB,

    CONSTRAINT "case_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "case_number_counters" (
    "day" TEXT NOT NULL,
    "last" INTEGER NOT NULL,

    CONSTRAINT "case_number_counters_pkey" PRIMARY KEY ("day")
);

-- CreateTable
CREATE TABLE "conversations" (
    "id" UUID NOT NULL,
    "channel" TEXT NOT NULL,
    "channel_user_id" TEXT NOT NULL,
    "locale" TEXT NOT NULL DEFAULT 'zh',
    "state" JSONB NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "handoff_reason" TEXT,
    "waiting_since" TIMESTAMPTZ(3),
    "staff_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "conversations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "messages" (
    "id" UUID NOT NULL,
    "conversation_id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "direction" TEXT NOT NULL,
    "author" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "payload" TEXT,
    "delivery" TEXT,

    CONSTRAINT "messages_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "staff_accounts" (
    "id" UUID NOT NULL,
    "username" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "unit" TEXT,
    "township" TEXT,
    "display_name" TEXT,
    "totp_secret_enc" TEXT,
    "failed_logins" INTEGER NOT NULL DEFAULT 0,
    "locked_until" TIMESTAMPTZ(3),
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "staff_accounts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "staff_sessions" (
    "token_hash" TEXT NOT NULL,
    "staff_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "csrf_token" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "staff_sessions_pkey" PRIMARY KEY ("token_hash")
);

-- CreateTable
CREATE TABLE "audit_log" (
    "id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_id" TEXT,
    "action" TEXT NOT NULL,
    "target" TEXT,
    "reason" TEXT,
    "data" JSONB,

    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "alerts" (
    "id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "kind" TEXT NOT NULL,
    "dedupe_key" TEXT NOT NULL,
    "case_id" UUID,
    "conversation_id" UUID,
    "unit" TEXT,
    "message" TEXT NOT NULL,
    "acknowledged_at" TIMESTAMPTZ(3),
    "acknowledged_by" TEXT,

    CONSTRAINT "alerts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "attachments" (
    "id" UUID NOT NULL,
    "case_id" UUID,
    "conversation_id" UUID,
    "file_name" TEXT NOT NULL,
    "mime" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "storage_path" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "attachments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "processed_inbound" (
    "key" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "result" JSONB,

    CONSTRAINT "processed_inbound_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "petitioners_phone_hash_idx" ON "petitioners"("phone_hash");

-- CreateIndex
CREATE INDEX "petitioners_id_number_hash_idx" ON "petitioners"("id_number_hash");

-- CreateIndex
CREATE UNIQUE INDEX "cases_case_number_key" ON "cases"("case_number");

-- CreateIndex
CREATE UNIQUE INDEX "cases_submission_key_key" ON "cases"("submission_key");

-- CreateIndex
CREATE INDEX "cases_status_unit_idx" ON "cases"("status", "unit");

-- CreateIndex
CREATE INDEX "cases_status_co_unit_idx" ON "cases"("status", "co_unit");

-- CreateIndex
CREATE INDEX "cases_petitioner_id_idx" ON "cases"("petitioner_id");

-- CreateIndex
CREATE INDEX "cases_accept_due_at_idx" ON "cases"("accept_due_at");

-- CreateIndex
CREATE INDEX "cases_reply_due_at_idx" ON "cases"("reply_due_at");

-- CreateIndex
CREATE INDEX "cases_created_at_idx" ON "cases"("created_at");

-- CreateIndex
CREATE INDEX "cases_township_category_created_at_idx" ON "cases"("township", "category", "created_at");

-- CreateIndex
CREATE INDEX "case_events_case_id_at_idx" ON "case_events"("case_id", "at");

-- CreateIndex
CREATE INDEX "conversations_waiting_since_idx" ON "conversations"("waiting_since");

-- CreateIndex
CREATE UNIQUE INDEX "conversations_channel_channel_user_id_key" ON "conversations"("channel", "channel_user_id");

-- CreateIndex
CREATE INDEX "messages_conversation_id_at_idx" ON "messages"("conversation_id", "at");

-- CreateIndex
CREATE UNIQUE INDEX "staff_accounts_username_key" ON "staff_accounts"("username");

-- CreateIndex
CREATE INDEX "staff_sessions_staff_id_idx" ON "staff_sessions"("staff_id");

-- CreateIndex
CREATE INDEX "audit_log_at_idx" ON "audit_log"("at");

-- CreateIndex
CREATE INDEX "audit_log_target_idx" ON "audit_log"("target");

-- CreateIndex
CREATE UNIQUE INDEX "alerts_dedupe_key_key" ON "alerts"("dedupe_key");

-- CreateIndex
CREATE INDEX "alerts_at_idx" ON "alerts"("at");

-- CreateIndex
CREATE INDEX "alerts_case_id_idx" ON "alerts"("case_id");

-- CreateIndex
CREATE INDEX "attachments_case_id_idx" ON "attachments"("case_id");

-- CreateIndex
CREATE INDEX "attachments_conversation_id_idx" ON "attachments"("conversation_id");

-- AddForeignKey
ALTER TABLE "cases" ADD CONSTRAINT "cases_petitioner_id_fkey" FOREIGN KEY ("petitioner_id") REFERENCES "petitioners"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "messages" ADD CONSTRAINT "messages_conversation_id_fkey" FOREIGN KEY ("conversation_id") REFERENCES "conversations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "staff_sessions" ADD CONSTRAINT "staff_sessions_staff_id_fkey" FOREIGN KEY ("staff_id") REFERENCES "staff_accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE SET NULL ON UPDATE CASCADE;

