// The compose files and Dockerfiles, read and checked (no Docker engine runs here; the
// images' file sets are run for real in images.test.ts).
import { afterAll, describe, expect, test } from "bun:test";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chain, execForm, ignoreMatcher, last, parseDockerfile } from "./dockerfile";

const ROOT = join(import.meta.dir, "..", "..");
const read = (f: string) => readFileSync(join(ROOT, f), "utf8");

interface Service {
  image?: string;
  build?: { context: string; dockerfile?: string; target?: string };
  command?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  volumes?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  restart?: string;
  privileged?: boolean;
  security_opt?: string[];
  stop_grace_period?: string;
  deploy?: { replicas?: string | number; resources?: { limits?: { cpus?: string; memory?: string; pids?: number } } };
}
interface ComposeFile {
  name?: string;
  services: Record<string, Service>;
  volumes?: Record<string, unknown>;
}

const dev = Bun.YAML.parse(read("compose.yml")) as ComposeFile;
const prod = Bun.YAML.parse(read("compose.prod.yml")) as ComposeFile;
const RELAXED = /^(seccomp|apparmor|systempaths)=/;

/** `docker compose` (v2) or `docker-compose` (v1, which predates the top-level `name`), if installed. */
function composeCli(): { argv: string[]; v1: boolean } | undefined {
  const works = (argv: string[]) => {
    try {
      return Bun.spawnSync(argv, { stdout: "ignore", stderr: "ignore" }).exitCode === 0;
    } catch {
      return false;
    }
  };
  if (works(["docker", "compose", "version"])) return { argv: ["docker", "compose"], v1: false };
  if (Bun.which("docker-compose") && works(["docker-compose", "version"])) return { argv: ["docker-compose"], v1: true };
  return undefined;
}
const cli = composeCli();

describe.each([
  ["compose.yml", dev],
  ["compose.prod.yml", prod],
] as const)("%s", (_file, compose) => {
  const services = Object.entries(compose.services);

  test("postgres, redis, web and grader", () => {
    for (const name of ["postgres", "redis", "web", "grader"]) expect(compose.services[name]).toBeDefined();
  });

  test("nothing privileged, no Docker socket", () => {
    for (const [, s] of services) {
      expect(s.privileged).toBeUndefined();
      for (const v of s.volumes ?? []) expect(v).not.toContain("docker.sock");
      expect(JSON.stringify(s)).not.toMatch(/docker\.sock|privileged|cap_add|SYS_ADMIN/);
    }
  });

  test("seccomp/AppArmor/systempaths relaxed on the grader only, all three there", () => {
    for (const [name, s] of services) {
      const relaxed = (s.security_opt ?? []).filter((o) => RELAXED.test(o)).sort();
      expect(relaxed).toEqual(name === "grader" ? ["apparmor=unconfined", "seccomp=unconfined", "systempaths=unconfined"] : []);
    }
  });

  test("Postgres keeps its data in a named volume", () => {
    expect(compose.services.postgres!.volumes).toContain("pgdata:/var/lib/postgresql/data");
    expect(Object.keys(compose.volumes ?? {})).toContain("pgdata");
  });

  test("every depends_on waits for a healthy service, and that service has a health check", () => {
    for (const [, s] of services) {
      for (const [dep, cond] of Object.entries(s.depends_on ?? {})) {
        expect(cond.condition).toBe("service_healthy");
        expect(compose.services[dep]?.healthcheck?.test?.length).toBeGreaterThan(0);
      }
    }
    expect(Object.keys(compose.services.web!.depends_on!).sort()).toEqual(["postgres", "redis"]);
    expect(Object.keys(compose.services.grader!.depends_on!)).toContain("web"); // web's start migrates
  });

  test("the services that build use targets that exist", () => {
    for (const [, s] of services) {
      if (!s.build) continue;
      const stages = parseDockerfile(read(s.build.dockerfile ?? "Dockerfile")).map((st) => st.name);
      expect(stages).toContain(s.build.target!);
    }
  });
});

// The real Compose implementation's validation (schema, interpolation), where it is installed:
// `config` needs no Docker engine. An empty --env-file keeps a developer's .env out of it.
describe.if(!!cli)("docker compose config", () => {
  const dir = mkdtempSync(join(tmpdir(), "pp-compose-"));
  const empty = join(dir, "empty.env");
  writeFileSync(empty, "");
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const config = (file: string, env: Record<string, string>) => {
    const text = cli!.v1 ? read(file).replace(/^name:.*$/m, "") : read(file);
    const r = Bun.spawnSync([...cli!.argv, "--project-directory", ROOT, "--env-file", empty, "-f", "-", "config", "-q"], {
      stdin: new TextEncoder().encode(text),
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/root", ...env },
      stdout: "pipe",
      stderr: "pipe",
    });
    return { ok: r.exitCode === 0, stderr: r.stderr.toString() };
  };

  test("compose.yml is valid as it is", () => {
    const r = config("compose.yml", {});
    expect(r.stderr).toBe("");
    expect(r.ok).toBe(true);
  });

  test("compose.prod.yml is valid with its required variables, and refuses to start without them", () => {
    const secrets = { SESSION_SECRET: "0123456789abcdef0123", POSTGRES_PASSWORD: "pw" };
    expect(config("compose.prod.yml", secrets)).toEqual({ ok: true, stderr: "" });
    for (const name of Object.keys(secrets)) {
      const r = config("compose.prod.yml", { ...secrets, [name]: "" });
      expect(r.ok).toBe(false);
      expect(r.stderr).toContain(`set ${name} in .env`);
    }
  });
});

describe("compose.yml (development)", () => {
  const s = dev.services;

  test("web and grader run with --watch on the bind-mounted source", () => {
    expect(s.web!.command!.join(" ")).toContain("bun --watch src/server.ts");
    expect(s.grader!.command).toEqual(["bun", "--watch", "grader/main.ts"]);
    expect(s.web!.volumes).toContain(".:/app");
    expect(s.grader!.volumes).toContain(".:/app");
  });

  test("ports published: the app, and Postgres/Redis where `bun run dev` looks for them", () => {
    expect(s.web!.ports).toContain("7800:7800");
    expect(s.postgres!.ports).toContain("127.0.0.1:5432:5432");
    expect(s.redis!.ports).toContain("127.0.0.1:6379:6379");
  });
});

describe("compose.prod.yml (production)", () => {
  const s = prod.services;
  const all = Object.entries(s);

  test("no watch, no source mounts", () => {
    expect(read("compose.prod.yml")).not.toContain("--watch");
    for (const [, svc] of all) for (const v of svc.volumes ?? []) expect(v).not.toMatch(/^\.{1,2}\//);
    for (const [, svc] of all) for (const v of svc.volumes ?? []) expect(v.startsWith(".:")).toBe(false);
  });

  test("restart: unless-stopped everywhere, and a health check everywhere", () => {
    for (const [, svc] of all) {
      expect(svc.restart).toBe("unless-stopped");
      expect(svc.healthcheck?.test?.length).toBeGreaterThan(0);
    }
  });

  test("graders: replicas from GRADERS (default 2), memory, CPU and pids limits, a grace period", () => {
    const g = s.grader!;
    expect(g.stop_grace_period).toBe("30s");
    expect(g.deploy!.replicas).toBe("${GRADERS:-2}");
    expect(g.deploy!.resources!.limits!.memory).toBeDefined();
    expect(g.deploy!.resources!.limits!.cpus).toBeDefined();
    expect(g.deploy!.resources!.limits!.pids).toBeGreaterThan(0);
    expect(g.environment!.GRADER_SANDBOX).toBe("${GRADER_SANDBOX:-bwrap}");
    expect(g.environment!.SESSION_SECRET).toBeUndefined();
  });

  test("web: WEB_REPLICAS (default 2) behind the proxy, SESSION_SECRET required", () => {
    expect(s.web!.deploy!.replicas).toBe("${WEB_REPLICAS:-2}");
    expect(s.web!.environment!.NODE_ENV).toBe("production");
    expect(s.web!.environment!.SESSION_SECRET).toMatch(/^\$\{SESSION_SECRET:\?.+\}$/);
    expect(s.web!.ports).toBeUndefined();
    expect(s.proxy!.environment!.WEB_UPSTREAMS).toBe("web:7800");
    expect(s.proxy!.build!.target).toBe("proxy");
    expect(s.proxy!.depends_on!.web!.condition).toBe("service_healthy");
  });

  test("only the proxy publishes a port", () => {
    for (const [name, svc] of all) expect(name === "proxy" || svc.ports === undefined).toBe(true);
    expect(s.proxy!.ports).toEqual(["${HTTP_PORT:-80}:8080"]);
  });

  test("every variable the files use is documented in .env.example", () => {
    const documented = read(".env.example");
    const used = new Set(
      [...read("compose.prod.yml").matchAll(/\$\{(\w+)/g), ...read("compose.yml").matchAll(/\$\{(\w+)/g)].map((m) => m[1]!),
    );
    for (const name of used) expect(documented).toMatch(new RegExp(`^# ${name}=`, "m"));
  });
});

describe("Dockerfiles", () => {
  const web = parseDockerfile(read("Dockerfile"));
  const grader = parseDockerfile(read("Dockerfile.grader"));

  test("the official Bun image, Debian flavour", () => {
    for (const stages of [web, grader]) expect(stages[0]!.from).toBe("oven/bun:${BUN_VERSION}-debian");
  });

  test("no `# syntax=` directive: BuildKit would fetch a frontend image from a registry before building", () => {
    for (const text of [read("Dockerfile"), read("Dockerfile.grader")]) expect(text).not.toMatch(/^#\s*syntax\s*=/im);
  });

  test("production install from the lockfile", () => {
    for (const text of [read("Dockerfile"), read("Dockerfile.grader")]) {
      expect(text).toContain("bun install --frozen-lockfile --production");
    }
  });

  test("tini as PID 1 and a HEALTHCHECK in every runnable image", () => {
    for (const [stages, name] of [
      [web, "web"],
      [web, "proxy"],
      [grader, "grader"],
    ] as const) {
      expect(execForm(last(stages, name, "ENTRYPOINT")!)[0]).toBe("/usr/bin/tini");
      expect(last(stages, name, "HEALTHCHECK")).toContain("deploy/healthcheck.ts");
    }
  });

  test("web and proxy run unprivileged; the grader stays root in its container", () => {
    expect(last(web, "web", "USER")).toBe("bun");
    expect(last(web, "proxy", "USER")).toBe("bun");
    expect(last(grader, "grader", "USER")).toBe("root");
  });

  test("the default target of each Dockerfile is its production image", () => {
    expect(web.at(-1)!.name).toBe("web");
    expect(grader.at(-1)!.name).toBe("grader");
  });

  test("the grader image has python3 and bubblewrap", () => {
    const apt = chain(grader, "grader")
      .flatMap((s) => s.body)
      .filter((i) => i.op === "RUN")
      .map((i) => i.args)
      .join(" ");
    expect(apt).toContain("python3");
    expect(apt).toContain("bubblewrap");
  });

  test(".dockerignore keeps local state out of the build", () => {
    const ignored = ignoreMatcher(ROOT);
    for (const p of [
      ".git",
      ".env",
      ".env.local",
      "node_modules/elysia/package.json",
      "public/vendor/htmx.min.js",
      "grader/harness/__pycache__/x.pyc",
      ".data/nginx/nginx.conf",
      "tests/setup.ts",
    ]) {
      expect(ignored(p)).toBe(true);
    }
    for (const p of [
      ".env.example",
      "src/app.ts",
      "grader/harness/runner.py",
      "public/css/app.css",
      "bun.lock",
      "deploy/nginx.conf.template",
    ]) {
      expect(ignored(p)).toBe(false);
    }
  });
});
