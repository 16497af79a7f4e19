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

/** The facts a caller read, and (history, which lists every ref) whether any remote-tracking ref exists. */
export type KnownFacts = RepositoryFacts & { remoteTracking?: boolean };

/**
 * Queries for the repository at `ctx` (its facts as the caller read them, or
 * read here on the first question: triage of keys that have no commit, as in
 * scan and staged, asks none, so it starts no git); outside a repository (or
 * an unreadable one) every answer is "cannot say".
 */
export async function openExposureQueries(ctx: GitContext, known?: Promise<KnownFacts>): Promise<ExposureQueries> {
  known?.catch(() => {}); // read on the first question, if one comes
  let facts: Promise<KnownFacts | null> | undefined;
  const readFacts = (): Promise<KnownFacts | null> => (facts ??= (known ?? readRepositoryFacts(ctx)).catch(() => null));
  return {
    readPushed: async (commits) => {
      const f = await readFacts();
      return f ? readPushedCommits(ctx, commits, f.bare, f.remoteTracking) : null;
    },
    readHeadFiles: async (paths) => {
      const f = await readFacts();
      return f?.head ? readFilesAt(ctx, f.head, paths) : undefined;
    },
  };
}
