// The check's output: a table (one row per assignment), then each failure in a sentence, then
// one summary line. Colours only on a terminal (CI logs get plain text), and never with NO_COLOR.
import type { Proof } from "./prove";

export interface Style {
  ok(text: string): string;
  bad(text: string): string;
}

export function styleFor(stream: { isTTY?: boolean }, env: Record<string, string | undefined> = process.env): Style {
  const on = Boolean(stream.isTTY) && !env.NO_COLOR;
  const paint = (code: number) => (text: string) => (on ? `\x1b[${code}m${text}\x1b[0m` : text);
  return { ok: paint(32), bad: paint(31) };
}

const HEADINGS = ["slug", "module", "reference", "starter", "wrong", "examples", "ms", ""];

export function table(proofs: Proof[], style: Style): string {
  const rows = proofs.map((p) => [
    p.slug,
    p.module,
    p.reference,
    p.starter,
    `${p.wrong.ok}/${p.wrong.total}`,
    `${p.examples.ok}/${p.examples.total}`,
    String(p.ms),
    p.failures.length ? "✗" : "✓",
  ]);
  const widths = HEADINGS.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 6 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  const body = rows.map((r, i) => {
    const text = line(r);
    return proofs[i]!.failures.length ? `${text.slice(0, -1)}${style.bad("✗")}` : `${text.slice(0, -1)}${style.ok("✓")}`;
  });
  return [line(HEADINGS), line(widths.map((w) => "-".repeat(w))), ...body].join("\n");
}

export function failures(proofs: Proof[], style: Style): string {
  return proofs.flatMap((p) => p.failures.map((f) => `${style.bad("✗")} ${p.slug}: ${f}`)).join("\n");
}

export function summary(proofs: Proof[], seconds: number, runners: number): string {
  const bad = proofs.filter((p) => p.failures.length).length;
  const n = proofs.length;
  const what = bad === 0 ? `all ${n} proved` : `${n - bad} proved, ${bad} with failures`;
  return `${n} assignment${n === 1 ? "" : "s"} checked: ${what} (${seconds.toFixed(1)} s, ${runners} runner${runners === 1 ? "" : "s"})`;
}
