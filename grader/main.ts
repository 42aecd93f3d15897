// Entry point of one grader process (`bun run grader`); any number may run at once.
import { configOrExit } from "../src/config";
import { closeContext, createContext } from "../src/context";
import { Runner } from "./grade";
import { bwrapWorks, createSandbox, destroySandbox, slotUids } from "./sandbox";
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

let mode = config.sandbox;
if (mode !== "rlimit" && !(await bwrapWorks(config))) {
  if (mode === "bwrap") {
    ctx.log.error(
      "GRADER_SANDBOX=bwrap but bubblewrap cannot start a sandbox here (install the bubblewrap package, or allow unprivileged user namespaces).",
    );
    process.exit(1);
  }
  mode = "rlimit";
}
if (mode === "rlimit") {
  ctx.log.warn("sandbox: rlimit only (no bubblewrap): student code is NOT isolated from this machine. Use only for development.");
}
const sandbox = createSandbox(config, mode === "auto" ? "bwrap" : mode);
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
ctx.log.info("sandbox ready", { mode: mode === "auto" ? "bwrap" : mode, uids: sandbox.slots.map((s) => s.uid), cgroups: sandbox.cgroups });

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
