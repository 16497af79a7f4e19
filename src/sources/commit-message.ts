// The message a commit-msg hook is handed (.git/COMMIT_EDITMSG), as one chunk,
// with the lines git will strip before committing blanked out: the editor's
// comment lines and, below the scissors line, `git commit -v`'s diff.
// https://git-scm.com/docs/git-commit#Documentation/git-commit.txt---cleanupltmodegt

import { readFileSync } from "node:fs";
import { InputError } from "../errors.js";
import type { MessageConfig } from "../git/message-config.js";
import type { ScanSummary } from "./chunk.js";
import { type Chunk, countMessage } from "./chunk.js";

/** What git will drop from the message file: comment lines, and everything from the scissors line on. */
export interface Cleanup {
  commentChar: string;
  stripComments: boolean;
  cutAtScissors: boolean;
}

/**
 * Mirror git's cleanup. Git sets GIT_EDITOR=":" for hooks when no editor is
 * opened (`-m`, `-F`, `-C`); then the default mode is "whitespace", which
 * keeps `#` lines, so they are committed and must be scanned.
 */
export function cleanupFor(config: MessageConfig, env: NodeJS.ProcessEnv): Cleanup {
  const edited = env.GIT_EDITOR !== ":";
  const mode = (config.cleanup ?? "default").toLowerCase();
  // "auto" picks a character not used in the message: the template's own comments then use it,
  // which this hook cannot know; "#" is git's default and what templates use almost always.
  const char = config.commentChar && config.commentChar !== "auto" ? config.commentChar : "#";
  return {
    commentChar: char,
    stripComments: mode === "strip" || (mode === "default" && edited),
    cutAtScissors: mode !== "verbatim" && edited,
  };
}

const SCISSORS = " ------------------------ >8 ------------------------";

/** The message with the lines git strips replaced by empty ones, so line numbers stay those of the file. */
export function keptMessage(data: Buffer, cleanup: Cleanup): Buffer {
  const lines = data.toString("latin1").split("\n");
  const kept: string[] = [];
  for (const line of lines) {
    const bare = line.replace(/\r$/, "");
    if (cleanup.cutAtScissors && bare === cleanup.commentChar + SCISSORS) break;
    kept.push(cleanup.stripComments && line.startsWith(cleanup.commentChar) ? "" : line);
  }
  return Buffer.from(kept.join("\n"), "latin1");
}

/** Read the message file (a commit-msg hook's $1) as the chunk git would commit. */
export function readCommitMessageChunk(file: string, cleanup: Cleanup, summary: ScanSummary): Chunk {
  let data: Buffer;
  try {
    data = readFileSync(file);
  } catch (err) {
    throw new InputError(`cannot read the commit message file ${file}: ${(err as NodeJS.ErrnoException).code ?? err}`);
  }
  const kept = keptMessage(data, cleanup);
  return { path: "", location: "commit-message", data: kept, startLine: 1, binary: countMessage(summary, kept) };
}
