// Subcommand name -> lazy loader, so a run loads only the command it needs.
import type { CommandSpec } from "./args.js";

export interface CommandEntry {
  summary: string;
  load: () => Promise<CommandSpec>;
}

export const COMMANDS: Record<string, CommandEntry> = {
  scan: { summary: "scan files and directories in the working tree", load: async () => (await import("./scan.js")).command },
  fix: { summary: "move keys out of working-tree files into a git-ignored .env", load: async () => (await import("./fix.js")).command },
};
