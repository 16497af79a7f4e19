// `tvly-guard receive`: the server-side gate a pre-receive hook runs. Reads
// git's `<old> <new> <ref>` lines, scans only what the push makes new, and
// refuses the whole push when a key is in it. Bounded in time (fail closed by
// default) and skippable only when the server's admin allows it; every
// decision goes to a log on the server.
import { appendFileSync } from "node:fs";
import { isAbsolute, join } from "node:path";
import { ConfigError, ExitCode, UsageError } from "../errors.js";
import { readGuardConfig } from "../git/receive.js";
import { readRepositoryFacts } from "../git/repository.js";
import { type Io, readStdinText } from "../io.js";
import { collectFindings } from "../scan/collect.js";
import { finishScan } from "../scan/finish.js";
import { emptySummary } from "../sources/chunk.js";
import { parseReceiveLines, type RefUpdate, readPushChunks } from "../sources/push.js";
import { chunkSource } from "../sources/source.js";
import type { CommandSpec } from "./args.js";
import { prepareScan, readMaxFileSize } from "./setup.js";

/** The push option a pusher sends (`git push -o tvly-guard.skip`) to ask for the bypass. */
export const SKIP_OPTION = "tvly-guard.skip";
/** Seconds a push may be checked for, unless tvly-guard.timeout says otherwise. */
export const DEFAULT_TIMEOUT_SECONDS = 60;

/** The admin's settings, from git config on the server (tvly-guard.*). */
interface ServerPolicy {
  timeoutSeconds: number;
  onTimeout: "reject" | "accept";
  allowSkip: boolean;
  /** Absolute log file, or null (tvly-guard.log = off). */
  log: string | null;
}

function readPolicy(config: Map<string, string>, gitDir: string): ServerPolicy {
  const timeout = config.get("timeout") ?? String(DEFAULT_TIMEOUT_SECONDS);
  const seconds = Number(timeout);
  if (!/^\d+$/.test(timeout.trim()) || !Number.isSafeInteger(seconds))
    throw new ConfigError(`tvly-guard.timeout must be a whole number of seconds (0: no bound), not "${timeout}"`);
  const onTimeout = (config.get("ontimeout") ?? "reject").toLowerCase();
  if (onTimeout !== "reject" && onTimeout !== "accept")
    throw new ConfigError(`tvly-guard.onTimeout must be reject or accept, not "${onTimeout}"`);
  const allow = (config.get("allowskip") ?? "false").toLowerCase();
  const log = config.get("log") ?? "tvly-guard.log";
  return {
    timeoutSeconds: seconds,
    onTimeout,
    allowSkip: ["true", "yes", "on", "1"].includes(allow),
    log: log === "off" ? null : isAbsolute(log) ? log : join(gitDir, log),
  };
}

/** The push options git hands the hook (only when the server sets receive.advertisePushOptions). */
function pushOptions(env: NodeJS.ProcessEnv): string[] {
  const count = Number(env.GIT_PUSH_OPTION_COUNT ?? 0);
  return Array.from({ length: Number.isSafeInteger(count) ? count : 0 }, (_, i) => env[`GIT_PUSH_OPTION_${i}`] ?? "");
}

/** Who pushed, as the hosting software tells its hooks (GitLab, Gitea/Forgejo, Gitolite, HTTP, ssh). */
function pusher(env: NodeJS.ProcessEnv): string {
  return env.GL_USERNAME ?? env.GITEA_PUSHER_NAME ?? env.GL_USER ?? env.REMOTE_USER ?? env.USER ?? "unknown";
}

function writeLog(policy: ServerPolicy, env: NodeJS.ProcessEnv, updates: readonly RefUpdate[], outcome: string): void {
  if (!policy.log) return;
  const refs = updates.map((u) => `${u.ref}:${u.old.slice(0, 12)}..${u.new.slice(0, 12)}`).join(" ");
  try {
    appendFileSync(policy.log, `${new Date().toISOString()} pusher=${pusher(env)} ${outcome} ${refs}\n`);
  } catch {
    // A log the hook cannot write must not decide the push; the pusher's output still says what happened.
  }
}

export const command: CommandSpec = {
  name: "receive",
  summary:
    "The server-side check for a pre-receive hook (tvly-guard install --pre-receive): reads git's <old> <new> <ref> lines from stdin, scans only what the push makes new to the server (commits no existing ref reaches, their messages, new annotated tags and what they point at), and refuses the whole push when a key is in it.",
  usage: "tvly-guard receive < pre-receive lines",
  allowPositionals: false,
  options: [],
  details: [
    "Server settings (git config in the repository, or --system for every repository):",
    `  tvly-guard.timeout SECONDS   bound on one push's check (default ${DEFAULT_TIMEOUT_SECONDS}; 0: no bound)`,
    "  tvly-guard.onTimeout reject|accept   what a check that hits the bound does (default reject: fail closed)",
    `  tvly-guard.allowSkip true    honour \`git push -o ${SKIP_OPTION}\` (also needs receive.advertisePushOptions true)`,
    "  tvly-guard.log FILE|off      where decisions are logged (default tvly-guard.log in the repository)",
  ].join("\n"),
  exitCodes:
    "Exit codes: 0 accept the push, 1 keys found (refuse), 2 could not check, or the time bound was hit (refuse).",
  async run(args, io: Io) {
    if (io.stdin && (io.stdin as { isTTY?: boolean }).isTTY)
      throw new UsageError("receive reads git's pre-receive lines from stdin; run it from a pre-receive hook");
    const ctx = { cwd: io.cwd, env: io.env };
    const facts = await readRepositoryFacts(ctx);
    const policy = readPolicy(await readGuardConfig(ctx), facts.gitDir);
    const updates = parseReceiveLines(await readStdinText(io));
    if (pushOptions(io.env).includes(SKIP_OPTION)) {
      if (policy.allowSkip) {
        writeLog(policy, io.env, updates, "skipped (push option tvly-guard.skip)");
        io.stderr(
          `tvly-guard: check skipped: push option ${SKIP_OPTION}, allowed on this server (tvly-guard.allowSkip); this push is logged.\n`,
        );
        return ExitCode.clean;
      }
      io.stderr(`tvly-guard: push option ${SKIP_OPTION} is not enabled on this server; checking as usual.\n`);
    }
    const setup = await prepareScan(args, io);
    const summary = emptySummary();
    const scan = (async () => {
      const chunks = readPushChunks(ctx, updates, summary, readMaxFileSize(args, setup));
      return finishScan(
        setup,
        "receive",
        await collectFindings(
          chunkSource(() => chunks),
          setup,
          summary,
        ),
        summary,
      );
    })();
    const code = await withBound(scan, policy.timeoutSeconds);
    if (code === "timeout") {
      const accept = policy.onTimeout === "accept";
      writeLog(policy, io.env, updates, accept ? "accepted unchecked (time bound)" : "refused (time bound)");
      io.stderr(
        `tvly-guard: the check did not finish within ${policy.timeoutSeconds} s (tvly-guard.timeout), so this push is ${accept ? "accepted UNCHECKED (tvly-guard.onTimeout accept)" : "refused (fail closed); push fewer commits at a time, or ask the server's admin to raise tvly-guard.timeout"}.\n`,
      );
      // The scan's git processes are still reading: leave now, they stop when their pipes close.
      setTimeout(() => process.exit(accept ? ExitCode.clean : ExitCode.error), 100).unref();
      return accept ? ExitCode.clean : ExitCode.error;
    }
    writeLog(
      policy,
      io.env,
      updates,
      code === ExitCode.clean ? "accepted" : code === ExitCode.findings ? "refused (keys)" : "refused (error)",
    );
    return code;
  },
};

/** The scan's exit code, or "timeout" once `seconds` have passed (0: no bound). */
async function withBound(scan: Promise<number>, seconds: number): Promise<number | "timeout"> {
  if (seconds === 0) return scan;
  let timer: NodeJS.Timeout | undefined;
  const bound = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), seconds * 1000);
  });
  try {
    return await Promise.race([scan, bound]);
  } finally {
    clearTimeout(timer);
  }
}
