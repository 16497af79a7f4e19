// .env files: the one place a key may live on disk. fix keeps the line, makes
// sure the file is git-ignored, and appends keys moved out of code to ./.env.
import { baseName, type Language } from "./site.js";

/** `.env.example` and friends are committed on purpose, as documentation: they get a placeholder, not a key. */
export function isEnvTemplate(path: string): boolean {
  return /^\.env\.(?:example|sample|template|dist|defaults)$/i.test(baseName(path));
}

/** `.env`, `.env.local`, `prod.env`, `.envrc`: files that hold environment values. */
export function isEnvFile(path: string): boolean {
  const name = baseName(path);
  return !isEnvTemplate(path) && (/^\.env(?:\..+)?$/i.test(name) || /\.env$/i.test(name) || name === ".envrc");
}

export const envFile: Language = {
  name: ".env",
  owns: (path) => isEnvFile(path),
  rewrite: () => ({ kind: "keep" }),
};

/** NAME=value pairs of a .env file (`export` and quotes allowed). */
export function parseEnv(text: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (!m) continue;
    const raw = m[2]!;
    const quoted = /^(["'])(.*)\1$/.exec(raw);
    values.set(m[1]!, quoted ? quoted[2]! : raw.replace(/\s+#.*$/, ""));
  }
  return values;
}

/**
 * Decide where each value goes: a name already holding it is reused, a free
 * name is taken, and a name holding something else is never overwritten.
 * Every question is a map lookup, so a run moving 20,000 keys stays linear.
 */
export class EnvPlan {
  readonly added: [string, string][] = [];
  private readonly values: Map<string, string>;
  /** The first name (existing ones first) holding each value. */
  private readonly names = new Map<string, string>();
  /** Where the search for a free `wanted_N` resumes. */
  private readonly nextSuffix = new Map<string, number>();

  constructor(existing: Map<string, string>) {
    this.values = new Map(existing);
    for (const [name, value] of existing) if (!this.names.has(value)) this.names.set(value, name);
  }

  /** The name that already holds `value` (`wanted` first), else `wanted`, else a fresh `wanted_2`... */
  nameFor(value: string, wanted: string): string {
    if (this.values.get(wanted) === value) return wanted;
    const holder = this.names.get(value);
    if (holder !== undefined) return holder;
    if (!this.values.has(wanted)) return wanted;
    let i = this.nextSuffix.get(wanted) ?? 2;
    while (this.values.has(`${wanted}_${i}`)) i++;
    this.nextSuffix.set(wanted, i);
    return `${wanted}_${i}`;
  }

  /** Record `name=value`; false when `name` already holds another value (the caller must not use it). */
  claim(name: string, value: string): boolean {
    const current = this.values.get(name);
    if (current === value) return true;
    if (current !== undefined) return false;
    this.values.set(name, value);
    if (!this.names.has(value)) this.names.set(value, name);
    this.added.push([name, value]);
    return true;
  }

  /** The file's new bytes: its current bytes exactly as they are (any encoding), then the added lines. */
  appendTo(current: Buffer | null): Buffer {
    return appendLines(
      current,
      this.added.map(([n, v]) => `${n}=${v}`),
    );
  }
}

/**
 * `current` byte for byte, then `lines`, each ending as the file's lines do
 * (CRLF when it already uses CRLF); a missing final newline is added first.
 */
export function appendLines(current: Buffer | null, lines: readonly string[]): Buffer {
  const head = current ?? Buffer.alloc(0);
  if (lines.length === 0) return head;
  const eol = head.includes("\r\n") ? "\r\n" : "\n";
  const open = head.length > 0 && head[head.length - 1] !== 0x0a;
  return Buffer.concat([head, Buffer.from(`${open ? eol : ""}${lines.map((l) => l + eol).join("")}`, "utf8")]);
}
