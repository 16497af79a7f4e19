// The labelled precision/recall corpus: positive and negative cases across
// formats, in three categories (plain, encoded, binary). Built at run time
// from seeded fake keys, so the repository holds no key-shaped literal.
import { fakeKeys } from "../helpers/fake-key.mjs";

/**
 * @typedef {"plain" | "encoded" | "binary"} Category
 * @typedef {{ category: Category, format: string, path: string, data: Buffer, keys: string[] }} Case
 * `keys` are the keys a scanner must report in the file; [] marks a negative case.
 */

const PREFIXES = /** @type {const} */ (["tvly-", "tvly-dev-", "tvly-prod-"]);
const b64 = (s) => Buffer.from(s).toString("base64");
const pctAll = (s) => [...Buffer.from(s)].map((b) => `%${b.toString(16).toUpperCase().padStart(2, "0")}`).join("");
const utf16 = (s, be = false) => {
  const body = Buffer.from(s, "utf16le");
  return Buffer.concat([Buffer.from(be ? [0xfe, 0xff] : [0xff, 0xfe]), be ? body.swap16() : body]);
};

/** Placeholders and fakes from docs, tutorials and tests: a scanner must stay quiet on each. */
export function placeholders() {
  const x = (n, c = "x") => c.repeat(n);
  const bodies = [
    x(32),
    x(32, "X"),
    x(32, "0"),
    x(32, "a"),
    "YOUR_API_KEY",
    "your-api-key-here",
    "...",
    "<your-key>",
    "${TAVILY_API_KEY}",
    "test",
    "XXXX",
    `YourApiKeyGoesHere${x(14, "0")}`,
    `yourTavilyApiKeyHere${x(12, "X")}`,
    "EXAMPLE" + "abcdefghijklmnopqrstuvwxy",
    "abcdefghijklmnopqrstuvwxyz012345",
    "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345",
    "AbCdEfGhIjKlMnOpQrStUvWxYz012345",
    "0123456789abcdef0123456789abcdef",
    "1234567890" + "1234567890" + "1234567890" + "12",
    "abcd1234".repeat(4),
    `${"aB3".repeat(10)}aB`,
    "a1b2c3d4e5f6g7h8i9j0k1l2m3n4o5p6",
    `dummy${"Key".repeat(9)}`,
    `SampleKey${x(23, "0")}`,
    `placeholder${x(21, "0")}`,
    "REDACTED".repeat(4),
    "fakefakefakefakefakefakefakefake",
    `insertYourKeyHere${x(15, "x")}`,
    `replaceMe${x(23, "X")}`,
    "changeme".repeat(4),
    `notreal${x(25, "0")}`,
    `${"testkey".repeat(4)}test`,
    "qwertyuiopasdfghjklzxcvbnm123456",
    "0000111122223333444455556666777" + "7",
    "AAAABBBBCCCCDDDDEEEEFFFFGGGGHHHH",
    `apikey${x(26, "0")}`,
    `Xy${x(30, "x")}`,
  ];
  return PREFIXES.flatMap((p) => bodies.map((b) => p + b));
}

/** Every case of the corpus, deterministic for a seed. */
export function buildCorpus(seed = 6) {
  const keys = fakeKeys(seed);
  const key = () => keys.next(PREFIXES[Math.floor(keys.rand() * 3)]);
  /** @type {Case[]} */
  const cases = [];
  const add = (category, format, ext, make, positive = true) => {
    for (let i = 0; i < 3; i++) {
      const k = key();
      const content = make(k, i);
      cases.push({
        category,
        format,
        path: `${category}/${format}-${positive ? "pos" : "neg"}-${i}.${ext}`,
        data: Buffer.isBuffer(content) ? content : Buffer.from(content),
        keys: positive ? [k] : [],
      });
    }
  };

  // plain: the places keys leak as typed
  add("plain", "dotenv", "env", (k) => `DEBUG=1\nTAVILY_API_KEY=${k}\nPORT=8080\n`);
  add("plain", "dotenv-export", "sh", (k) => `#!/bin/sh\nexport TAVILY_API_KEY='${k}'\nexec node server.js\n`);
  add("plain", "python", "py", (k) => `from tavily import TavilyClient\n\nclient = TavilyClient(api_key="${k}")\n`);
  add("plain", "js-fallback", "ts", (k) => `export const key = process.env.TAVILY_API_KEY || "${k}";\n`);
  add("plain", "json", "json", (k) => JSON.stringify({ tavily: { apiKey: k, timeout: 30 } }, null, 2));
  add("plain", "yaml", "yaml", (k) => `env:\n  - name: TAVILY_API_KEY\n    value: ${k}\n`);
  add("plain", "toml", "toml", (k) => `[tool.search]\ntavily_key = "${k}"\n`);
  add(
    "plain",
    "dockerfile",
    "dockerfile",
    (k) => `FROM python:3.12\nENV TAVILY_API_KEY=${k}\nCMD ["python", "app.py"]\n`,
  );
  add("plain", "workflow", "yml", (k) => `jobs:\n  run:\n    env:\n      TAVILY_API_KEY: "${k}"\n`);
  add("plain", "markdown", "md", (k) => `# Setup\n\n\`\`\`bash\nexport TAVILY_API_KEY=${k}\n\`\`\`\n`);
  add("plain", "notebook", "ipynb", (k) =>
    JSON.stringify(
      {
        cells: [{ cell_type: "code", source: ["import os\n", `os.environ["TAVILY_API_KEY"] = "${k}"\n`], outputs: [] }],
        nbformat: 4,
      },
      null,
      1,
    ),
  );
  add(
    "plain",
    "mcp-url",
    "json",
    (k) => `{"mcpServers":{"tavily":{"url":"https://mcp.tavily.com/mcp/?tavilyApiKey=${k}"}}}\n`,
  );
  add("plain", "csv", "csv", (k) => `name,key,owner\nsearch,${k},ops\n`);
  add("plain", "xml", "xml", (k) => `<config><add key="TavilyApiKey" value="${k}"/></config>\n`);
  add("plain", "go", "go", (k) => `package main\n\nconst tavilyKey = \`${k}\`\n`);
  add("plain", "crlf", "ini", (k) => `[tavily]\r\napi_key = ${k}\r\n`);
  add("plain", "no-newline", "txt", (k) => k);
  add("plain", "unicode", "txt", (k) => `clé → ${k} ✓\n`);
  add("plain", "minified", "js", (k) => `!function(){${"var q=1;".repeat(4000)}const t={apiKey:"${k}"};}();`);
  add("plain", "log", "log", (k) => `2024-05-01T10:00:00Z INFO request headers={"Authorization": "Bearer ${k}"}\n`);
  // Many random keys: the placeholder filter must not eat real ones.
  for (let f = 0; f < 4; f++) {
    const many = Array.from({ length: 100 }, key);
    cases.push({
      category: "plain",
      format: "random-keys",
      path: `plain/random-keys-pos-${f}.txt`,
      data: Buffer.from(many.map((k, i) => `key${i}=${k}\n`).join("")),
      keys: many,
    });
  }

  // encoded: base64, percent, JSON/JS escapes, UTF-16
  add(
    "encoded",
    "k8s-secret",
    "yaml",
    (k) =>
      `apiVersion: v1\nkind: Secret\nmetadata:\n  name: search\ntype: Opaque\ndata:\n  TAVILY_API_KEY: ${b64(k)}\n`,
  );
  add("encoded", "k8s-secret-newline", "yaml", (k) => `apiVersion: v1\nkind: Secret\ndata:\n  key: ${b64(`${k}\n`)}\n`);
  add(
    "encoded",
    "base64-env",
    "yaml",
    (k, i) => `data:\n  .env: ${b64(`${"#".repeat(i)}TAVILY_API_KEY=${k}\nDEBUG=0\n`)}\n`,
  );
  add(
    "encoded",
    "base64url-jwt",
    "txt",
    (k) =>
      `token=eyJhbGciOiJub25lIn0.${Buffer.from(JSON.stringify({ sub: "svc", tavily: k })).toString("base64url")}.\n`,
  );
  add(
    "encoded",
    "percent-redirect",
    "log",
    (k) => `GET /login?next=${encodeURIComponent(`https://mcp.tavily.com/mcp/?tavilyApiKey=${k}`)} 302\n`,
  );
  add("encoded", "percent-dash", "txt", (k) => `curl -d "api_key=${k.replace(/-/g, "%2D")}" https://example.org\n`);
  add("encoded", "percent-all", "txt", (k) => `q=${pctAll(k)}&x=1\n`);
  add("encoded", "json-unicode", "json", (k) => `{"key": "\\u0074${k.slice(1)}"}\n`);
  add("encoded", "json-after-newline", "json", (k) => `${JSON.stringify({ log: `loading config\n${k}\ndone` })}\n`);
  add("encoded", "notebook-output", "ipynb", (k) =>
    JSON.stringify({
      cells: [
        {
          cell_type: "code",
          source: "print(cfg)",
          outputs: [{ output_type: "stream", name: "stdout", text: `key:\n${k}\n` }],
        },
      ],
    }),
  );
  add("encoded", "js-hex-escape", "js", (k) => `var k="${k.replace(/-/g, "\\x2d")}";\n`);
  add("encoded", "utf16le-reg", "reg", (k) =>
    utf16(`Windows Registry Editor Version 5.00\r\n\r\n[HKEY_CURRENT_USER\\Software\\Search]\r\n"ApiKey"="${k}"\r\n`),
  );
  add("encoded", "utf16le-ps1", "ps1", (k) => utf16(`$env:TAVILY_API_KEY = "${k}"\r\nInvoke-Search\r\n`));
  add("encoded", "utf16be", "txt", (k) => utf16(`key=${k}\n`, true));
  // `base64` wraps at 76 columns: the key may straddle a line break (a miss if the wrap splits the hint itself)
  add(
    "encoded",
    "base64-wrapped",
    "b64",
    (k, i) =>
      `${(b64(`${"#".repeat(20 + i * 7)} settings\nTAVILY_API_KEY=${k}\n`).match(/.{1,76}/g) ?? []).join("\n")}\n`,
  );
  // Known limits, kept in the corpus so the figures stay honest:
  add(
    "encoded",
    "limit-double-percent",
    "log",
    (k) => `next=${encodeURIComponent(encodeURIComponent(`?tavilyApiKey=${k}`)).replace(/-/g, "%252D")}\n`,
  );

  // binary: keys verbatim (or UTF-16) inside binary files
  const bytes = (n, i) => Buffer.from(Array.from({ length: n }, (_, j) => (j * 31 + i * 7) % 256));
  add("binary", "sqlite", "db", (k, i) =>
    Buffer.concat([Buffer.from("SQLite format 3\0"), bytes(4000, i), Buffer.from(`\x0b${k}`), bytes(2000, i)]),
  );
  add("binary", "png-text", "png", (k, i) =>
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      bytes(500, i),
      Buffer.from(`tEXtComment\0${k}`),
      bytes(500, i),
    ]),
  );
  add("binary", "tar", "tar", (k) =>
    Buffer.concat([
      Buffer.from("config/.env"),
      Buffer.alloc(501),
      Buffer.from(`TAVILY_API_KEY=${k}\n`),
      Buffer.alloc(400),
    ]),
  );
  add("binary", "pyc", "pyc", (k, i) =>
    Buffer.concat([
      Buffer.from([0x6f, 0x0d, 0x0d, 0x0a, 0, 0, 0, 0]),
      bytes(300, i),
      Buffer.from([0xda, 42]),
      Buffer.from(k),
      bytes(300, i),
    ]),
  );
  // Known limits: text values packed edge to edge (SQLite records) glue onto the key; base64 is not decoded in binaries.
  add("binary", "limit-packed-record", "db", (k, i) =>
    Buffer.concat([Buffer.from("SQLite format 3\0"), bytes(400, i), Buffer.from(`\x17\x0bsearch${k}`), bytes(200, i)]),
  );
  add("binary", "limit-base64", "bin", (k, i) =>
    Buffer.concat([bytes(400, i), Buffer.from(`cfg:${b64(k)}`), Buffer.alloc(20)]),
  );
  add("binary", "pe-utf16", "exe", (k, i) =>
    Buffer.concat([Buffer.from("MZ"), bytes(1022, i), Buffer.from(`ApiKey=${k}`, "utf16le"), Buffer.alloc(64)]),
  );

  // negatives: placeholders in every category, near-misses, and keyless noise
  const ph = placeholders();
  cases.push({
    category: "plain",
    format: "placeholders",
    path: "plain/placeholders-neg.md",
    data: Buffer.from(ph.map((p) => `TAVILY_API_KEY=${p}\n`).join("")),
    keys: [],
  });
  add("plain", "near-miss", "txt", (k) => `a=x${k}\nb=${k}Z\nc=${k}_old\nd=${k.slice(0, -1)}\n`, false);
  add("plain", "allowed-line", "py", (k) => `KEY = "${k}"  # tvly-guard:allow\n`, false);
  add(
    "plain",
    "template",
    "sh",
    () => 'export TAVILY_API_KEY=tvly-${TAVILY_API_KEY}\ncurl -H "Authorization: Bearer tvly-$KEY"\n',
    false,
  );
  cases.push({
    category: "encoded",
    format: "placeholders",
    path: "encoded/placeholders-neg.yaml",
    data: Buffer.from(
      ph
        .map(
          (p, i) =>
            `k${i}: ${b64(p)}\np${i}: ${encodeURIComponent(encodeURIComponent(p))}\nj${i}: "\\u0074${p.slice(1)}"\n`,
        )
        .join(""),
    ),
    keys: [],
  });
  cases.push({
    category: "encoded",
    format: "placeholders-utf16",
    path: "encoded/placeholders-neg.reg",
    data: utf16(ph.map((p) => `"ApiKey"="${p}"\r\n`).join("")),
    keys: [],
  });
  add("encoded", "random-base64", "txt", (_, i) => bytes(60_000, i).toString("base64"), false);
  add("encoded", "allowed-base64", "yaml", (k) => `data:\n  key: ${b64(k)} # tvly-guard:allow\n`, false);
  add("encoded", "truncated-base64", "yaml", (k) => `data:\n  key: ${b64(k.slice(0, -1))}\n`, false);
  add(
    "binary",
    "placeholders",
    "bin",
    (_, i) => Buffer.concat([bytes(100, i), Buffer.from(ph.join("\0")), bytes(100, i)]),
    false,
  );
  add("binary", "noise", "bin", (_, i) => bytes(50_000, i), false);
  add("binary", "glued", "bin", (k, i) => Buffer.concat([bytes(100, i), Buffer.from(`${k}9`), bytes(100, i)]), false);
  return cases;
}
