// Copies browser libraries from node_modules into public/vendor so they are served
// by us (never from a CDN). Runs on every `bun install` (postinstall).
import { mkdirSync, copyFileSync } from "node:fs";
import { join } from "node:path";

const root = join(import.meta.dir, "..");
const out = join(root, "public", "vendor");
mkdirSync(out, { recursive: true });
const files: [string, string][] = [
  ["node_modules/htmx.org/dist/htmx.min.js", "htmx.min.js"],
  ["node_modules/htmx.org/dist/ext/hx-sse.min.js", "hx-sse.min.js"],
];
for (const [from, to] of files) copyFileSync(join(root, from), join(out, to));
