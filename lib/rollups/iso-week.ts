const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;
// 1970-01-01 was a Thursday, so every Monday 00:00 UTC is 4 days past the epoch, modulo a week.
const EPOCH_MONDAY_OFFSET_MS = 4 * DAY_MS;

/** Epoch ms of the Monday 00:00 UTC that starts the ISO week holding `ts`. */
export function getIsoWeekStart(ts: number): number {
  return Math.floor((ts - EPOCH_MONDAY_OFFSET_MS) / WEEK_MS) * WEEK_MS + EPOCH_MONDAY_OFFSET_MS;
}

/** ISO 8601 week label such as "2020-W53"; the week belongs to the year its Thursday is in. */
export function getIsoWeekLabel(ts: number): string {
  const thursday = new Date(getIsoWeekStart(ts) + 3 * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / WEEK_MS) + 1;
  return `${year}-W${String(week).padStart(2, "0")}`;
}
