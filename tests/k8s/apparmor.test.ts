// The graders' AppArmor profiles parse: apparmor_parser compiles each without loading it
// (-Q: no kernel load, -T: no cache, -K: no cache write), as `apparmor_parser -r` on a node
// would before loading. Debian 12's parser is AppArmor 3 (3.0.8): it parses the AppArmor 3
// profile and rejects `userns,`, the AppArmor 4 rule only the .apparmor4 copy holds.
import { beforeAll, describe, expect, test } from "bun:test";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { K8S } from "./tools";

const PROFILES = join(K8S, "profiles");
const V3 = join(PROFILES, "pypractice-grader.apparmor");
const V4 = join(PROFILES, "pypractice-grader.apparmor4");
const parser = () => Bun.which("apparmor_parser", { PATH: `${process.env.PATH ?? ""}:/usr/sbin:/sbin` });

beforeAll(() => {
  // Debian's apparmor package; about 14 s to download and install where it is missing
  // (measured; .ci/run installs it too).
  if (parser() || process.getuid?.() !== 0) return;
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive", RUNLEVEL: "1" };
  const install = () => Bun.spawnSync(["apt-get", "install", "-y", "-qq", "--no-install-recommends", "apparmor"], { env }).exitCode === 0;
  if (!install()) {
    Bun.spawnSync(["apt-get", "update", "-qq"], { env });
    install();
  }
  if (!parser()) throw new Error("apparmor (apparmor_parser) could not be installed");
});

/** apparmor_parser's parse-and-compile of `path`, loading nothing. */
function parse(path: string): { code: number; errors: string } {
  const p = Bun.spawnSync([parser()!, "-QTK", path], { stdout: "pipe", stderr: "pipe" });
  // Without AppArmor in this kernel the parser says so on every run; that is not a problem of ours.
  const errors = p.stderr
    .toString()
    .split("\n")
    .filter((l) => l && !l.startsWith("Cache read/write disabled"))
    .join("\n");
  return { code: p.exitCode ?? -1, errors };
}

const majorVersion = () => Number(/version (\d+)\./.exec(Bun.spawnSync([parser()!, "--version"]).stdout.toString())?.[1]);

describe("the graders' AppArmor profiles", () => {
  test("the AppArmor 3 profile parses with this machine's parser", () => {
    expect(parse(V3)).toEqual({ code: 0, errors: "" });
  });

  test("an AppArmor 3 parser rejects `userns,` (why there are two profiles)", () => {
    if (majorVersion() >= 4) return; // an AppArmor 4 parser knows the rule
    const withUserns = join(mkdtempSync(join(tmpdir(), "pp-apparmor-")), "profile");
    writeFileSync(withUserns, readFileSync(V3, "utf8").replace("  pivot_root,\n", "  pivot_root,\n  userns,\n"));
    const { code, errors } = parse(withUserns);
    expect(code).not.toBe(0);
    expect(errors).toContain("syntax error");
  });

  test("the AppArmor 4 profile is the AppArmor 3 one plus `userns,` (and parses where the parser is 4+)", () => {
    const rules = (path: string) =>
      readFileSync(path, "utf8")
        .split("\n")
        .filter((l) => l.trim() && !l.startsWith("#") && !l.startsWith("abi "));
    const v3 = rules(V3);
    const v4 = rules(V4);
    expect(v4.filter((l) => l.trim() !== "userns,")).toEqual(v3);
    expect(v4.filter((l) => l.trim() === "userns,")).toHaveLength(1);
    expect(readFileSync(V3, "utf8")).toContain("abi <abi/3.0>,");
    expect(readFileSync(V4, "utf8")).toContain("abi <abi/4.0>,");
    if (majorVersion() >= 4) expect(parse(V4)).toEqual({ code: 0, errors: "" });
  });
});
