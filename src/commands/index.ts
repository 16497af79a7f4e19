// Subcommand name -> lazy loader, so a run loads only the command it needs.
import type { CommandSpec } from "./args.js";

export interface CommandEntry {
  summary: string;
  load: () => Promise<CommandSpec>;
}

export const COMMANDS: Record<string, CommandEntry> = {
  install: {
    summary: "install the pre-commit and commit-msg (and --pre-push) git hooks, via husky when the repository uses it",
    load: async () => (await import("./install.js")).command,
  },
  uninstall: {
    summary: "remove the hooks that install added, and nothing else",
    load: async () => (await import("./uninstall.js")).command,
  },
  message: {
    summary: "scan a commit message file (for commit-msg hooks)",
    load: async () => (await import("./message.js")).command,
  },
  receive: {
    summary: "the server-side check a pre-receive hook runs (install --pre-receive in a bare repository)",
    load: async () => (await import("./receive.js")).command,
  },
  scan: {
    summary: "scan files and directories in the working tree",
    load: async () => (await import("./scan.js")).command,
  },
  staged: {
    summary: "scan what the next commit would add (for pre-commit hooks)",
    load: async () => (await import("./staged.js")).command,
  },
  diff: {
    summary: "scan the lines each commit of a range adds (CI, pre-push hooks)",
    load: async () => (await import("./diff.js")).command,
  },
  fix: {
    summary: "move keys out of working-tree files into a git-ignored .env",
    load: async () => (await import("./fix.js")).command,
  },
  history: {
    summary: "scan every commit reachable from any ref (full-history audit)",
    load: async () => (await import("./history.js")).command,
  },
  schema: {
    summary: "print the JSON Schema of .tvly-guard.json, for editors (--output FILE writes it)",
    load: async () => (await import("./schema.js")).command,
  },
};
