// Where the web process's CPU goes for one HTTP scenario: `bun bench/profile.ts [scenario] [seconds] [connections]`
// (page, first, revalidate, static, post; default page 10 50). The web process runs under
// `bun --cpu-prof` on a scratch database while wrk drives the scenario; the profile's samples
// are then counted by layer, file and function. JavaScriptCore samples only while JavaScript
// runs (Bun's native HTTP work between requests is not in it), and on a busy machine its
// sampler falls behind, so the gaps between samples (timeDeltas) are no measure: each
// sample counts once, and the shares are given beside the process's whole CPU per request
// (from /proc). KEEP_PROFILE=1 keeps the .cpuprofile (its path is printed).
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { freePort, startWeb } from "../tests/helpers/processes";
import { cpuMsOf } from "./procs";
import { benchScratch } from "./scratch";
import { scenarios } from "./web";
import { wrk } from "./wrk";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const ROOT = join(import.meta.dir, "..");

/** The layer a frame belongs to, by its file. */
export function layerOf(url: string, fn: string): string {
  if (!url) return fn.startsWith("(") ? fn : `native: ${fn || "(anonymous)"}`;
  const file = url.replace(/^file:\/\//, "").replace(`${ROOT}/`, "");
  if (file.includes("node_modules/elysia/")) return "Elysia";
  const dep = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file)?.[1];
  if (dep) return dep;
  if (file.startsWith("src/") || file.startsWith("views/")) return file.split("/").slice(0, 2).join("/");
  return file.startsWith("/") || file.startsWith("node:") || file.startsWith("bun:") ? "Bun (built-in JS)" : file;
}

/** Samples by key (where each sample's innermost frame is), most first. */
export function selfSamples(profile: Profile, key: (n: ProfileNode) => string): [string, number][] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const counts = new Map<string, number>();
  for (const id of profile.samples) {
    const k = key(byId.get(id)!);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1]);
}

/** Samples by the first caller written in JavaScript outside Bun's built-ins (who asked for the native work), most first. */
export function byCaller(profile: Profile, name: (n: ProfileNode) => string): [string, number][] {
  const parent = new Map<number, ProfileNode>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const counts = new Map<string, number>();
  for (const id of profile.samples) {
    let n: ProfileNode | undefined = byId.get(id);
    const chain: string[] = [];
    while (n && chain.length < 3) {
      const url = n.callFrame.url;
      if (url && !url.startsWith("node:") && !url.startsWith("internal:") && !url.startsWith("bun:")) chain.push(name(n));
      n = parent.get(n.id);
    }
    const k = chain.join(" < ") || "(no JavaScript caller)";
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1]);
}

function print(title: string, rows: [string, number][], total: number, top: number) {
  console.log(`\n${title} (share of the samples, self)`);
  for (const [k, n] of rows.slice(0, top)) console.log(`${((100 * n) / total).toFixed(1).padStart(6)} %  ${k}`);
}

if (import.meta.main) {
  const [name = "page", seconds = "10", connections = "50"] = process.argv.slice(2);
  const { scratch, env } = await benchScratch();
  const dir = `/tmp/pypractice-profile-${process.pid}`;
  const port = freePort();
  const web = await startWeb(port, env, { bunArgs: ["--cpu-prof", "--cpu-prof-interval=250", `--cpu-prof-dir=${dir}`] });
  try {
    const url = `http://127.0.0.1:${port}`;
    const s = (await scenarios(url)).find((x) => x.name === name);
    if (!s) throw new Error(`no scenario ${name}`);
    const before = cpuMsOf(web.proc.pid);
    const r = await wrk({
      url: url + s.path,
      seconds: Number(seconds),
      connections: Number(connections),
      headers: s.headers,
      script: s.script,
      args: s.args,
    });
    const cpuMs = cpuMsOf(web.proc.pid) - before;
    await web.stop();
    const file = readdirSync(dir).find((f) => f.endsWith(".cpuprofile"))!;
    const profile = JSON.parse(readFileSync(join(dir, file), "utf8")) as Profile;
    const total = profile.samples.length;
    console.log(`${s.label}: ${r.requests} requests, ${r.perSecond.toFixed(0)}/s, p99 ${r.p99Ms} ms, errors ${r.errorCount}`);
    console.log(`web process CPU during wrk: ${((cpuMs * 1000) / r.requests).toFixed(1)} µs per request (all threads, kernel included)`);
    console.log(
      `profile: ${total} samples of JavaScript (the whole life of the process)${process.env.KEEP_PROFILE ? `: ${join(dir, file)}` : ""}`,
    );
    const layer = (n: ProfileNode) => layerOf(n.callFrame.url, n.callFrame.functionName);
    const fn = (n: ProfileNode) =>
      `${n.callFrame.functionName || "(anonymous)"} ${n.callFrame.url.replace(`file://${ROOT}/`, "").replace(`${ROOT}/`, "")}:${n.callFrame.lineNumber + 1}`;
    print("by layer", selfSamples(profile, layer), total, 30);
    print("by function", selfSamples(profile, fn), total, 40);
    print("by the nearest callers of ours or a library's", byCaller(profile, fn), total, 40);
  } finally {
    await web.stop();
    if (!process.env.KEEP_PROFILE) rmSync(dir, { recursive: true, force: true });
    await scratch.drop();
  }
  process.exit(0);
}
