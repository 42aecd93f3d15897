// Makes sure Postgres and Redis answer at their URLs. When one does not, starts it:
// with Docker Compose where a Docker engine runs, else the locally installed server
// binaries with their data under .data/; otherwise stops with one sentence on what to install.
import { existsSync, mkdirSync, readdirSync, chownSync } from "node:fs";
import { join } from "node:path";
import postgres from "postgres";
import Redis from "ioredis";
import type { Config } from "../src/config";

const ROOT = join(import.meta.dir, "..");
const DATA = join(ROOT, ".data");
const LOCAL = new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);

async function pgAnswers(url: string): Promise<boolean> {
  const sql = postgres(url, { max: 1, connect_timeout: 2, onnotice: () => {} });
  try {
    await sql`select 1`;
    return true;
  } catch {
    return false;
  } finally {
    await sql.end({ timeout: 1 }).catch(() => {});
  }
}

async function redisAnswers(url: string): Promise<boolean> {
  const r = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 2000 });
  r.on("error", () => {});
  try {
    await r.connect();
    await r.ping();
    return true;
  } catch {
    return false;
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

function startLocalPostgres(port: string): boolean {
  const bin = pgBin();
  if (!bin) return false;
  const dir = join(DATA, "postgres");
  const asUser = asPostgres();
  mkdirSync(DATA, { recursive: true });
  if (!existsSync(join(dir, "PG_VERSION"))) {
    mkdirSync(dir, { recursive: true });
    ownByPostgres(dir);
    if (!ok([...asUser, join(bin, "initdb"), "-D", dir, "-U", "postgres", "--auth=trust"])) return false;
  }
  return ok([...asUser, join(bin, "pg_ctl"), "-D", dir, "-l", join(dir, "server.log"), "-o", `-p ${port} -k /tmp`, "-w", "start"]);
}

function startLocalRedis(port: string): boolean {
  if (!ok(["which", "redis-server"])) return false;
  const dir = join(DATA, "redis");
  mkdirSync(dir, { recursive: true });
  return ok(["redis-server", "--port", port, "--bind", "127.0.0.1", "--dir", dir, "--daemonize", "yes",
    "--save", "", "--appendonly", "no", "--logfile", join(dir, "redis.log")]);
}

const dockerWorks = () => ok(["docker", "info"]);

async function waitFor(check: () => Promise<boolean>, seconds: number): Promise<boolean> {
  for (let i = 0; i < seconds * 4; i++) {
    if (await check()) return true;
    await Bun.sleep(250);
  }
  return false;
}

/** Returns when both answer; otherwise exits with a sentence saying what to install. */
export async function ensureServices(config: Pick<Config, "databaseUrl" | "redisUrl">): Promise<void> {
  const pgUrl = new URL(config.databaseUrl);
  const redisUrl = new URL(config.redisUrl);
  const [pgUp, redisUp] = await Promise.all([pgAnswers(config.databaseUrl), redisAnswers(config.redisUrl)]);
  if (pgUp && redisUp) return;
  // Compose's services where a Docker engine runs them (it may not: no image and no registry),
  // else the local server binaries.
  const services = [!pgUp && "postgres", !redisUp && "redis"].filter(Boolean) as string[];
  const docker = dockerWorks() && ok(["docker", "compose", "-f", join(ROOT, "compose.yml"), "up", "-d", ...services]);
  if (!pgUp) {
    if (!docker && LOCAL.has(pgUrl.hostname)) startLocalPostgres(pgUrl.port || "5432");
    if (!(await waitFor(() => pgAnswers(config.databaseUrl), 30))) {
      console.error(`PostgreSQL does not answer at ${pgUrl.host}: install PostgreSQL (apt-get install postgresql) or Docker, or set DATABASE_URL to a running server.`);
      process.exit(1);
    }
  }
  if (!redisUp) {
    if (!docker && LOCAL.has(redisUrl.hostname)) startLocalRedis(redisUrl.port || "6379");
    if (!(await waitFor(() => redisAnswers(config.redisUrl), 15))) {
      console.error(`Redis does not answer at ${redisUrl.host}: install Redis (apt-get install redis-server) or Docker, or set REDIS_URL to a running server.`);
      process.exit(1);
    }
  }
}
