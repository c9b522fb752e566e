import { startTestBaton, type TestBaton } from '../../../support/testBaton';
import { ADMIN, ensureConsoleBuilt } from './browser';
import { seedDesk } from './seed';

/** Baton in-process with the console, the simulator, the sandbox and a bootstrap admin; seeded. */
export async function startBrowserBaton(): Promise<TestBaton> {
  ensureConsoleBuilt();
  const baton = await startTestBaton({
    env: { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, SANDBOX_ENABLED: 'true', CONSOLE_ENABLED: 'true' },
  });
  const res = await fetch(`${baton.url}/console/`);
  if (res.status !== 200 || !(res.headers.get('content-type') ?? '').includes('text/html')) {
    await baton.close();
    throw new Error(`GET /console/ answered ${res.status}: the console router is not mounted (createConsoleRouter in the runtime's mounts)`);
  }
  await seedDesk(baton.url);
  return baton;
}
