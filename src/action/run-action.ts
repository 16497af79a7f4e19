// The GitHub Action's work: read the inputs and the event from the
// environment, plan the scan, check the checkout, and run the CLI's own run().
import { readFileSync } from "node:fs";
import { ExitCode, GitError, GuardError, InputError } from "../errors.js";
import { readRepositoryFacts } from "../git/repository.js";
import type { Io } from "../io.js";
import { redactedIo } from "../output/redaction.js";
import { escapeData } from "../report/github.js";
import { run } from "../run.js";
import { type ActionInputs, type GithubEvent, planActionScan, reportRuns } from "./plan.js";

const SHALLOW =
  "this checkout is shallow (actions/checkout fetches a single commit unless told otherwise), so the commits to scan are not here: set `fetch-depth: 0` on the actions/checkout step";

function readInputs(env: NodeJS.ProcessEnv): ActionInputs {
  return {
    mode: (env.TVLY_GUARD_MODE ?? "").trim(),
    range: (env.TVLY_GUARD_RANGE ?? "").trim(),
    format: (env.TVLY_GUARD_FORMAT ?? "").trim(),
    sarif: (env.TVLY_GUARD_SARIF ?? "").trim(),
    args: (env.TVLY_GUARD_ARGS ?? "").split(/\s+/).filter(Boolean),
  };
}

function readEvent(env: NodeJS.ProcessEnv): GithubEvent {
  const name = env.GITHUB_EVENT_NAME ?? "";
  const path = env.GITHUB_EVENT_PATH;
  if (!path) return { name, payload: {} };
  try {
    return { name, payload: JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown> };
  } catch (err) {
    throw new InputError(
      `cannot read the event payload ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
    );
  }
}

/** The checkout's facts; outside a repository, say what the workflow is missing. */
function readCheckout(io: Io) {
  return readRepositoryFacts({ cwd: io.cwd, env: io.env }).catch((err: unknown) => {
    throw new GitError(`${io.cwd} is not inside a git repository: check out the repository first (actions/checkout)`, {
      cause: err,
    });
  });
}

/** Plan, check the checkout, run: the exit code is the CLI's (0 clean, 1 keys found, 2 error). */
export async function runAction(rawIo: Io): Promise<number> {
  const io = redactedIo(rawIo);
  try {
    const inputs = readInputs(io.env);
    const plan = planActionScan(inputs, readEvent(io.env));
    io.stderr(`tvly-guard action: scanning ${plan.describe}\n`);
    if (!plan.command) return ExitCode.clean;
    if (plan.needsHistory && (await readCheckout(io)).shallow) throw new GitError(SHALLOW);
    let code: number = ExitCode.clean;
    for (const argv of reportRuns(plan.command, inputs)) {
      code = await run(argv, io);
      if (code === ExitCode.error) {
        io.stdout(
          `::error title=tvly-guard::${escapeData(`tvly-guard ${argv.join(" ")} failed (exit 2): see the reason in the log`)}\n`,
        );
        return code;
      }
    }
    return code;
  } catch (err) {
    if (!(err instanceof GuardError)) throw err;
    io.stderr(`tvly-guard action: ${err.message}\n`);
    io.stdout(`::error title=tvly-guard::${escapeData(err.message)}\n`);
    return ExitCode.error;
  }
}
