import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CrmRecord } from '../handoff/crm/crmRecord';

/**
 * A small fake CRM for the demo (`npm run demo:crm`) and the tests: it checks Baton's signature
 * (X-Baton-Timestamp, X-Baton-Signature, as for fulfillment calls), looks the customer up by any
 * identifier Baton sent (phone, PSID, any linked address) and answers `{ "customer": … }` or
 * `{ "customer": null }`. Not for production: the records live in memory.
 */

export const DEMO_CRM_CUSTOMERS: Record<string, CrmRecord> = {
  // The simulator's demo customer (README quick start: from "asha") and her WhatsApp number.
  asha: {
    name: 'Asha Kapoor',
    tier: 'Platinum',
    vip: true,
    openOrders: [{ id: 'SG-482913', status: 'shipped', total: { amount: 52999, currency: 'INR' } }],
    lifetimeValue: { amount: 184500, currency: 'INR' },
    notes: 'Prefers Hinglish. Two returns in 2025, both approved.',
    url: 'https://crm.example.com/customers/asha-kapoor',
  },
  '+919800000001': { name: 'Asha Kapoor', tier: 'Platinum', vip: true, lifetimeValue: { amount: 184500, currency: 'INR' }, url: 'https://crm.example.com/customers/asha-kapoor' },
  bilal: {
    name: 'Bilal Ahmed',
    tier: 'Gold',
    vip: false,
    openOrders: [],
    lifetimeValue: { amount: 23800, currency: 'INR' },
    url: 'https://crm.example.com/customers/bilal-ahmed',
  },
};

export interface DemoCrm {
  url: string;
  /** Bodies received with a valid signature, in order. */
  requests: unknown[];
  /** Requests refused for a missing or wrong signature. */
  refused: number;
  close(): Promise<void>;
}

interface DemoRequest {
  customer?: { phones?: string[]; psids?: string[]; linked?: { channel: string; address: string }[] };
}

function signatureOk(secret: string, timestamp: string | undefined, signature: string | undefined, body: string): boolean {
  if (!timestamp || !signature) return false;
  const expected = `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex')}`;
  const a = Buffer.from(expected);
  const b = Buffer.from(signature);
  return a.length === b.length && timingSafeEqual(a, b) && Math.abs(Date.now() - Number(timestamp)) < 5 * 60_000;
}

function find(customers: Record<string, CrmRecord>, req: DemoRequest): CrmRecord | null {
  const c = req.customer ?? {};
  const keys = [...(c.phones ?? []), ...(c.psids ?? []), ...(c.linked ?? []).map((l) => l.address.replace(/^whatsapp:/, ''))];
  for (const k of keys) if (customers[k]) return customers[k]!;
  return null;
}

export async function startDemoCrm(opts: { secret: string; port?: number; customers?: Record<string, CrmRecord>; host?: string }): Promise<DemoCrm> {
  const customers = opts.customers ?? DEMO_CRM_CUSTOMERS;
  const state = { requests: [] as unknown[], refused: 0 };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const ts = req.headers['x-baton-timestamp'];
      const sig = req.headers['x-baton-signature'];
      if (req.method !== 'POST' || !signatureOk(opts.secret, typeof ts === 'string' ? ts : undefined, typeof sig === 'string' ? sig : undefined, body)) {
        state.refused++;
        res.writeHead(401, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: 'bad or missing X-Baton-Signature' }));
        return;
      }
      let parsed: DemoRequest;
      try {
        parsed = JSON.parse(body) as DemoRequest;
      } catch {
        res.writeHead(400).end();
        return;
      }
      state.requests.push(parsed);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ customer: find(customers, parsed) }));
    });
  });
  await new Promise<void>((r) => server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/enrich`,
    requests: state.requests,
    get refused() {
      return state.refused;
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

if (require.main === module) {
  const secret = process.env.CRM_ENRICHMENT_SECRET;
  if (!secret || secret.length < 16) {
    process.stderr.write('Set CRM_ENRICHMENT_SECRET (at least 16 characters), the same value Baton uses.\n');
    process.exit(1);
  }
  void startDemoCrm({ secret, port: Number(process.env.DEMO_CRM_PORT ?? 4010) }).then((crm) => {
    process.stdout.write(`Demo CRM listening: start Baton with CRM_ENRICHMENT_URL=${crm.url} and the same CRM_ENRICHMENT_SECRET\n`);
  });
}
