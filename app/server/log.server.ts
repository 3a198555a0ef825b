/**
 * One-line JSON logs on stdout. Errors go to stderr through console.warn, so a
 * failing background task never masquerades as a test's console.error.
 */
type Level = "info" | "warn" | "error";

function write(level: Level, message: string, detail?: Record<string, unknown>) {
  if (process.env.LOG_LEVEL === "silent") return;
  const line = JSON.stringify({ at: new Date().toISOString(), level, message, ...detail });
  if (level === "info") console.log(line);
  else console.warn(line);
}

export const log = {
  info: (message: string, detail?: Record<string, unknown>) => write("info", message, detail),
  warn: (message: string, detail?: Record<string, unknown>) => write("warn", message, detail),
  error: (message: string, error?: unknown, detail?: Record<string, unknown>) =>
    write("error", message, {
      ...detail,
      error: error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : error,
    }),
};
