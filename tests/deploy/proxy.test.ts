// nginx in front of real web processes, started the way `bun run proxy` starts it
// (scripts/proxy.ts with deploy/nginx.conf.template): compression, unbuffered event
// streams, cache headers, the proxy cache, security headers, several upstreams.
import { afterAll, beforeAll, describe, expect, setDefaultTimeout, test } from "bun:test";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { brotliDecompressSync } from "node:zlib";
import { assignmentId, Client, unique } from "../helpers/app";
import { readEvents } from "../helpers/events";
import { freePort, type Proc, startGrader, startWeb } from "../helpers/processes";
import { type ProxyProc, startProxy } from "./proxy-process";

// Real processes, a real sandbox and a submission that sleeps 2 s.
setDefaultTimeout(60_000);

const ROOT = join(import.meta.dir, "..", "..");
const BROTLI = existsSync("/usr/lib/nginx/modules/ngx_http_brotli_filter_module.so");
const webPorts = [freePort(), freePort()];
let webs: Proc[] = [];
let grader: Proc | undefined;
let proxy: ProxyProc | undefined;
let base = "";
let helloId = 0;

/** A request that shows the bytes as sent (Bun's fetch decompresses unless told not to). */
const raw = (path: string, encoding = "gzip", init: RequestInit = {}) =>
  fetch(base + path, { ...init, headers: { "accept-encoding": encoding, ...init.headers }, decompress: false } as RequestInit);

beforeAll(async () => {
  [grader, ...webs] = await Promise.all([startGrader(), ...webPorts.map((p) => startWeb(p))]);
  proxy = await startProxy(webPorts.map((p) => `127.0.0.1:${p}`).join(","));
  base = proxy.base;
  helloId = await assignmentId(base, "hello");
});

afterAll(async () => {
  await proxy?.stop();
  await Promise.all([...webs, grader].filter((p): p is Proc => !!p).map((p) => p.stop()));
});

describe("compression", () => {
  test("HTML arrives gzip-compressed", async () => {
    const res = await raw("/assignments");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/html");
    expect(res.headers.get("content-encoding")).toBe("gzip");
    expect(res.headers.get("vary")).toContain("Accept-Encoding");
    const html = new TextDecoder().decode(Bun.gunzipSync(new Uint8Array(await res.arrayBuffer())));
    expect(html).toContain("<html");
  });

  test("JSON arrives gzip-compressed", async () => {
    const res = await raw("/api/assignments");
    expect(res.headers.get("content-type")).toContain("application/json");
    expect(res.headers.get("content-encoding")).toBe("gzip");
    const list = JSON.parse(new TextDecoder().decode(Bun.gunzipSync(new Uint8Array(await res.arrayBuffer()))));
    expect(list.some((a: { slug: string }) => a.slug === "hello")).toBe(true);
  });

  test("CSS and JS arrive gzip-compressed", async () => {
    for (const path of ["/public/css/app.css", "/public/vendor/htmx.min.js"]) {
      const res = await raw(path);
      expect(res.headers.get("content-encoding")).toBe("gzip");
      await res.arrayBuffer();
    }
  });

  test.if(BROTLI)("brotli where nginx has the module", async () => {
    const res = await raw("/public/vendor/htmx.min.js", "br");
    expect(res.headers.get("content-encoding")).toBe("br");
    expect(brotliDecompressSync(new Uint8Array(await res.arrayBuffer())).toString()).toContain("htmx");
  });

  test("without Accept-Encoding the body is plain", async () => {
    const res = await raw("/api/assignments", "identity");
    expect(res.headers.get("content-encoding")).toBeNull();
    expect(Array.isArray(await res.json())).toBe(true);
  });
});

describe("event streams through nginx", () => {
  test("the first event arrives while the stream is still open (not buffered until the end)", async () => {
    const c = Client.forUrl(base);
    const code = unique("import time\ntime.sleep(2)\ndef hello():\n    return 'Hello'\n");
    const res = await c.submit(helloId, code);
    expect(res.status).toBe(202);
    const { id } = (await res.json()) as { id: number };
    // readEvents asks for gzip too (Bun's fetch always does): the stream must still flow.
    const events = await readEvents(c, id);
    expect(events.length).toBeGreaterThanOrEqual(2);
    const first = events[0]!;
    const last = events.at(-1)!;
    expect(["queued", "grading"]).toContain(first.data.status);
    expect(last.data).toMatchObject({ status: "graded", outcome: "passed", correct: true });
    // The student's code sleeps 2 s: buffering would deliver everything at once at the end.
    expect(last.at - first.at).toBeGreaterThan(1500);
  });

  test("both stream locations are uncompressed and unbuffered even when gzip is asked for", async () => {
    const c = Client.forUrl(base);
    const { id } = (await (await c.submit(helloId, unique("def hello():\n    return 'Hello'\n"))).json()) as { id: number };
    await readEvents(c, id); // graded: both streams now send the final state and end
    for (const path of [`/api/submissions/${id}/events`, `/submissions/${id}/stream`]) {
      const res = await raw(path, "gzip, br", { headers: { cookie: c.cookie } });
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toContain("text/event-stream");
      expect(res.headers.get("content-encoding")).toBeNull();
      expect(res.headers.get("x-cache-status")).toBeNull();
      expect(await res.text()).toContain("event:");
    }
  });
});

describe("caching", () => {
  test("static files: revalidated on every use (304 by ETag); the second request is served by the proxy cache", async () => {
    const path = `/public/css/app.css?t=${crypto.randomUUID()}`; // a cache key no other test used
    const first = await raw(path);
    await first.arrayBuffer();
    expect(first.status).toBe(200);
    expect(first.headers.get("x-cache-status")).toBe("MISS");
    expect(first.headers.get("cache-control")).toBe("public, no-cache");
    // Strong and quoted from the app; nginx weakens it when it compresses.
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^W\/"[0-9a-f]{16}"$/);
    const second = await raw(path);
    await second.arrayBuffer();
    expect(second.headers.get("x-cache-status")).toBe("HIT");
    expect(second.headers.get("cache-control")).toBe("public, no-cache");
    expect(proxy!.accessLog()).toContain('"cache":"HIT"');
    const again = await raw(path, "gzip", { headers: { "if-none-match": etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    expect(again.headers.get("cache-control")).toBe("public, no-cache");
    // Uncompressed (a new cache key): the app's strong ETag as it is, and the same 304.
    const plain = await raw(`/public/css/app.css?t=${crypto.randomUUID()}`, "identity", { headers: { "if-none-match": etag.slice(2) } });
    expect(plain.status).toBe(304);
    expect(plain.headers.get("etag")).toBe(etag.slice(2));
  });

  test("the page's versioned links are immutable for a year, from the app and from the proxy cache", async () => {
    const page = await (await fetch(`${base}/assignments`)).text();
    const links = [...page.matchAll(/(?:href|src)="(\/public\/[^"]+\?v=[0-9a-f]{16})"/g)].map((m) => m[1]!);
    expect(links.map((l) => l.split("?")[0])).toEqual([
      "/public/css/app.css",
      "/public/vendor/htmx.min.js",
      "/public/vendor/hx-sse.min.js",
    ]);
    for (const link of links) {
      const path = `${link}&t=${crypto.randomUUID()}`;
      for (const status of ["MISS", "HIT"]) {
        const res = await raw(path);
        await res.arrayBuffer();
        expect({ path, status: res.status, cache: res.headers.get("x-cache-status"), cc: res.headers.get("cache-control") }).toEqual({
          path,
          status: 200,
          cache: status,
          cc: "public, max-age=31536000, immutable",
        });
      }
    }
    // A v that is not the file's hash (an old replica during a deploy, a made-up one): revalidated.
    const wrong = `/public/css/app.css?v=0123456789abcdef&t=${crypto.randomUUID()}`;
    for (let i = 0; i < 2; i++) {
      const res = await raw(wrong);
      await res.arrayBuffer();
      expect(res.headers.get("cache-control")).toBe("public, no-cache");
    }
  });

  test("vendor scripts and the editor bundle", async () => {
    const res = await raw("/public/vendor/hx-sse.min.js");
    await res.arrayBuffer();
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("public, no-cache");
    expect(["HIT", "MISS"]).toContain(res.headers.get("x-cache-status")!);
    const name = JSON.parse(readFileSync(join(ROOT, "public", "build", "manifest.json"), "utf8"))["editor.js"];
    const bundle = await raw(`/public/build/${name}`);
    await bundle.arrayBuffer();
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
  });

  test("per-visitor answers are never cached: each new visitor gets a cookie of its own", async () => {
    const cookies: string[] = [];
    for (let i = 0; i < 2; i++) {
      for (const path of ["/api/assignments", "/assignments"]) {
        const res = await fetch(base + path);
        await res.arrayBuffer();
        expect(res.headers.get("x-cache-status")).toBeNull();
        cookies.push(res.headers.get("set-cookie")!.split(";")[0]!);
      }
    }
    expect(new Set(cookies).size).toBe(4);
  });

  test("/health is passed through, not cached", async () => {
    const res = await fetch(`${base}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
    expect(res.headers.get("x-cache-status")).toBeNull();
  });
});

describe("headers and upstreams", () => {
  test("security headers on pages, API answers, static files and errors, each once", async () => {
    for (const path of ["/assignments", "/api/assignments", "/no-such-page", "/public/css/app.css", "/public/css/app.css"]) {
      const res = await fetch(base + path);
      await res.arrayBuffer();
      // (a header sent twice would read "DENY, DENY")
      expect(res.headers.get("x-frame-options")).toBe("DENY");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("referrer-policy")).toBe("same-origin");
      expect(res.headers.get("server")).toBe("nginx"); // no version
    }
  });

  test("HSTS once the browser came over TLS (a terminator in front says so), never over plain http", async () => {
    for (const path of ["/assignments", "/public/css/app.css", "/no-such-page"]) {
      const tls = await fetch(base + path, { headers: { "x-forwarded-proto": "https" } });
      await tls.arrayBuffer();
      expect(tls.headers.get("strict-transport-security")).toBe("max-age=31536000");
      const plain = await fetch(base + path);
      await plain.arrayBuffer();
      expect(plain.headers.get("strict-transport-security")).toBeNull();
    }
  });

  test("requests are spread over every upstream in WEB_UPSTREAMS", async () => {
    for (let i = 0; i < 8; i++) await (await fetch(`${base}/health`)).arrayBuffer();
    const log = proxy!.accessLog();
    for (const port of webPorts) expect(log).toContain(`"upstream":"127.0.0.1:${port}"`);
  });

  test("one JSON line per request in the access log", async () => {
    const lines = proxy!.accessLog().trim().split("\n");
    const entry = JSON.parse(lines.at(-1)!);
    expect(entry).toMatchObject({ msg: "request", method: "GET", uri: "/health", status: 200 });
    expect(entry.requestId).toMatch(/^[0-9a-f]{32}$/);
  });

  test("the health checks of the images answer (web, proxy, grader)", async () => {
    const run = (role: string, env: Record<string, string>) =>
      Bun.spawn(["bun", "deploy/healthcheck.ts", role], { cwd: ROOT, env: { ...process.env, ...env }, stdout: "ignore", stderr: "ignore" })
        .exited;
    expect(await run("web", { PORT: String(webPorts[0]) })).toBe(0);
    expect(await run("proxy", { PROXY_PORT: String(proxy!.port) })).toBe(0);
    expect(await run("grader", {})).toBe(0);
    expect(await run("web", { PORT: String(freePort()) })).toBe(1);
    expect(await run("grader", { REDIS_PREFIX: `pp-none-${process.pid}:` })).toBe(1);
  });
});
