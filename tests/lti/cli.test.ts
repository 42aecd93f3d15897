// `bun run lti:platform` and `bun run lti:keys` as real processes, and the published keys
// through /lti/jwks across a rotation.
import { describe, expect, setDefaultTimeout, test } from "bun:test";
import { parsePlatformArgs } from "../../src/lti/cli-args";
import { appsForThisFile, Client } from "../helpers/app";
import { addArgs } from "../helpers/lti-platform";
import { ltiDatabase } from "./helpers";

// Each command is a bun process of its own (about 0.7 s; several seconds on a busy machine).
setDefaultTimeout(30_000);

const apps = appsForThisFile();
const db = await ltiDatabase();
const main = apps(db);
const run = (...args: string[]) => runWith({}, ...args);
const runWith = (env: Record<string, string>, ...args: string[]) => {
  const r = Bun.spawnSync(["bun", "run", ...args], { env: { ...process.env, ...db, ...env }, stdout: "pipe", stderr: "pipe" });
  return { code: r.exitCode, out: r.stdout.toString(), err: r.stderr.toString() };
};
const issuer = `https://lms-${crypto.randomUUID().slice(0, 8)}.example.edu`;
const add = ["lti:platform", ...addArgs(issuer, { clientId: "abc", deploymentId: "d1,d2" })];

describe("lti:platform", () => {
  test("add, list, refuse a duplicate, remove", () => {
    const added = run(...add, "--frame-origin", "https://school.instructure.com");
    expect(added.code).toBe(0);
    expect(added.out).toContain(`Registered ${issuer} (client id abc, deployments d1, d2).`);
    expect(run("lti:platform", "list").out).toContain(`${issuer}\tclient abc\tdeployments d1,d2`);
    const again = run(...add);
    expect(again.code).toBe(1);
    expect(again.err).toContain("is already registered; remove it first");
    expect(run("lti:platform", "remove", "--issuer", issuer).code).toBe(0);
    const gone = run("lti:platform", "remove", "--issuer", issuer);
    expect(gone.code).toBe(1);
    expect(gone.err).toContain("is registered");
  });

  test("add warns on stderr when PUBLIC_URL is unset (and only then)", () => {
    const other = `https://lms-${crypto.randomUUID().slice(0, 8)}.example.edu`;
    const args = ["lti:platform", ...addArgs(other, { clientId: "w", deploymentId: "d" })];
    const unset = runWith({ PUBLIC_URL: "" }, ...args);
    expect(unset.code).toBe(0);
    expect(unset.err).toContain("Warning: PUBLIC_URL is not set.");
    expect(run("lti:platform", "remove", "--issuer", other).code).toBe(0);
    const set = runWith({ PUBLIC_URL: "https://practice.example.edu" }, ...args);
    expect(set.code).toBe(0);
    expect(set.err).not.toContain("PUBLIC_URL");
    expect(run("lti:platform", "remove", "--issuer", other).code).toBe(0);
  });

  test("bad arguments are refused with a sentence (exit 2)", () => {
    const r = run("lti:platform", "add", "--issuer", issuer);
    expect(r.code).toBe(2);
    expect(r.err).toContain("add needs --client-id, --deployment-id, --auth-url, --token-url, --jwks-url.");
    const cases: [string[], string][] = [
      [
        addArgs("https://i", { clientId: "c", deploymentId: "d", authUrl: "http://lms.example/auth" }),
        "--auth-url must start with https://",
      ],
      [addArgs("https://i", { clientId: "c", deploymentId: "d", authUrl: "nope" }), "--auth-url must be a full URL"],
      [["add", "--issuer", "i", "--issuer", "j"], "--issuer is given twice."],
      [["add", "--colour", "red"], "Unknown option --colour."],
      [["add", "--client-id"], "--client-id needs a value."],
      [["remove"], "remove needs --issuer"],
      [["frobnicate"], 'Unknown command "frobnicate"'],
    ];
    for (const [argv, words] of cases) expect(parsePlatformArgs(argv) as string).toContain(words);
  });
});

describe("lti:keys", () => {
  test("rotate: a new key signs, the old one stays published", async () => {
    const jwks = async () =>
      ((await (await Client.forApp(main.app).request("/lti/jwks")).json()) as { keys: { kid: string }[] }).keys.map((k) => k.kid);
    const before = await jwks();
    expect(before.length).toBeGreaterThan(0);
    const r = run("lti:keys", "rotate");
    expect(r.code).toBe(0);
    const kid = /New signing key (\S+)\./.exec(r.out)![1]!;
    expect(r.out).toContain("published for 7 more days");
    const after = await jwks();
    expect(after[0]).toBe(kid);
    for (const old of before) expect(after).toContain(old);
    expect(run("lti:keys", "spin").code).toBe(2);
  });
});
