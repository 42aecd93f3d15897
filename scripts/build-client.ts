// Bundles the browser code (src/client/) into public/build/ with content-hashed names and
// writes public/build/manifest.json ({"editor.js": "editor-<hash>.js"}), which the pages
// read to reference the current file. Runs on every `bun install` (postinstall), and
// `bun run build:client` runs it by hand.

import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { BunPlugin } from "bun";

const root = join(import.meta.dir, "..");
const out = join(root, "public", "build");
mkdirSync(out, { recursive: true });

/**
 * CodeMirror injects its base styles through style-mod, which uses a constructed
 * (adopted) stylesheet only inside shadow roots and a <style> element in a document.
 * Our Content-Security-Policy (style-src 'self') blocks that element; constructed
 * stylesheets are not governed by CSP, so style-mod is made to adopt in documents too
 * (every current browser supports document.adoptedStyleSheets).
 */
const adoptStyleSheets: BunPlugin = {
  name: "style-mod-adopted-sheets",
  setup(build) {
    build.onLoad({ filter: /style-mod[\\/]src[\\/]style-mod\.js$/ }, async ({ path }) => {
      const source = await Bun.file(path).text();
      const from = "if (!root.head && root.adoptedStyleSheets && win.CSSStyleSheet) {";
      if (!source.includes(from)) throw new Error(`style-mod changed: "${from}" not found in ${path}`);
      return { contents: source.replace(from, "if (root.adoptedStyleSheets && win.CSSStyleSheet) {"), loader: "js" };
    });
  },
};

const result = await Bun.build({
  plugins: [adoptStyleSheets],
  entrypoints: [join(root, "src", "client", "main.ts")],
  target: "browser",
  format: "iife",
  minify: true,
  sourcemap: "external",
});
if (!result.success) {
  for (const log of result.logs) console.error(log);
  process.exit(1);
}
const entry = result.outputs.find((o) => o.kind === "entry-point");
const map = result.outputs.find((o) => o.kind === "sourcemap");
if (!entry) throw new Error("the build produced no entry point");

// The name carries hex digits of the content's hash, the form our nginx serves as immutable.
const code = await entry.text();
const name = `editor-${createHash("sha256").update(code).digest("hex").slice(0, 12)}.js`;
writeFileSync(join(out, name), map ? `${code}\n//# sourceMappingURL=${name}.map\n` : code);
if (map) writeFileSync(join(out, `${name}.map`), await map.text());
writeFileSync(join(out, "manifest.json"), JSON.stringify({ "editor.js": name }, null, 2) + "\n");

// Old bundles go; the new one and its source map stay.
const keep = new Set(["manifest.json", name, `${name}.map`]);
for (const f of readdirSync(out)) if (!keep.has(f)) rmSync(join(out, f));
console.log(`built public/build/${name} (${Math.round(code.length / 1024)} KiB)`);
