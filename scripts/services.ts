// Makes sure Postgres and Redis answer at their URLs. When one does not, starts it: with
// Docker Compose where a Docker engine runs it, else (or when that fails) the locally
// installed server binaries with their data under .data/; otherwise stops with a sentence
// saying what was tried, why each failed, and what to install.
import { chownSync, existsSync, mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";
import Redis from "ioredis";
import postgres from "postgres";
import type { Config } from "../src/config";

const ROOT = join(import.meta.dir, "..");
const DATA = join(ROOT, ".data");
const LOCAL = new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);

/** Why a service does not serve us; `answered`: a server is there but refused (a password, a database). */
interface Problem {
  why: string;
  answered: boolean;
}

/** Why Postgres does not answer at `url`, or undefined when it does. */
async function pgProblem(url: string): Promise<Problem | undefined> {
  const sql = postgres(url, { max: 1, connect_timeout: 2, onnotice: () => {} });
  try {
    await sql`select 1`;
    return undefined;
  } catch (e) {
    // A SQLSTATE code means the server itself answered (e.g. 28P01, wrong password).
    const code = (e as { code?: unknown }).code;
    return { why: (e as Error).message || String(e), answered: typeof code === "string" && /^[0-9A-Z]{5}$/.test(code) };
  } finally {
    await sql.end({ timeout: 1 }).catch(() => {});
  }
}

/** Why Redis does not answer at `url`, or undefined when it does. */
async function redisProblem(url: string): Promise<Problem | undefined> {
  const r = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 2000 });
  r.on("error", () => {});
  try {
    await r.connect();
    await r.ping();
    return undefined;
  } catch (e) {
    // A reply error (NOAUTH, WRONGPASS) means a Redis server answered.
    return { why: (e as Error).message || String(e), answered: (e as Error).name === "ReplyError" };
  } finally {
    r.disconnect();
  }
}

const run = (argv: string[]) => Bun.spawnSync(argv, { stdout: "pipe", stderr: "pipe" });
const ok = (argv: string[]) => {
  try {
    return run(argv).exitCode === 0;
  } catch {
    return false;
  }
};

/** The newest installed PostgreSQL server binaries (Debian layout), if any. */
export function pgBin(): string | undefined {
  const base = "/usr/lib/postgresql";
  if (!existsSync(base)) return undefined;
  const versions = readdirSync(base).sort((a, b) => Number(b) - Number(a));
  for (const v of versions) if (existsSync(join(base, v, "bin", "pg_ctl"))) return join(base, v, "bin");
  return undefined;
}

/** Postgres refuses to run as root: its commands run as the `postgres` user when we are root. */
export const asPostgres = (): string[] =>
  process.getuid?.() === 0 ? ["setpriv", "--reuid=postgres", "--regid=postgres", "--init-groups", "--"] : [];

/** Hands a data directory to the `postgres` user when we are root. */
export function ownByPostgres(dir: string): void {
  if (process.getuid?.() !== 0) return;
  const id = (flag: string) => Number(Bun.spawnSync(["id", flag, "postgres"]).stdout.toString());
  chownSync(dir, id("-u"), id("-g"));
}

/** Starts the local server binaries; returns why it could not, or undefined. */
function startLocalPostgres(port: string): string | undefined {
  const bin = pgBin();
  if (!bin) return "no PostgreSQL server binaries under /usr/lib/postgresql";
  const dir = join(DATA, "postgres");
  const asUser = asPostgres();
  mkdirSync(DATA, { recursive: true });
  if (!existsSync(join(dir, "PG_VERSION"))) {
    mkdirSync(dir, { recursive: true });
    ownByPostgres(dir);
    if (!ok([...asUser, join(bin, "initdb"), "-D", dir, "-U", "postgres", "--auth=trust"])) return `initdb failed in ${dir}`;
  }
  const started = ok([...asUser, join(bin, "pg_ctl"), "-D", dir, "-l", join(dir, "server.log"), "-o", `-p ${port} -k /tmp`, "-w", "start"]);
  return started ? undefined : `pg_ctl could not start it on port ${port} (see ${join(dir, "server.log")})`;
}

function startLocalRedis(port: string): string | undefined {
  if (!Bun.which("redis-server")) return "no redis-server on PATH";
  const dir = join(DATA, "redis");
  mkdirSync(dir, { recursive: true });
  const started = ok([
    "redis-server",
    "--port",
    port,
    "--bind",
    "127.0.0.1",
    "--dir",
    dir,
    "--daemonize",
    "yes",
    "--save",
    "",
    "--appendonly",
    "no",
    "--logfile",
    join(dir, "redis.log"),
  ]);
  return started ? undefined : `redis-server could not start on port ${port} (see ${join(dir, "redis.log")})`;
}

/** Starts one service of compose.yml; returns why it could not, or undefined. */
function composeUp(service: string): string | undefined {
  if (!Bun.which("docker")) return "no docker command";
  if (!ok(["docker", "info"])) return "the Docker engine does not answer";
  const r = run(["docker", "compose", "-f", join(ROOT, "compose.yml"), "up", "-d", service]);
  if (r.exitCode === 0) return undefined;
  const last = r.stderr.toString().trim().split("\n").at(-1) ?? "";
  return `docker compose up ${service} failed (${last})`;
}

async function waitFor(check: () => Promise<boolean>, seconds: number): Promise<boolean> {
  for (let i = 0; i < seconds * 4; i++) {
    if (await check()) return true;
    await Bun.sleep(250);
  }
  return false;
}

interface Service {
  name: string;
  url: URL;
  problem: () => Promise<Problem | undefined>;
  compose: string;
  startLocal: (port: string) => string | undefined;
  defaultPort: string;
  install: string;
  variable: string;
  seconds: number;
}

/** Tries Compose, then the local binaries; returns undefined once it answers, else what was tried. */
async function start(s: Service): Promise<string | undefined> {
  const tried: string[] = [];
  const answers = () => waitFor(async () => (await s.problem()) === undefined, s.seconds);
  const viaCompose = composeUp(s.compose);
  if (viaCompose === undefined) {
    if (await answers()) return undefined;
    tried.push(`Docker Compose started it, but it did not answer within ${s.seconds} s`);
  } else tried.push(`Docker Compose: ${viaCompose}`);
  if (LOCAL.has(s.url.hostname)) {
    const local = s.startLocal(s.url.port || s.defaultPort);
    if (local === undefined) {
      if (await answers()) return undefined;
      tried.push(`the local server started, but it did not answer within ${s.seconds} s`);
    } else tried.push(`local server: ${local}`);
  } else tried.push(`not started locally: ${s.url.hostname} is not this machine`);
  return tried.join("; ");
}

/** Returns when both answer; otherwise exits with a sentence saying what was tried and what to install. */
export async function ensureServices(config: Pick<Config, "databaseUrl" | "redisUrl">): Promise<void> {
  const services: Service[] = [
    {
      name: "PostgreSQL",
      url: new URL(config.databaseUrl),
      problem: () => pgProblem(config.databaseUrl),
      compose: "postgres",
      startLocal: startLocalPostgres,
      defaultPort: "5432",
      install: "apt-get install postgresql",
      variable: "DATABASE_URL",
      seconds: 30,
    },
    {
      name: "Redis",
      url: new URL(config.redisUrl),
      problem: () => redisProblem(config.redisUrl),
      compose: "redis",
      startLocal: startLocalRedis,
      defaultPort: "6379",
      install: "apt-get install redis-server",
      variable: "REDIS_URL",
      seconds: 15,
    },
  ];
  for (const s of services) {
    const problem = await s.problem();
    if (problem === undefined) continue;
    if (problem.answered) {
      // Starting another server on its port cannot help.
      console.error(
        `${s.name} at ${s.url.host} answers but refuses us (${problem.why}). Set ${s.variable} with the right user and password.`,
      );
      process.exit(1);
    }
    const tried = await start(s);
    if (tried === undefined) continue;
    console.error(
      `${s.name} does not answer at ${s.url.host} (${problem.why}). Tried: ${tried}. ` +
        `Install it (${s.install}) or Docker, or set ${s.variable} to a running server.`,
    );
    process.exit(1);
  }
}
