-- AlterTable
ALTER TABLE "cases" ADD COLUMN     "leader_since" TIMESTAMPTZ(3),
ADD COLUMN     "leader_staff_id" UUID;

-- CreateTable
CREATE TABLE "reception_bookings" (
    "id" UUID NOT NULL,
    "booking_key" TEXT NOT NULL,
    "session_id" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "name_enc" TEXT NOT NULL,
    "phone_enc" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "locale" TEXT NOT NULL DEFAULT 'zh',
    "channel" TEXT NOT NULL,
    "conversation_id" UUID,
    "status" TEXT NOT NULL DEFAULT 'booked',
    "case_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "reception_bookings_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "reception_bookings_booking_key_key" ON "reception_bookings"("booking_key");

-- CreateIndex
CREATE INDEX "reception_bookings_day_idx" ON "reception_bookings"("day");

-- CreateIndex
CREATE UNIQUE INDEX "reception_bookings_session_id_day_position_key" ON "reception_bookings"("session_id", "day", "position");

-- CreateIndex
CREATE INDEX "cases_leader_staff_id_idx" ON "cases"("leader_staff_id");

