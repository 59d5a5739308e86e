/** A CSV cell (semicolon-separated) that spreadsheets show as text: quoted when needed, never run as a formula. */
export function csvCell(raw: string): string {
  const value = /^[=+\-@\t\r]/.test(raw) ? `'${raw}` : raw;
  return /[";\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The day of a moment on a clock, as a CSV file's name gives it: 2026-11-27. */
export function csvDate(date: Date, timeZone: string): string {
  return csvDateTime(date, timeZone).slice(0, 10);
}

/** A moment on a clock (an IANA time zone), in a form spreadsheets read as a date: 2026-11-27 14:05. */
export function csvDateTime(date: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((item) => item.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")} ${part("hour")}:${part("minute")}`;
}
