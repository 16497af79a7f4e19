// Subcommand name -> lazy loader, so a run loads only the command it needs.
import type { CommandSpec } from "./args.js";

export interface CommandEntry {
  summary: string;
  load: () => Promise<CommandSpec>;
}

export const COMMANDS: Record<string, CommandEntry> = {
  history: { summary: "scan every commit reachable from any ref (full-history audit)", load: async () => (await import("./history.js")).command },
  scan: { summary: "scan files and directories in the working tree", load: async () => (await import("./scan.js")).command },
};
