-- AlterTable
ALTER TABLE "cases" ADD COLUMN     "consent_method" TEXT,
ADD COLUMN     "received_on" TEXT,
ADD COLUMN     "registered_by" UUID;

