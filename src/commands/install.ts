// `tvly-guard install`: add the pre-commit (and, with --pre-push, pre-push) hook to this repository.
import { ExitCode } from "../errors.js";
import { displayPath, type HookChange, type HookName, installHooks } from "../install/hooks.js";
import { booleanOption, type CommandSpec } from "./args.js";

const SAID: Record<HookChange["action"], string> = {
  created: "created",
  added: "added the tvly-guard block to the existing hook",
  updated: "updated the tvly-guard block in",
  unchanged: "already installed in",
  replaced: "moved the existing hook aside (it now runs after the check) and installed",
  removed: "removed from",
  deleted: "deleted",
  restored: "restored",
};

export const command: CommandSpec = {
  name: "install",
  summary:
    "Install the git hooks: pre-commit runs `tvly-guard staged`, commit-msg runs `tvly-guard message`; with --pre-push, pre-push scans the commits being pushed. Uses husky (.husky/) when the repository does, else the hooks directory git uses (core.hooksPath, worktrees). Safe to run again.",
  usage: "tvly-guard install [--pre-push] [--force]",
  allowPositionals: false,
  exitCodes:
    "Exit codes: 0 done (or nothing to change), 2 usage or runtime error (not a repository, a foreign hook without --force).",
  options: [
    {
      name: "pre-push",
      type: "boolean",
      description: "also install the pre-push hook (scans the commits not yet on the remote)",
    },
    {
      name: "force",
      type: "boolean",
      description:
        "move aside an existing hook tvly-guard cannot edit (not a shell script, or disabled); an enabled one still runs, after the check",
    },
  ],
  details: [
    "An existing hook is kept: the tvly-guard block is added to it between marker lines, and",
    "`tvly-guard uninstall` removes exactly that block. The hook never downloads anything: it runs",
    "node_modules/.bin/tvly-guard, else this installation, else tvly-guard on PATH, and refuses the",
    "commit with a how-to-fix message if none of them is there.",
    "",
    "Examples:",
    "  npx tvly-guard install",
    "  npx tvly-guard install --pre-push",
  ].join("\n"),
  async run(args, io) {
    const hooks: HookName[] = [
      "pre-commit",
      "commit-msg",
      ...(booleanOption(args, "pre-push") ? ["pre-push" as const] : []),
    ];
    const result = await installHooks({ cwd: io.cwd, env: io.env }, hooks, { force: booleanOption(args, "force") });
    const { layout, husky } = result;
    for (const c of result.changes)
      io.stdout(`tvly-guard: ${c.hook}: ${SAID[c.action]} ${displayPath(layout, c.file)}\n`);
    io.stdout(`tvly-guard: the hook runs ${result.runs}.\n`);
    if (husky?.inactive)
      io.stdout(
        "tvly-guard: note: husky has not set core.hooksPath in this clone yet, so the hooks do not fire until it does: run npm install (its prepare script runs husky) or npx husky.\n",
      );
    const git = hooks.includes("pre-push") ? "git commit or git push" : "git commit";
    io.stdout(
      `tvly-guard: done. A ${git} that adds a Tavily API key (in a file or a commit message) is now refused; tvly-guard uninstall removes the hooks.\n`,
    );
    return ExitCode.clean;
  },
};
