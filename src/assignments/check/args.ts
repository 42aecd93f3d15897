// The command line of `bun run assignments:check [--jobs N] [slug…]`, and the sentence for a
// slug the course does not have.

export interface CheckArgs {
  slugs: string[];
  /** runners grading at once; undefined: one per core */
  jobs?: number;
  help: boolean;
}

export const USAGE = "usage: bun run assignments:check [--jobs N] [slug…]   (no slug: every assignment)";

/** The arguments, or the sentence saying what is wrong with them. */
export function parseArgs(argv: string[]): CheckArgs | string {
  const args: CheckArgs = { slugs: [], help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--help" || arg === "-h") args.help = true;
    else if (arg === "--jobs" || arg === "-j" || arg.startsWith("--jobs=")) {
      const value = arg.startsWith("--jobs=") ? arg.slice(7) : argv[++i];
      const n = Number(value);
      if (!Number.isInteger(n) || n < 1 || n > 64) return `--jobs needs a whole number from 1 to 64 (got "${value ?? ""}").`;
      args.jobs = n;
    } else if (arg.startsWith("-")) return `Unknown option ${arg}.`;
    else args.slugs.push(arg);
  }
  return args;
}

function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    row = next;
  }
  return row[b.length]!;
}

/** Up to three known slugs close to `slug` (a typo, or a part of the name). */
export function closeMatches(slug: string, known: string[]): string[] {
  return known
    .map((k) => ({ k, d: k.includes(slug) || slug.includes(k) ? 0 : distance(slug, k) }))
    .filter((m) => m.d <= Math.max(2, Math.floor(slug.length / 3)))
    .sort((x, y) => x.d - y.d || x.k.localeCompare(y.k))
    .slice(0, 3)
    .map((m) => m.k);
}

export function unknownSlugs(slugs: string[], known: string[]): string | undefined {
  const missing = slugs.filter((s) => !known.includes(s));
  if (missing.length === 0) return undefined;
  return missing
    .map((s) => {
      const close = closeMatches(s, known);
      return close.length
        ? `There is no assignment "${s}"; did you mean ${close.join(", ")}?`
        : `There is no assignment "${s}", nor one with a similar slug (the course has ${known.length}).`;
    })
    .join("\n");
}
