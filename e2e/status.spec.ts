import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

const DEGRADED_URL = "http://127.0.0.1:3101";

async function expectNoSeriousA11yViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
}

test.describe("status page with the whole stack up", () => {
  test("given Kafka, HDFS and PostgreSQL run, when a person opens the status page, then all three show as up", async ({
    page,
  }, testInfo) => {
    await page.goto("/status");

    for (const name of ["kafka", "hdfs", "postgres"]) {
      await expect(page.getByTestId(`dependency-${name}-state`)).toHaveText("up");
    }
    await expect(page.getByTestId("overall-status")).toHaveText("All systems up");
    await expectNoSeriousA11yViolations(page);
    await testInfo.attach("status-page", { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
  });

  test("given the stack is up, when a program asks /api/health, then it gets 200 with each dependency's latency", async ({
    request,
  }) => {
    const res = await request.get("/api/health");

    expect(res.status()).toBe(200);
    const body = await res.json();
    expect(body.dependencies.map((d: { name: string; ok: boolean }) => [d.name, d.ok])).toEqual([
      ["kafka", true],
      ["hdfs", true],
      ["postgres", true],
    ]);
    for (const d of body.dependencies) expect(typeof d.latencyMs).toBe("number");
  });

  test("given the app server, when socket.io is asked for a session on the same port, then it opens one", async ({
    request,
  }) => {
    const res = await request.get("/socket.io/?EIO=4&transport=polling");

    expect(res.status()).toBe(200);
    expect(await res.text()).toMatch(/^0\{"sid":"/);
  });

  test("given the home page, when opened, then it leads to the status page and passes an accessibility check", async ({
    page,
  }) => {
    await page.goto("/");

    await expect(page.getByRole("heading", { level: 1, name: "HeartLake" })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await page.getByRole("link", { name: /Kafka, HDFS and PostgreSQL/ }).click();
    await expect(page).toHaveURL(/\/status$/);
  });
});

test.describe("status page with Kafka unreachable", () => {
  test.use({ baseURL: DEGRADED_URL });

  test("given Kafka does not answer, when /api/health is asked, then it answers 503 naming Kafka and why", async ({
    request,
  }) => {
    const res = await request.get("/api/health");

    expect(res.status()).toBe(503);
    const body = await res.json();
    expect(body.code).toBe("DEPENDENCY_UNAVAILABLE");
    expect(body.message).toMatch(/^Unavailable: kafka: /);
    expect(body.message).not.toMatch(/hdfs|postgres/);
  });

  test("given Kafka does not answer, when a person opens the status page, then Kafka shows down and the rest up", async ({
    page,
  }, testInfo) => {
    await page.goto("/status");

    await expect(page.getByTestId("dependency-kafka-state")).toHaveText("down");
    await expect(page.getByTestId("dependency-hdfs-state")).toHaveText("up");
    await expect(page.getByTestId("dependency-postgres-state")).toHaveText("up");
    await expect(page.getByTestId("overall-status")).toContainText("Degraded");
    await testInfo.attach("status-page-degraded", {
      body: await page.screenshot({ fullPage: true }),
      contentType: "image/png",
    });
  });
});
