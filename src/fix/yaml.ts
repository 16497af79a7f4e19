// YAML: GitHub Actions workflows read a repository secret (${{ secrets.NAME }});
// other YAML (docker compose, most config loaders) gets ${NAME} interpolation.
import { type Language, locate, type Site, type SiteResult } from "./site.js";

const STYLE = { quotes: "\"'", escapes: '"', comments: ["#"], commentNeedsSpace: true };
const WORKFLOW = /^\.github\/workflows\/[^/]+\.ya?ml$/i;

export const yaml: Language = {
  name: "YAML",
  owns: (path) => /\.ya?ml$/i.test(path),
  rewrite(site: Site): SiteResult {
    const ctx = locate(site.text, site.start, site.end, STYLE);
    if (ctx.kind === "comment")
      return { kind: "manual", reason: "the key is in a comment: delete it from the comment" };
    if (ctx.kind === "unknown") return { kind: "manual", reason: "the key is in a multi-line scalar" };
    const workflow = WORKFLOW.test(site.path);
    const lookup = workflow ? `\${{ secrets.${site.envVar} }}` : `\${${site.envVar}}`;
    // A plain scalar is quoted, so "${" or "${{" can never read as the start of a flow mapping.
    const edits = [{ start: site.start, end: site.end, replacement: ctx.kind === "bare" ? `"${lookup}"` : lookup }];
    return { kind: "edit", edits, envVar: site.envVar, shows: lookup };
  },
};

/** What the user must still do for a workflow: the secret lives in the repository settings, not .env. */
export function workflowNote(path: string, envVar: string): string | undefined {
  return WORKFLOW.test(path)
    ? `add the repository secret ${envVar} (Settings > Secrets and variables > Actions, or: gh secret set ${envVar} < file-holding-the-new-key)`
    : undefined;
}
