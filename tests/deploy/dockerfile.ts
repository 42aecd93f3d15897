// No Docker engine runs here, so the tests read the Dockerfiles and rebuild an image's file
// set in a directory: COPY (honouring .dockerignore), COPY --from=<stage>, and the RUN lines
// of the stages that install packages. Stages `FROM base` take this machine as their base
// (Bun, python3, bubblewrap); the apt-get lines of `base` are not run.
import { cpSync, existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, join, relative } from "node:path";

export interface Instruction {
  op: string;
  args: string;
}
export interface Stage {
  name: string;
  from: string;
  body: Instruction[];
}

export function parseDockerfile(text: string): Stage[] {
  const lines = text.split("\n").filter((l) => !/^\s*#/.test(l));
  const joined = lines.join("\n").replace(/\\\n/g, " ");
  const stages: Stage[] = [];
  for (const line of joined.split("\n")) {
    const m = /^\s*([A-Za-z]+)\s+(.*)$/.exec(line);
    if (!m) continue;
    const op = m[1]!.toUpperCase();
    const args = m[2]!.trim();
    if (op === "FROM") {
      const f = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(args)!;
      stages.push({ name: f[2] ?? String(stages.length), from: f[1]!, body: [] });
    } else if (stages.length) {
      stages.at(-1)!.body.push({ op, args });
    }
  }
  return stages;
}

export function stage(stages: Stage[], name: string): Stage {
  const s = stages.find((x) => x.name === name);
  if (!s) throw new Error(`no stage ${name}`);
  return s;
}

/** Instructions of a stage and of the stages it is built FROM, oldest first. */
export function chain(stages: Stage[], name: string): Stage[] {
  const s = stage(stages, name);
  return stages.some((x) => x.name === s.from) ? [...chain(stages, s.from), s] : [s];
}

/** The last value of an instruction along a stage's chain (ENTRYPOINT, CMD, USER, ...). */
export function last(stages: Stage[], name: string, op: string): string | undefined {
  return chain(stages, name)
    .flatMap((s) => s.body)
    .filter((i) => i.op === op)
    .at(-1)?.args;
}

/** ENV along the chain (`K=V K2=V2` form). */
export function env(stages: Stage[], name: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of chain(stages, name)
    .flatMap((s) => s.body)
    .filter((i) => i.op === "ENV")) {
    for (const [, k, v] of i.args.matchAll(/(\w+)=(\S+)/g)) out[k!] = v!;
  }
  return out;
}

/** JSON exec form (["a", "b"]) of CMD / ENTRYPOINT / HEALTHCHECK ... CMD. */
export function execForm(args: string): string[] {
  const json = args.slice(args.indexOf("["));
  return JSON.parse(json) as string[];
}

export function ignoreMatcher(root: string): (rel: string) => boolean {
  const file = join(root, ".dockerignore");
  const rules = existsSync(file)
    ? readFileSync(file, "utf8")
        .split("\n")
        .map((l) => l.trim())
        .filter((l) => l && !l.startsWith("#"))
    : [];
  const compiled = rules.map((r) => {
    const negate = r.startsWith("!");
    const parts = (negate ? r.slice(1) : r).replace(/^\/|\/$/g, "").split("/");
    const re = parts
      .map((part, i) => {
        const end = i === parts.length - 1;
        if (part === "**") return end ? ".*" : "(?:[^/]+/)*";
        return (
          part
            .replace(/[.+^${}()|[\]\\]/g, "\\$&")
            .replace(/\*/g, "[^/]*")
            .replace(/\?/g, "[^/]") + (end ? "" : "/")
        );
      })
      .join("");
    // A matched directory takes its contents with it.
    return { negate, re: new RegExp(`^${re}(?:/.*)?$`) };
  });
  return (rel) => {
    let ignored = false;
    for (const r of compiled) if (r.re.test(rel)) ignored = !r.negate;
    return ignored;
  };
}

/**
 * Rebuilds stage `name` of `dockerfile` under `out/<stage>` (WORKDIR /app is that directory;
 * "/app/..." paths map into it). Returns that directory.
 */
export function buildStage(root: string, dockerfile: string, name: string, out: string, runStages: string[] = ["deps"]): string {
  const stages = parseDockerfile(readFileSync(join(root, dockerfile), "utf8"));
  const ignored = ignoreMatcher(root);
  const dir = join(out, name);
  mkdirSync(dir, { recursive: true });
  for (const s of chain(stages, name)) {
    if (s.name === "base") continue; // this machine plays the base image
    for (const { op, args } of s.body) {
      if (op === "COPY") {
        const words = args.split(/\s+/);
        const flags = words.filter((w) => w.startsWith("--"));
        const paths = words.filter((w) => !w.startsWith("--"));
        const from = flags.find((f) => f.startsWith("--from="))?.slice(7);
        const dest = paths.pop()!;
        const destPath = join(dir, dest.replace(/^\/app\/?/, ""));
        const intoDir = paths.length > 1 || dest.endsWith("/");
        const fromRoot = from ? buildStage(root, dockerfile, from, out, runStages) : root;
        for (const p of paths) {
          const src = from ? join(fromRoot, p.replace(/^\/app\/?/, "")) : join(root, p);
          if (!existsSync(src)) throw new Error(`${dockerfile} ${s.name}: COPY source ${p} does not exist`);
          const target = statSync(src).isDirectory() ? destPath : intoDir ? join(destPath, basename(src)) : destPath;
          mkdirSync(statSync(src).isDirectory() ? target : dirname(target), { recursive: true });
          cpSync(src, target, {
            recursive: true,
            filter: (f) => from !== undefined || !ignored(relative(root, f)),
          });
        }
      } else if (op === "RUN" && runStages.includes(s.name)) {
        const r = Bun.spawnSync(["sh", "-c", args], { cwd: dir, stdout: "pipe", stderr: "pipe" });
        if (r.exitCode !== 0) throw new Error(`${dockerfile} ${s.name}: RUN ${args} failed:\n${r.stderr.toString()}`);
      }
    }
  }
  return dir;
}
