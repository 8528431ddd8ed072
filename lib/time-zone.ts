// Due dates belong to a class's time zone: "due 30 June" means until midnight where the class is,
// whatever zone the server runs in (issue 13; decisions/0024).

/** An IANA zone name this runtime knows ("Asia/Shanghai"), else UTC. */
export function knownTimeZone(value: string | null | undefined): string {
  const zone = value?.trim();
  if (!zone || zone.length > 64) return "UTC";
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return "UTC";
  }
}

/** The wall-clock fields of an instant in a zone. */
function wallClock(instant: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" }).formatToParts(instant);
  const field = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: field("year"), month: field("month"), day: field("day"), hour: field("hour"), minute: field("minute"), second: field("second") };
}

/** How far the zone's clock is ahead of UTC at that instant, in ms. */
function offsetMs(instant: Date, timeZone: string): number {
  const w = wallClock(instant, timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(instant.getTime() / 1000) * 1000;
}

/** The last millisecond of a calendar day ("2030-06-30") in a zone; null when it is not a date. */
export function endOfDayIn(day: string, timeZone: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return null;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const wall = Date.UTC(year, month - 1, date, 23, 59, 59, 999);
  const check = new Date(wall);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== date) return null;
  // The offset at the guess, then at the result: right also on days the clocks change.
  const first = wall - offsetMs(new Date(wall), timeZone);
  return new Date(wall - offsetMs(new Date(first), timeZone));
}

/** The calendar day ("2030-06-30") an instant falls on in a zone. */
export function dayIn(instant: Date, timeZone: string): string {
  const w = wallClock(instant, timeZone);
  return `${String(w.year).padStart(4, "0")}-${String(w.month).padStart(2, "0")}-${String(w.day).padStart(2, "0")}`;
}

// A learner's own day (issue 16; decisions/0040): the review page counts days from midnight where
// the learner is, with the same helpers as a class's due dates.

/** The zone's canonical IANA name when this runtime knows it ("asia/shanghai" → "Asia/Shanghai"), else null. */
export function validTimeZone(value: string | null | undefined): string | null {
  const zone = value?.trim();
  if (!zone || zone.length > 64) return null;
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** The calendar day `days` after (or before) a day ("2030-06-30"), as the calendar counts, not 24-hour steps. */
export function addDays(day: string, days: number): string {
  const [year, month, date] = day.split("-").map(Number);
  return new Date(Date.UTC(year, month - 1, date + days)).toISOString().slice(0, 10);
}

/** Whole calendar days from one day to another ("2030-06-30" → "2030-07-02" is 2). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The first instant of the day `instant` falls on in a zone (its midnight; right across clock changes). */
export function startOfDayIn(instant: Date, timeZone: string): Date {
  return new Date(endOfDayIn(addDays(dayIn(instant, timeZone), -1), timeZone)!.getTime() + 1);
}
