import "i18next-parser";
import type { UserConfig } from "i18next-parser";

// The parser the CLI runs, which the package exports without declaring it.
declare module "i18next-parser" {
  export class parser {
    constructor(options: UserConfig);
    parse(content: string, filename: string): { key: string }[];
  }
}
