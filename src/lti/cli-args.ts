// The command line of `bun run lti:platform add|list|remove`, checked with sentences.
import type { NewPlatform } from "./platforms";

export const USAGE = `usage:
  bun run lti:platform add --issuer URL --client-id ID --deployment-id ID[,ID…] --auth-url URL --token-url URL --jwks-url URL [--frame-origin URL…]
  bun run lti:platform list
  bun run lti:platform remove --issuer URL [--client-id ID]`;

export type PlatformCommand =
  | { command: "add"; platform: NewPlatform }
  | { command: "list" }
  | { command: "remove"; issuer: string; clientId?: string }
  | { command: "help" };

const OPTIONS: Record<string, string> = {
  "--issuer": "issuer",
  "--client-id": "clientId",
  "--deployment-id": "deploymentIds",
  "--auth-url": "authUrl",
  "--token-url": "tokenUrl",
  "--jwks-url": "jwksUrl",
  "--frame-origin": "frameOrigins",
};
const REPEATABLE = new Set(["deploymentIds", "frameOrigins"]);
const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** https, or http on this machine only (a test platform); the sentence when not. */
function checkUrl(option: string, value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `${option} must be a full URL such as https://lms.example.edu/..., got "${value}".`;
  }
  if (url.protocol === "https:" || (url.protocol === "http:" && LOOPBACK.has(url.hostname))) return undefined;
  return `${option} must start with https:// (plain http only on this machine), got "${value}".`;
}

function options(argv: string[]): Record<string, string[]> | string {
  const out: Record<string, string[]> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    const name = OPTIONS[flag];
    if (!name) return arg.startsWith("-") ? `Unknown option ${flag}.` : `Unexpected argument "${arg}".`;
    const value = inline ?? argv[++i];
    if (value === undefined || value.trim() === "") return `${flag} needs a value.`;
    if (out[name] && !REPEATABLE.has(name)) return `${flag} is given twice.`;
    out[name] = [
      ...(out[name] ?? []),
      ...value
        .split(",")
        .map((v) => v.trim())
        .filter(Boolean),
    ];
  }
  return out;
}

export function parsePlatformArgs(argv: string[]): PlatformCommand | string {
  const [command, ...rest] = argv;
  if (!command || command === "--help" || command === "-h" || command === "help") return { command: "help" };
  const o = options(rest);
  if (typeof o === "string") return o;
  const one = (name: string) => o[name]?.[0];
  if (command === "list") return rest.length ? "list takes no options." : { command: "list" };
  if (command === "remove") {
    const issuer = one("issuer");
    if (!issuer) return "remove needs --issuer (and --client-id when the issuer is registered more than once).";
    const extra = Object.keys(o).filter((k) => k !== "issuer" && k !== "clientId");
    if (extra.length) return "remove takes only --issuer and --client-id.";
    return { command: "remove", issuer, clientId: one("clientId") };
  }
  if (command !== "add") return `Unknown command "${command}": use add, list or remove.`;
  const missing = ["--issuer", "--client-id", "--deployment-id", "--auth-url", "--token-url", "--jwks-url"].filter((f) => !o[OPTIONS[f]!]);
  if (missing.length) return `add needs ${missing.join(", ")}.`;
  for (const [flag, name] of [
    ["--auth-url", "authUrl"],
    ["--token-url", "tokenUrl"],
    ["--jwks-url", "jwksUrl"],
  ] as const) {
    const bad = checkUrl(flag, one(name)!);
    if (bad) return bad;
  }
  for (const origin of o.frameOrigins ?? []) {
    const bad = checkUrl("--frame-origin", origin);
    if (bad) return bad;
  }
  return {
    command: "add",
    platform: {
      issuer: one("issuer")!,
      clientId: one("clientId")!,
      deploymentIds: [...new Set(o.deploymentIds!)],
      authUrl: one("authUrl")!,
      tokenUrl: one("tokenUrl")!,
      jwksUrl: one("jwksUrl")!,
      frameOrigins: (o.frameOrigins ?? []).map((u) => new URL(u).origin),
    },
  };
}
