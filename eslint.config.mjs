import js from '@eslint/js';
import tseslint from 'typescript-eslint';


/**
 * Import boundaries: the lower layers of the flow (NLU, conversations store, bot, channels, store)
 * never import the higher ones (handoff, inbox, identity, inbound, console, metrics, runtime).
 */
const higher = ['handoff', 'inbox', 'identity', 'inbound', 'console', 'metrics', 'runtime', 'app', 'main'];
const boundary = (layer, forbidden) => ({
  files: [`src/${layer}/**/*.ts`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: forbidden.map((name) => ({
          group: [`**/${name}`, `**/${name}/**`],
          message: `src/${layer} is a lower layer than src/${name}: move the shared type into a lower module instead`,
        })),
      },
    ],
  },
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'src/console/public/**', 'test/fixtures/**/*.json'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', require: 'readonly', module: 'readonly', __dirname: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-require-imports': 'off',
      'no-console': 'error',
    },
  },
  { files: ['test/**', 'scripts/**'], rules: { 'no-console': 'off' } },
  boundary('nlu', [...higher, 'bot', 'conversations', 'channels', 'outbound']),
  boundary('conversations', [...higher, 'bot', 'channels', 'outbound']),
  boundary('store', [...higher, 'bot', 'nlu', 'conversations', 'channels', 'outbound']),
  boundary('bot', [...higher, 'channels', 'outbound']),
  boundary('channels', [...higher.filter((n) => n !== 'metrics'), 'bot']),
);
