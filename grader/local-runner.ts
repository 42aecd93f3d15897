// A Runner owned by this process rather than by a worker: for the tests and for
// `bun run assignments:check`. Several may live in one process: the nth gets job uids as if
// it were another process (pid + n million), so no two runners on the machine share a uid.
import type { Config, SandboxMode } from "../src/config";
import { Runner } from "./grade";
import { createSandbox, destroySandbox, slotUids } from "./sandbox";

export interface LocalRunner {
  runner: Runner;
  /** kills the grading server (and with it its sandboxes) and removes the slots' cgroups */
  close(): void;
}

/** `n` ≥ 1 numbers the runners of this process. */
export function localRunner(config: Config, n: number, mode: SandboxMode = "bwrap"): LocalRunner {
  const sandbox = createSandbox(config, mode, slotUids(config, process.pid + 1_000_000 * n));
  const runner = new Runner(config, sandbox);
  return {
    runner,
    close() {
      runner.stop();
      destroySandbox(sandbox);
    },
  };
}
