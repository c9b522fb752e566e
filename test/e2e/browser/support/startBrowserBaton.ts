import { TWILIO_TEST_CONFIG } from '../../../fixtures/twilio';
import { FakeGraphApi, FakeTwilioApi } from '../../../support/fakePlatforms';
import { startTestBaton, type TestBaton } from '../../../support/testBaton';
import { ADMIN, ensureConsoleBuilt } from './browser';
import { seedDesk } from './seed';

export interface BrowserBaton extends TestBaton {
  /** Stand-ins for Twilio's REST API and Meta's Graph API: whatever Baton sends lands here, never on the internet. */
  twilio: FakeTwilioApi;
  graph: FakeGraphApi;
}

/** Baton in-process with the console, the simulator, the sandbox and a bootstrap admin; seeded. */
export async function startBrowserBaton(opts: { env?: Record<string, string>; clock?: () => number } = {}): Promise<BrowserBaton> {
  ensureConsoleBuilt();
  const twilio = await new FakeTwilioApi(TWILIO_TEST_CONFIG.accountSid).start();
  const graph = await new FakeGraphApi().start();
  const baton = await startTestBaton({
    env: {
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      SANDBOX_ENABLED: 'true',
      CONSOLE_ENABLED: 'true',
      TWILIO_API_URL: twilio.url,
      META_GRAPH_URL: graph.url,
      ...opts.env,
    },
    ...(opts.clock ? { clock: opts.clock } : {}),
  });
  const close = async () => {
    await baton.close();
    await Promise.allSettled([twilio.stop(), graph.stop()]);
  };
  const res = await fetch(`${baton.url}/console/`);
  if (res.status !== 200 || !(res.headers.get('content-type') ?? '').includes('text/html')) {
    await close();
    throw new Error(`GET /console/ answered ${res.status}: the console router is not mounted (createConsoleRouter in the runtime's mounts)`);
  }
  await seedDesk(baton.url);
  return { ...baton, close, twilio, graph };
}
