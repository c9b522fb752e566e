import winston from 'winston';
import path from 'node:path';
import type { Conversation, Message } from '../../../src/conversations/types';
import { createFactRecorder } from '../../../src/inbound/recordFacts';
import { loadCatalog } from '../../../src/nlu/catalog/loadCatalog';
import type { FactCandidate } from '../../../src/nlu/facts';
import type { Catalog } from '../../../src/nlu/types';

let catalog: Catalog;
beforeAll(async () => {
  catalog = await loadCatalog(path.join(__dirname, '../../../intents'));
});

/** The phones recorded for one customer message from this address, with the deployment's region IN. */
async function phonesFrom(customerAddress: string, text: string): Promise<string[]> {
  const recorded: FactCandidate[] = [];
  const record = createFactRecorder({
    facts: { record: async (_id: string, _message: unknown, facts: readonly FactCandidate[]) => void recorded.push(...facts) },
    catalog: () => catalog,
    phoneRegion: 'IN',
    logger: winston.createLogger({ silent: true }),
  });
  const conversation = { id: 'c1', channel: 'whatsapp', customerAddress } as unknown as Conversation;
  const message = { id: 'm1', author: 'customer', text, createdAt: Date.parse('2026-12-07T10:00:00Z') } as unknown as Message;
  await record(conversation, message);
  return recorded.filter((f) => f.kind === 'phone').map((f) => String(f.value));
}

describe('createFactRecorder: phone numbers without a country code', () => {
  it('reads a Pakistani customer’s local number in Pakistan', async () => {
    expect(await phonesFrom('whatsapp:+923001112223', 'میرا دوسرا نمبر 0321-4567890 ہے')).toEqual(['+923214567890']);
  });

  it('reads a Nepali customer’s mobile number in Nepal', async () => {
    expect(await phonesFrom('+9779800000034', 'मेरो नम्बर 9841234567 हो')).toEqual(['+9779841234567']);
  });

  it('reads the number in the configured region when the address is not a phone number', async () => {
    expect(await phonesFrom('2480012345678901', 'call me on 98765 43210')).toEqual(['+919876543210']);
  });

  it('keeps a number written with its country code in that country', async () => {
    expect(await phonesFrom('whatsapp:+923001112223', 'my brother: +91 98765 43210')).toEqual(['+919876543210']);
  });
});
