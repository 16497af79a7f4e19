import { describe, expect, it } from "vitest";
import { base64Decoder, base64Forms } from "../../../src/engine/decode/base64.js";
import { escapeForms } from "../../../src/engine/decode/json-escape.js";
import { percentForms } from "../../../src/engine/decode/percent.js";
import { detectSecrets, type Match } from "../../../src/engine/detect.js";
import { buildPrefilter } from "../../../src/engine/prefilter.js";
import { builtinRules, compileRule } from "../../../src/engine/rule.js";
import { fakeKeys } from "../../helpers/fake-key.js";

const rules = builtinRules();
const keys = fakeKeys(606);
const detect = (data: string | Buffer, options = {}) =>
  detectSecrets({ path: "f", data: Buffer.isBuffer(data) ? data : Buffer.from(data), startLine: 1 }, rules, options);
const brief = (ms: Match[]) =>
  ms.map((m) => ({ secret: m.secret, line: m.line, column: m.column, encoding: m.encoding }));
const b64 = (s: string) => Buffer.from(s).toString("base64");
const utf16 = (s: string, be = false) => {
  const body = Buffer.from(s, "utf16le");
  return Buffer.concat([Buffer.from(be ? [0xfe, 0xff] : [0xff, 0xfe]), be ? body.swap16() : body]);
};

describe("prefilter needles come from the rule's keywords", () => {
  it("base64: the fully determined characters at each of the three alignments", () => {
    for (const keyword of ["tvly-", "ghp_", "sk-ant-"]) {
      const forms = base64Forms(Buffer.from(keyword));
      expect(forms.length).toBeGreaterThanOrEqual(3);
      for (const pre of ["", "a", "ab"]) {
        const encoded = b64(`${pre}${keyword}${"Q".repeat(40)}`);
        expect(
          forms.some((f) => encoded.slice(f.lead).startsWith(f.text)),
          `${keyword} after ${pre.length} bytes`,
        ).toBe(true);
      }
    }
  });

  it("percent and escape forms cover both hex cases", () => {
    for (const text of ["tvly%2D", "tvly%2d", "%74%76%6c%79%2d", "%74%76%6C%79%2D"])
      expect(
        percentForms("tvly-").some((f) => text.startsWith(f)),
        text,
      ).toBe(true);
    const escapes = escapeForms("tvly-");
    for (const text of ["\\u0074vly-", "\\x74vly-", "tvly\\x2D", "tvly\\u002d"]) {
      expect(
        escapes.some((f) => (f.leads ?? [""]).some((lead) => text.startsWith(lead + f.text))),
        text,
      ).toBe(true);
    }
    // "k" escapes with a hex letter: both cases are hints
    expect(escapeForms("key-").map((f) => f.text)).toEqual(expect.arrayContaining(["6bey-", "6Bey-"]));
  });

  it("decodes for any rule, not just tvly- (nothing hard-coded)", () => {
    const rule = compileRule(
      {
        id: "demo",
        description: "d",
        keywords: ["ghp_"],
        pattern: "(?<![A-Za-z0-9_])(?<secret>(?<prefix>ghp_)(?<body>[A-Za-z0-9]{36}))(?![A-Za-z0-9_])",
        remediation: { title: "t", steps: [] },
      },
      "demo.json",
    );
    const token = `ghp_${keys.body(36)}`;
    for (const pre of ["", ":", "::"]) {
      const found = detectSecrets({ path: "f", data: Buffer.from(`v: ${b64(pre + token)}\n`), startLine: 1 }, [rule]);
      expect(found.map((m) => [m.secret, m.encoding])).toEqual([[token, "base64"]]);
    }
  });
});

describe("decoders on real-world-shaped files", () => {
  it("base64: a Kubernetes Secret manifest, key at the encoded value's line and column", () => {
    const key = keys.next("tvly-prod-");
    const env = keys.next();
    const manifest = [
      "apiVersion: v1",
      "kind: Secret",
      "metadata:",
      "  name: search-api",
      "type: Opaque",
      "data:",
      `  TAVILY_API_KEY: ${b64(key)}`,
      `  app.env: ${b64(`LOG=debug\nTAVILY_API_KEY=${env}\n`)}`,
      `  other: ${b64("nothing to see here")}`,
      "",
    ].join("\n");
    expect(brief(detect(manifest))).toEqual([
      { secret: key, line: 7, column: 19, encoding: "base64" },
      // decoded byte 25 ("LOG=debug\nTAVILY_API_KEY=".length) lies in the 9th 4-character group of the value at column 12
      { secret: env, line: 8, column: 12 + Math.floor(25 / 3) * 4, encoding: "base64" },
    ]);
  });

  it("base64url: a JWT-style payload", () => {
    const key = keys.next();
    // 0xfb 0xff encode to "-_": base64url's own characters, somewhere in the token
    const payload = Buffer.concat([
      Buffer.from([0xfb, 0xff]),
      Buffer.from(JSON.stringify({ sub: "svc", key })),
    ]).toString("base64url");
    expect(payload.startsWith("-_")).toBe(true);
    expect(brief(detect(`Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.${payload}.c2ln\n`))).toMatchObject([
      { secret: key, encoding: "base64url" },
    ]);
  });

  it("JSON escapes: a notebook with the key in a cell source and in an output, each reported once", () => {
    const inSource = keys.next();
    const inOutput = keys.next("tvly-");
    const notebook = JSON.stringify(
      {
        cells: [
          {
            cell_type: "code",
            execution_count: 1,
            metadata: {},
            source: ["import os\n", `os.environ["TAVILY_API_KEY"] = "${inSource}"\n`],
            outputs: [],
          },
          {
            cell_type: "code",
            execution_count: 2,
            metadata: {},
            source: "print(open('.env').read())",
            outputs: [{ output_type: "stream", name: "stdout", text: `# local settings\n${inOutput}\n` }],
          },
        ],
        metadata: { kernelspec: { name: "python3" } },
        nbformat: 4,
        nbformat_minor: 5,
      },
      null,
      1,
    );
    const found = detect(notebook);
    expect(found.map((m) => [m.secret, m.encoding])).toEqual([
      [inSource, undefined],
      [inOutput, "json-escape"],
    ]);
  });

  it("JSON/JS escapes: \\u0074, \\x2d and \\/ forms", () => {
    const a = keys.next();
    const b = keys.next();
    const c = keys.next("tvly-");
    const text = `{"a":"\\u0074${a.slice(1)}","b":"${b.replace(/-/g, "\\x2d")}","url":"https:\\/\\/mcp.tavily.com\\/mcp\\/?tavilyApiKey=${c}"}`;
    expect(brief(detect(text))).toEqual([
      { secret: a, line: 1, column: 7, encoding: "json-escape" },
      { secret: b, line: 1, column: text.indexOf('"b":"') + 6, encoding: "json-escape" },
      { secret: c, line: 1, column: expect.any(Number), encoding: undefined },
    ]);
  });

  it("percent-encoding: a URL-encoded query string and a form body", () => {
    const inUrl = keys.next();
    const inForm = keys.next("tvly-prod-");
    const log = [
      `127.0.0.1 - - "GET /oauth/callback?redirect_uri=${encodeURIComponent(`https://mcp.tavily.com/mcp/?tavilyApiKey=${inUrl}`)}&state=xyz HTTP/1.1" 302`,
      `POST /save body=name%3Dsearch%26api_key%3D${inForm.replace(/-/g, "%2D")}`,
    ].join("\n");
    const found = brief(detect(log));
    expect(found).toEqual([
      { secret: inUrl, line: 1, column: log.indexOf("tvly") + 1, encoding: "percent" },
      { secret: inForm, line: 2, column: expect.any(Number), encoding: "percent" },
    ]);
  });

  it("UTF-16LE with BOM: a .reg export and PowerShell output, line and column in characters", () => {
    const key = keys.next();
    const reg = utf16(
      `Windows Registry Editor Version 5.00\r\n\r\n[HKEY_CURRENT_USER\\Software\\Search]\r\n"ApiKey"="${key}"\r\n`,
    );
    expect(brief(detect(reg))).toEqual([{ secret: key, line: 4, column: 11, encoding: "utf16le" }]);
    const ps1 = utf16(`# set up\r\n$env:TAVILY_API_KEY = '${key}' # tvly-guard:allow\r\n`);
    expect(detect(ps1)).toEqual([]);
    const be = utf16(`k = ${key}\n`, true);
    expect(brief(detect(be))).toEqual([{ secret: key, line: 1, column: 5, encoding: "utf16be" }]);
  });

  it("a minified bundle: one 2 MB line, plain and escaped keys at their columns", () => {
    const plain = keys.next();
    const escaped = keys.next();
    const head = `!function(e){${"var a=e.map(function(t){return t*2}),b=a.length;".repeat(21_000)}`;
    const mid = `;const c={k:"${plain}"};`;
    const tail = `${"function n(r){return r}".repeat(45_000)};var d="\\u0074${escaped.slice(1)}"}();`;
    const bundle = head + mid + tail;
    expect(bundle.length).toBeGreaterThan(2_000_000);
    expect(brief(detect(bundle))).toEqual([
      { secret: plain, line: 1, column: head.length + 14, encoding: undefined },
      {
        secret: escaped,
        line: 1,
        column: head.length + mid.length + tail.indexOf("\\u0074") + 1,
        encoding: "json-escape",
      },
    ]);
  });

  it("a binary with a key inside: byte offset, plain and UTF-16", () => {
    const plain = keys.next();
    const wide = keys.next("tvly-");
    const bin = Buffer.concat([
      Buffer.from("SQLite format 3\0"),
      Buffer.alloc(1000, 7),
      Buffer.from(`\x0b${plain}`),
      Buffer.alloc(1000),
      Buffer.from(`K=${wide}`, "utf16le"),
      Buffer.alloc(10),
    ]);
    const found = detect(bin);
    expect(
      found.map((m) => ({ secret: m.secret, line: m.line, column: m.column, binary: m.binary, offset: m.offset })),
    ).toEqual([
      { secret: plain, line: 1, column: bin.indexOf(plain) + 1, binary: true, offset: bin.indexOf(plain) },
      {
        secret: wide,
        line: 1,
        column: bin.indexOf(Buffer.from(wide, "utf16le")) + 1,
        binary: true,
        offset: bin.indexOf(Buffer.from(wide, "utf16le")),
      },
    ]);
    expect(found[1]!.encoding).toBe("utf16le");
    // an allow marker between the same newline bytes still applies
    expect(
      detect(Buffer.concat([Buffer.from("\0\0"), Buffer.from(`${plain} tvly-guard:allow\n`), Buffer.alloc(4)])),
    ).toEqual([]);
  });
});

describe("what decoders must not do", () => {
  it("never report a plain key twice", () => {
    const key = keys.next();
    const text = `{"k": "${key}", "s": "a\\"${key}\\"", "p": "x%20${key}"}`;
    expect(detect(text).map((m) => m.encoding)).toEqual([undefined, undefined, "percent"]);
  });

  it("apply the placeholder filter and inline allow to decoded keys", () => {
    const placeholder = `tvly-dev-${"x".repeat(32)}`;
    const key = keys.next();
    expect(
      detect(
        `a: ${b64(placeholder)}\nb: ${encodeURIComponent(`=${placeholder}`).replace(/-/g, "%2D")}\nc: "\\u0074${placeholder.slice(1)}"\n`,
      ),
    ).toEqual([]);
    expect(detect(`a: ${b64(key)}  # tvly-guard:allow\n`)).toEqual([]);
  });

  it("do nothing when turned off", () => {
    const key = keys.next();
    expect(detect(`a: ${b64(key)}\n`, { decode: false })).toEqual([]);
    expect(detect(`a: ${b64(key)}\n`)).toHaveLength(1);
  });

  it("find nothing in random base64 and random binary", () => {
    const rand = keys.rand;
    const bytes = Buffer.from(Array.from({ length: 300_000 }, () => Math.floor(rand() * 256)));
    expect(detect(bytes.toString("base64"))).toEqual([]);
    expect(detect(bytes)).toEqual([]);
  });
});

describe("base64 across line wraps", () => {
  it("finds keys that straddle the 76-column wrap of `base64` output", () => {
    let found = 0;
    let straddling = 0;
    for (let pad = 0; pad < 12; pad++) {
      const key = keys.next();
      const wrapped = (b64(`${"#".repeat(10 + pad * 3)}\nTAVILY_API_KEY=${key}\n`).match(/.{1,76}/g) ?? []).join("\n");
      const [m, ...rest] = detect(`${wrapped}\n`);
      expect(rest).toEqual([]);
      if (!m) continue; // the wrap split the 6-character hint itself: a known limit
      expect(m.secret).toBe(key);
      found++;
      if (m.column + Math.ceil((key.length * 4) / 3) > 77) straddling++;
    }
    expect(found).toBeGreaterThanOrEqual(9);
    expect(straddling).toBeGreaterThanOrEqual(3);
  });
});

describe("base64 line joining", () => {
  it("does not glue the next line of a .env or YAML file onto a short value", () => {
    const key = keys.next("tvly-prod-"); // 42 bytes: 56 base64 characters, no padding
    expect(Buffer.from("QUJD", "base64").toString()).toBe("ABC"); // a next line that would decode to letters
    expect(detect(`A=${b64(key)}\nQUJD=1\n`).map((m) => m.secret)).toEqual([key]);
    expect(detect(`key: |\n  ${b64(key)}\n  QUJD\n`).map((m) => m.secret)).toEqual([key]);
  });
});

describe("dense hints", () => {
  it("decode overlapping windows once, and still find a key among thousands of hints", () => {
    const hints = "dHZseS1".repeat(5000); // the base64 hint every 7 characters
    const prefilter = buildPrefilter(base64Decoder.hints("tvly-").map((h) => ({ ...h, owner: "base64" })));
    const data = Buffer.from(hints);
    const hits = prefilter.find(data).get("base64") ?? [];
    expect(hits.length).toBeGreaterThanOrEqual(5000);
    const spans = base64Decoder.decode({ data, hits, plainHits: [], binary: false, window: 256 });
    expect(spans.length).toBeLessThan(5000 / 8); // about one window per 340 characters and alignment, not one per hint
    const key = keys.next();
    const pct = keys.next();
    const mixed = `${hints} ${b64(key)} ${"%3Dtvly-a".repeat(3000)}%3D${pct}&${"%3Dtvly-a".repeat(3000)}\n`;
    expect(detect(mixed).map((m) => m.secret)).toEqual([key, pct]);
  });
});
