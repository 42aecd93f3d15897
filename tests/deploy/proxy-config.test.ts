// scripts/proxy.ts on its own: rendering, its settings, content-hashed static files (against
// a stub upstream: the app serves no hashed names yet), and stopping nginx with it.
import { afterAll, beforeAll, describe, expect, setDefaultTimeout, test } from "bun:test";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { proxySettings, renderConfig } from "../../scripts/proxy";
import { freePort } from "../helpers/processes";
import { type ProxyProc, startProxy } from "./proxy-process";

setDefaultTimeout(60_000);

const ROOT = join(import.meta.dir, "..", "..");

describe("settings and rendering", () => {
  test("defaults: port 8080 in front of 127.0.0.1:$PORT, data under .data/nginx", () => {
    const s = proxySettings({ PORT: "7811" });
    expect(s.port).toBe(8080);
    expect(s.upstreams).toEqual([{ host: "127.0.0.1", port: 7811 }]);
    expect(s.dataDir).toBe(join(ROOT, ".data", "nginx"));
  });

  test("WEB_UPSTREAMS lists several web processes, by address or by name", () => {
    const s = proxySettings({ WEB_UPSTREAMS: "127.0.0.1:7800, web:7800,[::1]:7801", PROXY_PORT: "9000" });
    expect(s.upstreams).toEqual([
      { host: "127.0.0.1", port: 7800 },
      { host: "web", port: 7800 },
      { host: "[::1]", port: 7801 },
    ]);
    const conf = renderConfig(s, { brotli: false });
    expect(conf).toContain("listen 9000;");
    expect(conf).toContain("server 127.0.0.1:7800 max_fails=3 fail_timeout=10s;");
    expect(conf).toContain("server web:7800 max_fails=3 fail_timeout=10s;");
    expect(conf).not.toMatch(/\{\{[A-Z_]+\}\}/);
    expect(conf).not.toContain("brotli on");
    expect(renderConfig(s, { brotli: true, user: "www-data www-data" })).toMatch(
      /load_module .*brotli.*\n[\s\S]*brotli on;[\s\S]*brotli off;/,
    );
  });

  test("a bad value stops it with a sentence naming the variable", async () => {
    for (const [name, value] of [
      ["PROXY_PORT", "http"],
      ["WEB_UPSTREAMS", "localhost"],
      ["WEB_UPSTREAMS", "web:99999"],
    ] as const) {
      expect(() => proxySettings({ [name]: value })).toThrow(name);
      const proc = Bun.spawn(["bun", "scripts/proxy.ts"], {
        cwd: ROOT,
        env: { ...process.env, [name]: value },
        stdout: "pipe",
        stderr: "pipe",
      });
      expect(await proc.exited).toBe(1);
      expect(await new Response(proc.stderr).text()).toContain(name);
    }
  });
});

describe("in front of a stub upstream", () => {
  const dataRoot = mkdtempSync(join(tmpdir(), "pp-proxy-"));
  let stub: ReturnType<typeof Bun.serve> | undefined;
  let proxy: ProxyProc | undefined;

  beforeAll(async () => {
    stub = Bun.serve({
      port: freePort(),
      hostname: "127.0.0.1",
      fetch: (req) => {
        const path = new URL(req.url).pathname;
        const headers: Record<string, string> = { "content-type": "text/javascript;charset=utf-8", "cache-control": "public, max-age=60" };
        if (path === "/own-headers") Object.assign(headers, { "referrer-policy": "no-referrer", "x-frame-options": "SAMEORIGIN" });
        // Framing allowed to a registered LMS: a CSP and no X-Frame-Options (src/lti/frame.ts).
        if (path === "/framed") headers["content-security-policy"] = "frame-ancestors 'self' https://lms.example.edu";
        return new Response("console.log('hi');".repeat(40), { headers, status: path.endsWith("/missing") ? 404 : 200 });
      },
    });
    proxy = await startProxy(`127.0.0.1:${stub.port}`);
  });

  afterAll(async () => {
    await proxy?.stop();
    stub?.stop(true);
    rmSync(dataRoot, { recursive: true, force: true });
  });

  test("hashed names are immutable for a year; with ?v= the app's header passes; other static files revalidated", async () => {
    const get = async (path: string) => {
      const res = await fetch(proxy!.base + path);
      await res.arrayBuffer();
      return res.headers.get("cache-control");
    };
    expect(await get("/public/js/editor.3f9c2a1b.js")).toBe("public, max-age=31536000, immutable");
    expect(await get("/public/js/editor-3f9c2a1b04d5.min.js")).toBe("public, max-age=31536000, immutable");
    expect(await get("/public/js/editor.min.js")).toBe("public, no-cache");
    expect(await get("/public/vendor/htmx.min.js")).toBe("public, no-cache");
    // Only the app knows whether v is the file's current hash: its header (the stub's) passes.
    expect(await get("/public/vendor/htmx.min.js?v=0123abcd4567ef89")).toBe("public, max-age=60");
    expect(await get("/public/vendor/htmx.min.js?x=1")).toBe("public, no-cache");
    expect(await get("/public/css/app.9f8e7d6c5b4a.css")).toBe("public, max-age=31536000, immutable");
    // Outside /public/ the app's own header passes through.
    expect(await get("/anything")).toBe("public, max-age=60");
    // A missing static file is not kept by browsers.
    expect(await get("/public/missing")).toBeNull();
  });

  test("security headers: the app's own pass through; nginx adds them where missing", async () => {
    const headersOf = async (base: string, path: string) => {
      const res = await fetch(base + path);
      await res.arrayBuffer();
      return [
        res.status,
        res.headers.get("x-frame-options"),
        res.headers.get("x-content-type-options"),
        res.headers.get("referrer-policy"),
      ];
    };
    expect(await headersOf(proxy!.base, "/own-headers")).toEqual([200, "SAMEORIGIN", "nosniff", "no-referrer"]);
    expect(await headersOf(proxy!.base, "/missing")).toEqual([404, "DENY", "nosniff", "same-origin"]);
    expect((await headersOf(proxy!.base, "/framed"))[1]).toBeNull();
    // nginx's own error page, no web process answering:
    const down = await startProxy(`127.0.0.1:${freePort()}`);
    try {
      expect(await headersOf(down.base, "/")).toEqual([502, "DENY", "nosniff", "same-origin"]);
    } finally {
      await down.stop();
    }
  });

  test("X-Forwarded-Proto: https from a TLS terminator in front is passed on", async () => {
    const seen: (string | null)[] = [];
    const echo = Bun.serve({
      port: freePort(),
      hostname: "127.0.0.1",
      fetch: (req) => {
        seen.push(req.headers.get("x-forwarded-proto"));
        return new Response("ok");
      },
    });
    const p = await startProxy(`127.0.0.1:${echo.port}`);
    try {
      await (await fetch(p.base + "/a")).text();
      await (await fetch(p.base + "/b", { headers: { "x-forwarded-proto": "https" } })).text();
      await (await fetch(p.base + "/c", { headers: { "x-forwarded-proto": "gopher" } })).text();
      expect(seen).toEqual(["http", "https", "http"]);
    } finally {
      await p.stop();
      echo.stop(true);
    }
  });

  test("an upstream given by name (as in Docker: web:7800) works", async () => {
    const p = await startProxy(`localhost:${stub!.port}`);
    try {
      expect((await fetch(`${p.base}/public/x.js`)).status).toBe(200);
    } finally {
      await p.stop();
    }
  });

  test("a port already in use: nginx's error, exit status 1, never 'listening'", async () => {
    const busy = Bun.serve({ port: 0, fetch: () => new Response("busy") });
    try {
      const proc = Bun.spawn(["bun", "scripts/proxy.ts"], {
        cwd: ROOT,
        env: {
          ...process.env,
          PROXY_PORT: String(busy.port),
          WEB_UPSTREAMS: `127.0.0.1:${stub!.port}`,
          PROXY_DATA_DIR: join(dataRoot, "busy"),
        },
        stdout: "pipe",
        stderr: "pipe",
      });
      expect(await proc.exited).not.toBe(0);
      const out = (await new Response(proc.stdout).text()) + (await new Response(proc.stderr).text());
      expect(out).toContain("Address already in use");
      expect(out).not.toContain("proxy listening");
    } finally {
      busy.stop(true);
    }
  });

  test("stopping the script stops nginx", async () => {
    const p = await startProxy(`127.0.0.1:${stub!.port}`);
    const pid = p.nginxPid();
    expect(pid).toBeGreaterThan(0);
    expect(existsSync(`/proc/${pid}`)).toBe(true);
    const t0 = performance.now();
    p.proc.kill("SIGTERM");
    await p.proc.exited;
    expect(performance.now() - t0).toBeLessThan(11_000);
    for (let i = 0; i < 20 && existsSync(`/proc/${pid}`); i++) await Bun.sleep(100);
    expect(existsSync(`/proc/${pid}`)).toBe(false);
    await p.stop(); // removes its data directory
    expect(
      await fetch(p.base).then(
        () => "open",
        () => "closed",
      ),
    ).toBe("closed");
  });
});
