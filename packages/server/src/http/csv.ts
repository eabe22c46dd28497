/** One CSV field, quoted when needed (RFC 4180), with formula-leading characters defused for spreadsheets. */
export function csvField(value: string | number): string {
  let s = String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = "'" + s;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvRow(fields: readonly (string | number)[]): string {
  return fields.map(csvField).join(',') + '\r\n';
}
