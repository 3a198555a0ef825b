/**
 * `npm run dev`: the same Express app with Vite's dev server for instant
 * reloads. Starts the embedded database like `npm start` does.
 */
import express from "express";
import { createServer } from "vite";

const vite = await createServer({ server: { middlewareMode: true }, appType: "custom" });
type MainModule = typeof import("./main.server");
type BootModule = typeof import("./boot.server");
type JobsModule = typeof import("./jobs.server");
const { boot } = (await vite.ssrLoadModule("/app/server/boot.server.ts")) as BootModule;
const { startWorker } = (await vite.ssrLoadModule("/app/server/jobs.server.ts")) as JobsModule;
await boot();
await startWorker();
const app = express();
app.use(vite.middlewares);
app.use(async (req, res, next) => {
  try {
    const { createApp } = (await vite.ssrLoadModule("/app/server/main.server.ts")) as MainModule;
    const handler = createApp(() => vite.ssrLoadModule("virtual:react-router/server-build") as never);
    handler(req, res, next);
  } catch (error) {
    vite.ssrFixStacktrace(error as Error);
    next(error);
  }
});
const port = Number(process.env.PORT ?? 3000);
app.listen(port, () => console.log(`Development server on http://localhost:${port}`));
