// `tvly-guard install`: add the pre-commit (and, with --pre-push, pre-push) hook to this repository.
import { resolve } from "node:path";
import { ExitCode, UsageError } from "../errors.js";
import { displayPath, type HookChange, type HookName, installHooks, installServerHook } from "../install/hooks.js";
import { booleanOption, type CommandSpec, stringOption } from "./args.js";

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
  usage: "tvly-guard install [--pre-push] [--force] | tvly-guard install --pre-receive [--hooks-dir DIR] [--force]",
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
      name: "pre-receive",
      type: "boolean",
      description:
        "in a server's bare repository: install the pre-receive hook instead (refuses any push that brings a key, whatever the client ran)",
    },
    {
      name: "hooks-dir",
      type: "string",
      value: "DIR",
      description:
        "with --pre-receive: write DIR/pre-receive instead (a hosting server's hook directory: GitLab custom_hooks, Gitea hooks/pre-receive.d, Gitolite)",
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
    const hooksDir = stringOption(args, "hooks-dir");
    if (booleanOption(args, "pre-receive")) {
      if (booleanOption(args, "pre-push"))
        throw new UsageError("install: --pre-receive (a server) and --pre-push (a clone) do not go together");
      const { change, runs } = await installServerHook(
        { cwd: io.cwd, env: io.env },
        {
          force: booleanOption(args, "force"),
          ...(hooksDir === undefined ? {} : { hooksDir: resolve(io.cwd, hooksDir) }),
        },
      );
      io.stdout(`tvly-guard: pre-receive: ${SAID[change.action]} ${change.file}\n`);
      io.stdout(`tvly-guard: the hook runs ${runs}.\n`);
      io.stdout(
        "tvly-guard: done. A push that brings a Tavily API key to this repository is now refused, whatever the pusher's own hooks do. Settings: tvly-guard receive --help.\n",
      );
      return ExitCode.clean;
    }
    if (hooksDir !== undefined) throw new UsageError("install: --hooks-dir goes with --pre-receive");
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
