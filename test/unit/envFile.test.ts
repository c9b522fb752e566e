import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseConfig } from '../../src/config';
import { loadEnvFile } from '../../src/envFile';

describe('loadEnvFile (npm start reads .env)', () => {
  const dir = () => mkdtempSync(path.join(tmpdir(), 'baton-env-'));

  test('reads .env from the working directory into the environment', () => {
    const d = dir();
    writeFileSync(path.join(d, '.env'), 'PORT=4100\n# a comment\nLOG_LEVEL="warn"\n');
    const env: NodeJS.ProcessEnv = {};
    expect(loadEnvFile(d, env).sort()).toEqual(['LOG_LEVEL', 'PORT']);
    expect(env).toEqual({ PORT: '4100', LOG_LEVEL: 'warn' });
  });

  test('leaves variables already in the environment as they are', () => {
    const d = dir();
    writeFileSync(path.join(d, '.env'), 'PORT=4100\n');
    const env: NodeJS.ProcessEnv = { PORT: '5000' };
    loadEnvFile(d, env);
    expect(env.PORT).toBe('5000');
  });

  test('does nothing when there is no .env', () => {
    const env: NodeJS.ProcessEnv = {};
    expect(loadEnvFile(dir(), env)).toEqual([]);
    expect(env).toEqual({});
  });

  test('a copy of .env.example starts as it is', () => {
    const d = dir();
    writeFileSync(path.join(d, '.env'), require('node:fs').readFileSync(path.join(__dirname, '../../.env.example'), 'utf8'));
    const env: NodeJS.ProcessEnv = {};
    loadEnvFile(d, env);
    expect(env.PUBLIC_URL).toBe('');
    expect(parseConfig(env).publicUrlIsDefault).toBe(true);
  });
});
