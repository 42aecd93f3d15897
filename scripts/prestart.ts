// Before the web server starts: services answering, migrations applied, assignments loaded.
// With SYNC_ASSIGNMENTS_ON_START=false (Kubernetes' web pods) the assignments are left as they
// are: the migrate Job syncs them, so a restarted pod of an older image cannot bring its older
// course back (docs/design.md §13).

import { announceSync } from "../src/assignments/announce";
import { syncAssignments, syncSummary } from "../src/assignments/sync";
import { configOrExit } from "../src/config";
import { createDb } from "../src/db/client";
import { runMigrations } from "../src/db/migrate";
import { ensureServices } from "./services";

const config = configOrExit();
await ensureServices(config);
await runMigrations(config.databaseUrl);
if (config.syncAssignmentsOnStart) {
  const { db, sql } = createDb(config.databaseUrl, 1);
  const synced = await syncAssignments(db, config.assignmentsDir);
  await sql.end();
  // Web processes already running (other replicas, pods started before the Job's sync) reload.
  await announceSync(config);
  console.log(`database ready, ${syncSummary(synced)}`);
} else {
  console.log("database ready; assignments not synced (SYNC_ASSIGNMENTS_ON_START=false: the migrate Job syncs them)");
}
