// Entry point of one grader process (`bun run grader`); any number may run at once.
import { configOrExit, type SandboxMode } from "../src/config";
import { closeContext, createContext } from "../src/context";
import { Runner } from "./grade";
import { createSandbox, destroySandbox, RLIMIT_WARNING, sandboxModeHere, slotUids } from "./sandbox";
import { selfCheck } from "./self-check";
import { Worker } from "./worker";

const config = configOrExit();
const ctx = createContext(config, "grader");

try {
  slotUids(config);
} catch (e) {
  ctx.log.error((e as Error).message);
  process.exit(1);
}

let mode: SandboxMode;
try {
  mode = await sandboxModeHere(config);
} catch (e) {
  ctx.log.error((e as Error).message);
  process.exit(1);
}
if (mode === "rlimit") ctx.log.warn(RLIMIT_WARNING);
const sandbox = createSandbox(config, mode);
if (sandbox.cgroups === "none") {
  ctx.log.warn("no cgroups here: a job's memory and processes are bounded per process and per uid only");
}
const runner = new Runner(config, sandbox);
const problem = await selfCheck(runner);
if (problem) {
  ctx.log.error(`the sandbox cannot grade, so this grader takes no jobs: ${problem}`);
  runner.stop();
  destroySandbox(sandbox);
  await closeContext(ctx);
  process.exit(1);
}
ctx.log.info("sandbox ready", { mode, uids: sandbox.slots.map((s) => s.uid), cgroups: sandbox.cgroups });

const worker = new Worker(ctx, runner);
const done = worker.run();

let shuttingDown = false;
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, async () => {
    if (shuttingDown) return;
    shuttingDown = true;
    ctx.log.info("stopping after the current job", { signal });
    await worker.stop();
    await done.catch(() => {});
    await worker.close();
    runner.stop();
    destroySandbox(sandbox);
    await closeContext(ctx);
    ctx.log.info("grader stopped", { processed: worker.processed });
    process.exit(0);
  });
}
