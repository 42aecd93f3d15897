// The parts of a handout.md: front matter, the body students read, and its hint sections.

/** Splits `---\ntitle: X\n---\nbody` into its fields and the body. */
export function parseFrontMatter(text: string): { fields: Record<string, string>; body: string } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
  if (!match) return { fields: {}, body: text };
  const fields: Record<string, string> = {};
  for (const line of match[1]!.split(/\r?\n/)) {
    const kv = /^(\w+)\s*:\s*(.*)$/.exec(line);
    if (kv) fields[kv[1]!] = kv[2]!.trim().replace(/^(["'])(.*)\1$/, "$2");
  }
  return { fields, body: text.slice(match[0].length) };
}

const SECTION = /^## +(.+?)\s*$/;
const HINTS: Record<string, "hint" | "hint2"> = { hint: "hint", "second hint": "hint2" };

/**
 * Takes the `## Hint` and `## Second hint` sections (each up to the next `## ` heading) out of
 * a handout body: the page shows the first on request and offers the second after a few
 * failed attempts.
 */
export function splitHints(body: string): { handout: string; hint: string; hint2: string } {
  const kept: string[] = [];
  const hints = { hint: [] as string[], hint2: [] as string[] };
  let into: string[] = kept;
  let fence = false;
  for (const line of body.split(/\r?\n/)) {
    if (/^(```|~~~)/.test(line)) fence = !fence;
    const heading = fence ? null : SECTION.exec(line);
    if (heading) {
      const which = HINTS[heading[1]!.toLowerCase()];
      into = which ? hints[which] : kept;
      if (which) continue;
    }
    into.push(line);
  }
  const text = (lines: string[]) => lines.join("\n").trim();
  return { handout: text(kept), hint: text(hints.hint), hint2: text(hints.hint2) };
}
