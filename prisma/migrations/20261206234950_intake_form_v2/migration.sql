-- AlterTable
ALTER TABLE "petitioners" ADD COLUMN     "id_type" TEXT;

-- AlterTable
ALTER TABLE "cases" ADD COLUMN     "intake_notes" JSONB,
ADD COLUMN     "people_unit" TEXT,
ADD COLUMN     "prior_detail" TEXT;

