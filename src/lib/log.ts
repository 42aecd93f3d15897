// Structured logs: one JSON line per event, with the request id when there is one.
import { requestContext } from "../observe/request-context";

type Level = "debug" | "info" | "warn" | "error";
const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export type Logger = Record<Level, (msg: string, fields?: Record<string, unknown>) => void>;

export function createLogger(level: Level, base: Record<string, unknown> = {}): Logger {
  const make =
    (l: Level) =>
    (msg: string, fields: Record<string, unknown> = {}) => {
      if (ORDER[l] < ORDER[level]) return;
      const request = requestContext.getStore()?.id;
      const line = JSON.stringify({ time: new Date().toISOString(), level: l, msg, ...base, ...(request ? { request } : {}), ...fields });
      (l === "error" || l === "warn" ? process.stderr : process.stdout).write(line + "\n");
    };
  return { debug: make("debug"), info: make("info"), warn: make("warn"), error: make("error") };
}
