import { decodeReadingsMessage, type DecodeFailure, type ReadingsMessage } from "@/lib/readings/readings-message";
import { utcDay } from "./lake-file-name";

/** One Kafka message as the lake writer holds it until it lands. */
export interface BufferedMessage {
  offset: number;
  /** UTC day of the message's receivedAt, its dt partition; null for a poison message. */
  day: string | null;
  /** Kafka's own timestamp (epoch ms): the day of a file that holds only poison messages. */
  kafkaTimestamp: number;
  /** Size of the message value, what the byte limit of the flush policy counts. */
  bytes: number;
  /** The decoded message; null when it could not be decoded (it yields no rows). */
  message: ReadingsMessage | null;
}

/** The fields of a kafkajs message the writer uses. */
export interface KafkaMessageIn {
  offset: string;
  timestamp: string;
  value: Buffer | null;
}

/** A buffered message, and why it is poison when it is. */
export interface BufferedResult {
  entry: BufferedMessage;
  failure: DecodeFailure | null;
}

/** Decodes one Kafka message for the lake; never throws, so a bad message cannot stop the writer. */
export function bufferKafkaMessage({ offset, timestamp, value }: KafkaMessageIn): BufferedResult {
  const base = { offset: Number(offset), kafkaTimestamp: Number(timestamp), bytes: value?.byteLength ?? 0 };
  const decoded = decodeReadingsMessage(value);
  if (!decoded.ok) return { entry: { ...base, day: null, message: null }, failure: decoded };
  const day = utcDay(decoded.message.receivedAt);
  if (day === null) {
    const detail = `receivedAt ${decoded.message.receivedAt} has no calendar day`;
    return { entry: { ...base, day: null, message: null }, failure: { ok: false, reason: "INVALID_FIELDS", detail } };
  }
  return { entry: { ...base, day, message: decoded.message }, failure: null };
}

/** The lake table's columns for some messages of one partition, in Parquet-ready arrays. */
export interface LakeColumns {
  reading_id: string[];
  user_id: string[];
  device_id: string[];
  workout_id: string[];
  /** Epoch ms, UTC. */
  ts: number[];
  bpm: Float64Array;
  /** Epoch ms, UTC. */
  received_at: number[];
  kafka_partition: Int32Array;
  kafka_offset: BigInt64Array;
  external_id: (string | null)[];
  request_id: (string | null)[];
}

/** One row per reading, in offset order and, within a message, in the message's order. */
export function toLakeColumns(messages: readonly BufferedMessage[], partition: number): LakeColumns {
  const count = messages.reduce((n, m) => n + (m.message?.readings.length ?? 0), 0);
  const columns: LakeColumns = {
    reading_id: [],
    user_id: [],
    device_id: [],
    workout_id: [],
    ts: [],
    bpm: new Float64Array(count),
    received_at: [],
    kafka_partition: new Int32Array(count).fill(partition),
    kafka_offset: new BigInt64Array(count),
    external_id: [],
    request_id: [],
  };
  let row = 0;
  for (const { offset, message } of messages) {
    if (!message) continue;
    for (const reading of message.readings) {
      columns.reading_id.push(reading.id);
      columns.user_id.push(message.userId);
      columns.device_id.push(message.deviceId);
      columns.workout_id.push(message.workoutId);
      columns.ts.push(reading.ts);
      columns.bpm[row] = reading.bpm;
      columns.received_at.push(message.receivedAt);
      columns.kafka_offset[row] = BigInt(offset);
      columns.external_id.push(reading.externalId ?? null);
      columns.request_id.push(message.requestId ?? null);
      row += 1;
    }
  }
  return columns;
}
