import nock from 'nock';
import { assertNoOutsideAttempts, sealNock, sealSockets, unsealSockets } from './networkSeal';

/**
 * Runs in every test file (jest setupFilesAfterEnv): no test reaches a host outside loopback.
 * A refused connection fails the request at once, and the test that made it fails in afterEach
 * (or the file, in afterAll, for connections made by beforeAll/afterAll hooks) with the host named.
 */
const attempts = sealSockets();
sealNock(nock, attempts);

afterEach(() => assertNoOutsideAttempts(attempts));
afterAll(() => {
  // Every test file has its own nock (its own module registry) patching the same core http
  // module: take this file's interceptors off, so the next file's nock sees its own requests.
  nock.cleanAll();
  nock.restore();
  unsealSockets();
  assertNoOutsideAttempts(attempts);
});
