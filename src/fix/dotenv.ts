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
 * Returns the lines to append.
 */
export class EnvPlan {
  readonly added: [string, string][] = [];
  constructor(private readonly existing: Map<string, string>) {}

  private valueOf(name: string): string | undefined {
    return this.existing.get(name) ?? this.added.find(([n]) => n === name)?.[1];
  }

  /** The name that already holds `value` (`wanted` first), else `wanted`, else a fresh `wanted_2`... */
  nameFor(value: string, wanted: string): string {
    if (this.valueOf(wanted) === value) return wanted;
    for (const [n, v] of [...this.existing, ...this.added]) if (v === value) return n;
    let name = wanted;
    for (let i = 2; this.valueOf(name) !== undefined; i++) name = `${wanted}_${i}`;
    return name;
  }

  /** Record `name=value`; false when `name` already holds another value (the caller must not use it). */
  claim(name: string, value: string): boolean {
    const current = this.valueOf(name);
    if (current === value) return true;
    if (current !== undefined) return false;
    this.added.push([name, value]);
    return true;
  }

  /** The text to append to the .env file (after its current content). */
  appendTo(current: string | null): string {
    if (this.added.length === 0) return current ?? "";
    const eol = current?.includes("\r\n") ? "\r\n" : "\n";
    const head = current === null || current === "" ? "" : current.endsWith("\n") ? current : current + eol;
    return head + this.added.map(([n, v]) => `${n}=${v}${eol}`).join("");
  }
}
