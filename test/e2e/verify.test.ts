import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { COMMANDS } from "../../src/commands/index.js";
import { fakeKeys } from "../helpers/fake-key.js";
import { commitFiles, gitRepo, tempDir, writeFiles } from "../helpers/git-repo.js";
import { runCli } from "../helpers/run-cli.js";
import { runCliAsync } from "../helpers/run-cli-async.js";

const keys = fakeKeys(5005);

/** A stand-in for the Tavily API on 127.0.0.1: answers per key, counts and records requests. */
interface FakeTavily {
  url: string;
  requests: { method: string; url: string; authorization: string | undefined }[];
  answers: Map<string, number | "hang">;
  server: Server;
}

let api: FakeTavily;

beforeEach(async () => {
  const requests: FakeTavily["requests"] = [];
  const answers = new Map<string, number | "hang">();
  const server = createServer((req: IncomingMessage, res) => {
    requests.push({ method: req.method ?? "", url: req.url ?? "", authorization: req.headers.authorization });
    const key = (req.headers.authorization ?? "").replace(/^Bearer /, "");
    const answer = req.url === "/usage" ? (answers.get(key) ?? 401) : 404;
    if (answer === "hang") return; // never answers: the CLI must time out
    res
      .writeHead(answer, { "content-type": "application/json" })
      .end(answer === 200 ? '{"key":{"usage":1}}' : '{"detail":{"error":"Unauthorized"}}');
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  api = { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests, answers, server };
});

afterEach(async () => {
  api.server.closeAllConnections();
  await new Promise((resolve) => api.server.close(resolve));
});

describe("--verify against a local Tavily stand-in", () => {
  it("marks live, revoked, error and timeout keys, one request per unique key, never leaking the key", async () => {
    const k = {
      live: keys.next(),
      revoked: keys.next(),
      forbidden: keys.next(),
      error: keys.next(),
      hang: keys.next(),
    };
    api.answers.set(k.live, 200).set(k.revoked, 401).set(k.forbidden, 403).set(k.error, 500).set(k.hang, "hang");
    const dir = tempDir();
    writeFiles(dir, {
      "a.env": `${Object.values(k)
        .map((key, i) => `K${i}=${key}`)
        .join("\n")}\n`,
      "b.py": `LIVE = "${k.live}"\nAGAIN = "${k.live}"\n`, // same key twice: still one request
    });
    const r = await runCliAsync(["scan", "--verify", "--format", "json"], {
      cwd: dir,
      env: { TVLY_GUARD_VERIFY_URL: api.url },
    });
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    const byKey = (key: string) => report.keys.find((e: { secret: string }) => e.secret === `${key.slice(0, 13)}…`);
    expect(byKey(k.live)).toMatchObject({ verified: true, locations: 3 });
    expect(byKey(k.revoked)).toMatchObject({ verified: false });
    expect(byKey(k.forbidden)).toMatchObject({ verified: false });
    expect(byKey(k.error)).toMatchObject({ verified: null });
    expect(byKey(k.hang)).toMatchObject({ verified: null });
    // Findings carry it too, and the live key comes first in the keys array.
    expect(report.findings.filter((f: { verified: boolean | null }) => f.verified === true)).toHaveLength(3);
    expect(report.keys[0].verified).toBe(true);
    // One GET /usage per unique key, key in the Authorization header only.
    expect(api.requests).toHaveLength(5);
    for (const req of api.requests) {
      expect(req).toMatchObject({ method: "GET", url: "/usage" });
      expect(req.authorization).toMatch(/^Bearer tvly-/);
    }
    expect(new Set(api.requests.map((q) => q.authorization)).size).toBe(5);
    expect(r.stderr).toMatch(/could not tell whether 2 keys are live/);
    for (const key of Object.values(k)) expect(r.stdout + r.stderr).not.toContain(key);
  }, 20_000);

  it("puts a live key first in the text remediation and marks it", async () => {
    const dead = keys.next();
    const live = keys.next();
    api.answers.set(live, 200).set(dead, 401);
    const dir = tempDir();
    writeFiles(dir, { "a.txt": `${dead}\n`, "b.txt": `${live}\n` });
    const r = await runCliAsync(["scan", "--verify"], { cwd: dir, env: { TVLY_GUARD_VERIFY_URL: `${api.url}/` } });
    expect(r.code).toBe(1);
    const blocks = r.stdout.split("What to do")[1]!;
    expect(blocks.indexOf(`● ${live.slice(0, 13)}…`)).toBeLessThan(blocks.indexOf(`● ${dead.slice(0, 13)}…`));
    expect(blocks).toMatch(/LIVE: Tavily accepts this key/);
    expect(blocks).toMatch(/revoked/);
  });

  it("makes no request at all without --verify", async () => {
    const key = keys.next();
    api.answers.set(key, 200);
    const dir = tempDir();
    writeFiles(dir, { "a.txt": `${key}\n` });
    const r = await runCliAsync(["scan", "--format", "json"], { cwd: dir, env: { TVLY_GUARD_VERIFY_URL: api.url } });
    expect(r.code).toBe(1);
    expect(api.requests).toHaveLength(0);
    expect(JSON.parse(r.stdout).keys[0]).toMatchObject({
      verified: null,
      pushed: null,
      inHead: null,
      firstCommit: null,
      ageDays: null,
      locations: 1,
    });
  });

  it.each([
    ["http://example.com", /must be an https:\/\/ URL/],
    ["http://10.0.0.1:8080", /must be an https:\/\/ URL/],
    ["ftp://127.0.0.1", /must be an https:\/\/ URL/],
    ["not a url", /TVLY_GUARD_VERIFY_URL is not a valid URL/],
  ])("refuses %s as a verify endpoint with exit 2 before scanning", (url, message) => {
    const dir = tempDir();
    writeFiles(dir, { "a.txt": `${keys.next()}\n` });
    const r = runCli(["scan", "--verify"], { cwd: dir, env: { TVLY_GUARD_VERIFY_URL: url } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stdout).toBe("");
  });

  it("lists --verify in every scanning command's help", () => {
    // receive is the server's hook (its output goes to the pusher) and schema prints a file: neither takes report options.
    const scanning = (n: string) => n !== "fix" && n !== "receive" && n !== "schema" && !n.includes("install");
    for (const name of Object.keys(COMMANDS).filter(scanning)) {
      expect(runCli([name, "--help"]).stdout, name).toMatch(/--verify/);
    }
  });

  it("verifies in git modes too, next to the triage", async () => {
    const live = keys.next();
    api.answers.set(live, 200);
    const repo = gitRepo({ "README.txt": "demo\n" });
    const sha = commitFiles(repo, { "app.py": `KEY = "${live}"\n` }, "leak");
    const r = await runCliAsync(["diff", `${sha}^!`, "--verify", "--format", "json"], {
      cwd: repo,
      env: { TVLY_GUARD_VERIFY_URL: api.url },
    });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).keys).toMatchObject([
      // No remote-tracking ref to compare with: pushed is unknown, not "no".
      { firstCommit: sha, verified: true, pushed: null, inHead: true, ageDays: 0 },
    ]);
    expect(api.requests).toHaveLength(1);
  });
});
