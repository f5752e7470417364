import { afterAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { createPrisma } from "@/lib/db/prisma";
import { uniqueName } from "./support/ids";

const prisma = createPrisma(inject("databaseUrl"));

/** A user with one paired device, unique per call. */
async function createUserWithDevice() {
  const email = `${uniqueName("runner")}@example.test`;
  return prisma.user.create({
    data: { email, birthYear: 1990, devices: { create: { name: "Wrist", tokenHash: uniqueName("hash") } } },
    include: { devices: true },
  });
}

describe("the generated Prisma client on the migrated database", () => {
  afterAll(() => prisma.$disconnect());

  it("given a user and a device, when a workout with minute aggregates is written, then it reads back with exact types", async () => {
    const user = await createUserWithDevice();
    const device = user.devices[0]!;
    const startedAt = new Date("2026-03-01T10:00:00.000Z");

    const workout = await prisma.workout.create({
      data: {
        userId: user.id,
        deviceId: device.id,
        sport: "run",
        startedAt,
        moderateMs: 9_007_199_254_740_993n,
        minutes: {
          create: [{ minute: startedAt, moderateMs: 60_000, bpmSum: 7_500, count: 60, bpmMin: 120, bpmMax: 130 }],
        },
      },
      include: { minutes: true },
    });

    const read = await prisma.workout.findUniqueOrThrow({ where: { id: workout.id }, include: { minutes: true } });
    expect(read.status).toBe("ACTIVE");
    expect(read.moderateMs).toBe(9_007_199_254_740_993n);
    expect(read.startedAt.toISOString()).toBe("2026-03-01T10:00:00.000Z");
    expect(read.minutes).toEqual([expect.objectContaining({ moderateMs: 60_000, count: 60, bpmMax: 130 })]);
  });

  it("given a workout client id already used by the device, when reused, then the database refuses the duplicate", async () => {
    const user = await createUserWithDevice();
    const device = user.devices[0]!;
    const data = { userId: user.id, deviceId: device.id, clientId: "watch-42", startedAt: new Date() };
    await prisma.workout.create({ data });

    await expect(prisma.workout.create({ data })).rejects.toMatchObject({ code: "P2002" });
  });

  it("given consumer offsets, when upserted, then the latest offset wins per group, topic and partition", async () => {
    const key = { groupId: uniqueName("group"), topic: "heartrate.readings", partition: 3 };

    await prisma.consumerOffset.create({ data: { ...key, offset: 10n } });
    await prisma.consumerOffset.update({ where: { groupId_topic_partition: key }, data: { offset: 25n } });

    const row = await prisma.consumerOffset.findUniqueOrThrow({ where: { groupId_topic_partition: key } });
    expect(row.offset).toBe(25n);
  });
});
