// Starts tests/k8s/pod-grader.ts the way the grader pod starts the grader (base/grader.yaml):
// root in a user namespace of 65,536 uids, only the pod's capabilities, no_new_privs, a
// read-only cgroup tree, the ConfigMap's settings. Shared by pod.test.ts and seccomp.test.ts.
import { readlinkSync } from "node:fs";
import { join } from "node:path";
import { parseDocs, ROOT, render } from "./tools";

const docs = parseDocs(render("overlays/prod"));
const graderConfig = docs.find((d) => d.metadata.name === "pypractice-grader-config")!.data as Record<string, string>;
const grader = docs.find((d) => d.kind === "Deployment" && d.metadata.name === "pypractice-grader")!;
const container = (grader.spec as { template: { spec: { containers: { securityContext: { capabilities: { add: string[] } } }[] } } })
  .template.spec.containers[0]!;
/** The pod's added capabilities, as setpriv spells them. */
export const caps = container.securityContext.capabilities.add.map((c) => `+${c.toLowerCase()}`).join(",");

export const canRun = process.getuid?.() === 0 && !!Bun.which("unshare") && !!Bun.which("setpriv") && !!Bun.which("bwrap");

/**
 * Runs pod-grader.ts as the pod would; its JSON report. `env` may set POD_WRAP (a command
 * that pod.sh puts before the grader, such as the seccomp loader) and POD_JOBS (more jobs).
 */
export async function asInThePod(proc: "masked" | "unmasked", env: Record<string, string> = {}, podCaps = caps) {
  const child = Bun.spawn(["unshare", "--user", "--mount", "--pid", "--fork", "--mount-proc", "--", join(ROOT, "tests/k8s/pod.sh"), proc], {
    cwd: ROOT,
    env: { ...process.env, ...graderConfig, ...env, POD_CAPS: podCaps, POD_BUN: process.execPath, LOG_LEVEL: "error" },
    stdout: "pipe",
    stderr: "pipe",
  });
  // The kubelet gives a hostUsers: false pod 65,536 uids; uid 0 inside stays this process's own
  // here (a pod's root is an unprivileged uid of the node instead; the kernel's checks inside
  // the namespace are the same). One write per map file, as the kernel requires.
  const map = "0 0 1\n1 400001 65535\n";
  const ours = readlinkSync("/proc/self/ns/user");
  for (let i = 0; i < 500 && readlinkSync(`/proc/${child.pid}/ns/user`) === ours; i++) await Bun.sleep(10);
  await Bun.write(`/proc/${child.pid}/uid_map`, map);
  await Bun.write(`/proc/${child.pid}/gid_map`, map);
  const [code, out, err] = await Promise.all([child.exited, new Response(child.stdout).text(), new Response(child.stderr).text()]);
  if (code !== 0 || err !== "") throw new Error(`the grader in the pod's namespaces exited ${code}: ${err}`);
  return JSON.parse(out.trim().split("\n").pop()!) as Record<string, unknown>;
}
