// The isolation and exploit tests again, as the grader runs in a Docker container: root
// without CAP_SYS_ADMIN, so the zygote gets a user namespace and every job the same uid (the
// mode where /dev and the keyrings could carry data from one job to the next).
import { expect, setDefaultTimeout, test } from "bun:test";

setDefaultTimeout(120_000);

/** Runs test files as root without CAP_SYS_ADMIN; the report of bun test. */
async function withoutSysAdmin(...files: string[]) {
  const proc = Bun.spawn(["setpriv", "--bounding-set=-sys_admin", "bun", "test", ...files], {
    cwd: `${import.meta.dir}/../..`,
    stdout: "pipe",
    stderr: "pipe",
  });
  const [code, out, err] = await Promise.all([proc.exited, new Response(proc.stdout).text(), new Response(proc.stderr).text()]);
  return { code, report: out + err };
}

const cannotDropSysAdmin = process.getuid?.() !== 0 || !Bun.which("setpriv");

test.skipIf(cannotDropSysAdmin)("isolation holds without CAP_SYS_ADMIN (user-namespace mode)", async () => {
  const { code, report } = await withoutSysAdmin("tests/grader/isolation.test.ts");
  expect(report).toContain(" 0 fail");
  expect(report).not.toContain("(skip)");
  expect(code).toBe(0);
});

test.skipIf(cannotDropSysAdmin)("every exploit is contained without CAP_SYS_ADMIN too, and leaves no process", async () => {
  const { code, report } = await withoutSysAdmin("tests/exploits/exploits.test.ts");
  expect(report).toContain(" 0 fail");
  expect(report).not.toContain("(skip)");
  expect(Number(/ (\d+) pass/.exec(report)?.[1])).toBeGreaterThanOrEqual(47); // 44 attacks, 3 checks after them
  expect(code).toBe(0);
});
