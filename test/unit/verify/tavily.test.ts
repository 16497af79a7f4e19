import { describe, expect, it } from "vitest";
import { detectSecrets } from "../../../src/engine/detect.js";
import { builtinRules } from "../../../src/engine/rule.js";
import { toFinding } from "../../../src/report/finding.js";
import { type FetchLike, isLoopbackHost, resolveVerifyUrl, verifyFindings } from "../../../src/verify/tavily.js";
import { fakeKeys } from "../../helpers/fake-key.js";

const rules = builtinRules();
const keys = fakeKeys(77);

function findingsFor(list: string[]) {
  const chunk = { path: "f", data: Buffer.from(list.join("\n")), startLine: 1 };
  return detectSecrets(chunk, rules).map((m) => toFinding(m, chunk));
}

describe("verify", () => {
  it("takes method, path and header from the rule file", async () => {
    const key = keys.next();
    const seen: { url: string; method: string; headers: Record<string, string> }[] = [];
    const fetch: FetchLike = async (url, init) => {
      seen.push({ url, method: init.method, headers: init.headers });
      return { status: 200 };
    };
    const [f] = findingsFor([key]);
    await verifyFindings([f!], rules, { env: {}, fetch });
    const v = rules[0]!.verify!;
    expect(seen).toEqual([
      {
        url: `${v.baseUrl}${v.path}`,
        method: v.method,
        headers: { [v.header]: v.headerValue.replace("{secret}", key) },
      },
    ]);
    expect(f!.verified).toBe(true);
  });

  it("keeps at most `concurrency` requests in flight and stops after repeated failures", async () => {
    let inFlight = 0;
    let peak = 0;
    let calls = 0;
    const fetch: FetchLike = async () => {
      calls++;
      peak = Math.max(peak, ++inFlight);
      await new Promise((r) => setTimeout(r, 5));
      inFlight--;
      throw new Error("ECONNREFUSED");
    };
    const found = findingsFor(Array.from({ length: 20 }, () => keys.next()));
    const warnings = await verifyFindings(found, rules, { env: {}, fetch, concurrency: 2, maxFailures: 3 });
    expect(peak).toBe(2);
    expect(calls).toBeLessThanOrEqual(4); // 3 failures in a row, plus one already in flight
    expect(found.every((f) => f.verified === null)).toBe(true);
    expect(warnings[0]).toMatch(/20 keys .*stopped asking after 3 failures/);
  });

  it("accepts https anywhere and http only on loopback", () => {
    const v = rules[0]!.verify!;
    expect(resolveVerifyUrl(v, { [v.baseUrlEnv!]: "http://localhost:9/base/" }).href).toBe(
      `http://localhost:9/base${v.path}`,
    );
    expect(resolveVerifyUrl(v, { [v.baseUrlEnv!]: "http://[::1]:9" }).href).toBe(`http://[::1]:9${v.path}`);
    expect(resolveVerifyUrl(v, { [v.baseUrlEnv!]: "https://proxy.example" }).href).toBe(
      `https://proxy.example${v.path}`,
    );
    expect(() => resolveVerifyUrl(v, { [v.baseUrlEnv!]: "http://127.example.com" })).toThrow(/https/);
    expect(() => resolveVerifyUrl(v, { [v.baseUrlEnv!]: "https://u:p@host" })).toThrow(/credentials/);
    expect(isLoopbackHost("127.1.2.3")).toBe(true);
    expect(isLoopbackHost("128.0.0.1")).toBe(false);
  });
});
