import { execFileSync } from "node:child_process";
import { expect, test } from "@playwright/test";

/** Pairs a watch the way an operator would, with the documented command. */
function pairWatch(): { deviceId: string; token: string } {
  const email = `e2e-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.test`;
  const out = execFileSync("npx", ["tsx", "scripts/device-create.ts", "--email", email, "--json"], {
    encoding: "utf8",
  });
  return JSON.parse(out.trim().split("\n").at(-1) ?? "{}") as { deviceId: string; token: string };
}

const recentTs = (secondsAgo: number) => Math.floor(Date.now() / 1000) * 1000 - secondsAgo * 1000;

test.describe("a watch posting to the running server", () => {
  test("given a token from device:create, when a watch posts a batch over HTTP, then the server answers 202 with the count", async ({
    request,
  }) => {
    const { token } = pairWatch();

    const res = await request.post("/api/v1/readings", {
      headers: { authorization: `Bearer ${token}` },
      data: { readings: [0, 1, 2].map((i) => ({ ts: recentTs(10 - i), bpm: 120 + i })) },
    });

    expect(res.status()).toBe(202);
    expect(await res.json()).toMatchObject({ accepted: 3 });
  });

  test("given a bad reading, when posted, then the watch gets 422 JSON naming the field and never a 500", async ({
    request,
  }) => {
    const { token } = pairWatch();

    const res = await request.post("/api/v1/readings", {
      headers: { authorization: `Bearer ${token}` },
      data: { readings: [{ ts: recentTs(5), bpm: 999 }] },
    });

    expect(res.status()).toBe(422);
    expect(await res.json()).toMatchObject({ code: "VALIDATION_FAILED", details: [{ index: 0, field: "bpm" }] });
  });

  test("given no token, when a watch posts, then 401 MISSING_TOKEN", async ({ request }) => {
    const res = await request.post("/api/v1/readings", { data: { ts: recentTs(5), bpm: 100 } });

    expect(res.status()).toBe(401);
    expect((await res.json()).code).toBe("MISSING_TOKEN");
  });
});

test.describe("a watch posting while Kafka is unreachable", () => {
  test.use({ baseURL: "http://127.0.0.1:3101" });

  test("given Kafka does not answer, when a watch posts, then 503 KAFKA_UNAVAILABLE with Retry-After tells it to come back", async ({
    request,
  }) => {
    const { token } = pairWatch();

    const res = await request.post("/api/v1/readings", {
      headers: { authorization: `Bearer ${token}` },
      data: { ts: recentTs(5), bpm: 100 },
    });

    expect(res.status()).toBe(503);
    expect(Number(res.headers()["retry-after"])).toBeGreaterThan(0);
    expect((await res.json()).code).toBe("KAFKA_UNAVAILABLE");
  });
});
