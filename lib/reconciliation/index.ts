export { compareSinks, type SinkSnapshot } from "./compare-sinks";
export { toOffsetRanges, type OffsetRange } from "./offset-ranges";
export { reconcileDay, type ReconcileDeps } from "./reconcile-day";
export type * from "./types";
