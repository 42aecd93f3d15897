// scripts/services.ts as `bun run dev` and the test preload use it: a service that does not
// answer is started (Compose, else the local binaries), and when nothing works the message
// says what was tried and why each attempt failed.
import { afterAll, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "../helpers/processes";

const ROOT = join(import.meta.dir, "..", "..");
const bin = mkdtempSync(join(tmpdir(), "pp-services-bin-"));
afterAll(() => rmSync(bin, { recursive: true, force: true }));

/** ensureServices in a process of its own whose PATH has only `tools` (no docker unless given). */
function ensure(databaseUrl: string, redisUrl: string, tools: string[]) {
  for (const t of tools) symlinkSync(Bun.which(t)!, join(bin, t));
  const code = `import { ensureServices } from "${ROOT}/scripts/services";
await ensureServices({ databaseUrl: ${JSON.stringify(databaseUrl)}, redisUrl: ${JSON.stringify(redisUrl)} });`;
  const r = Bun.spawnSync([process.execPath, "-e", code], { env: { PATH: bin, HOME: process.env.HOME }, stdout: "pipe", stderr: "pipe" });
  for (const t of tools) rmSync(join(bin, t));
  return { code: r.exitCode, stderr: r.stderr.toString() };
}

describe("starting services", () => {
  test("Compose unavailable: Redis is started from the local binaries", () => {
    const port = freePort();
    try {
      const r = ensure(process.env.DATABASE_URL!, `redis://127.0.0.1:${port}`, ["redis-server"]);
      expect(r).toEqual({ code: 0, stderr: "" });
      expect(
        Bun.spawnSync(["redis-cli", "-p", String(port), "ping"])
          .stdout.toString()
          .trim(),
      ).toBe("PONG");
    } finally {
      Bun.spawnSync(["redis-cli", "-p", String(port), "shutdown", "nosave"]);
    }
  });

  test("a server that answers but refuses (a wrong password): said so, nothing started", () => {
    const url = new URL(process.env.DATABASE_URL!);
    url.username = "no_such_user_pp";
    url.password = "wrong";
    const r = ensure(url.href, process.env.REDIS_URL ?? "redis://127.0.0.1:6379", ["redis-server"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`PostgreSQL at ${url.host} answers but refuses us (`);
    expect(r.stderr).toContain("Set DATABASE_URL with the right user and password.");
    expect(r.stderr).not.toContain("Tried:");
  });

  test("nothing works: one message with every attempt and why it failed", () => {
    const port = freePort();
    // 127.0.0.2 is loopback but not a host name we start servers for: nothing answers there.
    const r = ensure(`postgres://postgres@127.0.0.2:${port}/postgres`, process.env.REDIS_URL ?? "redis://127.0.0.1:6379", []);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`PostgreSQL does not answer at 127.0.0.2:${port} (`);
    expect(r.stderr).toContain("Tried: Docker Compose: no docker command; not started locally: 127.0.0.2 is not this machine.");
    expect(r.stderr).toContain("Install it (apt-get install postgresql) or Docker, or set DATABASE_URL to a running server.");
  });
});
