-- The rollup checks every batch's workouts under a row lock before it
-- inserts readings, so this foreign key only repeated that check per row
-- (about 2 µs of the ~12 µs one insert costs). received_at only grows, which
-- is what BRIN is for: a fraction of a btree's upkeep per row.

-- DropForeignKey
ALTER TABLE "readings" DROP CONSTRAINT "readings_workout_id_fkey";

-- DropIndex
DROP INDEX "readings_received_at_idx";

-- CreateIndex
CREATE INDEX "readings_received_at_idx" ON "readings" USING BRIN ("received_at");
