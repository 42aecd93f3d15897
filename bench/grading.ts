// Grading speed on this machine: our warm runner against the floor measured in the
// same run, a cold `bwrap` + `python3 -I -m unittest` per job of the same assignment.
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Runner } from "../grader/grade";
import { createSandbox, destroySandbox, slotUids } from "../grader/sandbox";
import { readAssignments } from "../src/assignments/files";
import { loadConfig } from "../src/config";
import { cpuMeter } from "./cpu";
import { median } from "./stats";

const config = loadConfig(process.env);
const sum = readAssignments(config.assignmentsDir).find((a) => a.slug === "sum")!;

async function coldJob(uid: number): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), "pp-bench-"));
  writeFileSync(join(dir, "solution.py"), sum.referenceCode);
  writeFileSync(join(dir, "test_solution.py"), sum.testCode);
  chmodSync(dir, 0o755);
  const asUser = process.getuid?.() === 0 ? ["setpriv", `--reuid=${uid}`, `--regid=${uid}`, "--clear-groups", "--"] : [];
  // biome-ignore format: flags and their values read best in pairs
  const argv = [...asUser, "bwrap", "--unshare-all", "--die-with-parent", "--new-session", "--clearenv",
    "--ro-bind", "/usr", "/usr", "--symlink", "usr/lib", "/lib", "--symlink", "usr/lib64", "/lib64",
    "--symlink", "usr/bin", "/bin", "--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp",
    "--ro-bind", dir, "/job", "--chdir", "/job", config.python, "-I", "-m", "unittest", "discover", "-q", "-s", "/job", "-p", "test_solution.py"];
  const t0 = performance.now();
  const proc = Bun.spawn(argv, { env: {}, stdout: "ignore", stderr: "pipe" });
  const [code, err] = await Promise.all([proc.exited, new Response(proc.stderr).text()]);
  const ms = performance.now() - t0;
  rmSync(dir, { recursive: true, force: true });
  if (code !== 0 || !err.includes("OK")) throw new Error(`cold job failed: ${err}`);
  return ms;
}

export interface GradingBench {
  coldMs: number[];
  warmMs: number[];
  coldPerSec: number;
  warmPerSec: number;
  /** CPU per job of every process involved (undefined where not measurable) */
  coldCpuMs?: number;
  warmCpuMs?: number;
}

export async function benchGrading(jobs: number): Promise<GradingBench> {
  const meter = cpuMeter();
  const uids = slotUids(config, process.pid + 3_000_000);
  const sandbox = createSandbox(config, "bwrap", uids);
  const runner = new Runner(config, sandbox);
  const coldMs: number[] = [];
  const warmMs: number[] = [];
  let coldTotal = 0;
  let warmTotal = 0;
  let coldCpu = 0;
  let warmCpu = 0;
  try {
    await runner.grade({ source: sum.referenceCode, tests: sum.testCode }); // start-up, not measured
    // Interleaved rounds, so both see the same machine noise.
    for (let round = 0; round < 4; round++) {
      let t0 = performance.now();
      let c0 = meter?.read() ?? 0;
      for (let i = 0; i < jobs / 4; i++) coldMs.push(await coldJob(uids[0]!));
      coldTotal += performance.now() - t0;
      coldCpu += (meter?.read() ?? 0) - c0;
      t0 = performance.now();
      c0 = meter?.read() ?? 0;
      for (let i = 0; i < jobs / 4; i++) {
        const s = performance.now();
        const r = await runner.grade({ source: sum.referenceCode, tests: sum.testCode });
        warmMs.push(performance.now() - s);
        if (r.outcome !== "passed") throw new Error(`warm job: ${r.outcome}`);
      }
      warmTotal += performance.now() - t0;
      warmCpu += (meter?.read() ?? 0) - c0;
    }
  } finally {
    runner.stop();
    destroySandbox(sandbox);
    meter?.close();
  }
  return {
    coldMs,
    warmMs,
    coldPerSec: (coldMs.length * 1000) / coldTotal,
    warmPerSec: (warmMs.length * 1000) / warmTotal,
    coldCpuMs: meter && coldCpu / coldMs.length,
    warmCpuMs: meter && warmCpu / warmMs.length,
  };
}

const cpu = (ms?: number) => (ms === undefined ? "-" : ms.toFixed(1));

export const summarizeGrading = (b: GradingBench) => [
  ["cold bwrap + python3 -I -m unittest (floor)", median(b.coldMs), b.coldPerSec, 1, cpu(b.coldCpuMs)],
  [
    "warm: zygote sandbox per job, tests in a long-lived runner",
    median(b.warmMs),
    b.warmPerSec,
    b.warmPerSec / b.coldPerSec,
    cpu(b.warmCpuMs),
  ],
];
