// `bun run proxy`: the production nginx (deploy/nginx.conf.template) in front of the web
// process(es), in the foreground until stopped. The `proxy` service of compose.prod.yml runs
// this same script, so the config tested here is the one deployed. Standalone on purpose (no
// packages, no src/ imports): the proxy image holds only this file and deploy/.
//
//   PROXY_PORT      port nginx listens on [8080]
//   WEB_UPSTREAMS   web processes, "host:port,host:port" [127.0.0.1:$PORT, PORT default 7800]
//   PROXY_DATA_DIR  rendered config, pid, temp files and cache [.data/nginx]

import { lookup } from "node:dns/promises";
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from "node:fs";
import { isIP } from "node:net";
import { join, resolve } from "node:path";

const ROOT = join(import.meta.dir, "..");
const TEMPLATE = join(ROOT, "deploy", "nginx.conf.template");
const BROTLI_MODULE = "/usr/lib/nginx/modules/ngx_http_brotli_filter_module.so";
/** How often hostnames among the upstreams are resolved again (Docker replicas come and go). */
const DNS_REFRESH_MS = 10_000;

type Env = Record<string, string | undefined>;

export interface ProxySettings {
  port: number;
  upstreams: { host: string; port: number }[];
  dataDir: string;
}

class ProxyConfigError extends Error {}

function portNumber(name: string, raw: string): number {
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < 1 || n > 65535) throw new ProxyConfigError(`${name} must be a port from 1 to 65535, got "${raw}".`);
  return n;
}

export function proxySettings(env: Env = process.env): ProxySettings {
  const port = portNumber("PROXY_PORT", env.PROXY_PORT || "8080");
  const list = env.WEB_UPSTREAMS || `127.0.0.1:${env.PORT || "7800"}`;
  const upstreams = list
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .map((entry) => {
      const m = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+):(\d+)$/.exec(entry);
      if (!m) throw new ProxyConfigError(`WEB_UPSTREAMS must be a comma-separated list of host:port, got "${entry}".`);
      return { host: m[1]!, port: portNumber("WEB_UPSTREAMS", m[2]!) };
    });
  if (upstreams.length === 0) throw new ProxyConfigError("WEB_UPSTREAMS must name at least one host:port.");
  return { port, upstreams, dataDir: resolve(ROOT, env.PROXY_DATA_DIR || ".data/nginx") };
}

/** The user nginx's workers switch to when started as root (it chowns its temp and cache dirs). */
function workerUser(): string | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const passwd = readFileSync("/etc/passwd", "utf8");
  if (/^www-data:/m.test(passwd)) return "www-data www-data";
  return /^nogroup:/m.test(readFileSync("/etc/group", "utf8")) ? "nobody nogroup" : "nobody";
}

export function renderConfig(
  s: ProxySettings,
  opts: { brotli: boolean; user?: string; accessLog?: string },
  template = readFileSync(TEMPLATE, "utf8"),
): string {
  if (s.dataDir.includes('"')) throw new ProxyConfigError("PROXY_DATA_DIR may not contain a double quote.");
  const values: Record<string, string> = {
    USER: opts.user ? `user ${opts.user};` : "# not started as root: the workers run as the current user",
    DATA: s.dataDir,
    MODULES: opts.brotli
      ? `load_module ${BROTLI_MODULE};`
      : "# brotli: module not installed (apt-get install libnginx-mod-http-brotli-filter)",
    BROTLI: opts.brotli
      ? "brotli on;\n    brotli_comp_level 5;\n    brotli_min_length 256;\n    brotli_types text/css text/javascript application/javascript application/json application/manifest+json image/svg+xml text/plain text/xml application/xml;"
      : "# brotli: not available in this nginx",
    BROTLI_OFF: opts.brotli ? "brotli off;" : "",
    ACCESS_LOG: opts.accessLog ?? join(s.dataDir, "access.log"),
    LISTEN: `listen ${s.port};`,
    UPSTREAM_SERVERS: s.upstreams.map((u) => `server ${u.host}:${u.port} max_fails=3 fail_timeout=10s;`).join("\n        "),
  };
  const out = template.replace(/\{\{([A-Z_]+)\}\}/g, (whole, name: string) => {
    const v = values[name];
    if (v === undefined) throw new ProxyConfigError(`deploy/nginx.conf.template: unknown placeholder ${whole}`);
    return v;
  });
  return out;
}

/** stdout when nginx can open it (a terminal, a file, Docker's pipe; not a socket), else a file. */
function accessLog(dataDir: string): string {
  try {
    closeSync(openSync("/dev/stdout", "a"));
    return "/dev/stdout";
  } catch {
    return join(dataDir, "access.log");
  }
}

const which = (cmd: string) => Bun.which(cmd, { PATH: `${process.env.PATH ?? ""}:/usr/sbin:/sbin` });

/** nginx's path; installs the Debian package when missing and allowed (root with apt-get). */
export function findNginx(): string {
  let nginx = which("nginx");
  if (!nginx && process.getuid?.() === 0 && which("apt-get")) {
    console.error("nginx is not installed: installing the Debian package (apt-get install nginx) ...");
    // RUNLEVEL=1: the package's scripts must not start a system nginx on port 80.
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive", RUNLEVEL: "1" };
    Bun.spawnSync(["apt-get", "update", "-qq"], { env, stdout: "ignore", stderr: "inherit" });
    Bun.spawnSync(["apt-get", "install", "-y", "-qq", "--no-install-recommends", "nginx"], { env, stdout: "ignore", stderr: "inherit" });
    nginx = which("nginx");
  }
  if (!nginx) throw new ProxyConfigError("nginx is not installed: install it (apt-get install nginx) and run `bun run proxy` again.");
  return nginx;
}

/** Renders the config under the data directory and checks it with `nginx -t`. */
export function prepare(s: ProxySettings, nginx: string): string {
  for (const dir of ["", "tmp", "cache"]) mkdirSync(join(s.dataDir, dir), { recursive: true });
  chmodSync(s.dataDir, 0o755); // the workers (another user when started as root) reach tmp/ and cache/
  const pidFile = join(s.dataDir, "nginx.pid");
  if (existsSync(pidFile)) {
    const pid = Number(readFileSync(pidFile, "utf8").trim());
    const comm = pid > 0 && existsSync(`/proc/${pid}/comm`) ? readFileSync(`/proc/${pid}/comm`, "utf8").trim() : "";
    if (comm === "nginx") throw new ProxyConfigError(`another nginx (pid ${pid}) runs from ${s.dataDir}: stop it, or set PROXY_DATA_DIR.`);
  }
  const config = join(s.dataDir, "nginx.conf");
  writeFileSync(config, renderConfig(s, { brotli: existsSync(BROTLI_MODULE), user: workerUser(), accessLog: accessLog(s.dataDir) }));
  const test = Bun.spawnSync([nginx, "-t", "-q", "-e", "stderr", "-p", `${s.dataDir}/`, "-c", config], {
    stdout: "inherit",
    stderr: "pipe",
  });
  if (test.exitCode !== 0) throw new ProxyConfigError(`nginx rejected ${config}:\n${test.stderr.toString().trim()}`);
  return config;
}

/** nginx writes its pid file once its sockets are bound; then the port must answer. */
async function started(pid: number, pidFile: string, port: number): Promise<boolean> {
  const own = existsSync(pidFile) && Number(readFileSync(pidFile, "utf8").trim()) === pid;
  if (!own) return false;
  try {
    const socket = await Bun.connect({ hostname: "127.0.0.1", port, socket: { data() {} } });
    socket.end();
    return true;
  } catch {
    return false;
  }
}

/** The upstreams given by name: nginx resolves them only when it loads its config. */
function hostnames(s: ProxySettings): string[] {
  return s.upstreams.map((u) => u.host).filter((h) => !isIP(h.replace(/^\[|\]$/g, "")));
}

async function resolveAll(names: string[]): Promise<string> {
  const found = await Promise.all(
    names.map((h) =>
      lookup(h, { all: true }).then(
        (a) => a.map((x) => x.address).sort(),
        () => [],
      ),
    ),
  );
  return JSON.stringify(found);
}

async function main(): Promise<number> {
  const s = proxySettings();
  const nginx = findNginx();
  const config = prepare(s, nginx);
  const proc = Bun.spawn([nginx, "-e", "stderr", "-p", `${s.dataDir}/`, "-c", config], { stdio: ["ignore", "inherit", "inherit"] });

  let stops = 0;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      // First: graceful (open requests finish, streams get worker_shutdown_timeout); then at once.
      proc.kill(stops++ === 0 ? "SIGQUIT" : "SIGTERM");
    });
  }
  process.on("SIGHUP", () => proc.kill("SIGHUP"));

  const pidFile = join(s.dataDir, "nginx.pid");
  for (let i = 0; i < 100 && proc.exitCode === null && !(await started(proc.pid, pidFile, s.port)); i++) await Bun.sleep(100);
  if (proc.exitCode === null) {
    const to = s.upstreams.map((u) => `${u.host}:${u.port}`).join(", ");
    console.log(`proxy listening on http://localhost:${s.port} -> ${to} (nginx config ${config})`);
  }

  // Docker gives replicas new addresses when they restart or scale: reload nginx when the
  // answer for a hostname changes (a reload re-resolves; open connections are kept).
  const names = hostnames(s);
  let known = await resolveAll(names);
  const timer =
    names.length === 0
      ? undefined
      : setInterval(async () => {
          const now = await resolveAll(names);
          if (now !== known && proc.exitCode === null) {
            known = now;
            console.error("proxy: upstream addresses changed, reloading nginx");
            proc.kill("SIGHUP");
          }
        }, DNS_REFRESH_MS);
  const code = await proc.exited;
  clearInterval(timer);
  return code;
}

if (import.meta.main) {
  try {
    process.exit(await main());
  } catch (e) {
    if (!(e instanceof ProxyConfigError)) throw e;
    console.error(`proxy: ${e.message}`);
    process.exit(1);
  }
}
