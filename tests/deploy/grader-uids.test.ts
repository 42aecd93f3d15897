// The grader image's entrypoint picks a container's job uids from its hostname. bubblewrap can
// map a uid only up to 2^31 - 2; an entrypoint that picked above it left about a third of all
// grader containers unable to grade, restarting for ever with the same hostname. This runs the
// real script over the whole range of its input (cksum prints a 32-bit number) and maps the
// highest uid it can give a job into a real bubblewrap sandbox.
import { describe, expect, test } from "bun:test";
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MAX_SANDBOX_UID } from "../../grader/sandbox";

const ROOT = join(import.meta.dir, "..", "..");
const SCRIPT = join(ROOT, "deploy", "grader-entrypoint.sh");
/** A grader's pid inside its container stays below this (the script's own assumption). */
const PID_BOUND = 500;
const SLOTS = 2;

/** GRADER_UID_BASE the entrypoint exports when cksum of the hostname prints `n`. */
function baseFor(n: number, dir: string): number {
  // A stand-in cksum first on PATH: the script's only input is its first field.
  writeFileSync(join(dir, "cksum"), `#!/bin/sh\necho "${n} 13"\n`);
  chmodSync(join(dir, "cksum"), 0o755);
  const r = Bun.spawnSync(["sh", SCRIPT, "sh", "-c", "echo $GRADER_UID_BASE"], {
    env: { PATH: `${dir}:/usr/bin:/bin` },
    stdout: "pipe",
    stderr: "pipe",
  });
  if (r.exitCode !== 0) throw new Error(r.stderr.toString());
  return Number(r.stdout.toString().trim());
}

describe("grader entrypoint uids", () => {
  test("every uid the entrypoint can give a job is one bubblewrap can map", () => {
    const dir = mkdtempSync(join(tmpdir(), "pp-uids-"));
    try {
      // The edges of cksum's range, and of every remainder class a modulus up to 2^31 could use.
      const inputs = [0, 1, 2 ** 32 - 1, 2 ** 32 - 2, 2 ** 31 - 1, 2 ** 31];
      for (let m = 1_000_000; m <= 4_000_000; m += 500_000) inputs.push(m - 1, m, 2 * m - 1);
      let rng = 7;
      for (let i = 0; i < 200; i++) inputs.push((rng = (rng * 1103515245 + 12345) % 2 ** 32));
      let highest = 0;
      for (const n of inputs) {
        const base = baseFor(n, dir);
        expect(Number.isSafeInteger(base) && base >= 1000).toBe(true);
        highest = Math.max(highest, base + SLOTS * (PID_BOUND - 1) + SLOTS - 1);
      }
      expect(highest).toBeLessThanOrEqual(MAX_SANDBOX_UID);
      console.log(`grader entrypoint: highest job uid over ${inputs.length} inputs ${highest} (bubblewrap's limit ${MAX_SANDBOX_UID})`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("bubblewrap maps the highest uid and refuses the one above its limit", () => {
    const run = (uid: number) =>
      Bun.spawnSync(["bwrap", "--unshare-user", "--uid", String(uid), "--gid", String(uid), "--ro-bind", "/", "/", "/usr/bin/id", "-u"], {
        stdout: "pipe",
        stderr: "pipe",
      });
    const ok = run(MAX_SANDBOX_UID);
    expect(ok.stderr.toString()).toBe("");
    expect(ok.stdout.toString().trim()).toBe(String(MAX_SANDBOX_UID));
    const over = run(MAX_SANDBOX_UID + 2);
    expect(over.exitCode).not.toBe(0);
    expect(over.stderr.toString()).toMatch(/uid/);
  });
});
