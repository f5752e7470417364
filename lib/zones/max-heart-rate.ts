import { ZoneProfileError, type ZoneProfile } from "./zone-profile";

const MIN_AGE = 1;
const MAX_AGE = 120;

/**
 * Age in whole years during the reference date's UTC year. Only the birth
 * year is known, so this is the age the user turns that year: it changes on
 * 1 January for everyone rather than on an unknown birthday mid-year.
 */
export function getAgeInYear(birthYear: number, referenceDate: Date): number {
  if (Number.isNaN(referenceDate.getTime())) throw new RangeError("referenceDate is an invalid Date");
  return referenceDate.getUTCFullYear() - birthYear;
}

/** Tanaka estimate 208 − 0.7 × age, computed in tenths so age 30 gives exactly 187. */
export function estimateTanakaMaxHr(age: number): number {
  return (2080 - 7 * age) / 10;
}

/** The profile's age: as given, or derived from its birth year at the reference date. */
export function getProfileAge(profile: Pick<ZoneProfile, "age" | "birthYear">, referenceDate: Date): number {
  if (profile.age !== undefined) return profile.age;
  const age = getAgeInYear(profile.birthYear ?? Number.NaN, referenceDate);
  if (!(age >= MIN_AGE && age <= MAX_AGE)) {
    throw new ZoneProfileError([
      `birthYear: ${profile.birthYear} gives age ${age} in ${referenceDate.getUTCFullYear()}, expected ${MIN_AGE}-${MAX_AGE}`,
    ]);
  }
  return age;
}

/**
 * Maximum heart rate: the measured value when the user set one, else Tanaka.
 * The reference date is a parameter so results do not depend on the clock;
 * pass the workout's date to score a past workout with the age at the time.
 */
export function getMaxHeartRate(
  profile: Pick<ZoneProfile, "age" | "birthYear" | "maxHr">,
  referenceDate: Date,
): number {
  return profile.maxHr ?? estimateTanakaMaxHr(getProfileAge(profile, referenceDate));
}
