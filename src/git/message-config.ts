// What git strips from a commit message before recording it: core.commentChar and commit.cleanup.
import { type GitContext, runGitForCode } from "./exec.js";

/** The config that decides what git strips: core.commentChar and commit.cleanup. */
export interface MessageConfig {
  commentChar?: string;
  cleanup?: string;
}

/**
 * The two settings as git resolves them here; unset ones (or no repository
 * at all) leave the field unset.
 * https://git-scm.com/docs/git-config#Documentation/git-config.txt-corecommentChar
 *
 *   core.commentchar\n;\0commit.cleanup\nstrip\0      (-z: key, newline, value, NUL)
 */
export async function readMessageConfig(ctx: GitContext): Promise<MessageConfig> {
  // Exit 1: nothing set, all defaults. Outside a repository git still reads the global config.
  const { stdout } = await runGitForCode(
    ctx,
    ["config", "-z", "--get-regexp", "^(core\\.commentchar|commit\\.cleanup)$"],
    [1, 128],
  );
  const config: MessageConfig = {};
  for (const entry of stdout.toString("utf8").split("\0")) {
    const nl = entry.indexOf("\n");
    const [key, value] = [entry.slice(0, nl), entry.slice(nl + 1)];
    if (key === "core.commentchar") config.commentChar = value;
    if (key === "commit.cleanup") config.cleanup = value;
  }
  return config;
}
