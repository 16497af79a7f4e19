// git questions for issue 12 (messages, refs, objects, the pre-receive gate), kept
// apart until the git layer (src/git/) lands; then they move there.

import type { MessageConfig } from "./commit-message.js";
import { execGit, type GitContext } from "./git.js";

/**
 * core.commentChar and commit.cleanup, as git resolves them here (missing
 * ones, or no repository at all, leave the field unset).
 * https://git-scm.com/docs/git-config#Documentation/git-config.txt-corecommentChar
 */
export async function readMessageConfig(ctx: GitContext): Promise<MessageConfig> {
  // `--get-regexp` exits 1 when nothing matches: that is "all defaults".
  const out = await execGit(ctx, ["config", "-z", "--get-regexp", "^(core\\.commentchar|commit\\.cleanup)$"]).catch(
    () => Buffer.alloc(0),
  );
  const config: MessageConfig = {};
  // -z: "core.commentchar\n;\0commit.cleanup\nstrip\0"
  for (const entry of out.toString("utf8").split("\0")) {
    const [key, value] = [entry.slice(0, entry.indexOf("\n")), entry.slice(entry.indexOf("\n") + 1)];
    if (key === "core.commentchar") config.commentChar = value;
    if (key === "commit.cleanup") config.cleanup = value;
  }
  return config;
}
