// Stand-ins for the public base images our files name (oven/bun, postgres, redis), built here
// from Debian's packages when an image is missing: no container registry is reachable from
// these machines, so nothing can be pulled. Test scaffolding only: operators pull the real
// images, and nothing in the files they use names a stand-in. Each stand-in carries the label
// org.pypractice.standin saying what it stands for; see standins/*.Dockerfile.
//
// The shared base is a Debian 12 root made by mmdebstrap, trusting the host's CA bundle (the
// usual set-up behind a TLS-intercepting proxy: TLS stays verified). Stand-ins are kept
// between runs like pulled images would be (one tag each, so the disk does not grow).
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const ROOT = join(import.meta.dir, "..", "..", "..");
const HERE = join(import.meta.dir, "standins");
export const STANDIN_BASE = "pypractice-standin/debian:bookworm";
const CA_BUNDLE = "/etc/ssl/certs/ca-certificates.crt";

function sh(argv: string[], opts: { cwd?: string; env?: Record<string, string | undefined> } = {}): string {
  const r = Bun.spawnSync(argv, { cwd: opts.cwd, env: opts.env ?? process.env, stdout: "pipe", stderr: "pipe" });
  if (r.exitCode !== 0) throw new Error(`${argv.join(" ")} failed (${r.exitCode}):\n${r.stdout}${r.stderr}`.slice(0, 8000));
  return r.stdout.toString();
}

export const imageExists = (tag: string) =>
  Bun.spawnSync(["docker", "image", "inspect", tag], { stdout: "ignore", stderr: "ignore" }).exitCode === 0;

/** The base images our Dockerfiles and compose files use, as they name them. */
export function baseImages(): string[] {
  const dockerfile = readFileSync(join(ROOT, "Dockerfile"), "utf8");
  const bunVersion = /^ARG BUN_VERSION=(\S+)/m.exec(dockerfile)?.[1];
  if (!bunVersion) throw new Error("Dockerfile has no ARG BUN_VERSION=");
  const images = new Set<string>();
  for (const file of ["Dockerfile", "Dockerfile.grader"]) {
    for (const m of readFileSync(join(ROOT, file), "utf8").matchAll(/^FROM\s+(\S+)/gm)) {
      const from = m[1]!.replace("${BUN_VERSION}", bunVersion);
      if (from.includes("/") || from.includes(":")) images.add(from);
    }
  }
  for (const file of ["compose.yml", "compose.prod.yml"]) {
    for (const m of readFileSync(join(ROOT, file), "utf8").matchAll(/^\s+image:\s*(\S+)/gm)) images.add(m[1]!);
  }
  return [...images].sort();
}

/** Builds with the host's network: the engine gives build containers no NAT here. */
function build(tag: string, dockerfile: string, context: string, args: Record<string, string> = {}): void {
  const buildArgs = Object.entries(args).flatMap(([k, v]) => ["--build-arg", `${k}=${v}`]);
  // The classic builder: it needs neither the buildx plugin nor a frontend image.
  sh(["docker", "build", "--network", "host", "-q", "-f", dockerfile, "-t", tag, ...buildArgs, context], {
    env: { ...process.env, DOCKER_BUILDKIT: "0" },
  });
}

function ensureBase(): void {
  if (imageExists(STANDIN_BASE)) return;
  const tar = join(mkdtempSync(join(tmpdir(), "pp-standin-")), "root.tar");
  try {
    sh([
      "mmdebstrap",
      "--quiet",
      "--variant=minbase",
      "--include=ca-certificates",
      `--customize-hook=copy-in ${CA_BUNDLE} /etc/ssl/certs`,
      "bookworm",
      tar,
      "http://deb.debian.org/debian",
    ]);
    sh(["docker", "import", "-c", 'CMD ["/bin/sh"]', tar, STANDIN_BASE]);
  } finally {
    rmSync(join(tar, ".."), { recursive: true, force: true });
  }
}

/** A build context: the stand-in's files, plus what it copies from the host. */
function context(extra: (dir: string) => void): string {
  const dir = mkdtempSync(join(tmpdir(), "pp-standin-ctx-"));
  for (const f of readdirSync(HERE)) copyFileSync(join(HERE, f), join(dir, f));
  extra(dir);
  return dir;
}

/** Bun's Linux x64 binary of exactly this version, from the npm package that ships it. */
function bunBinary(version: string, dir: string): void {
  sh(["npm", "pack", "--silent", `@oven/bun-linux-x64@${version}`, "--pack-destination", dir]);
  const tgz = readdirSync(dir).find((f) => f.endsWith(".tgz"))!;
  sh(["tar", "-xzf", tgz, "package/bin/bun"], { cwd: dir });
  sh(["mv", "package/bin/bun", "bun"], { cwd: dir });
  rmSync(join(dir, "package"), { recursive: true, force: true });
  rmSync(join(dir, tgz));
}

function buildStandin(image: string): void {
  const [repo, tag = "latest"] = image.split(":") as [string, string?];
  const recipe: Record<string, (dir: string) => void> = {
    "oven/bun": (dir) => {
      const version = /^[\d.]+/.exec(tag)?.[0];
      if (!version) throw new Error(`no Bun version in ${image}`);
      bunBinary(version, dir);
      build(image, join(dir, "bun.Dockerfile"), dir, { BUN_VERSION: version });
    },
    postgres: (dir) => build(image, join(dir, "postgres.Dockerfile"), dir),
    redis: (dir) => build(image, join(dir, "redis.Dockerfile"), dir),
  };
  const make = recipe[repo];
  if (!make) throw new Error(`no stand-in for ${image}: add one in tests/deploy/containers/standins/`);
  const dir = context(() => {});
  try {
    make(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Builds a stand-in for every base image that is missing; returns the ones it built. */
export function ensureBaseImages(): string[] {
  const missing = baseImages().filter((i) => !imageExists(i));
  if (missing.length > 0) ensureBase();
  for (const image of missing) buildStandin(image);
  return missing;
}

if (import.meta.main) {
  const started = performance.now();
  const built = ensureBaseImages();
  console.log(
    `base images: ${built.length > 0 ? `built stand-ins for ${built.join(", ")}` : "all present"} (${((performance.now() - started) / 1000).toFixed(1)} s)`,
  );
}
