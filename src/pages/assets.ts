// URLs of the files in public/, each carrying the content's hash, so browsers may keep them
// for a year (public-files.ts sends `immutable` for them) and a deploy that changes one is
// seen on the next page load. Worked out once in production; in development again at most
// once a second (a rebuild or an edited stylesheet shows on the next reload without a
// restart, and a page does not pay for a file read).
//  - the editor bundle (public/build/, written by scripts/build-client.ts on `bun install`)
//    has the hash in its name; the build's manifest maps a stable name to the hashed file;
//  - the other files (css, vendor/htmx) keep their names and get `?v=<hash>`.
import { createHash } from "node:crypto";
import { readFileSync, type Stats, statSync } from "node:fs";
import { join } from "node:path";
import type { PageAssets } from "../../views/types";

export const PUBLIC_DIR = join(import.meta.dir, "..", "..", "public");
const DEV_REREAD_MS = 1000;

/** The file's stat, or undefined when it is not a file (missing, a directory, a path through a file). */
export function fileStat(file: string): Stats | undefined {
  try {
    const stat = statSync(file);
    return stat.isFile() ? stat : undefined;
  } catch {
    return undefined;
  }
}

const hashes = new Map<string, { size: number; mtimeMs: number; ino: number; hash: string }>();

/**
 * 16 hex digits of the SHA-256 of a file's content, or undefined when it is not a file. The
 * file is read and hashed again only when its size, modification time or inode changed, so
 * asking usually costs a stat.
 */
export function contentHash(file: string, stat = fileStat(file)): string | undefined {
  if (!stat) return undefined;
  const known = hashes.get(file);
  if (known && known.size === stat.size && known.mtimeMs === stat.mtimeMs && known.ino === stat.ino) return known.hash;
  const hash = createHash("sha256").update(readFileSync(file)).digest("hex").slice(0, 16);
  // Written in the last second, the file could be written again within the clock's
  // granularity with the same size and time: remembered only once that cannot happen.
  if (Date.now() - stat.mtimeMs > 1000) hashes.set(file, { size: stat.size, mtimeMs: stat.mtimeMs, ino: stat.ino, hash });
  return hash;
}

/** The asset URLs of one web process: `production` (from the config) reads each only once. */
export class Assets {
  private readonly reread: boolean;
  private readonly manifestFile: string;
  private manifest: { files: Record<string, string>; readAt: number };
  private readonly versioned = new Map<string, { url: string; at: number }>();

  constructor(
    production: boolean,
    private readonly dir = PUBLIC_DIR,
  ) {
    this.reread = !production;
    this.manifestFile = join(dir, "build", "manifest.json");
    this.manifest = { files: this.readManifest(), readAt: performance.now() };
    if (!this.manifest.files["editor.js"]) {
      console.warn(
        JSON.stringify({
          level: "warn",
          msg: "public/build/manifest.json is missing: run `bun install` (or `bun run build:client`); pages work without the editor bundle",
        }),
      );
    }
  }

  /** What the layout links. */
  page(): PageAssets {
    return {
      css: this.publicUrl("css/app.css"),
      htmx: this.publicUrl("vendor/htmx.min.js"),
      sse: this.publicUrl("vendor/hx-sse.min.js"),
      editor: this.assetUrl("editor.js"),
    };
  }

  /** The URL of a built asset by its stable name, or undefined when it was not built. */
  assetUrl(name: string): string | undefined {
    if (this.reread && performance.now() - this.manifest.readAt > DEV_REREAD_MS) {
      this.manifest = { files: this.readManifest(), readAt: performance.now() };
    }
    const file = this.manifest.files[name];
    return file ? `/public/build/${file}` : undefined;
  }

  /** `/public/<path>?v=<content hash>` for a file of public/ (without `v` when it is missing). */
  publicUrl(path: string): string {
    const file = join(this.dir, path);
    const known = this.versioned.get(file);
    if (known && !(this.reread && performance.now() - known.at > DEV_REREAD_MS)) return known.url;
    const hash = contentHash(file);
    const url = hash ? `/public/${path}?v=${hash}` : `/public/${path}`;
    this.versioned.set(file, { url, at: performance.now() });
    return url;
  }

  private readManifest(): Record<string, string> {
    try {
      return JSON.parse(readFileSync(this.manifestFile, "utf8")) as Record<string, string>;
    } catch {
      return {};
    }
  }
}
