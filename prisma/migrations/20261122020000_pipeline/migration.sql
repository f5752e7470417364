-- CreateEnum
CREATE TYPE "zone_method" AS ENUM ('PERCENT_MAX', 'HEART_RATE_RESERVE');

-- AlterTable
ALTER TABLE "users" ADD COLUMN     "zone_method" "zone_method" NOT NULL DEFAULT 'PERCENT_MAX',
ADD COLUMN     "moderate_threshold" DOUBLE PRECISION,
ADD COLUMN     "high_threshold" DOUBLE PRECISION;

-- AlterTable
ALTER TABLE "workout_minutes" ADD COLUMN     "dropout_ms" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "dropout_count" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "readings" (
    "id" UUID NOT NULL,
    "workout_id" UUID NOT NULL,
    "device_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "ts" TIMESTAMPTZ(3) NOT NULL,
    "bpm" DOUBLE PRECISION NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL,
    "kafka_partition" INTEGER NOT NULL,
    "kafka_offset" BIGINT NOT NULL,

    CONSTRAINT "readings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ingest_counts" (
    "day" DATE NOT NULL,
    "accepted" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "ingest_counts_pkey" PRIMARY KEY ("day")
);

-- CreateTable
CREATE TABLE "dead_letters" (
    "id" BIGSERIAL NOT NULL,
    "consumer_group" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "partition" INTEGER NOT NULL,
    "offset" BIGINT NOT NULL,
    "reason" TEXT NOT NULL,
    "detail" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "dead_letters_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "worker_heartbeats" (
    "instance_id" TEXT NOT NULL,
    "consumer_group" TEXT NOT NULL,
    "host" TEXT NOT NULL,
    "pid" INTEGER NOT NULL,
    "partitions" INTEGER[],
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "heartbeat_at" TIMESTAMPTZ(3) NOT NULL,
    "last_commit_at" TIMESTAMPTZ(3),

    CONSTRAINT "worker_heartbeats_pkey" PRIMARY KEY ("instance_id")
);

-- CreateIndex
CREATE INDEX "readings_workout_id_ts_idx" ON "readings"("workout_id", "ts");

-- CreateIndex
CREATE INDEX "readings_received_at_idx" ON "readings"("received_at");

-- CreateIndex
CREATE INDEX "dead_letters_created_at_idx" ON "dead_letters"("created_at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "dead_letters_consumer_group_topic_partition_offset_key" ON "dead_letters"("consumer_group", "topic", "partition", "offset");

-- AddForeignKey
ALTER TABLE "readings" ADD CONSTRAINT "readings_workout_id_fkey" FOREIGN KEY ("workout_id") REFERENCES "workouts"("id") ON DELETE CASCADE ON UPDATE CASCADE;
