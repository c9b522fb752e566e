import net from 'node:net';
import os from 'node:os';

/**
 * Seals the test process from the network: every connection to a host outside loopback is refused
 * before any DNS lookup or packet, and recorded, so that the test which made it fails (see
 * sealNetworkForJest.ts). Two layers:
 *  - nock.disableNetConnect() (loopback allowed): http, https and fetch requests that no nock
 *    interceptor answers fail at once with nock's NetConnectNotAllowedError;
 *  - net.Socket#connect: the layer under http, https, undici/fetch, ioredis and raw sockets, for
 *    whatever goes around nock (nock.restore(), nock.enableNetConnect() without a host, raw TCP).
 * Unix sockets and pipes are local and always allowed.
 */

export interface OutsideAttempt {
  host: string;
  port?: number;
  via: 'socket' | 'nock';
}

/** True for names and addresses that never leave the machine. */
export function isLoopbackHost(host: string | undefined | null): boolean {
  if (host === undefined || host === null || host === '') return true; // Node connects to localhost when no host is given
  const h = host.toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '');
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  if (h === '::1' || h === '0:0:0:0:0:0:0:1') return true;
  if (/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h)) return true;
  if (/^::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h)) return true;
  return false;
}

/** The addresses of this machine's own interfaces: traffic to them never leaves the machine either. */
function ownAddresses(): Set<string> {
  const out = new Set<string>();
  for (const list of Object.values(os.networkInterfaces())) for (const i of list ?? []) out.add(i.address.toLowerCase());
  return out;
}
const OWN_ADDRESSES = ownAddresses();

/** Loopback, or an address of one of this machine's interfaces (a test may check a port is not open there). */
export function isLocalHost(host: string | undefined | null): boolean {
  if (isLoopbackHost(host)) return true;
  return OWN_ADDRESSES.has(String(host).toLowerCase().replace(/^\[|\]$/g, ''));
}

const STATE = Symbol.for('baton.test.networkSeal');
interface SealState {
  original: net.Socket['connect'];
  attempts: OutsideAttempt[];
}
type Patched = typeof net.Socket.prototype & { [STATE]?: SealState };

/** Where a `socket.connect(...)` call is going: `{host, port}`, or null for a Unix socket / pipe. */
export function connectTarget(args: unknown[]): { host?: string; port?: number } | null {
  let first = args[0];
  // net.createConnection passes the normalised [options, cb] array as a single argument.
  if (Array.isArray(first)) first = first[0];
  if (first && typeof first === 'object') {
    const o = first as { path?: unknown; host?: unknown; port?: unknown };
    if (typeof o.path === 'string') return null;
    return { ...(typeof o.host === 'string' ? { host: o.host } : {}), ...(o.port !== undefined ? { port: Number(o.port) } : {}) };
  }
  if (typeof first === 'string' && !/^\d+$/.test(first)) return null; // a path
  const host = typeof args[1] === 'string' ? args[1] : undefined;
  return { ...(host !== undefined ? { host } : {}), port: Number(first) };
}

export class OutsideNetworkError extends Error {
  readonly code = 'ERR_TEST_NETWORK_SEALED';
  constructor(host: string) {
    super(`Tests are sealed from the network: a connection to ${host} was refused (use a nock interceptor or a fake server on 127.0.0.1)`);
  }
}

let installed: SealState | undefined;

/**
 * Installs the socket layer and returns its list of attempts. Idempotent within one module
 * registry; each jest test file (its own registry, the same core `net`) installs its own guard
 * over the original connect, so the errors and the list are the file's own.
 */
export function sealSockets(): OutsideAttempt[] {
  const proto = net.Socket.prototype as Patched;
  if (installed && proto[STATE] === installed) return installed.attempts;
  const state: SealState = { original: proto[STATE]?.original ?? proto.connect, attempts: [] };
  proto[STATE] = state;
  installed = state;
  proto.connect = function sealedConnect(this: net.Socket, ...args: unknown[]) {
    const target = connectTarget(args);
    if (target && !isLocalHost(target.host)) {
      const host = target.host ?? '';
      state.attempts.push({ host, ...(target.port !== undefined ? { port: target.port } : {}), via: 'socket' });
      const err = new OutsideNetworkError(host);
      process.nextTick(() => this.destroy(err));
      return this;
    }
    return (state.original as (...a: unknown[]) => net.Socket).apply(this, args);
  } as net.Socket['connect'];
  return state.attempts;
}

/** Puts the original net.Socket#connect back (end of a test file). */
export function unsealSockets(): void {
  const proto = net.Socket.prototype as Patched;
  const state = proto[STATE];
  if (!state) return;
  proto.connect = state.original;
  delete proto[STATE];
  installed = undefined;
}

/** Turns nock's net-connect switch to loopback only, and records what it refuses. */
export function sealNock(nock: typeof import('nock'), attempts: OutsideAttempt[]): void {
  nock.disableNetConnect();
  nock.enableNetConnect((host: string) => isLocalHost(host.replace(/:\d+$/, '')));
  nock.emitter.on('no match', (req: { hostname?: string; host?: string } | undefined) => {
    const host = req?.hostname ?? req?.host?.replace(/:\d+$/, '');
    // Loopback requests nock lets through are fine; anything else is refused (and recorded here).
    if (host && !isLocalHost(host)) attempts.push({ host, via: 'nock' });
  });
}

/** Empties the list and returns what was in it (a test that expects a refusal takes it). */
export function takeOutsideAttempts(attempts: OutsideAttempt[]): OutsideAttempt[] {
  return attempts.splice(0, attempts.length);
}

/** Throws, naming each host, when anything tried to leave the machine since the last check. */
export function assertNoOutsideAttempts(attempts: OutsideAttempt[]): void {
  const seen = takeOutsideAttempts(attempts);
  if (seen.length === 0) return;
  const hosts = [...new Set(seen.map((a) => (a.port ? `${a.host}:${a.port}` : a.host)))].join(', ');
  throw new Error(`This test tried to reach the network outside loopback (${hosts}). Point it at a nock interceptor or a fake server on 127.0.0.1.`);
}
