// Lint for the server, the client, the tests and the scripts: typescript-eslint's type-aware
// recommended rules, with Prettier owning the layout (eslint-config-prettier turns off the rules
// that would fight it). `npm run lint` runs both; CI fails on any finding.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'client/dist/',
      'coverage/',
      '.data/',
      'bench/results/',
      'client/src/shared/api/schema.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['client/vite.config.ts'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // Unused arguments named with a leading underscore are deliberate (interfaces, callbacks).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  {
    files: ['src/**', 'test/**', 'bench/**', 'scripts/**', 'migrations/**', '*.js', '*.mjs', 'test/**/*.js'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // Response bodies and socket payloads in tests are untyped JSON by nature: the assertions are the
    // checks, so the any-propagation rules would only ask for casts that prove nothing.
    files: ['test/**'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['client/src/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['**/*.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  prettier,
);
