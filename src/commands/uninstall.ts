// `tvly-guard uninstall`: remove the blocks `install` added, and nothing else.
import { resolve } from "node:path";
import { ExitCode } from "../errors.js";
import { displayPath, isBareRepository, uninstallHooks, uninstallServerHook } from "../install/hooks.js";
import { type CommandSpec, stringOption } from "./args.js";

const SAID = {
  removed: "removed the tvly-guard block from",
  deleted: "deleted (only tvly-guard was in it)",
  restored: "restored the hook that install --force had moved aside:",
} as const;

export const command: CommandSpec = {
  name: "uninstall",
  summary:
    "Remove the tvly-guard blocks from the pre-commit, commit-msg and pre-push hooks (husky's and git's), or, in a server's bare repository, from its pre-receive hook, leaving every other byte as it was.",
  usage: "tvly-guard uninstall [--hooks-dir DIR]",
  allowPositionals: false,
  exitCodes: "Exit codes: 0 done (or nothing to change), 2 usage or runtime error (not a repository, a foreign hook).",
  options: [
    {
      name: "hooks-dir",
      type: "string",
      value: "DIR",
      description: "remove the block from DIR/pre-receive (where install --pre-receive --hooks-dir DIR wrote it)",
    },
  ],
  async run(args, io) {
    const ctx = { cwd: io.cwd, env: io.env };
    const hooksDir = stringOption(args, "hooks-dir");
    // A server's pre-receive hook: in a bare repository, or in the hook directory install was given.
    const server = hooksDir !== undefined || (await isBareRepository(ctx));
    const { layout, looked, changes } = server
      ? await uninstallServerHook(ctx, hooksDir === undefined ? {} : { hooksDir: resolve(io.cwd, hooksDir) })
      : await uninstallHooks(ctx);
    for (const c of changes)
      io.stdout(`tvly-guard: ${c.hook}: ${SAID[c.action as keyof typeof SAID]} ${displayPath(layout, c.file)}\n`);
    if (changes.length === 0) {
      const where = looked.length
        ? looked.map((f) => displayPath(layout, f)).join(", ")
        : `${displayPath(layout, layout.hooksDir)} (no ${server ? "pre-receive hook" : "hooks"} there)`;
      io.stdout(`tvly-guard: no tvly-guard hook found in ${where}; nothing to do.\n`);
    }
    return ExitCode.clean;
  },
};
