// Content-hashed browser bundles (public/build/, written by scripts/build-client.ts on
// `bun install`): their manifest maps a stable name to the hashed file. Read once in
// production; in development again at most once a second (a rebuild shows on the next
// reload without a restart, and a page does not pay for a file read).
import { readFileSync } from "node:fs";
import { join } from "node:path";

const MANIFEST = join(import.meta.dir, "..", "public", "build", "manifest.json");
const DEV_REREAD_MS = 1000;

function readManifest(): Record<string, string> {
  try {
    return JSON.parse(readFileSync(MANIFEST, "utf8")) as Record<string, string>;
  } catch {
    return {};
  }
}

const manifest = { files: readManifest(), readAt: performance.now(), reread: process.env.NODE_ENV !== "production" };
if (!manifest.files["editor.js"]) {
  console.warn(JSON.stringify({ level: "warn", msg: "public/build/manifest.json is missing: run `bun install` (or `bun run build:client`); pages work without the editor bundle" }));
}

/** The URL of a built asset by its stable name, or undefined when it was not built. */
export function assetUrl(name: string): string | undefined {
  if (manifest.reread && performance.now() - manifest.readAt > DEV_REREAD_MS) {
    manifest.files = readManifest();
    manifest.readAt = performance.now();
  }
  const file = manifest.files[name];
  return file ? `/public/build/${file}` : undefined;
}
