import { AppError } from "@/lib/api/app-error";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { generateDeviceToken, hashDeviceToken } from "./device-token";

/** What a request knows about the watch that sent it. */
export interface AuthenticatedDevice {
  id: string;
  userId: string;
  /** IANA zone for the legacy payload's zone-less timestamps. */
  timeZone: string;
}

export interface CreateDeviceInput {
  email: string;
  name: string;
  timeZone?: string;
}

/** Pairs a new device for the user with this email (created if new); the token is returned once, never stored. */
export async function createDevice(prisma: PrismaClient, input: CreateDeviceInput) {
  assertTimeZone(input.timeZone ?? "UTC");
  const token = generateDeviceToken();
  const user = await prisma.user.upsert({ where: { email: input.email }, update: {}, create: { email: input.email } });
  const device = await prisma.device.create({
    data: { userId: user.id, name: input.name, timeZone: input.timeZone ?? "UTC", tokenHash: hashDeviceToken(token) },
  });
  return { user, device, token };
}

export async function revokeDevice(prisma: PrismaClient, deviceId: string): Promise<void> {
  await prisma.device.update({ where: { id: deviceId }, data: { revokedAt: new Date() } });
}

/** What authenticating reads of a device row. */
export interface DeviceCredentials extends AuthenticatedDevice {
  revokedAt: Date | null;
}

/** The device a token belongs to; no cache, so a revoked token stops working at once. */
export async function authenticateDevice(
  prisma: PrismaClient,
  token: string | undefined,
): Promise<AuthenticatedDevice> {
  const device = await prisma.device.findUnique({
    where: { tokenHash: tokenHashOrThrow(token) },
    select: { id: true, userId: true, timeZone: true, revokedAt: true },
  });
  return authenticatedOrThrow(device);
}

/** The hash a device is looked up by, or MISSING_TOKEN when the request carries no token. */
export function tokenHashOrThrow(token: string | undefined): string {
  if (!token) {
    throw new AppError("MISSING_TOKEN", "Send the device token as `Authorization: Bearer <token>`.", 401);
  }
  return hashDeviceToken(token);
}

/** The looked-up device as a request sees it, or the 401 that says why it may not send. */
export function authenticatedOrThrow(device: DeviceCredentials | null): AuthenticatedDevice {
  if (!device) throw new AppError("INVALID_TOKEN", "This device token is not known; pair the watch again.", 401);
  if (device.revokedAt) {
    throw new AppError("TOKEN_REVOKED", "This device token was revoked; pair the watch again.", 401);
  }
  return { id: device.id, userId: device.userId, timeZone: device.timeZone };
}

function assertTimeZone(timeZone: string) {
  try {
    new Intl.DateTimeFormat("en", { timeZone });
  } catch {
    throw new AppError("INVALID_TIME_ZONE", `"${timeZone}" is not an IANA time zone (e.g. Europe/Berlin).`, 422);
  }
}
