/** Test factories for workout files; imported by the *.test.ts files beside it only. */
import {
  CrcCalculator,
  Encoder,
  Profile,
  type FileIdMesg,
  type RecordMesg,
  type SessionMesg,
  type SportMesg,
} from "@garmin/fitsdk";
import { ImportError } from "./import-error";

/** Monday 2025-01-06 10:00:00.000 UTC. */
export const T0 = Date.UTC(2025, 0, 6, 10, 0, 0);

/** A sample `offsetS` seconds after T0 (or at an exact time string, XML only), with a heart rate or none. */
export type Point = readonly [at: number, bpm?: number];

export interface FitOptions {
  /** Record messages; a point without bpm is a record without heart_rate. */
  points?: readonly Point[];
  /** Session sport as the SDK names it ("running", "fitnessEquipment"); null writes no session. */
  sport?: SessionMesg["sport"] | null;
  /** A sport message instead of, or as well as, the session's. */
  sportMesg?: SportMesg["sport"];
  startTime?: number;
}

/** A FIT activity encoded by Garmin's own SDK, as a watch would write it. */
export function makeFit({
  points = [[0, 120]],
  sport = "running",
  sportMesg,
  startTime = T0,
}: FitOptions = {}): Uint8Array {
  const encoder = new Encoder();
  const fileId: FileIdMesg = {
    type: "activity",
    manufacturer: "development",
    product: 1,
    timeCreated: new Date(startTime),
  };
  encoder.onMesg(mesgNum("FILE_ID"), fileId);
  if (sportMesg !== undefined) {
    const sportMessage: SportMesg = { sport: sportMesg };
    encoder.onMesg(mesgNum("SPORT"), sportMessage);
  }
  for (const [offsetS, bpm] of points) {
    const record: RecordMesg = { timestamp: new Date(T0 + offsetS * 1000) };
    if (bpm !== undefined) record.heartRate = bpm;
    encoder.onMesg(mesgNum("RECORD"), record);
  }
  if (sport !== null) {
    const last = points.at(-1)?.[0] ?? 0;
    const session: SessionMesg = {
      timestamp: new Date(T0 + last * 1000),
      startTime: new Date(startTime),
      sport,
      totalElapsedTime: last,
    };
    encoder.onMesg(mesgNum("SESSION"), session);
  }
  return encoder.close();
}

function mesgNum(name: string): number {
  const num = Profile.MesgNum[name];
  if (num === undefined) throw new Error(`no FIT message ${name}`);
  return num;
}

/** `count` points one second apart with a heart rate that wanders between 100 and 159. */
export function steadyPoints(count: number): Point[] {
  return Array.from({ length: count }, (_, i): Point => [i, 100 + (i % 60)]);
}

/**
 * A FIT file around hand-written data records, with a valid header and CRCs:
 * for record layouts the Encoder never writes (compressed timestamps).
 */
export function wrapFitData(data: readonly number[]): Uint8Array {
  const file = new Uint8Array(14 + data.length + 2);
  const view = new DataView(file.buffer);
  view.setUint8(0, 14);
  view.setUint8(1, 0x20); // protocol 2.0
  view.setUint16(2, 2100, true); // profile 21.00
  view.setUint32(4, data.length, true);
  file.set([0x2e, 0x46, 0x49, 0x54], 8);
  view.setUint16(12, CrcCalculator.calculateCRC(file, 0, 12), true);
  file.set(data, 14);
  view.setUint16(14 + data.length, CrcCalculator.calculateCRC(file, 0, 14 + data.length), true);
  return file;
}

const isoAt = (at: number | string) => (typeof at === "string" ? at : new Date(T0 + at * 1000).toISOString());

/** A TCX point whose time is written verbatim, for timezone and format cases. */
export type XmlPoint = readonly [at: number | string, bpm?: number | string];

export interface TcxOptions {
  sport?: string;
  points?: readonly XmlPoint[];
  /** Activity/Id, the declared start. */
  id?: number | string;
}

/** A TCX file as Garmin Connect exports it: one activity, one lap, one track. */
export function makeTcx({ sport = "Running", points = [[0, 120]], id = 0 }: TcxOptions = {}): string {
  const trackpoints = points
    .map(([at, bpm]) => {
      const hr = bpm === undefined ? "" : `<HeartRateBpm><Value>${bpm}</Value></HeartRateBpm>`;
      return `<Trackpoint><Time>${isoAt(at)}</Time><DistanceMeters>1.0</DistanceMeters>${hr}</Trackpoint>`;
    })
    .join("\n          ");
  return `<?xml version="1.0" encoding="UTF-8"?>
<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2" xmlns:ns3="http://www.garmin.com/xmlschemas/ActivityExtension/v2">
  <Activities>
    <Activity Sport="${sport}">
      <Id>${isoAt(id)}</Id>
      <Lap StartTime="${isoAt(id)}">
        <TotalTimeSeconds>60</TotalTimeSeconds>
        <Track>
          ${trackpoints}
        </Track>
      </Lap>
    </Activity>
  </Activities>
</TrainingCenterDatabase>`;
}

export interface GpxOptions {
  /** trk/type; null writes none. */
  type?: string | null;
  points?: readonly XmlPoint[];
  /** Namespace prefix of the TrackPointExtension: Garmin writes gpxtpx, Garmin Connect ns3. */
  prefix?: string;
  /** Where the heart rate sits: Garmin's TrackPointExtension, or a bare <hr> some apps write. */
  layout?: "trackPointExtension" | "bare";
}

/** A GPX 1.1 track with Garmin TrackPointExtension heart rates. */
export function makeGpx({
  type = "running",
  points = [[0, 120]],
  prefix = "gpxtpx",
  layout = "trackPointExtension",
}: GpxOptions = {}): string {
  const trkpts = points
    .map(([at, bpm]) => {
      const hr =
        layout === "bare"
          ? `<hr>${bpm}</hr>`
          : `<${prefix}:TrackPointExtension><${prefix}:hr>${bpm}</${prefix}:hr></${prefix}:TrackPointExtension>`;
      const extensions = bpm === undefined ? "" : `<extensions>${hr}</extensions>`;
      return `<trkpt lat="59.3293" lon="18.0686"><ele>12.4</ele><time>${isoAt(at)}</time>${extensions}</trkpt>`;
    })
    .join("\n      ");
  return `<?xml version="1.0" encoding="UTF-8"?>
<gpx creator="HeartLake tests" version="1.1" xmlns="http://www.topografix.com/GPX/1/1" xmlns:${prefix}="http://www.garmin.com/xmlschemas/TrackPointExtension/v1">
  <metadata><time>2030-01-01T00:00:00Z</time></metadata>
  <trk>
    <name>Test</name>${type === null ? "" : `\n    <type>${type}</type>`}
    <trkseg>
      ${trkpts}
    </trkseg>
  </trk>
</gpx>`;
}

/** UTF-8 bytes of a string fixture. */
export const bytesOf = (text: string) => new TextEncoder().encode(text);

/** Deterministic noise, so a failing random-input test fails the same way again. */
export function noise(length: number, seed = 1): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = seed >>> 0;
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    bytes[i] = state >>> 24;
  }
  return bytes;
}

/** Every progress fraction reported while `run` executes. */
export function recordProgress(run: (onProgress: (fraction: number) => void) => unknown): number[] {
  const fractions: number[] = [];
  run((fraction) => fractions.push(fraction));
  return fractions;
}

/** The ImportError `run` throws; fails the test if it throws anything else or nothing. */
export function importErrorOf(run: () => unknown): ImportError {
  try {
    run();
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw new Error(`expected an ImportError, got ${String(error)}`, { cause: error });
  }
  throw new Error("expected an ImportError, nothing was thrown");
}
