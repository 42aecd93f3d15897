// `bun run lti:keys rotate|list`: the tool's signing keys (src/lti/keys.ts).
import { configOrExit } from "../config";
import { closeContext, createContext } from "../context";
import { publishedKeys, rotateKeys } from "./keys";

const USAGE = "usage: bun run lti:keys rotate|list";
const command = process.argv[2];
if ((command !== "rotate" && command !== "list") || process.argv.length > 3) {
  console.error(USAGE);
  process.exit(2);
}
const config = configOrExit();
const ctx = createContext(config, "lti-keys");
try {
  if (command === "rotate") {
    const r = await rotateKeys(ctx);
    console.log(
      `New signing key ${r.kid}.${r.retired.length ? ` Retired ${r.retired.join(", ")}: published for ${config.lti.keyOverlapDays} more days (LTI_KEY_OVERLAP_DAYS).` : ""}${r.deleted ? ` Deleted ${r.deleted} key(s) retired longer ago.` : ""}`,
    );
  } else {
    for (const k of (await publishedKeys(ctx)).keys) console.log(k.kid);
  }
} finally {
  await closeContext(ctx);
}
