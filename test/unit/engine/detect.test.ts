import { describe, expect, it } from "vitest";
import { detectSecrets } from "../../../src/engine/detect.js";
import { builtinRules, compileRule, type Rule } from "../../../src/engine/rule.js";
import { expandSample, fakeKeys } from "../../helpers/fake-key.js";
import { ACME_RULE } from "../../helpers/rules.js";

const rules = builtinRules();
const keys = fakeKeys(7);
const UNKNOWN = "tavily-api-key-unknown-format";
const detect = (text: string | Buffer, startLine = 1) =>
  detectSecrets({ path: "f", data: Buffer.isBuffer(text) ? text : Buffer.from(text), startLine }, rules);

describe("detectSecrets", () => {
  it.each(["tvly-", "tvly-dev-", "tvly-prod-"] as const)("finds %s keys with line and column", (prefix) => {
    const key = keys.next(prefix);
    const [m, ...rest] = detect(`first line\nconst k = "${key}";\n`);
    expect(rest).toEqual([]);
    expect(m).toMatchObject({ secret: key, prefix, line: 2, column: 12 });
  });

  const ids = (found: { rule: { id: string } }[]) => found.map((m) => m.rule.id);

  it("requires a known-format key to stand alone as a token; longer tokens are unknown-format warnings", () => {
    const key = keys.next("tvly-");
    expect(detect(`x${key}`)).toEqual([]);
    expect(ids(detect(`${key}Z`))).toEqual([UNKNOWN]);
    expect(ids(detect(`${key}_old`))).toEqual([UNKNOWN]);
    expect(detect(`${key}Z`)[0]!.rule.severity).toBe("warning");
    expect(ids(detect(`"${key}"`))).toEqual(["tavily-api-key"]);
    expect(ids(detect(`?tavilyApiKey=${key}&x=1`))).toEqual(["tavily-api-key"]);
    const segmented = keys.shaped({ prefix: "tvly-dev-", segments: [5, 42], alphabet: "A-Za-z0-9" });
    expect(detect(`x${segmented}`)).toEqual([]);
    expect(ids(detect(`${segmented}Z`))).toEqual([UNKNOWN]);
    expect(ids(detect(`'${segmented}'`))).toEqual(["tavily-api-key-segmented"]);
  });

  it("reports bodies of no known length only through the unknown-format rule", () => {
    for (const text of [`tvly-dev-${keys.body(31)}`, `tvly-dev-${keys.body(33)}`, `tvly-${keys.body(40)}`])
      expect(ids(detect(text)), text).toEqual([UNKNOWN]);
    const first = (n: number) => `tvly-dev-${keys.body(n)}-${keys.body(42)}`;
    expect(ids(detect(first(3)))).toEqual([UNKNOWN]);
    expect(ids(detect(first(9)))).toEqual([UNKNOWN]);
    for (const n of [4, 5, 6, 7, 8]) expect(ids(detect(first(n)))).toEqual(["tavily-api-key-segmented"]);
    expect(ids(detect(`tvly-dev-${keys.body(5)}-${keys.body(41)}`))).toEqual([UNKNOWN]);
    expect(detect(`tvly-${keys.body(12)}`)).toEqual([]); // too short to be anything
  });

  it("rejects every placeholder the classic rule file lists", () => {
    const rule = rules.find((r) => r.id === "tavily-api-key")!;
    for (const sample of (rule.samples?.mustNotMatch ?? []).map(expandSample))
      expect(detect(sample), sample).toEqual([]);
    for (const body of (rule.samples?.fakeBodies ?? []).map(expandSample)) {
      for (const prefix of ["tvly-", "tvly-dev-", "tvly-prod-"]) expect(detect(`${prefix}${body}`), body).toEqual([]);
    }
  });

  it("skips lines marked tvly-guard:allow or gitleaks:allow, and only those lines", () => {
    const a = keys.next();
    const b = keys.next();
    const found = detect(`k1 = "${a}"  # tvly-guard:allow\nk2 = "${b}"\nk3 = "${a}" // gitleaks:allow\n`);
    expect(found.map((m) => m.secret)).toEqual([b]);
  });

  it("handles CRLF line endings", () => {
    const key = keys.next();
    const [m] = detect(`a\r\nb\r\nKEY=${key}\r\n`);
    expect(m).toMatchObject({ secret: key, line: 3, column: 5 });
  });

  it("counts columns in characters, not bytes, and survives non-UTF-8 bytes", () => {
    const key = keys.next();
    const [m] = detect(`é😀 ${key}`);
    expect(m).toMatchObject({ line: 1, column: 4 });
    const latin1 = Buffer.concat([Buffer.from([0xe9, 0xff, 0xfe, 0x0a, 0x80]), Buffer.from(` ${key}`)]);
    expect(detect(latin1)).toMatchObject([{ secret: key, line: 2 }]);
  });

  it("offsets line numbers by the chunk's first line", () => {
    const key = keys.next();
    expect(detect(`x\n${key}`, 41)).toMatchObject([{ line: 42 }]);
  });

  it("stays linear on one huge minified line with many keys", () => {
    const key = keys.next();
    const filler = "var a=function(b){return b+1};".repeat(2000);
    const one = `${filler}k="${key}";`;
    const line = one.repeat(50); // ~3 MB on a single line, 50 hits
    const found = detect(line);
    expect(found).toHaveLength(50);
    expect(found[49]!.column).toBe(one.length * 49 + filler.length + 4);
  });

  it("reports each occurrence once", () => {
    const key = keys.next();
    expect(detect(`${key} ${key}\n${key}`)).toHaveLength(3);
  });
});

describe("detectSecrets with several lists of rules", () => {
  const acme = compileRule(ACME_RULE, "test");
  const acmeKey = `acme_${keys.body(24)}`;
  const text = (key: string) => Buffer.from(`a = "${keys.next()}"\nb = "${key}"\n`);
  const found = (list: readonly Rule[]) => ids(detectSecrets({ path: "f", data: text(acmeKey), startLine: 1 }, list));
  const ids = (ms: { rule: { id: string } }[]) => ms.map((m) => m.rule.id).sort();

  it("searches each list for its own rules, however the lists were built", () => {
    // A list of the same rules as one searched before shares its prefilters; a list of other rules must not.
    expect(found(rules)).toEqual(["tavily-api-key"]);
    expect(found([...rules])).toEqual(["tavily-api-key"]);
    expect(found([...rules, acme])).toEqual(["acme-token", "tavily-api-key"]);
    // Same length, one rule swapped: the Tavily rule's key is then left to the unknown-format net.
    expect(rules.map((r) => r.id)[0]).toBe("tavily-api-key");
    expect(found([acme, ...rules.slice(1)])).toEqual(["acme-token", UNKNOWN]);
    expect(found(rules)).toEqual(["tavily-api-key"]);
  });

  it("sees rules added to a list after it was searched", () => {
    const list: Rule[] = [...rules];
    expect(found(list)).toEqual(["tavily-api-key"]);
    list.push(acme); // as the output's redaction adds a config's rules to its list
    expect(found([...list])).toEqual(["acme-token", "tavily-api-key"]);
  });
});
