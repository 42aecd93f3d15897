// `bun run lti:platform add|list|remove`: registers an LMS. Exit 0 done, 1 failed, 2 bad arguments.
import { configOrExit } from "../config";
import { closeContext, createContext } from "../context";
import { parsePlatformArgs, USAGE } from "./cli-args";
import { addPlatform, listPlatforms, PlatformError, removePlatform } from "./platforms";

const NO_PUBLIC_URL =
  "Warning: PUBLIC_URL is not set. The LMS must reach PyPractice at the address its requests name; set PUBLIC_URL to the address students use (e.g. https://practice.example.edu), or set TRUST_PROXY behind a TLS proxy, or every launch may be refused.";

const parsed = parsePlatformArgs(process.argv.slice(2));
if (typeof parsed === "string") {
  console.error(`${parsed}\n${USAGE}`);
  process.exit(2);
}
if (parsed.command === "help") {
  console.log(USAGE);
  process.exit(0);
}
const ctx = createContext(configOrExit(), "lti-cli");
let code = 0;
try {
  if (parsed.command === "add") {
    const p = await addPlatform(ctx, parsed.platform);
    console.log(`Registered ${p.issuer} (client id ${p.clientId}, deployments ${p.deploymentIds.join(", ")}).`);
    if (!ctx.config.publicUrl) console.error(NO_PUBLIC_URL);
  } else if (parsed.command === "list") {
    const all = await listPlatforms(ctx);
    if (all.length === 0) console.log("No LMS is registered.");
    for (const p of all) {
      console.log(
        `${p.issuer}\tclient ${p.clientId}\tdeployments ${p.deploymentIds.join(",")}\tauth ${p.authUrl}\ttoken ${p.tokenUrl}\tjwks ${p.jwksUrl}${p.frameOrigins.length ? `\tframes ${p.frameOrigins.join(",")}` : ""}`,
      );
    }
  } else {
    const n = await removePlatform(ctx, parsed.issuer, parsed.clientId);
    if (n === 0) {
      console.error(`No LMS with issuer ${parsed.issuer}${parsed.clientId ? ` and client id ${parsed.clientId}` : ""} is registered.`);
      code = 1;
    } else
      console.log(`Removed ${n} registration${n === 1 ? "" : "s"} of ${parsed.issuer} (with its courses, memberships and resource links).`);
  }
} catch (e) {
  if (!(e instanceof PlatformError)) throw e;
  console.error(e.message);
  code = 1;
} finally {
  await closeContext(ctx);
}
process.exit(code);
