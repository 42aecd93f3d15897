// Every job gets a fresh sandbox from the zygote (grader/harness/zygote.py): what the
// student's process is, and that nothing one job leaves behind reaches the next ones.
// The student's code reports what it sees through a return value, which a failed test
// shows as "actual".
import { describe, expect, test } from "bun:test";
import { gradeCode, runnerFor } from "../helpers/grading";

const ENV = { GRADER_WALL_SECONDS: "5" };

/** Grades `body` (which must set `seen`, a dict) and returns what it saw. */
async function look(body: string): Promise<Record<string, unknown>> {
  const source = `import os, ctypes, socket\nseen = {}\n${body}\ndef sum(a, b):\n    return seen\n`;
  const r = await gradeCode("sum", source, ENV);
  const actual = r.tests.find((t) => t.actual)?.actual;
  if (!actual) throw new Error(`no value came back: ${JSON.stringify(r)}`);
  // The runner shows values with repr(): a dict of str, int and bool is close enough to JSON.
  return JSON.parse(actual.replaceAll("'", '"').replaceAll("True", "true").replaceAll("False", "false"));
}

const PLANT = `
open("/tmp/left-behind", "w").write("secret")
open("/dev/shm/left-behind", "w").write("secret")
libc = ctypes.CDLL(None, use_errno=True)
seen["shm"] = libc.shmget(0x5EC12E7, 4096, 0o1666)  # IPC_CREAT, readable by anyone
listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
listener.bind("\\0pp-left-behind")
listener.listen(1)
if os.fork() == 0:  # a daemon that would keep the socket and wait for the next job
    os.setsid()
    if os.fork() == 0:
        import time
        time.sleep(60)
    os._exit(0)
`;

const PROBE = `
libc = ctypes.CDLL(None, use_errno=True)
seen["tmp"] = os.path.exists("/tmp/left-behind")
seen["shm_file"] = os.path.exists("/dev/shm/left-behind")
seen["sysv"] = libc.shmget(0x5EC12E7, 0, 0) != -1
probe = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
seen["socket"] = probe.connect_ex("\\0pp-left-behind") == 0
seen["processes"] = len([p for p in os.listdir("/proc") if p.isdigit()])
`;

describe("a fresh sandbox for every job", () => {
  test("the student's process: its own uid, pid 1 of its namespace, no capabilities, no user namespaces", async () => {
    const seen = await look(`
status = dict(line.split(":", 1) for line in open("/proc/self/status").read().splitlines())
seen["uid"] = os.getuid()
seen["pid"] = os.getpid()
seen["caps"] = status["CapEff"].strip() + status["CapPrm"].strip()
seen["nnp"] = status["NoNewPrivs"].strip()
seen["seccomp"] = status["Seccomp"].strip()
seen["processes"] = len([p for p in os.listdir("/proc") if p.isdigit()])
seen["cgroups"] = sum(len(files) for _, _, files in os.walk("/cgroups"))  # the mount points stay, empty
seen["userns"] = ctypes.CDLL(None, use_errno=True).unshare(0x10000000)
seen["dev_writable"] = os.access("/dev", os.W_OK)
# add_key("user", "leak", "x", 1, KEY_SPEC_USER_KEYRING): a uid's keyring outlives its jobs
seen["keyring"] = ctypes.CDLL(None, use_errno=True).syscall(248 if os.uname().machine == "x86_64" else 217, b"user", b"leak", b"x", 1, -4)
seen["oom_score_adj"] = int(open("/proc/self/oom_score_adj").read())
`);
    const uids = runnerFor(ENV).uids;
    expect(uids).toContain(seen.uid as number);
    expect(seen).toMatchObject({
      pid: 1,
      caps: "0000000000000000" + "0000000000000000",
      nnp: "1",
      seccomp: "2",
      processes: 1, // nothing of the grader or of other jobs is visible
      cgroups: 0,
      userns: -1,
      dev_writable: false,
      keyring: -1,
      oom_score_adj: 1000, // the OOM killer's first choice, before the grader (a container's shared limit)
    });
  });

  test("files, shared memory, sockets and daemons of one job are gone for the next ones (both slots)", async () => {
    const planted = await look(PLANT);
    expect(planted.shm).toBeGreaterThanOrEqual(0); // the planting itself worked
    for (let i = 0; i < 2; i++) {
      expect(await look(PROBE)).toEqual({ tmp: false, shm_file: false, sysv: false, socket: false, processes: 1 });
    }
  });
});
