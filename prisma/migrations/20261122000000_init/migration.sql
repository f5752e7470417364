-- CreateEnum
CREATE TYPE "role" AS ENUM ('USER', 'ADMIN');

-- CreateEnum
CREATE TYPE "workout_status" AS ENUM ('ACTIVE', 'ENDED');

-- CreateTable
CREATE TABLE "users" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT,
    "role" "role" NOT NULL DEFAULT 'USER',
    "birth_year" INTEGER,
    "max_hr" INTEGER,
    "resting_hr" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "devices" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "time_zone" TEXT NOT NULL DEFAULT 'UTC',
    "revoked_at" TIMESTAMPTZ(3),
    "last_seen_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "devices_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "workouts" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "device_id" UUID NOT NULL,
    "client_id" TEXT,
    "sport" TEXT NOT NULL DEFAULT 'other',
    "status" "workout_status" NOT NULL DEFAULT 'ACTIVE',
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "ended_at" TIMESTAMPTZ(3),
    "last_reading_at" TIMESTAMPTZ(3),
    "low_ms" BIGINT NOT NULL DEFAULT 0,
    "moderate_ms" BIGINT NOT NULL DEFAULT 0,
    "high_ms" BIGINT NOT NULL DEFAULT 0,
    "reading_count" INTEGER NOT NULL DEFAULT 0,
    "bpm_sum" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "bpm_min" DOUBLE PRECISION,
    "bpm_max" DOUBLE PRECISION,
    "dropout_count" INTEGER NOT NULL DEFAULT 0,
    "dropout_ms" BIGINT NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "workouts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "workout_minutes" (
    "workout_id" UUID NOT NULL,
    "minute" TIMESTAMPTZ(3) NOT NULL,
    "low_ms" INTEGER NOT NULL DEFAULT 0,
    "moderate_ms" INTEGER NOT NULL DEFAULT 0,
    "high_ms" INTEGER NOT NULL DEFAULT 0,
    "bpm_sum" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "count" INTEGER NOT NULL DEFAULT 0,
    "bpm_min" DOUBLE PRECISION,
    "bpm_max" DOUBLE PRECISION,

    CONSTRAINT "workout_minutes_pkey" PRIMARY KEY ("workout_id","minute")
);

-- CreateTable
CREATE TABLE "consumer_offsets" (
    "group_id" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "partition" INTEGER NOT NULL,
    "offset" BIGINT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "consumer_offsets_pkey" PRIMARY KEY ("group_id","topic","partition")
);

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE UNIQUE INDEX "devices_token_hash_key" ON "devices"("token_hash");

-- CreateIndex
CREATE INDEX "devices_user_id_idx" ON "devices"("user_id");

-- CreateIndex
CREATE INDEX "workouts_user_id_started_at_idx" ON "workouts"("user_id", "started_at" DESC);

-- CreateIndex
CREATE INDEX "workouts_device_id_status_idx" ON "workouts"("device_id", "status");

-- CreateIndex
CREATE UNIQUE INDEX "workouts_device_id_client_id_key" ON "workouts"("device_id", "client_id");

-- AddForeignKey
ALTER TABLE "devices" ADD CONSTRAINT "devices_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "workouts" ADD CONSTRAINT "workouts_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "workouts" ADD CONSTRAINT "workouts_device_id_fkey" FOREIGN KEY ("device_id") REFERENCES "devices"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "workout_minutes" ADD CONSTRAINT "workout_minutes_workout_id_fkey" FOREIGN KEY ("workout_id") REFERENCES "workouts"("id") ON DELETE CASCADE ON UPDATE CASCADE;
