// A course of a test's own: a copy of assignments/ in a temporary folder (to remove, change or
// add to), and a database of its own loaded from it, so the suite's shared course is untouched.
import { afterAll } from "bun:test";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createScratch, type Scratch } from "../../scripts/scratch";
import { readCourse } from "../../src/assignments/files";
import { loadConfig } from "../../src/config";

/** A copy of the real course, removed after the file's tests. */
export function copyCourse(): string {
  const dir = mkdtempSync(join(tmpdir(), "pp-course-"));
  cpSync(loadConfig(process.env).assignmentsDir, dir, { recursive: true });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** The folder of the assignment `slug` in the course at `dir`. */
export function folderOf(dir: string, slug: string): string {
  const a = readCourse(dir).assignments.find((x) => x.slug === slug);
  if (!a) throw new Error(`no assignment ${slug} in ${dir}`);
  return a.folder;
}

/**
 * Sets the second hint of the assignment `slug` (its `## Second hint` section, put at the end of
 * its handout), or removes it when `text` is null: the real course's own second hints vary.
 */
export function setSecondHint(dir: string, slug: string, text: string | null): void {
  const path = join(folderOf(dir, slug), "handout.md");
  const handout = readFileSync(path, "utf8").replace(/^## Second hint\s*$[\s\S]*?(?=^## |(?![\s\S]))/m, "");
  writeFileSync(path, text === null ? handout : `${handout.trimEnd()}\n\n## Second hint\n\n${text}\n`);
}

/** A migrated database loaded from the course at `dir`, dropped after the file's tests. */
export async function courseDatabase(dir: string): Promise<Scratch> {
  const scratch = await createScratch("course", { ...loadConfig(process.env), assignmentsDir: dir });
  afterAll(() => scratch.drop());
  return scratch;
}
