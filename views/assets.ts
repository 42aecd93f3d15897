// Content-hashed browser bundles (public/build/, written by scripts/build-client.ts on
// `bun install`): their manifest maps a stable name to the hashed file. Read once in
// production; in development on every page, so a rebuild shows without a restart.
import { readFileSync } from "node:fs";
import { join } from "node:path";

const MANIFEST = join(import.meta.dir, "..", "public", "build", "manifest.json");

function readManifest(): Record<string, string> {
  try {
    return JSON.parse(readFileSync(MANIFEST, "utf8")) as Record<string, string>;
  } catch {
    return {};
  }
}

const atStart = readManifest();
if (!atStart["editor.js"]) {
  console.warn(JSON.stringify({ level: "warn", msg: "public/build/manifest.json is missing: run `bun install` (or `bun run build:client`); pages work without the editor bundle" }));
}

/** The URL of a built asset by its stable name, or undefined when it was not built. */
export function assetUrl(name: string): string | undefined {
  const manifest = process.env.NODE_ENV === "production" ? atStart : readManifest();
  const file = manifest[name];
  return file ? `/public/build/${file}` : undefined;
}
