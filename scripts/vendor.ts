// Copies browser libraries from node_modules into public/vendor so they are served
// by us (never from a CDN), then builds the editor bundle. Runs on every `bun install` (postinstall).
import { copyFileSync, existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";

const root = join(import.meta.dir, "..");
const out = join(root, "public", "vendor");
mkdirSync(out, { recursive: true });
const files: [string, string][] = [
  ["node_modules/htmx.org/dist/htmx.min.js", "htmx.min.js"],
  ["node_modules/htmx.org/dist/ext/hx-sse.min.js", "hx-sse.min.js"],
];
for (const [from, to] of files) copyFileSync(join(root, from), join(out, to));

// Then the editor bundle (public/build/), where its sources are present. An image that
// installs dependencies before copying the source (Dockerfile's deps stage) skips it here
// and must run `bun scripts/build-client.ts` once the source is in.
if (existsSync(join(root, "scripts", "build-client.ts")) && existsSync(join(root, "src", "client", "main.ts"))) {
  await import("./build-client");
}
