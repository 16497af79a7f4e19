// GitHub Actions workflow commands: one `::error file=…,line=…,col=…,title=…::…`
// line per finding, which the runner turns into an annotation on the diff.
// Format: https://docs.github.com/actions/reference/workflow-commands-for-github-actions#setting-an-error-message
import type { ReportContext } from "./context.js";
import { describeFinding, ruleLabel } from "./message.js";

const LEVELS = { error: "error", warning: "warning", note: "notice" } as const;

/** Escape a command's message: %, CR and LF would end or corrupt the command. */
export function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** Escape a property value: also `:` (ends the properties) and `,` (separates them). */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

export function renderGithub(ctx: ReportContext): string {
  const rulesById = new Map(ctx.rules.map((r) => [r.id, r]));
  return ctx.findings
    .map((f) => {
      const rule = rulesById.get(f.ruleId);
      const title = `tvly-guard: ${ruleLabel(rule, f.ruleId)} ${f.secret}`;
      // A key in a message or note has no file: the annotation goes on the run, not on a diff line.
      const props = f.file === null ? { title } : { file: f.file, line: String(f.line), col: String(f.column), title };
      const list = Object.entries(props).map(([k, v]) => `${k}=${escapeProperty(v)}`);
      return `::${LEVELS[f.severity]} ${list.join(",")}::${escapeData(describeFinding(f, rule))}\n`;
    })
    .join("");
}
