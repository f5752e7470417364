import { Kafka, logLevel, type KafkaConfig } from "kafkajs";
import { getConfig, type Config } from "@/lib/config";

const KAFKAJS_LEVELS: Record<Config["LOG_LEVEL"], logLevel> = {
  fatal: logLevel.NOTHING,
  error: logLevel.ERROR,
  warn: logLevel.WARN,
  info: logLevel.WARN, // kafkajs at INFO narrates every group join and rebalance
  debug: logLevel.INFO,
  trace: logLevel.DEBUG,
};

/** A kafkajs client for the configured brokers; options override the defaults. */
export function createKafka(options: Partial<KafkaConfig> = {}): Kafka {
  const config = getConfig();
  return new Kafka({
    clientId: config.KAFKA_CLIENT_ID,
    brokers: config.KAFKA_BROKERS,
    logLevel: KAFKAJS_LEVELS[config.LOG_LEVEL],
    ...options,
  });
}
