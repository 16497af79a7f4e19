// `tvly-guard uninstall`: remove the blocks `install` added, and nothing else.
import { ExitCode } from "../errors.js";
import { displayPath, uninstallHooks } from "../install/hooks.js";
import type { CommandSpec } from "./args.js";

const SAID = {
  removed: "removed the tvly-guard block from",
  deleted: "deleted (only tvly-guard was in it)",
  restored: "restored the hook that install --force had moved aside:",
} as const;

export const command: CommandSpec = {
  name: "uninstall",
  summary:
    "Remove the tvly-guard blocks from the pre-commit and pre-push hooks (husky's and git's), leaving every other line as it was.",
  usage: "tvly-guard uninstall",
  allowPositionals: false,
  exitCodes: "Exit codes: 0 done (or nothing to change), 2 usage or runtime error (not a repository, a foreign hook).",
  options: [],
  async run(_args, io) {
    const { layout, looked, changes } = await uninstallHooks({ cwd: io.cwd, env: io.env });
    for (const c of changes)
      io.stdout(`tvly-guard: ${c.hook}: ${SAID[c.action as keyof typeof SAID]} ${displayPath(layout, c.file)}\n`);
    if (changes.length === 0) {
      const where = looked.length
        ? looked.map((f) => displayPath(layout, f)).join(", ")
        : `${displayPath(layout, layout.hooksDir)} (no hooks there)`;
      io.stdout(`tvly-guard: no tvly-guard hook found in ${where}; nothing to do.\n`);
    }
    return ExitCode.clean;
  },
};
