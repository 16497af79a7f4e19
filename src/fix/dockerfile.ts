// Dockerfiles: a key baked in with ENV or ARG is removed from the image
// definition; the container gets it at run time (docker run --env-file .env).
import { baseName, type Language, type Site, type SiteResult } from "./site.js";

// `ENV NAME=key`, `ENV NAME key`, `ARG NAME=key`, optionally quoted, alone on the line.
const SETTING = /^([ \t]*)(ENV|ARG)([ \t]+)([A-Za-z_][A-Za-z0-9_]*)(?:[ \t]*=[ \t]*|[ \t]+)(["']?)([^\s"']+)\5[ \t]*$/i;

export const dockerfile: Language = {
  name: "Dockerfile",
  owns: (path) => /^(?:Dockerfile|Containerfile)(?:\..+)?$/i.test(baseName(path)) || /\.dockerfile$/i.test(path),
  rewrite(site: Site): SiteResult {
    const lineStart = site.text.lastIndexOf("\n", site.start - 1) + 1;
    const nl = site.text.indexOf("\n", site.end);
    const lineEnd = nl === -1 ? site.text.length : site.text[nl - 1] === "\r" ? nl - 1 : nl;
    const m = SETTING.exec(site.text.slice(lineStart, lineEnd));
    if (!m || m[6] !== site.text.slice(site.start, site.end)) {
      return {
        kind: "manual",
        reason:
          "pass the key at build time as a secret (RUN --mount=type=secret) or at run time (docker run --env-file .env), never in the Dockerfile",
      };
    }
    const [, indent, instruction, , name] = m as unknown as [string, string, string, string, string];
    // ARG NAME keeps the build argument (value from --build-arg); ENV is dropped for a run-time variable.
    const replacement =
      instruction.toUpperCase() === "ARG"
        ? `${indent}${instruction} ${name}`
        : `${indent}# ${name} comes from the environment at run time: docker run --env-file .env …`;
    return {
      kind: "edit",
      edits: [{ start: lineStart, end: lineEnd, replacement }],
      envVar: name,
      shows: instruction.toUpperCase() === "ARG" ? `${instruction} ${name}` : `run-time ${name}`,
    };
  },
};
