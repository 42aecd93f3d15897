// One import direction: src may import views; views import only each other and packages
// (not even a type from src), so they stay pure rendering of the shapes in views/types.ts.
import { expect, test } from "bun:test";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";

const VIEWS = resolve(import.meta.dir, "..", "..", "views");

/** Every module specifier in a source text: import/export … from, bare and dynamic import, require. */
const specifiers = (source: string) => [...source.matchAll(/(?:\bfrom|\bimport|\brequire)\s*\(?\s*["'`]([^"'`]+)["'`]/g)].map((m) => m[1]!);

/** The specifiers of `file` that leave views/: a relative or absolute path that resolves outside it. */
function outside(file: string, source: string): string[] {
  return specifiers(source).filter((s) => {
    if (!s.startsWith(".") && !s.startsWith("/")) return false; // a package (or node:)
    const target = resolve(dirname(file), s);
    return target !== VIEWS && !target.startsWith(VIEWS + sep);
  });
}

test("no file under views/ imports anything outside views/ but packages", () => {
  const files = (readdirSync(VIEWS, { recursive: true }) as string[])
    .map((name) => join(VIEWS, name))
    .filter((file) => statSync(file).isFile());
  expect(files.length).toBeGreaterThan(5);
  const found = files.flatMap((file) =>
    outside(file, readFileSync(file, "utf8")).map((s) => `views/${relative(VIEWS, file)} imports ${s}`),
  );
  expect(found).toEqual([]);
});

test("the check sees every form of import", () => {
  const file = join(VIEWS, "sample.ts");
  const source = [
    'import type { A } from "../src/a";',
    "import {\n  b,\n  c,\n} from '../src/b';",
    'export { d } from "../src/d";',
    'import "../src/e";',
    'const f = await import("../src/f");',
    'type G = typeof import("../src/g");',
    'const h = require("../src/h");',
    'import { html } from "./html";',
    'import MarkdownIt from "markdown-it";',
    'import { join } from "node:path";',
    'import { x } from "../views/html";',
  ].join("\n");
  expect(outside(file, source)).toEqual(["../src/a", "../src/b", "../src/d", "../src/e", "../src/f", "../src/g", "../src/h"]);
});
