import { z } from "zod";
import { isValidTimeZone } from "@/lib/readings/time-zone";
import { TRANSPORTS } from "./transport";

/** The simulator's command line, validated; every flag has a default. */
export const simulateOptionsSchema = z
  .object({
    watches: z.coerce.number().int().min(1).max(10_000).default(100),
    /** Workout length; fractions allowed for quick checks (0.5 = 30 s). */
    minutes: z.coerce
      .number()
      .min(1 / 6)
      .max(24 * 60)
      .default(60),
    transport: z.enum(TRANSPORTS).default("http"),
    url: z.url({ protocol: /^https?$/ }).default("http://127.0.0.1:3000"),
    speed: z.enum(["realtime", "max"]).default("realtime"),
    "batch-seconds": z.coerce.number().int().min(1).max(3_600).default(5),
    /** Omitted: a random seed, printed so the run can be repeated. */
    seed: z.coerce.number().int().min(0).max(0xffffffff).optional(),
    /** Existing device tokens, one per watch; without them devices are created. */
    token: z.array(z.string().min(1)).default([]),
    /** Zone of the devices created; legacy wall times are written in it. */
    "time-zone": z
      .string()
      .refine(isValidTimeZone, { error: "must be an IANA time zone, e.g. Europe/Berlin" })
      .default("Europe/Berlin"),
    /** After the run, read heartrate.readings back and compare with what was accepted. */
    "verify-kafka": z.boolean().default(false),
    /** Seconds to wait for one answer before sending the batch again. */
    "timeout-seconds": z.coerce.number().positive().max(600).default(30),
  })
  .check((ctx) => {
    const { token, watches } = ctx.value;
    if (token.length > 0 && token.length !== watches) {
      ctx.issues.push({
        code: "custom",
        path: ["token"],
        message: `${token.length} tokens for ${watches} watches; give one --token per watch (or set --watches)`,
        input: token,
      });
    }
  });

export type SimulateOptions = z.infer<typeof simulateOptionsSchema>;

/**
 * Validates raw flags; `--token` alone sets `--watches` to the token count,
 * since one token is one watch. Throws one message naming every bad flag.
 */
export function parseSimulateOptions(raw: Record<string, unknown>): SimulateOptions {
  const tokens = Array.isArray(raw.token) ? raw.token : [];
  const input = raw.watches === undefined && tokens.length > 0 ? { ...raw, watches: tokens.length } : raw;
  const parsed = simulateOptionsSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => `  --${i.path.join(".")}: ${i.message}`);
  throw new Error(`invalid options:\n${problems.join("\n")}`);
}
