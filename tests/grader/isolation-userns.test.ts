// The isolation tests again, as the grader runs in a Docker container: root without
// CAP_SYS_ADMIN, so the zygote gets a user namespace and every job the same uid (the mode
// where /dev and the keyrings could carry data from one job to the next).
import { expect, setDefaultTimeout, test } from "bun:test";

setDefaultTimeout(120_000);

test.skipIf(process.getuid?.() !== 0 || !Bun.which("setpriv"))("isolation holds without CAP_SYS_ADMIN (user-namespace mode)", async () => {
  const proc = Bun.spawn(["setpriv", "--bounding-set=-sys_admin", "bun", "test", "tests/grader/isolation.test.ts"], {
    cwd: `${import.meta.dir}/../..`, stdout: "pipe", stderr: "pipe",
  });
  const [code, out, err] = await Promise.all([proc.exited, new Response(proc.stdout).text(), new Response(proc.stderr).text()]);
  const report = out + err;
  expect(report).toContain(" 0 fail");
  expect(report).not.toContain("(skip)");
  expect(code).toBe(0);
});
