/** A CSV cell (semicolon-separated) that spreadsheets show as text: quoted when needed, never run as a formula. */
export function csvCell(raw: string): string {
  const value = /^[=+\-@\t\r]/.test(raw) ? `'${raw}` : raw;
  return /[";\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
