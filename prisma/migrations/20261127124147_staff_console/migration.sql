-- AlterTable
ALTER TABLE "conversations" ADD COLUMN     "case_number" TEXT,
ADD COLUMN     "claimed_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "staff_accounts" ADD COLUMN     "recovery_code_hashes" TEXT[],
ADD COLUMN     "totp_enabled" BOOLEAN NOT NULL DEFAULT false;

