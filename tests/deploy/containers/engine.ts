// A Docker engine and Compose v2 for the container tests, installed and started when missing
// (`bun tests/deploy/containers/engine.ts` does the same from .ci/run). Everything comes from
// Debian's package archive: the engine is Debian 12's `docker.io`; Compose v2 is Debian 13's
// `docker-compose` package, a static CLI plugin (Debian 12's own `docker-compose` is v1, which
// cannot read our files). There is no systemd here: dockerd is started by hand.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

type Run = { ok: boolean; out: string };
function run(argv: string[], env: Record<string, string | undefined> = process.env): Run {
  try {
    const r = Bun.spawnSync(argv, { stdout: "pipe", stderr: "pipe", env });
    return { ok: r.exitCode === 0, out: r.stdout.toString() + r.stderr.toString() };
  } catch (e) {
    return { ok: false, out: String(e) };
  }
}

const engineAnswers = () => run(["docker", "info", "--format", "{{.ServerVersion}}"]).ok;
const composeWorks = () => /v?2\.\d+/.test(run(["docker", "compose", "version", "--short"]).out);

function aptInstall(packages: string[]): void {
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const update = run(["apt-get", "update", "-qq"], env);
  if (!update.ok) throw new Error(`apt-get update failed:\n${update.out}`);
  const r = run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", ...packages], env);
  if (!r.ok) throw new Error(`apt-get install ${packages.join(" ")} failed:\n${r.out}`);
}

/** Debian 13's docker-compose .deb, fetched with apt from a source list of its own (the system's stays as it is). */
function installCompose(): void {
  const dir = mkdtempSync(join(tmpdir(), "pp-compose-deb-"));
  try {
    mkdirSync(join(dir, "lists", "partial"), { recursive: true });
    mkdirSync(join(dir, "cache", "archives", "partial"), { recursive: true });
    writeFileSync(
      join(dir, "sources.list"),
      "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian trixie main\n",
    );
    const opts = [
      "-o",
      `Dir::Etc::sourcelist=${join(dir, "sources.list")}`,
      "-o",
      "Dir::Etc::sourceparts=-",
      "-o",
      `Dir::State::Lists=${join(dir, "lists")}`,
      "-o",
      `Dir::Cache=${join(dir, "cache")}`,
      "-o",
      "APT::Sandbox::User=root",
    ];
    const steps = [
      run(["apt-get", ...opts, "update", "-qq"]),
      run(["sh", "-c", `cd '${dir}' && apt-get "$@" download docker-compose`, "sh", ...opts]),
      run(["sh", "-c", `dpkg -i '${dir}'/docker-compose_*.deb`]),
    ];
    const failed = steps.find((s) => !s.ok);
    if (failed) throw new Error(`installing Compose v2 (Debian 13's docker-compose) failed:\n${failed.out}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function startDaemon(): Promise<void> {
  const log = "/var/log/pypractice-dockerd.log";
  Bun.spawn(["sh", "-c", `exec dockerd >>${log} 2>&1`], { stdio: ["ignore", "ignore", "ignore"] }).unref();
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (engineAnswers()) return;
    await Bun.sleep(500);
  }
  throw new Error(`dockerd did not answer within 60 s; see ${log}`);
}

/** Makes sure `docker` talks to a running engine and `docker compose` is v2; says what it did. */
export async function ensureEngine(): Promise<string[]> {
  const did: string[] = [];
  if (process.platform !== "linux") throw new Error("the container tests need Linux");
  const missing = [
    !Bun.which("dockerd") && "docker.io",
    !Bun.which("mmdebstrap") && "mmdebstrap", // stand-in base images (tests/deploy/containers/standins.ts)
  ].filter(Boolean) as string[];
  if (missing.length > 0) {
    aptInstall(missing);
    did.push(`installed ${missing.join(", ")}`);
  }
  if (!composeWorks()) {
    installCompose();
    did.push("installed Compose v2 (Debian 13's docker-compose)");
  }
  if (!engineAnswers()) {
    await startDaemon();
    did.push("started dockerd");
  }
  return did;
}

if (import.meta.main) {
  const started = performance.now();
  const did = await ensureEngine();
  const what = did.length > 0 ? did.join("; ") : "already there";
  console.log(`docker engine and compose v2: ${what} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
}
