// Lint: typescript-eslint's recommended rules on the project's own code, and the import
// rule between the layers of src/ (eslint-plugin-boundaries; test/unit/lint/import-rule.test.ts
// proves that a wrong-direction import fails).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import boundaries from 'eslint-plugin-boundaries';

/**
 * The layers of src/, first match wins. `ports` are the interfaces the use cases need
 * from persistence and the outside, all in src/ports/; the store implements them.
 * `shared` are the leaf helpers any layer but the domain may use (the logger, the
 * county config file reader). `http-kit` is the edge's
 * input helpers, shared by the two HTTP layers (channels and staff).
 */
const LAYERS = [
  { type: 'main', pattern: 'src/main.ts', mode: 'full' },
  { type: 'root', pattern: 'src/root/**', mode: 'full' },
  { type: 'config', pattern: 'src/config.ts', mode: 'full' },
  { type: 'shared', pattern: ['src/log.ts', 'src/county-config-file.ts'], mode: 'full' },
  { type: 'ports', pattern: 'src/ports/**', mode: 'full' },
  { type: 'http-kit', pattern: ['src/channels/http/validate.ts', 'src/channels/http/client-network.ts'], mode: 'full' },
  { type: 'generated', pattern: 'src/generated/**', mode: 'full' },
  ...['domain', 'nlu', 'dialog', 'app', 'store', 'channels', 'staff', 'jobs'].map((type) => ({ type, pattern: `src/${type}/**`, mode: 'full' })),
];

/** Who may import whom (besides itself): everything else is an error. */
const IMPORT_RULE = {
  domain: [],
  shared: ['domain'],
  nlu: ['domain', 'shared'],
  dialog: ['domain', 'nlu', 'shared'],
  ports: ['domain', 'dialog'],
  app: ['domain', 'dialog', 'nlu', 'ports', 'shared'],
  store: ['domain', 'ports', 'shared', 'generated'],
  'http-kit': ['domain'],
  channels: ['app', 'ports', 'domain', 'shared', 'http-kit'],
  staff: ['app', 'ports', 'domain', 'shared', 'http-kit'],
  jobs: ['app', 'ports', 'domain', 'shared'],
  config: ['domain', 'shared'],
  // The composition root sees every layer (Prisma only through the store); nothing imports the entry, which reads the config and starts the root.
  root: ['config', 'shared', 'ports', 'domain', 'nlu', 'dialog', 'app', 'store', 'channels', 'staff', 'jobs', 'http-kit'],
  main: ['config', 'shared', 'root'],
};

const layerPolicies = Object.entries(IMPORT_RULE).map(([from, to]) => ({
  from: { element: { type: from } },
  allow: { to: { element: { types: { anyOf: [from, ...to] } } } },
}));

export default tseslint.config(
  { ignores: ['node_modules/', 'src/generated/', 'data/', 'test-artifacts/', 'coverage/', '.nlu-cache/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', fetch: 'readonly', AbortController: 'readonly', AbortSignal: 'readonly', TextEncoder: 'readonly', TextDecoder: 'readonly', structuredClone: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[object.name='process'][property.name='env']", message: 'read the environment only in src/config.ts' },
      ],
    },
  },
  {
    files: ['src/**/*.ts'],
    plugins: { boundaries },
    settings: {
      'boundaries/elements': LAYERS,
      'boundaries/include': ['src/**/*.ts'],
      // Layers are matched by full path (mode: 'full'), single files included; v7 deprecates the option, so its notice is muted.
      'boundaries/legacy-warnings': false,
      'boundaries/dependency-nodes': ['import', 'export', 'dynamic-import'],
    },
    rules: {
      'boundaries/dependencies': ['error', { default: 'disallow', policies: layerPolicies }],
      'boundaries/no-unknown-files': 'error',
    },
  },
  { files: ['src/config.ts', 'scripts/**', 'test/**', 'vitest.config.ts', 'prisma.config.ts'], rules: { 'no-restricted-syntax': 'off' } },
  { files: ['**/*.mjs', '**/*.js'], languageOptions: { sourceType: 'module' } },
);
