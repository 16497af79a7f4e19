// Opt-in liveness check (--verify): one request per unique key to the endpoint
// the rule file names. fetch is injected so unit tests can stub it.

import type { Rule, RuleVerify } from "../engine/rule.js";
import { ConfigError } from "../errors.js";
import { type Finding, rawSecret } from "../report/finding.js";
import { groupByKey } from "../report/keys.js";

export type FetchLike = (
  url: string,
  init: { method: string; headers: Record<string, string>; signal: AbortSignal; redirect: "error" },
) => Promise<{ status: number; body?: unknown }>;

export interface VerifyOptions {
  env: NodeJS.ProcessEnv;
  fetch?: FetchLike;
  /** Requests in flight at once. */
  concurrency?: number;
  /** Per request, in milliseconds. */
  timeoutMs?: number;
  /** Stop asking after this many network failures in a row (endpoint down): the rest stay null. */
  maxFailures?: number;
}

export const VERIFY_CONCURRENCY = 4;
export const VERIFY_TIMEOUT_MS = 5000;
export const VERIFY_MAX_FAILURES = 3;

/** Loopback hosts: the only ones plain http may reach (tests, local proxies). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, "").toLowerCase();
  return host === "localhost" || host === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** The URL a rule's check goes to; https only, unless the base is loopback. Bad input is exit 2. */
export function resolveVerifyUrl(verify: RuleVerify, env: NodeJS.ProcessEnv): URL {
  const override = verify.baseUrlEnv ? env[verify.baseUrlEnv] : undefined;
  const base = override?.trim() ? override.trim() : verify.baseUrl;
  const from = override ? verify.baseUrlEnv! : "the rule's verify.baseUrl";
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    throw new ConfigError(`${from} is not a valid URL`);
  }
  if (url.username || url.password) throw new ConfigError(`${from} must not hold credentials`);
  if (url.protocol !== "https:" && !(url.protocol === "http:" && isLoopbackHost(url.hostname))) {
    throw new ConfigError(
      `${from} must be an https:// URL (plain http:// only for a loopback address such as 127.0.0.1); got ${url.protocol}//${url.host}`,
    );
  }
  url.pathname = url.pathname.replace(/\/+$/, "") + verify.path;
  url.search = "";
  url.hash = "";
  return url;
}

/** Check every rule's URL before any scanning starts, so a bad TVLY_GUARD_VERIFY_URL fails fast. */
export function checkVerifyUrls(rules: readonly Rule[], env: NodeJS.ProcessEnv): void {
  for (const rule of rules) if (rule.verify) resolveVerifyUrl(rule.verify, env);
}

/** Ask the endpoint about one key: true live, false revoked/invalid, null unknown; "down" when it could not be reached. */
async function askOnce(
  url: URL,
  verify: RuleVerify,
  key: string,
  fetchFn: FetchLike,
  timeoutMs: number,
): Promise<boolean | null | "down"> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    // The key goes in a header only, never in the URL; redirects are refused so it cannot follow one elsewhere.
    const response = await fetchFn(url.href, {
      method: verify.method,
      headers: { [verify.header]: verify.headerValue.replace("{secret}", key) },
      signal: controller.signal,
      redirect: "error",
    });
    // Free the socket; the body (usage figures) is not needed.
    const body = response.body as { cancel?: () => Promise<void> } | null | undefined;
    await body?.cancel?.().catch(() => undefined);
    if (verify.liveStatuses.includes(response.status)) return true;
    if (verify.revokedStatuses.includes(response.status)) return false;
    return response.status === 429 || response.status >= 500 ? "down" : null;
  } catch {
    return "down"; // timeout, refused, DNS, TLS: unknown, and a sign the endpoint is unreachable
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Set `verified` on every finding: one request per unique key, at most
 * `concurrency` at a time, no retries. Returns warnings for the summary.
 */
export async function verifyFindings(
  findings: readonly Finding[],
  rules: readonly Rule[],
  options: VerifyOptions,
): Promise<string[]> {
  const fetchFn = options.fetch ?? (globalThis.fetch as unknown as FetchLike);
  const concurrency = options.concurrency ?? VERIFY_CONCURRENCY;
  const timeoutMs = options.timeoutMs ?? VERIFY_TIMEOUT_MS;
  const maxFailures = options.maxFailures ?? VERIFY_MAX_FAILURES;
  const rulesById = new Map(rules.map((r) => [r.id, r]));
  const groups = groupByKey(findings).filter((g) => rulesById.get(g[0]!.ruleId)?.verify);
  let failuresInARow = 0;
  let unknown = 0;
  let skipped = 0;
  let next = 0;
  const worker = async () => {
    while (next < groups.length) {
      const group = groups[next++]!;
      const verify = rulesById.get(group[0]!.ruleId)!.verify!;
      let result: boolean | null | "down";
      if (failuresInARow >= maxFailures) {
        result = null;
        skipped++;
      } else {
        result = await askOnce(resolveVerifyUrl(verify, options.env), verify, rawSecret(group[0]!), fetchFn, timeoutMs);
        failuresInARow = result === "down" ? failuresInARow + 1 : 0;
      }
      const verified = result === "down" ? null : result;
      if (verified === null) unknown++;
      for (const f of group) f.verified = verified;
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, groups.length) }, worker));
  const warnings: string[] = [];
  if (unknown > 0)
    warnings.push(
      `--verify: could not tell whether ${unknown === 1 ? "1 key is" : `${unknown} keys are`} live (error, timeout or rate limit${skipped ? `; stopped asking after ${maxFailures} failures in a row` : ""}); treat ${unknown === 1 ? "it" : "them"} as live`,
    );
  return warnings;
}
