import { Kafka, logLevel, type KafkaConfig } from "kafkajs";
import { getConfig } from "@/lib/config";

/** A kafkajs client for the configured brokers; options override the defaults. */
export function createKafka(options: Partial<KafkaConfig> = {}): Kafka {
  const config = getConfig();
  return new Kafka({
    clientId: config.KAFKA_CLIENT_ID,
    brokers: config.KAFKA_BROKERS,
    logLevel: logLevel.WARN,
    ...options,
  });
}
