// Reads assignments from disk: assignments/<NN>-<slug>/{handout.md,test_solution.py,starter.py,reference.py}

import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export interface AssignmentFiles {
  slug: string;
  position: number;
  title: string;
  handout: string;
  starterCode: string;
  testCode: string;
  referenceCode: string;
  testVersion: string;
}

const FOLDER = /^(\d+)-([a-z0-9]+(?:-[a-z0-9]+)*)$/;

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

export function readAssignments(dir: string): AssignmentFiles[] {
  const out: AssignmentFiles[] = [];
  for (const name of readdirSync(dir).sort()) {
    const m = FOLDER.exec(name);
    if (!m) continue;
    const folder = join(dir, name);
    const read = (file: string) => {
      const path = join(folder, file);
      if (!existsSync(path)) throw new Error(`${folder} is missing ${file}`);
      return readFileSync(path, "utf8");
    };
    const { fields, body } = parseFrontMatter(read("handout.md"));
    if (!fields.title) throw new Error(`${folder}/handout.md has no title in its front matter`);
    const testCode = read("test_solution.py");
    out.push({
      slug: m[2]!,
      position: Number(m[1]),
      title: fields.title,
      handout: body.trim(),
      starterCode: read("starter.py"),
      testCode,
      referenceCode: read("reference.py"),
      testVersion: createHash("sha256").update(testCode).digest("hex"),
    });
  }
  return out;
}
