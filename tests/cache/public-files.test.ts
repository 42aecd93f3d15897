// Static files (public/ at /public): strong quoted ETags from the content, 304 on
// If-None-Match in development and production mode alike, and versioned URLs (`?v=<hash>`,
// content-hashed names) that browsers may keep for a year while everything else is revalidated.
import { afterAll, describe, expect, test } from "bun:test";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Elysia } from "elysia";
import { Assets, PUBLIC_DIR } from "../../src/pages/assets";
import { IMMUTABLE, noneMatch, publicFiles, REVALIDATE } from "../../src/pages/public-files";
import { PublicSnapshot } from "../../src/pages/public-snapshot";
import { appsForThisFile, Client } from "../helpers/app";

const hashOf = (bytes: string | Buffer) => createHash("sha256").update(bytes).digest("hex").slice(0, 16);
const get = (app: { handle(r: Request): Promise<Response> }, path: string, headers: Record<string, string> = {}, method = "GET") =>
  app.handle(new Request(`http://localhost${path}`, { method, headers }));

describe("through the app (development mode, as in the tests)", () => {
  const t = appsForThisFile()();
  const hashes = Object.fromEntries(
    ["css/app.css", "vendor/htmx.min.js", "vendor/hx-sse.min.js"].map((f) => [f, hashOf(readFileSync(join(PUBLIC_DIR, f)))]),
  );
  let page = "";

  test("the layout links each unhashed file with ?v=<hash of its content>", async () => {
    await t.app.modules;
    page = await (await Client.forApp(t.app).request("/assignments")).text();
    expect(page).toContain(`<link rel="stylesheet" href="/public/css/app.css?v=${hashes["css/app.css"]}">`);
    expect(page).toContain(`<script src="/public/vendor/htmx.min.js?v=${hashes["vendor/htmx.min.js"]}" defer></script>`);
    expect(page).toContain(`<script src="/public/vendor/hx-sse.min.js?v=${hashes["vendor/hx-sse.min.js"]}" defer></script>`);
  });

  test("a versioned URL is immutable; without v or with another v it is revalidated", async () => {
    for (const [file, hash] of Object.entries(hashes)) {
      const versioned = await get(t.app, `/public/${file}?v=${hash}`);
      expect(versioned.status).toBe(200);
      expect(versioned.headers.get("etag")).toBe(`"${hash}"`);
      expect(versioned.headers.get("cache-control")).toBe(IMMUTABLE);
      expect(versioned.headers.get("content-type")).toStartWith(file.endsWith(".css") ? "text/css" : "text/javascript");
      expect(versioned.headers.get("x-content-type-options")).toBe("nosniff");
      expect(Buffer.from(await versioned.arrayBuffer()).equals(readFileSync(join(PUBLIC_DIR, file)))).toBe(true);
      for (const other of [`/public/${file}`, `/public/${file}?v=0123456789abcdef`, `/public/${file}?x=${hash}`]) {
        const res = await get(t.app, other);
        expect({ other, status: res.status, cc: res.headers.get("cache-control"), etag: res.headers.get("etag") }).toEqual({
          other,
          status: 200,
          cc: REVALIDATE,
          etag: `"${hash}"`,
        });
      }
    }
  });

  test("the content-hashed editor bundle is immutable", async () => {
    const name = JSON.parse(readFileSync(join(PUBLIC_DIR, "build", "manifest.json"), "utf8"))["editor.js"];
    const path = `/public/build/${name}`;
    const res = await get(t.app, path);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe(IMMUTABLE);
    expect(res.headers.get("etag")).toMatch(/^"[0-9a-f]{16}"$/);
  });

  test("If-None-Match: 304 without body for the tag, a list holding it, its weak form and *; 200 otherwise", async () => {
    const hash = hashes["css/app.css"]!;
    for (const path of ["/public/css/app.css", `/public/css/app.css?v=${hash}`]) {
      for (const given of [`"${hash}"`, `"abc", "${hash}"`, `W/"${hash}"`, `W/"x",W/"${hash}"`, "*"]) {
        for (const method of ["GET", "HEAD"]) {
          const res = await get(t.app, path, { "if-none-match": given }, method);
          expect({ given, method, status: res.status }).toEqual({ given, method, status: 304 });
          expect(await res.text()).toBe("");
          expect(res.headers.get("etag")).toBe(`"${hash}"`);
          expect(res.headers.get("cache-control")).toBe(path.includes("?v=") ? IMMUTABLE : REVALIDATE);
        }
      }
    }
    // Another tag, the old unquoted form, a tag that only contains ours: the file.
    for (const given of ['"0123456789abcdef"', hash, `"${hash}x"`, `W/"${hash.slice(1)}"`]) {
      const res = await get(t.app, "/public/css/app.css", { "if-none-match": given });
      expect({ given, status: res.status }).toEqual({ given, status: 200 });
      expect((await res.text()).length).toBeGreaterThan(1000);
    }
  });

  test("HEAD: the headers of GET, no body", async () => {
    const res = await get(t.app, "/public/css/app.css", {}, "HEAD");
    expect(res.status).toBe(200);
    expect(res.headers.get("etag")).toBe(`"${hashes["css/app.css"]}"`);
    expect(res.headers.get("cache-control")).toBe(REVALIDATE);
    expect(res.headers.get("content-type")).toStartWith("text/css");
    expect(await res.text()).toBe("");
  });

  test("a missing file is a 404 without validators; paths outside public/ are not files of it", async () => {
    for (const path of ["/public/css/nope.css", "/public/css", "/public/%2e%2e/package.json", "/public/..%2Fpackage.json"]) {
      const res = await get(t.app, path, { "if-none-match": "*" });
      expect({ path, status: res.status, etag: res.headers.get("etag") }).toEqual({ path, status: 404, etag: null });
    }
  });
});

describe("the plugin in both of its modes", () => {
  const dir = mkdtempSync(join(tmpdir(), "pp-public-"));
  mkdirSync(join(dir, "css"));
  mkdirSync(join(dir, "build"));
  writeFileSync(join(dir, "css", "app.css"), "body { color: black; }\n");
  writeFileSync(join(dir, "build", "editor-0123abcd4567.js"), "console.log(1);\n");
  writeFileSync(join(dir, "build", "manifest.json"), JSON.stringify({ "editor.js": "editor-0123abcd4567.js" }));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  // alwaysStatic is what NODE_ENV=production selects: every file read at start.
  for (const alwaysStatic of [false, true]) {
    test(alwaysStatic ? "production (read at start)" : "development (one wildcard route)", async () => {
      const app = new Elysia().use(publicFiles({ dir, alwaysStatic }));
      await app.modules;
      const hash = hashOf("body { color: black; }\n");
      const first = await get(app, "/public/css/app.css");
      expect(first.status).toBe(200);
      expect(first.headers.get("etag")).toBe(`"${hash}"`);
      expect(first.headers.get("cache-control")).toBe(REVALIDATE);
      expect(first.headers.get("content-type")).toStartWith("text/css");
      expect(await first.text()).toBe("body { color: black; }\n");
      // Asked again and again: the plugin's own memory never hides the 304.
      for (let i = 0; i < 3; i++) {
        for (const given of [`"${hash}"`, `"other", "${hash}"`, `W/"${hash}"`]) {
          const res = await get(app, "/public/css/app.css", { "if-none-match": given });
          expect({ i, given, status: res.status, etag: res.headers.get("etag") }).toEqual({ i, given, status: 304, etag: `"${hash}"` });
        }
      }
      expect((await get(app, "/public/css/app.css", { "if-none-match": '"other"' })).status).toBe(200);
      expect((await get(app, "/public/css/app.css", { "if-none-match": `"${hash}"` }, "HEAD")).status).toBe(304);
      expect((await get(app, `/public/css/app.css?v=${hash}`)).headers.get("cache-control")).toBe(IMMUTABLE);
      const bundle = await get(app, "/public/build/editor-0123abcd4567.js");
      expect(bundle.headers.get("cache-control")).toBe(IMMUTABLE);
      expect(bundle.headers.get("etag")).toBe(`"${hashOf("console.log(1);\n")}"`);
    });
  }

  test("development: a file rewritten longer after the plugin took it is sent whole, under its new ETag", async () => {
    const file = join(dir, "css", "grown.css");
    writeFileSync(file, "p { margin: 0; }\n");
    const app = new Elysia().use(publicFiles({ dir, alwaysStatic: false }));
    await app.modules;
    expect(await (await get(app, "/public/css/grown.css")).text()).toBe("p { margin: 0; }\n");
    const longer = "p { margin: 0; padding: 0; border: 1px solid red; }\n";
    writeFileSync(file, longer); // an edit while the server runs
    const res = await get(app, `/public/css/grown.css?v=${hashOf(longer)}`);
    expect(res.headers.get("etag")).toBe(`"${hashOf(longer)}"`);
    expect(res.headers.get("cache-control")).toBe(IMMUTABLE);
    expect(res.headers.get("content-type")).toStartWith("text/css");
    expect(await res.text()).toBe(longer);
    expect((await get(app, "/public/css/grown.css", { "if-none-match": `"${hashOf(longer)}"` })).status).toBe(304);
  });

  test("production: files are read at start and sent as read, bytes and ETag agreeing, until a restart", async () => {
    const file = join(dir, "css", "kept.css");
    const first = "p { margin: 0; }\n";
    writeFileSync(file, first);
    const app = new Elysia().use(publicFiles({ dir, alwaysStatic: true }));
    // No wait for anything: the very first request is answered (the plugin's asynchronous
    // production mode left every file a 404 when a request came before its routes).
    const res = await get(app, "/public/css/kept.css");
    expect(res.status).toBe(200);
    writeFileSync(file, "p { margin: 0; padding: 0; border: 1px solid red; }\n"); // a deploy onto the same disk
    for (const path of ["/public/css/kept.css", `/public/css/kept.css?v=${hashOf(first)}`]) {
      const again = await get(app, path);
      expect(again.headers.get("etag")).toBe(`"${hashOf(first)}"`);
      expect(await again.text()).toBe(first);
    }
    expect((await get(app, "/public/css/kept.css", { "if-none-match": `"${hashOf(first)}"` })).status).toBe(304);
    const head = await get(app, "/public/css/kept.css", {}, "HEAD");
    expect({ status: head.status, length: head.headers.get("content-length"), body: await head.text() }).toEqual({
      status: 200,
      length: String(first.length),
      body: "",
    });
  });

  test("production: the security headers of the moment, on 200 and 304", async () => {
    let security: Record<string, string> = { "X-Frame-Options": "DENY" };
    const app = new Elysia().use(publicFiles({ dir, alwaysStatic: true, snapshot: new PublicSnapshot(dir, () => security) }));
    const hash = hashOf("body { color: black; }\n");
    expect((await get(app, "/public/css/app.css")).headers.get("x-frame-options")).toBe("DENY");
    security = { "Content-Security-Policy": "frame-ancestors 'self' https://lms.example" };
    const res = await get(app, "/public/css/app.css", { "if-none-match": `"${hash}"` });
    expect(res.status).toBe(304);
    expect(res.headers.get("x-frame-options")).toBeNull();
    expect(res.headers.get("content-security-policy")).toContain("lms.example");
  });

  test("production: a file added after start is a 404 like the plugin's, never a 304; odd spellings of a path likewise", async () => {
    const app = new Elysia().use(publicFiles({ dir, alwaysStatic: true }));
    await app.modules;
    writeFileSync(join(dir, "css", "late.css"), "i { }\n");
    for (const path of ["/public/css/late.css", "/public/css//app.css", "/public/css/%61pp.css"]) {
      for (const headers of [{}, { "if-none-match": "*" }] as Record<string, string>[]) {
        const res = await get(app, path, headers);
        expect({ path, status: res.status, etag: res.headers.get("etag") }).toEqual({ path, status: 404, etag: null });
      }
    }
  });

  test("a file changed on disk gets a new ETag at once (no stale 304) and a new v within a second (production: the first v)", async () => {
    const app = new Elysia().use(publicFiles({ dir, alwaysStatic: false }));
    await app.modules;
    const file = join(dir, "css", "changing.css");
    writeFileSync(file, "a { color: red; }\n");
    const before = (await get(app, "/public/css/changing.css")).headers.get("etag")!;
    const [development, production] = [new Assets(false, dir), new Assets(true, dir)];
    const url = development.publicUrl("css/changing.css");
    expect(url).toBe(`/public/css/changing.css?v=${hashOf("a { color: red; }\n")}`);
    expect(production.publicUrl("css/changing.css")).toBe(url);
    writeFileSync(file, "a { color: tan; }\n"); // the same size, and likely the same mtime
    const after = await get(app, "/public/css/changing.css", { "if-none-match": before });
    expect(after.status).toBe(200);
    expect(after.headers.get("etag")).toBe(`"${hashOf("a { color: tan; }\n")}"`);
    expect(await after.text()).toBe("a { color: tan; }\n");
    // The old v is no longer the file's: revalidated, never immutable.
    expect((await get(app, url)).headers.get("cache-control")).toBe(REVALIDATE);
    await Bun.sleep(1100);
    expect(development.publicUrl("css/changing.css")).toBe(`/public/css/changing.css?v=${hashOf("a { color: tan; }\n")}`);
    expect(production.publicUrl("css/changing.css")).toBe(url); // worked out once per process
  });
});

test("If-None-Match parsing (RFC 9110 13.1.2: weak comparison, lists, *)", () => {
  const etag = '"abc123"';
  expect(noneMatch('"abc123"', etag)).toBe(true);
  expect(noneMatch('W/"abc123"', etag)).toBe(true);
  expect(noneMatch(' "x" , W/"y",  "abc123" ', etag)).toBe(true);
  expect(noneMatch("*", etag)).toBe(true);
  expect(noneMatch(" * ", etag)).toBe(true);
  expect(noneMatch('"x,abc123"', etag)).toBe(false);
  expect(noneMatch("abc123", etag)).toBe(false);
  expect(noneMatch('"abc12"', etag)).toBe(false);
  expect(noneMatch("", etag)).toBe(false);
});
