// The import rule between the layers of src/ (eslint.config.js, eslint-plugin-boundaries):
// a wrong-direction import fails lint, a right-direction one passes. Each fixture is one
// import, linted as if it were a file at `at`; the imported files are real.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const eslint = new ESLint({ cwd: repo });

async function layerErrors(at: string, imported: string): Promise<string[]> {
  const code = `import * as x from '${imported}';\nexport const y = x;\n`;
  const [result] = await eslint.lintText(code, { filePath: path.join(repo, at) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'boundaries/dependencies' && m.severity === 2).map((m) => m.message);
}

const wrong: Array<[string, string]> = [
  ['src/domain/lint-fixture.ts', '../store/create-store.ts'],
  ['src/domain/lint-fixture.ts', '../app/petition/submit-petition.ts'],
  ['src/domain/lint-fixture.ts', '../ports/case-ports.ts'],
  ['src/nlu/lint-fixture.ts', '../dialog/engine.ts'],
  ['src/dialog/lint-fixture.ts', '../app/chat-turn/handle-chat-turn.ts'],
  ['src/app/lint-fixture.ts', '../store/prisma/case-repository.ts'],
  ['src/app/lint-fixture.ts', '../config.ts'],
  ['src/store/lint-fixture.ts', '../app/petition/link-related-cases.ts'],
  ['src/store/lint-fixture.ts', '../dialog/engine.ts'],
  ['src/store/lint-fixture.ts', '../app/stats/get-stats.ts'],
  ['src/channels/lint-fixture.ts', '../main.ts'],
  ['src/channels/lint-fixture.ts', '../store/create-store.ts'],
  ['src/channels/lint-fixture.ts', '../dialog/engine.ts'],
  ['src/staff/lint-fixture.ts', '../store/prisma/case-link-repository.ts'],
  ['src/staff/lint-fixture.ts', '../channels/web/web-channel.ts'],
  ['src/jobs/lint-fixture.ts', '../config.ts'],
  ['src/jobs/lint-fixture.ts', '../generated/prisma/client.ts'],
  ['src/ports/lint-fixture.ts', '../store/create-store.ts'],
  ['src/ports/lint-fixture.ts', '../app/chat-turn/handle-chat-turn.ts'],
  ['src/staff/lint-fixture.ts', '../main.ts'],
  ['src/root/lint-fixture.ts', '../main.ts'],
  ['src/root/lint-fixture.ts', '../generated/prisma/client.ts'],
];

const right: Array<[string, string]> = [
  ['src/domain/lint-fixture.ts', './errors.ts'],
  ['src/nlu/lint-fixture.ts', '../domain/errors.ts'],
  ['src/dialog/lint-fixture.ts', '../nlu/nlu.ts'],
  ['src/app/lint-fixture.ts', '../dialog/engine.ts'],
  ['src/app/lint-fixture.ts', '../ports/case-ports.ts'],
  ['src/store/lint-fixture.ts', '../ports/case-ports.ts'],
  ['src/store/lint-fixture.ts', '../domain/errors.ts'],
  ['src/channels/lint-fixture.ts', '../app/chat-turn/handle-chat-turn.ts'],
  ['src/staff/lint-fixture.ts', '../app/cases/list-cases.ts'],
  ['src/jobs/lint-fixture.ts', '../ports/case-ports.ts'],
  ['src/store/lint-fixture.ts', '../ports/stats-ports.ts'],
  ['src/staff/lint-fixture.ts', '../channels/http/validate.ts'],
  ['src/root/lint-fixture.ts', '../store/create-store.ts'],
  ['src/root/lint-fixture.ts', '../config.ts'],
  ['src/main.ts', './root/start-app.ts'],
];

describe('the import rule between layers', () => {
  it.each(wrong)('%s importing %s fails lint', async (at, imported) => {
    expect(await layerErrors(at, imported)).toHaveLength(1);
  });

  it.each(right)('%s importing %s passes', async (at, imported) => {
    expect(await layerErrors(at, imported)).toEqual([]);
  });

  it('counts type-only imports, re-exports and dynamic imports too', async () => {
    const lint = async (at: string, code: string) => {
      const [result] = await eslint.lintText(code, { filePath: path.join(repo, at) });
      return (result?.messages ?? []).filter((m) => m.ruleId === 'boundaries/dependencies' && m.severity === 2);
    };
    expect(await lint('src/channels/lint-fixture.ts', "import type { AppStore } from '../store/create-store.ts';\nexport type S = AppStore;\n")).toHaveLength(1);
    expect(await lint('src/app/lint-fixture.ts', "export { createStore } from '../store/create-store.ts';\n")).toHaveLength(1);
    expect(await lint('src/jobs/lint-fixture.ts', "export const load = () => import('../store/create-store.ts');\n")).toHaveLength(1);
  });
});
