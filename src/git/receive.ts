// What a pre-receive hook asks git on the server: the tvly-guard.* settings
// the admin set, and the type of each pushed object (inside the quarantine:
// the environment git gives the hook points at the pushed objects, and every
// call here inherits it).
// https://git-scm.com/docs/git-receive-pack#_quarantine_environment
import { type GitContext, runGit, runGitForCode } from "./exec.js";

/**
 * Every `tvly-guard.*` setting (system, global and repository config), keys lower-cased.
 * https://git-scm.com/docs/git-config#_configuration_file
 *
 *   tvly-guard.timeout\n120\0tvly-guard.allowskip\ntrue\0
 */
export async function readGuardConfig(ctx: GitContext): Promise<Map<string, string>> {
  const { stdout } = await runGitForCode(ctx, ["config", "-z", "--get-regexp", "^tvly-guard\\."]);
  const config = new Map<string, string>();
  for (const entry of stdout.toString("utf8").split("\0")) {
    const nl = entry.indexOf("\n");
    if (nl > 0) config.set(entry.slice("tvly-guard.".length, nl), entry.slice(nl + 1));
  }
  return config;
}

/**
 * The type of each object ("commit", "tag", "tree", "blob"; absent: missing).
 * https://git-scm.com/docs/git-cat-file#_batch_output
 *
 *   <oid> commit 241\n   or   <oid> missing\n
 */
export async function readObjectTypes(ctx: GitContext, oids: readonly string[]): Promise<Map<string, string>> {
  const types = new Map<string, string>();
  if (oids.length === 0) return types;
  const out = (await runGit(ctx, ["cat-file", "--batch-check"], `${oids.join("\n")}\n`)).toString("utf8");
  for (const line of out.split("\n")) {
    const [oid = "", type = ""] = line.split(" ");
    if (type && type !== "missing") types.set(oid, type);
  }
  return types;
}
