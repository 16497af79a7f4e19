// A small unified diff (Myers' O(ND) algorithm over lines) for `fix --dry-run`.
// Edits are few, so D stays small and the cost stays near linear.

type Op = { kind: " " | "-" | "+"; line: string };

/**
 * The shortest edit script from `a` to `b`. Lines both ends share are taken
 * off first: Myers keeps one frontier per edit step, so an append of 20,000
 * lines to .env (D = 20,000) would cost D² without this, and costs D with it.
 */
function diffLines(a: readonly string[], b: readonly string[]): Op[] {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const keep = (lines: readonly string[]): Op[] => lines.map((line) => ({ kind: " ", line }));
  const midA = a.slice(head, a.length - tail);
  const midB = b.slice(head, b.length - tail);
  const middle =
    midA.length === 0 || midB.length === 0
      ? midA.map((line): Op => ({ kind: "-", line })).concat(midB.map((line): Op => ({ kind: "+", line })))
      : myers(midA, midB);
  return keep(a.slice(0, head)).concat(middle, keep(a.slice(a.length - tail)));
}

/** Myers' O(ND) shortest edit script. */
function myers(a: readonly string[], b: readonly string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const v = new Map<number, number>([[1, 0]]);
  const trace: Map<number, number>[] = [];
  outer: for (let d = 0; d <= max; d++) {
    trace.push(new Map(v));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && (v.get(k - 1) ?? -1) < (v.get(k + 1) ?? -1)) ? v.get(k + 1)! : v.get(k - 1)! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v.set(k, x);
      if (x >= n && y >= m) break outer;
    }
  }
  // Walk the trace back from (n, m) to (0, 0).
  const ops: Op[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const vd = trace[d]!;
    const k = x - y;
    const prevK = k === -d || (k !== d && (vd.get(k - 1) ?? -1) < (vd.get(k + 1) ?? -1)) ? k + 1 : k - 1;
    const prevX = vd.get(prevK) ?? 0;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      ops.push({ kind: " ", line: a[--x]! });
      y--;
    }
    if (d > 0) {
      if (x === prevX) ops.push({ kind: "+", line: b[--y]! });
      else ops.push({ kind: "-", line: a[--x]! });
    }
  }
  return ops.reverse();
}

/** Split keeping the information whether the text ends with a newline. */
function splitLines(text: string): string[] {
  if (text === "") return [];
  const lines = text.split("\n");
  if (lines.at(-1) === "") lines.pop();
  else lines[lines.length - 1] += "\n\\ No newline at end of file";
  return lines;
}

/** `diff -u` style text for one file; empty when nothing changed. `before` null: a new file. */
export function unifiedDiff(path: string, before: string | null, after: string, context = 3): string {
  if (before === after) return "";
  const ops = diffLines(splitLines(before ?? ""), splitLines(after));
  const out = [`--- ${before === null ? "/dev/null" : `a/${path}`}`, `+++ b/${path}`];
  let i = 0;
  let aLine = 1;
  let bLine = 1;
  while (i < ops.length) {
    if (ops[i]!.kind === " ") {
      i++;
      aLine++;
      bLine++;
      continue;
    }
    // A hunk: back up `context` lines, then run until `context * 2` unchanged lines in a row.
    const start = Math.max(0, i - context);
    const lead = i - start;
    let end = i;
    let quiet = 0;
    while (end < ops.length && quiet <= context * 2) {
      quiet = ops[end]!.kind === " " ? quiet + 1 : 0;
      end++;
    }
    if (quiet > context) end -= quiet - context;
    const hunk = ops.slice(start, end);
    const aCount = hunk.filter((o) => o.kind !== "+").length;
    const bCount = hunk.filter((o) => o.kind !== "-").length;
    const aStart = aLine - lead;
    const bStart = bLine - lead;
    out.push(`@@ -${aCount === 0 ? aStart - 1 : aStart},${aCount} +${bCount === 0 ? bStart - 1 : bStart},${bCount} @@`);
    for (const o of hunk) out.push(`${o.kind}${o.line}`);
    for (const o of ops.slice(i, end)) {
      if (o.kind !== "+") aLine++;
      if (o.kind !== "-") bLine++;
    }
    i = end;
  }
  return `${out.join("\n")}\n`;
}
