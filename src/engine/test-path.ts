// Which paths are test fixtures. Keys found there are still reported (a real
// key in a test file is a real leak) but at a lower severity: they are more
// often fakes, and a reviewer triages them after the rest.

const TEST_DIRS = new Set([
  "test",
  "tests",
  "__tests__",
  "__test__",
  "spec",
  "specs",
  "fixtures",
  "__fixtures__",
  "testdata",
  "__mocks__",
  "e2e",
]);
const TEST_FILE = /[._-](?:test|tests|spec)(?:[._-][^/]*)?\.[A-Za-z0-9]+$|^test_[^/]*\.[A-Za-z0-9]+$|^conftest\.py$/i;

/** True for paths under a test or fixture folder, or named like a test file (`*.test.ts`, `*_test.go`, `test_*.py`). */
export function isTestPath(path: string): boolean {
  const parts = path.split("/");
  const name = parts.pop() ?? "";
  return parts.some((dir) => TEST_DIRS.has(dir.toLowerCase())) || TEST_FILE.test(name);
}
