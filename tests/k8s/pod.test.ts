// The grader's sandbox started the way the grader pod starts it (base/grader.yaml): root in a
// user namespace of 65,536 uids, capabilities SETUID, SETGID and KILL only, no_new_privs, a
// read-only cgroup tree, the pod's GRADER_UID_BASE; with procMount: Unmasked the self-check
// passes and a real submission is graded; with the runtime's default masked /proc the grader
// refuses to start, in its own sentence. What only a cluster shows (the seccomp and AppArmor
// profiles loaded by the node, hostUsers honoured by the runtime): README "Kubernetes".
import { expect, setDefaultTimeout, test } from "bun:test";
import { asInThePod, canRun, caps } from "./pod";

setDefaultTimeout(60_000);

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
