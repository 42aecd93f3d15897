// Reads the course from disk. Two levels, both `<NN>-<slug>` (the number orders, the slug is
// the identity):
//   assignments/<NN>-<module>/module.md                 a module: front matter `title`, intro
//   assignments/<NN>-<module>/<NN>-<slug>/handout.md    an assignment (see AUTHORING.md)
// An assignment folder at the top level (no module) is still read, as before modules existed.

import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseFrontMatter, splitHints } from "./handout";

export interface ModuleFiles {
  slug: string;
  title: string;
  intro: string;
}

export interface WrongFile {
  /** file name inside wrong/ */
  name: string;
  code: string;
  /** the tests this mistake must fail, from its `# fails: test_a, test_b` line */
  fails: string[];
  /** its `# why: …` line, if any */
  why: string;
}

export interface AssignmentFiles {
  slug: string;
  /** 1, 2, 3… across the whole course, modules in order */
  position: number;
  title: string;
  /** the handout without its hint sections */
  handout: string;
  hint: string;
  /** offered after a few failed attempts; "" when the author wrote none */
  hint2: string;
  starterCode: string;
  testCode: string;
  referenceCode: string;
  testVersion: string;
  module: ModuleFiles | null;
  folder: string;
  wrong: WrongFile[];
}

const FOLDER = /^(\d+)-([a-z0-9]+(?:-[a-z0-9]+)*)$/;

/** `<NN>-<slug>` folders of dir, in order of their number. */
function numbered(dir: string): { slug: string; path: string }[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && FOLDER.test(e.name))
    .map((e) => ({ n: Number(FOLDER.exec(e.name)![1]), name: e.name }))
    .sort((a, b) => a.n - b.n || a.name.localeCompare(b.name))
    .map((e) => ({ slug: FOLDER.exec(e.name)![2]!, path: join(dir, e.name) }));
}

function titled(path: string): { title: string; body: string } {
  const { fields, body } = parseFrontMatter(readFileSync(path, "utf8"));
  if (!fields.title) throw new Error(`${path} has no title in its front matter`);
  return { title: fields.title, body: body.trim() };
}

function readWrong(folder: string): WrongFile[] {
  const dir = join(folder, "wrong");
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(".py"))
    .sort()
    .map((name) => {
      const code = readFileSync(join(dir, name), "utf8");
      const fails = /^#\s*fails:\s*(.+)$/m.exec(code)?.[1] ?? "";
      return {
        name,
        code,
        fails: fails.split(/[,\s]+/).filter(Boolean),
        why: /^#\s*why:\s*(.+)$/m.exec(code)?.[1]?.trim() ?? "",
      };
    });
}

function readAssignment(folder: string, slug: string, module: ModuleFiles | null, position: number): AssignmentFiles {
  const read = (file: string) => {
    const path = join(folder, file);
    if (!existsSync(path)) throw new Error(`${folder} is missing ${file}`);
    return readFileSync(path, "utf8");
  };
  const { title, body } = titled(join(folder, "handout.md"));
  const testCode = read("test_solution.py");
  return {
    slug,
    position,
    title,
    ...splitHints(body),
    starterCode: read("starter.py"),
    testCode,
    referenceCode: read("reference.py"),
    testVersion: createHash("sha256").update(testCode).digest("hex"),
    module,
    folder,
    wrong: readWrong(folder),
  };
}

/** The course's modules (those with at least one assignment) and assignments, in order. */
export function readCourse(dir: string): { modules: ModuleFiles[]; assignments: AssignmentFiles[] } {
  const modules: ModuleFiles[] = [];
  const assignments: AssignmentFiles[] = [];
  const seen = new Map<string, string>();
  const add = (folder: string, slug: string, module: ModuleFiles | null) => {
    const other = seen.get(slug);
    if (other) throw new Error(`${folder} and ${other} have the same slug ${slug}: slugs must be unique`);
    seen.set(slug, folder);
    assignments.push(readAssignment(folder, slug, module, assignments.length + 1));
  };
  for (const top of numbered(dir)) {
    if (existsSync(join(top.path, "handout.md"))) {
      add(top.path, top.slug, null);
      continue;
    }
    if (!existsSync(join(top.path, "module.md"))) continue;
    const { title, body } = titled(join(top.path, "module.md"));
    const module = { slug: top.slug, title, intro: body };
    const inside = numbered(top.path);
    if (inside.length) modules.push(module);
    for (const a of inside) add(a.path, a.slug, module);
  }
  return { modules, assignments };
}

export function readAssignments(dir: string): AssignmentFiles[] {
  return readCourse(dir).assignments;
}
