import { describe, expect, it } from "vitest";
import { renderJson } from "../../../src/report/json.js";
import { renderText } from "../../../src/report/text.js";
import { fakeKeys, redacted } from "../../helpers/fake-key.js";
import { findingsInMessage, reportContext } from "../../helpers/findings.js";

const keys = fakeKeys(5150);
const commit = { sha: "1a2b3c4d5e6f".padEnd(40, "0"), author: "Ada <ada@example.com>", date: "2026-03-04T05:06:07Z" };

describe("findings without a file (messages, notes, blobs)", () => {
  it("text names the commit and says (message); the remediation says how to reword", () => {
    const key = keys.next();
    const text = renderText(
      reportContext(findingsInMessage(`wip ${key}\n`, { location: "commit-message", commit }), "history"),
    );
    expect(text).toContain("commit 1a2b3c4d5e6f (message) line 1:5, Ada <ada@example.com> 2026-03-04");
    expect(text).toContain(redacted(key));
    expect(text).not.toContain(key);
    expect(text).toContain("git commit --amend");
    expect(text).toContain("git rebase -i");
  });

  it("JSON gives the location kind, file null, and the tag or the object", () => {
    const key = keys.next();
    const findings = [
      ...findingsInMessage(`notes ${key}\n`, { location: "tag-message", ref: "v2.0", object: "f".repeat(40) }),
      ...findingsInMessage(`${key}\n`, { location: "blob", object: "9".repeat(40), reachable: false }),
    ];
    const report = JSON.parse(renderJson(reportContext(findings, "history")));
    expect(
      report.findings.map((f: Record<string, unknown>) => [f.location, f.file, f.ref, f.object, f.reachable]),
    ).toEqual([
      ["tag-message", null, "v2.0", "f".repeat(40), undefined],
      ["blob", null, undefined, "9".repeat(40), false],
    ]);
    const text = renderText(reportContext(findings, "history"));
    expect(text).toContain("tag v2.0 (message) line 1:7");
    expect(text).toContain("blob 999999999999 (no commit or path names it) line 1:1 [not reachable from any ref]");
    expect(text).toContain("git gc --prune=now");
  });
});
