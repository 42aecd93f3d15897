// The grader's sandbox started the way the grader pod starts it (base/grader.yaml): root in a
// user namespace of 65,536 uids, capabilities SETUID, SETGID and KILL only, no_new_privs, a
// read-only cgroup tree, the pod's GRADER_UID_BASE; with procMount: Unmasked the self-check
// passes and a real submission is graded; with the runtime's default masked /proc the grader
// refuses to start, in its own sentence. What only a cluster shows (the seccomp and AppArmor
// profiles loaded by the node, hostUsers honoured by the runtime): README "Kubernetes".
import { expect, setDefaultTimeout, test } from "bun:test";
import { readlinkSync } from "node:fs";
import { join } from "node:path";
import { parseDocs, ROOT, render } from "./tools";

setDefaultTimeout(60_000);

const docs = parseDocs(render("overlays/prod"));
const graderConfig = docs.find((d) => d.metadata.name === "pypractice-grader-config")!.data as Record<string, string>;
const grader = docs.find((d) => d.kind === "Deployment" && d.metadata.name === "pypractice-grader")!;
const container = (grader.spec as { template: { spec: { containers: { securityContext: { capabilities: { add: string[] } } }[] } } })
  .template.spec.containers[0]!;
const caps = container.securityContext.capabilities.add.map((c) => `+${c.toLowerCase()}`).join(",");

const canRun = process.getuid?.() === 0 && !!Bun.which("unshare") && !!Bun.which("setpriv") && !!Bun.which("bwrap");

/** Runs tests/k8s/pod-grader.ts as the pod would; its JSON report. */
async function asInThePod(proc: "masked" | "unmasked", env: Record<string, string> = {}, podCaps = caps) {
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
  expect({ code, err }).toEqual({ code: 0, err: "" });
  return JSON.parse(out.trim().split("\n").pop()!) as Record<string, unknown>;
}

test.skipIf(!canRun)("procMount Unmasked, as the pod asks: the self-check passes and a submission is graded", async () => {
  const r = await asInThePod("unmasked");
  expect(r).toMatchObject({ uid: 0, privilege: "userns", mode: "bwrap", selfCheck: "passed", grade: "failed" });
  // The job uids are inside the pod's 65,536 (GRADER_UID_BASE from the grader's ConfigMap).
  for (const uid of r.uids as number[]) expect(uid).toBeLessThan(65536);
});

test.skipIf(!canRun)("the runtime's default masked /proc: the grader refuses to start, and says why", async () => {
  const r = await asInThePod("masked");
  expect(r.error).toBe(
    "GRADER_SANDBOX=bwrap but bubblewrap cannot start a sandbox here (install the bubblewrap package, or allow unprivileged user namespaces).",
  );
});

test.skipIf(!canRun)("without GRADER_UID_BASE the image's Docker default (uids above 100,000,000) cannot work in a pod", async () => {
  const r = await asInThePod("unmasked", { GRADER_UID_BASE: "100000000" });
  expect(r.error).toContain("bubblewrap cannot start a sandbox here");
});

test.skipIf(!canRun)("without SETUID and SETGID the grader cannot switch the sandbox to its job uid, and refuses to start", async () => {
  expect(caps).toBe("+setuid,+setgid,+kill");
  const r = await asInThePod("unmasked", {}, "+kill");
  expect(r.error).toContain("bubblewrap cannot start a sandbox here");
});
