// The course table as CSV for spreadsheets: RFC 4180 quoting, CRLF, UTF-8 with a BOM (so
// Excel reads names right), and cells a spreadsheet would take for a formula neutralised
// with a leading single quote (OWASP's CSV injection advice).
import type { StudentRow } from "./students";

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | null): string {
  let s = value === null ? "" : String(value);
  if (FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const line = (cells: (string | number | null)[]) => `${cells.map(csvCell).join(",")}\r\n`;

/** Every student, one row each: who, points, counts, then one column per assignment (slug). */
export function courseCsv(rows: StudentRow[], columns: { id: number; slug: string }[]): string {
  const out = [`\uFEFF${line(["user_id", "name", "email", "points", "solved", "attempts", "last_active", ...columns.map((c) => c.slug)])}`];
  for (const r of rows) {
    const solved = new Set(r.solved);
    const attempted = new Set(r.attempted);
    const states = columns.map((c) => (solved.has(c.id) ? "solved" : attempted.has(c.id) ? "attempted" : "not started"));
    out.push(line([r.userId, r.name, r.email, r.points, r.solved.length, r.attempts, r.lastActiveAt, ...states]));
  }
  return out.join("");
}
