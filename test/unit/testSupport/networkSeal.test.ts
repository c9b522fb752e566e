import { createServer, get, type Server } from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { assertNoOutsideAttempts, connectTarget, isLoopbackHost, OutsideNetworkError, sealSockets, takeOutsideAttempts } from '../../support/networkSeal';

// The seal is installed for every test file by jest's setupFilesAfterEnv; this is the same list.
const attempts = sealSockets();

describe('tests are sealed from the network', () => {
  test.each([
    ['127.0.0.1', true],
    ['127.8.9.10', true],
    ['localhost', true],
    ['LOCALHOST.', true],
    ['::1', true],
    ['[::1]', true],
    ['::ffff:127.0.0.1', true],
    ['graph.facebook.com', false],
    ['api.twilio.com', false],
    ['10.0.0.5', false],
    ['128.0.0.1', false],
    ['localhost.evil.example', false],
  ])('%s counts as loopback: %s', (host, loopback) => {
    expect(isLoopbackHost(host)).toBe(loopback);
  });

  test('a fetch to Meta\'s Graph API fails and is recorded against the test', async () => {
    await expect(fetch('https://graph.facebook.com/v21.0/me/messages', { method: 'POST', body: '{}' })).rejects.toThrow();
    expect(takeOutsideAttempts(attempts).map((a) => a.host)).toContain('graph.facebook.com');
  });

  test('an http.get to an outside host fails with an error naming the seal', async () => {
    const err = await new Promise<Error>((resolve) => {
      get('http://api.twilio.com/2010-04-01/Accounts.json', () => resolve(new Error('answered'))).on('error', resolve);
    });
    expect(err.message).toMatch(/api\.twilio\.com/);
    expect(takeOutsideAttempts(attempts).map((a) => a.host)).toContain('api.twilio.com');
  });

  test('a raw TCP connection to an outside address, which nock never sees, is refused too', async () => {
    const err = await new Promise<Error>((resolve) => {
      const socket = net.connect({ host: '203.0.113.10', port: 443 });
      socket.on('connect', () => resolve(new Error('connected')));
      socket.on('error', resolve);
    });
    expect(err).toBeInstanceOf(OutsideNetworkError);
    expect(takeOutsideAttempts(attempts)).toEqual([{ host: '203.0.113.10', port: 443, via: 'socket' }]);
  });

  test('a server on 127.0.0.1 still answers', async () => {
    const server: Server = createServer((_req, res) => res.end('ok'));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
      expect(await res.text()).toBe('ok');
      expect(attempts).toEqual([]);
    } finally {
      server.close();
    }
  });

  test('the after-each check fails the test that made an outside request, naming the host', () => {
    attempts.push({ host: 'graph.facebook.com', port: 443, via: 'socket' });
    expect(() => assertNoOutsideAttempts(attempts)).toThrow(/graph\.facebook\.com:443/);
    expect(attempts).toEqual([]);
  });

  test('a connect call is read the way net.connect and net.createConnection pass it', () => {
    expect(connectTarget([{ host: 'a.example', port: 443 }])).toEqual({ host: 'a.example', port: 443 });
    expect(connectTarget([[{ host: 'a.example', port: '80' }, null]])).toEqual({ host: 'a.example', port: 80 });
    expect(connectTarget([6379, '127.0.0.1'])).toEqual({ host: '127.0.0.1', port: 6379 });
    expect(connectTarget([{ path: '/tmp/redis.sock' }])).toBeNull();
  });
});
