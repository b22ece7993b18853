-- AlterTable
ALTER TABLE "cases" ADD COLUMN     "sensitive_period" TEXT;

