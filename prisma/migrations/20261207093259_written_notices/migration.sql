-- CreateTable
CREATE TABLE "written_notices" (
    "id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "html_enc" TEXT NOT NULL,
    "issued_at" TIMESTAMPTZ(3) NOT NULL,
    "issued_by" UUID,
    "delivery" TEXT NOT NULL,
    "message_id" UUID,
    "delivered_at" TIMESTAMPTZ(3),
    "channel" TEXT,
    "delivered_by" UUID,
    "delivery_note" TEXT,

    CONSTRAINT "written_notices_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "written_notices_case_id_issued_at_idx" ON "written_notices"("case_id", "issued_at");

-- CreateIndex
CREATE INDEX "written_notices_message_id_idx" ON "written_notices"("message_id");

-- AddForeignKey
ALTER TABLE "written_notices" ADD CONSTRAINT "written_notices_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE CASCADE;

