import type { UserConfig } from "i18next-parser";

declare const config: UserConfig & { input: string[] };
export default config;
