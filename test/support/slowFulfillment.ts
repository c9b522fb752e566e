import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A fulfillment endpoint for crash and freeze tests: while `hold` is true it keeps every request
 * waiting (the turn that called it is mid-way); otherwise it answers at once with an order status.
 * `releaseHeld()` answers the requests it kept.
 */
export interface SlowFulfillment {
  url: string;
  /** Arrival times of requests, and whether they were held or answered at once. */
  requests: { at: number; held: boolean }[];
  hold: boolean;
  /** Answers every request held so far; returns how many. */
  releaseHeld(): number;
  close(): Promise<void>;
}

export const ORDER_ANSWER = 'Your order SG-482913 was shipped yesterday and arrives on Friday.';

export async function startSlowFulfillment(): Promise<SlowFulfillment> {
  const held: ServerResponse[] = [];
  const answer = (res: ServerResponse) => {
    if (res.destroyed) return;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ text: ORDER_ANSWER }));
  };
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      state.requests.push({ at: Date.now(), held: state.hold });
      if (state.hold) held.push(res);
      else answer(res);
    });
  });
  const state: SlowFulfillment = {
    url: '',
    requests: [],
    hold: true,
    releaseHeld() {
      const n = held.length;
      for (const res of held.splice(0)) answer(res);
      return n;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/orders`;
  return state;
}
