// The two questions exposure triage asks about a repository, with its facts
// (bare, HEAD) read once for both.
import type { GitContext } from "./exec.js";
import { readFilesAt } from "./objects.js";
import { readPushedCommits } from "./refs.js";
import { type RepositoryFacts, readRepositoryFacts } from "./repository.js";

export interface ExposureQueries {
  /** See readPushedCommits. */
  readPushed(commits: readonly string[]): Promise<((commit: string) => boolean) | null>;
  /** Each path's bytes at HEAD (null: not there); undefined when there is no HEAD or no repository. */
  readHeadFiles(paths: readonly string[]): Promise<Map<string, Buffer | null> | undefined>;
}

/**
 * Queries for the repository at `ctx` (its facts as the caller read them, or read here);
 * outside one (or unreadable) every answer is "cannot say".
 */
export async function openExposureQueries(
  ctx: GitContext,
  known: Promise<RepositoryFacts> = readRepositoryFacts(ctx),
): Promise<ExposureQueries> {
  const facts = await known.catch(() => null);
  return {
    readPushed: async (commits) => (facts ? readPushedCommits(ctx, commits, facts.bare) : null),
    readHeadFiles: async (paths) => (facts?.head ? readFilesAt(ctx, facts.head, paths) : undefined),
  };
}
