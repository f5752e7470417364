import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config";

describe("loadConfig", () => {
  it("given an empty environment, when loaded, then every default points at the local stack", () => {
    const config = loadConfig({});

    expect(config.PORT).toBe(3000);
    expect(config.DATABASE_URL).toBe("postgresql://postgres@127.0.0.1:5433/heartlake");
    expect(config.KAFKA_BROKERS).toEqual(["127.0.0.1:9092"]);
    expect(config.WEBHDFS_URL).toBe("http://127.0.0.1:9870");
  });

  it("given a comma-separated broker list, when loaded, then it is split and trimmed", () => {
    const config = loadConfig({ KAFKA_BROKERS: "a:9092, b:9093" });

    expect(config.KAFKA_BROKERS).toEqual(["a:9092", "b:9093"]);
  });

  it("given an empty string, when loaded, then the variable counts as unset", () => {
    expect(loadConfig({ PORT: "" }).PORT).toBe(3000);
  });

  it.each([
    ["PORT", "http"],
    ["PORT", "70000"],
    ["DATABASE_URL", "mysql://localhost/db"],
    ["KAFKA_BROKERS", "no-port"],
    ["WEBHDFS_URL", "not a url"],
    ["NODE_ENV", "staging"],
  ])("given %s=%s, when loaded, then it fails naming the variable", (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(name);
  });
});
