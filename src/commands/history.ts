// `tvly-guard history [range...]`: every commit reachable from any ref (or the
// given ones), each (key, file) once with the commit that introduced it.
import { ConfigError, UsageError } from "../errors.js";
import { startHistoryLog } from "../git/log.js";
import { readRepositoryFacts } from "../git/repository.js";
import { type Collected, collectFindings } from "../scan/collect.js";
import { finishScan } from "../scan/finish.js";
import { emptySummary } from "../sources/chunk.js";
import { historySource } from "../sources/history.js";
import { readUnreachableChunks } from "../sources/objects.js";
import { isGeneratedStashMessage, planRefs, type RefPlan, readRefChunks, walkedRevs } from "../sources/refs.js";
import { booleanOption, type CommandSpec, stringOption } from "./args.js";
import { maxFileSizeOption, prepareScan, readMaxFileSize, SCAN_OPTIONS } from "./setup.js";

export const command: CommandSpec = {
  name: "history",
  summary:
    "Scan every commit reachable from any ref (branches, tags, every stash entry; default --all) for Tavily API keys, and their commit messages; with every ref, also annotated tag messages, tags that point at a blob or a tree, and notes. Each distinct (key, file) is reported once, " +
    "with the commit that introduced it and whether HEAD still holds it. Works in bare and mirror clones; never fetches.",
  usage: "tvly-guard history [options] [revision-range...]",
  allowPositionals: true,
  options: [
    ...SCAN_OPTIONS,
    {
      name: "branch",
      type: "string",
      short: "b",
      value: "REF",
      description: "only commits reachable from REF (instead of every ref)",
    },
    {
      name: "all-objects",
      type: "boolean",
      description:
        "also every object no ref reaches (reset-away, rebased and force-pushed commits, reflog-only commits, deleted tags, loose blobs): for server mirrors and forensic audits",
    },
    maxFileSizeOption("blobs"),
  ],
  details: [
    "Examples:",
    "  tvly-guard history                       # all refs",
    "  tvly-guard history --branch main         # main and its ancestors",
    "  tvly-guard history v1.0..HEAD            # a range, as git log takes it",
    "  git clone --mirror URL repo.git && cd repo.git && tvly-guard history --format json",
    "  tvly-guard history --all-objects         # also what no ref reaches (after a reset or a force push)",
    "",
    "A shallow clone is scanned with a warning (older history is not there); a partial (blobless) clone",
    "is never fetched from: blobs it lacks are listed in a warning and not scanned.",
  ].join("\n"),
  async run(args, io) {
    const setup = await prepareScan(args, io);
    const maxFileSize = readMaxFileSize(args, setup);
    const branch = stringOption(args, "branch");
    for (const rev of args.positionals)
      if (rev.startsWith("-"))
        throw new UsageError(`history: "${rev}" is not a revision (see tvly-guard history --help)`);
    if (branch !== undefined && args.positionals.length > 0)
      throw new UsageError("history: give --branch or a revision range, not both");
    if (branch?.startsWith("-")) throw new UsageError(`history: --branch "${branch}" is not a revision`);
    const allObjects = booleanOption(args, "all-objects");
    if (allObjects && (branch !== undefined || args.positionals.length > 0))
      throw new UsageError("history: --all-objects reads the whole object store; give it without --branch or a range");
    const revs = branch !== undefined ? [branch] : args.positionals.length > 0 ? args.positionals : ["--all"];
    const summary = emptySummary();
    const ctx = { cwd: io.cwd, env: io.env };
    const workers = readWorkers(io.env);
    const workersAfterBytes = readWorkersAfter(io.env);
    // The commit walk first (git sorts every commit before it shows one), then the repository's
    // facts and its refs, asked while it walks; the source reads the walk once they are in.
    const started = startHistoryLog(ctx, walkedRevs(revs), { messages: true });
    let plan: RefPlan;
    let collected: Collected;
    try {
      const facts = readRepositoryFacts(ctx);
      facts.catch(() => {}); // the source awaits it: a failure is reported there, after planRefs' own
      plan = await planRefs(ctx, revs);
      // Triage uses the facts instead of asking again, and knows from the ref listing whether there is a remote to compare with.
      const { remoteTracking } = plan;
      setup.facts = remoteTracking === undefined ? facts : facts.then((f) => ({ ...f, remoteTracking }));
      setup.facts.catch(() => {});
      const refPlan = plan;
      // Blobs and commit messages are searched by the source itself (one log pass, worker threads); tags and notes come as chunks.
      const source = {
        ...historySource({
          cwd: io.cwd,
          env: io.env,
          revs: plan.revs,
          facts,
          maxFileSize,
          countCommits: io.stderrIsTTY,
          workers,
          workersAfterBytes,
          messages: { skip: (chunk) => isGeneratedStashMessage(chunk, refPlan) },
          started,
        }),
        async *chunks(counted: typeof summary) {
          yield* readRefChunks(ctx, refPlan, counted, maxFileSize);
          if (allObjects) yield* readUnreachableChunks(ctx, refPlan, counted, maxFileSize);
        },
      };
      collected = await collectFindings(source, setup, summary);
    } finally {
      started.cancel(); // a walk an error kept from being read would wait on a full pipe; read, it has ended already
    }
    // A key only in a stash entry says which one: git stash show -p stash@{n} shows it.
    for (const f of collected.findings) {
      const stash = f.commit === null ? undefined : plan.stash.get(f.commit);
      if (stash && f.location !== "note") f.ref = stash;
    }
    return finishScan(setup, "history", collected, summary);
  },
};

/** TVLY_GUARD_WORKERS_AFTER: bytes the main thread reads before the default workers start (internal: for the tests of that hand-over). */
function readWorkersAfter(env: NodeJS.ProcessEnv): number | undefined {
  const raw = env.TVLY_GUARD_WORKERS_AFTER;
  if (raw === undefined || raw === "") return undefined;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < 0)
    throw new ConfigError(`TVLY_GUARD_WORKERS_AFTER must be a whole number of bytes (got "${raw.slice(0, 20)}")`);
  return n;
}

/** TVLY_GUARD_WORKERS: worker threads searching blobs (1: on the main thread); unset: one per core, once a history proves big (none on two cores). */
function readWorkers(env: NodeJS.ProcessEnv): number | undefined {
  const raw = env.TVLY_GUARD_WORKERS;
  if (raw === undefined || raw === "") return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 64)
    throw new ConfigError(`TVLY_GUARD_WORKERS must be a whole number from 1 to 64 (got "${raw.slice(0, 20)}")`);
  return n;
}
