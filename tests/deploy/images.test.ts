// The images, as far as this machine can check them without a Docker engine: each image's
// file set is rebuilt from its Dockerfile (tests/deploy/dockerfile.ts: COPY with .dockerignore,
// COPY --from, the production `bun install`), and its own ENTRYPOINT + CMD and HEALTHCHECK
// run from there: web, grader (real sandbox) and proxy, one submission through all three.
import { afterAll, beforeAll, describe, expect, setDefaultTimeout, test } from "bun:test";
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import postgres from "postgres";
import { assignmentId, Client, unique } from "../helpers/app";
import { graded } from "../helpers/events";
import { type Child, freePort, spawnChild } from "../helpers/processes";
import { buildStage, env, execForm, last, parseDockerfile } from "./dockerfile";
import { type ProxyProc, startProxy } from "./proxy-process";

setDefaultTimeout(60_000);

const ROOT = join(import.meta.dir, "..", "..");
const out = mkdtempSync(join(tmpdir(), "pp-images-"));
chmodSync(out, 0o755); // the sandbox's uid reads grader/harness from here
const webPort = freePort();
const SECRET = "a-test-secret-of-enough-length";

interface Image {
  file: string;
  stage: string;
  dir: string;
}
const images: Record<"web" | "grader" | "proxy", Image> = {
  web: { file: "Dockerfile", stage: "web", dir: "" },
  grader: { file: "Dockerfile.grader", stage: "grader", dir: "" },
  proxy: { file: "Dockerfile", stage: "proxy", dir: "" },
};
let web: Child | undefined;
let grader: Child | undefined;
let proxy: ProxyProc | undefined;

const stagesOf = (img: Image) => parseDockerfile(readFileSync(join(ROOT, img.file), "utf8"));

/** ENTRYPOINT + CMD of the image, with /app mapped to its directory (tini is left out when absent). */
function command(img: Image): string[] {
  const stages = stagesOf(img);
  const entry = execForm(last(stages, img.stage, "ENTRYPOINT") ?? "[]");
  const cmd = execForm(last(stages, img.stage, "CMD")!);
  const argv = [...entry, ...cmd].map((a) => a.replace(/^\/app\//, `${img.dir}/`));
  return argv[0] === "/usr/bin/tini" && !existsSync("/usr/bin/tini") ? argv.slice(2) : argv;
}

/** The environment a container of the image gets: ours (test database, Redis prefix), its ENV, compose's values. */
function envFor(img: Image, extra: Record<string, string>): Record<string, string | undefined> {
  const own = Object.fromEntries(Object.entries(env(stagesOf(img), img.stage)).map(([k, v]) => [k, v.replace(/^\/app\//, `${img.dir}/`)]));
  return { ...process.env, ...own, LOG_LEVEL: "info", ...extra };
}

async function healthcheck(img: Image, extra: Record<string, string>): Promise<number> {
  const argv = execForm(last(stagesOf(img), img.stage, "HEALTHCHECK")!.replace(/^.*?\bCMD\s+/, ""));
  return Bun.spawn(argv, { cwd: img.dir, env: envFor(img, extra), stdout: "ignore", stderr: "ignore" }).exited;
}

beforeAll(async () => {
  for (const img of Object.values(images)) {
    img.dir = buildStage(ROOT, img.file, img.stage, join(out, `${img.file}-${img.stage}`));
  }
  web = spawnChild(command(images.web), {
    cwd: images.web.dir,
    env: envFor(images.web, { PORT: String(webPort), SESSION_SECRET: SECRET }),
    killAfterMs: 15_000,
  });
  grader = spawnChild(command(images.grader), { cwd: images.grader.dir, env: envFor(images.grader, {}), killAfterMs: 15_000 });
  await Promise.all([web.waitFor(/web listening/, 45_000), grader.waitFor(/grader started/, 45_000)]);
  proxy = await startProxy(`127.0.0.1:${webPort}`, { cwd: images.proxy.dir });
});

afterAll(async () => {
  await proxy?.stop();
  await Promise.all([web?.stop(), grader?.stop()]);
  rmSync(out, { recursive: true, force: true });
});

describe("what the images hold", () => {
  test("web: production packages, htmx from the postinstall, no tests or dev tools", () => {
    const dir = images.web.dir;
    expect(existsSync(join(dir, "public/vendor/htmx.min.js"))).toBe(true);
    expect(existsSync(join(dir, "public/vendor/hx-sse.min.js"))).toBe(true);
    expect(existsSync(join(dir, "node_modules/elysia"))).toBe(true);
    expect(existsSync(join(dir, "node_modules/@sinclair/typebox"))).toBe(true); // a peer elysia needs
    // typescript and @types are optional peers of elysia, which bun installs: removed.
    for (const absent of [
      "tests",
      "bench",
      ".git",
      "node_modules/playwright-core",
      "node_modules/drizzle-kit",
      "node_modules/typescript",
      "node_modules/@types",
      "node_modules/bun-types",
      "grader",
    ]) {
      expect(existsSync(join(dir, absent))).toBe(false);
    }
  });

  test("grader: its code and the harness without compiled caches, no web pages", () => {
    const dir = images.grader.dir;
    expect(existsSync(join(dir, "grader/harness/runner.py"))).toBe(true);
    expect(readdirSync(join(dir, "grader/harness")).includes("__pycache__")).toBe(false);
    for (const absent of ["views", "public", "tests", "node_modules/drizzle-kit", "node_modules/typescript", "node_modules/@types"])
      expect(existsSync(join(dir, absent))).toBe(false);
  });

  test("proxy: the script and the template only (no packages)", () => {
    expect(readdirSync(images.proxy.dir).sort()).toEqual(["deploy", "scripts"]);
  });
});

describe("the images run", () => {
  test("web: prestart, then the server; its HEALTHCHECK passes", async () => {
    expect(web!.lines.some((l) => l.includes("database ready"))).toBe(true);
    expect(await healthcheck(images.web, { PORT: String(webPort) })).toBe(0);
  });

  test("grader: bwrap sandbox with its own uid range; its HEALTHCHECK passes", async () => {
    const ready = JSON.parse(await grader!.waitFor(/sandbox ready/));
    if (ready.mode !== "bwrap") console.warn("bubblewrap does not work on this machine: the grader image ran in rlimit mode");
    expect(ready.uids[0]).toBeGreaterThanOrEqual(200_000_000); // deploy/grader-entrypoint.sh
    expect(await healthcheck(images.grader, {})).toBe(0);
    expect(await healthcheck(images.grader, { REDIS_PREFIX: `pp-none-${process.pid}:` })).toBe(1);
  });

  test("proxy: nginx from the proxy image's files; its HEALTHCHECK passes", async () => {
    expect(await healthcheck(images.proxy, { PROXY_PORT: String(proxy!.port) })).toBe(0);
  });

  test("a submission goes through all three: proxy -> web -> queue -> grader -> event stream", async () => {
    const c = Client.forUrl(proxy!.base);
    const res = await c.submit(await assignmentId(c, "hello"), unique("def hello():\n    return 'Hello'\n"));
    expect(res.status).toBe(202);
    const { id } = (await res.json()) as { id: number };
    expect(await graded(c, id)).toMatchObject({ status: "graded", outcome: "passed", correct: true });
    // Graded by the image's grader: the row names the worker that graded it.
    const worker = JSON.parse(await grader!.waitFor(/grader started/)).worker as string;
    const sql = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
    const [row] = await sql`select grader from submissions where id = ${id}`;
    await sql.end();
    expect(row?.grader).toBe(worker);
  });
});
