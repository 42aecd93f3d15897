import { configOrExit } from "../config";
import { runMigrations } from "./migrate";

const config = configOrExit();
await runMigrations(config.databaseUrl);
console.log("migrations applied");
