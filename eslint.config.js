// ESLint checks the TypeScript with type information (typescript-eslint's projectService), through the
// TypeScript 6 compiler API: TypeScript 7 (which `npm run typecheck` uses) has no JavaScript API for it.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'test/fixtures/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['bin/*.js', '*.js', 'src/tools/stand-ins/*.cjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
  {
    rules: {
      // Sanitizing control characters is the point of these expressions.
      'no-control-regex': 'off',
      // virt's objects are closures, not classes: their methods never use `this`, and are passed around freely.
      '@typescript-eslint/unbound-method': 'off',
      // Commands and loaders are async by contract, whether or not this one awaits anything yet.
      '@typescript-eslint/require-await': 'off',
    },
  },
  // Tests read JSON documents and error objects whose shape is what they assert.
  {
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    files: ['bin/**/*.js', '*.js', 'src/tools/stand-ins/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
    rules: { ...tseslint.configs.disableTypeChecked.rules, '@typescript-eslint/no-require-imports': 'off' },
    languageOptions: {
      globals: { require: 'readonly', module: 'writable', process: 'readonly', __dirname: 'readonly' },
    },
  },
);
