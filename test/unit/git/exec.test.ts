// The exec layer against the real git: the environment policy, the one
// failure rule, and the GitError cause that carries the command and its result.
import { describe, expect, it } from "vitest";
import { GitError } from "../../../src/errors.js";
import { describeFailure, type GitFailure, gitEnv, runGit, runGitForCode } from "../../../src/git/exec.js";
import { gitRepo, tempDir } from "../../helpers/git-repo.js";

const failure = (stderr: string, code: number | null = 128): GitFailure => ({
  args: ["-c", "x=y", "log", "HEAD"],
  code,
  signal: code === null ? "SIGKILL" : null,
  stderr,
});

describe("describeFailure", () => {
  it("shows git's last fatal or error line without its prefix", () => {
    expect(describeFailure(failure("warning: a\nerror: first\nfatal: the reason\nhint: try this\n"))).toBe(
      "the reason",
    );
  });
  it("falls back to the first line, then to the exit code or signal", () => {
    expect(describeFailure(failure("usage: git log\n   or: more\n"))).toBe("usage: git log");
    expect(describeFailure(failure("", 3))).toBe("git log exited with code 3");
    expect(describeFailure(failure("", null))).toBe("git log was killed by SIGKILL");
  });
});

describe("gitEnv", () => {
  it("keeps what a hook needs and turns off locks, prompts, transport, external diffs and the locale", () => {
    const env = gitEnv({ GIT_INDEX_FILE: "/tmp/i", GIT_EXTERNAL_DIFF: "x", GIT_DIFF_OPTS: "-u9", LANG: "de_DE.UTF-8" });
    expect(env).toMatchObject({
      GIT_INDEX_FILE: "/tmp/i",
      GIT_OPTIONAL_LOCKS: "0",
      GIT_TERMINAL_PROMPT: "0",
      GIT_ASKPASS: "",
      GIT_ALLOW_PROTOCOL: "",
      LC_ALL: "C",
    });
    expect(env.GIT_EXTERNAL_DIFF).toBeUndefined();
    expect(env.GIT_DIFF_OPTS).toBeUndefined();
  });
});

describe("runGit", () => {
  it("fails outside a repository with git's reason as message and the command and result as cause", async () => {
    const err = await runGit({ cwd: tempDir(), env: process.env }, ["rev-parse", "HEAD"]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GitError);
    expect((err as GitError).message).toMatch(/^not a git repository/);
    expect((err as GitError).cause).toMatchObject({ args: ["rev-parse", "HEAD"], code: 128 });
    expect(((err as GitError).cause as GitFailure).stderr).toMatch(/^fatal: not a git repository/);
  });

  it("says git is missing when it cannot be started", async () => {
    const err = await runGit({ cwd: tempDir(), env: { ...process.env, PATH: tempDir() } }, ["version"]).catch(
      (e: unknown) => e,
    );
    expect((err as GitError).message).toBe("git is not installed or not on PATH");
  });

  it("runGitForCode gives the answer codes back and throws on the others", async () => {
    const repo = gitRepo();
    const ctx = { cwd: repo, env: process.env };
    expect((await runGitForCode(ctx, ["config", "--get", "no.such"])).code).toBe(1);
    await expect(runGitForCode(ctx, ["rev-parse", "--no-such-flag", "x^{bogus}"])).rejects.toBeInstanceOf(GitError);
  });
});
