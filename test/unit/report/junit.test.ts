import { DOMParser, type Element } from "@xmldom/xmldom";
import { describe, expect, it } from "vitest";
import { renderJunit } from "../../../src/report/junit.js";
import { fakeKeys, redacted } from "../../helpers/fake-key.js";
import { findingsIn, reportContext } from "../../helpers/findings.js";

/** Parse with a real XML parser; any error fails the test (xmldom's one warning, for U+FFFD, is a hint, not an error). */
function parseXml(text: string) {
  const problems: string[] = [];
  const onError = (level: string, message: string) => {
    if (level !== "warning") problems.push(`${level}: ${message}`);
  };
  const doc = new DOMParser({ onError }).parseFromString(text, "text/xml");
  expect(problems).toEqual([]);
  return doc;
}

const all = (el: { getElementsByTagName(n: string): ArrayLike<Element> }, name: string) =>
  Array.from(el.getElementsByTagName(name));
const keys = fakeKeys(2626);

describe("renderJunit", () => {
  it("is one failed test case per finding, parseable, with counts that agree and no whole key", () => {
    const [a, b] = [keys.next("tvly-dev-"), keys.next()];
    const findings = [
      ...findingsIn('odd <name> & "quote".env', `A=${a}\n`),
      ...findingsIn("src/app.py", `\n\nk = "${b}"\n`, {
        sha: "d".repeat(40),
        author: "Bo <bo@example.com>",
        date: "2026-01-02T03:04:05Z",
      }),
    ];
    const ctx = reportContext(findings, "diff");
    ctx.summary.warnings.push("1 blob could not be read");
    ctx.timing = { start: new Date("2026-03-04T05:06:07.000Z"), end: new Date("2026-03-04T05:06:08.250Z") };
    const text = renderJunit(ctx);
    expect(text).not.toContain(a);
    expect(text).not.toContain(b);
    const doc = parseXml(text);
    const root = doc.documentElement!;
    expect(root.tagName).toBe("testsuites");
    expect(root.getAttribute("tests")).toBe("2");
    expect(root.getAttribute("failures")).toBe("2");
    const suite = all(root, "testsuite")[0]!;
    expect(suite.getAttribute("name")).toBe("tvly-guard diff");
    expect(suite.getAttribute("time")).toBe("1.250");
    expect(suite.getAttribute("timestamp")).toBe("2026-03-04T05:06:07");
    const cases = all(suite, "testcase");
    expect(cases.map((c) => c.getAttribute("name"))).toEqual([
      'odd <name> & "quote".env:1:3',
      `src/app.py:3:6 (commit ${"d".repeat(12)})`,
    ]);
    expect(cases.map((c) => c.getAttribute("classname"))).toEqual([
      "tvly-guard.tavily-api-key",
      "tvly-guard.tavily-api-key",
    ]);
    expect(cases[1]!.getAttribute("file")).toBe("src/app.py");
    expect(cases[1]!.getAttribute("line")).toBe("3");
    const failure = all(cases[0]!, "failure")[0]!;
    expect(failure.getAttribute("type")).toBe("tavily-api-key");
    expect(failure.getAttribute("message")).toContain(redacted(a));
    expect(failure.textContent).toContain("Key fingerprint: ");
    expect(all(cases[1]!, "failure")[0]!.textContent).toContain(`Commit: ${"d".repeat(40)} by Bo <bo@example.com>`);
    expect(all(suite, "system-err")[0]!.textContent).toBe("warning: 1 blob could not be read");
    expect(all(suite, "system-out")[0]!.textContent).toMatch(/^tvly-guard diff: scanned 2 commits, 3 blobs/);
  });

  it("a clean scan is one passing test case (Jenkins treats a file with no test as a failure)", () => {
    const doc = parseXml(renderJunit(reportContext([], "staged")));
    const root = doc.documentElement!;
    expect(root.getAttribute("tests")).toBe("1");
    expect(root.getAttribute("failures")).toBe("0");
    const cases = all(root, "testcase");
    expect(cases).toHaveLength(1);
    expect(cases[0]!.getAttribute("name")).toBe("no keys found");
    expect(all(root, "failure")).toHaveLength(0);
    expect(all(root, "system-err")).toHaveLength(0);
  });

  it("replaces characters XML cannot hold (control bytes in a file name) instead of writing a broken file", () => {
    const findings = findingsIn("bad\u0001name\u001b[31m.env", `K=${keys.next()}\n`);
    const doc = parseXml(renderJunit(reportContext(findings)));
    expect(all(doc.documentElement!, "testcase")[0]!.getAttribute("name")).toBe("bad\uFFFDname\uFFFD[31m.env:1:3");
  });
});
