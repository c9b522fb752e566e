import { PassThrough } from 'node:stream';
import { createLogger, fingerprint } from '../../src/logger';

function capture(level: string) {
  const stream = new PassThrough();
  const lines: Record<string, unknown>[] = [];
  stream.on('data', (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) lines.push(JSON.parse(line) as Record<string, unknown>);
  });
  return { logger: createLogger(level, stream), lines };
}

const flush = () => new Promise((r) => setImmediate(r));

/** Meta whose fields count how often anything reads them (redaction reads every field it formats). */
function watchedMeta() {
  const reads = { count: 0 };
  const meta = {};
  for (const key of ['customerAddress', 'reason']) {
    Object.defineProperty(meta, key, {
      enumerable: true,
      get: () => {
        reads.count++;
        return 'whatsapp:+919876543210';
      },
    });
  }
  return { meta, reads };
}

describe('createLogger', () => {
  test('writes a line at or above its level with personal fields replaced by a fingerprint', async () => {
    const { logger, lines } = capture('info');
    logger.info('message received', { customerAddress: 'whatsapp:+919876543210', requestId: 'r-1' });
    await flush();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 'info', message: 'message received', requestId: 'r-1', customerAddress: fingerprint('whatsapp:+919876543210') });
  });

  test('drops a line below its level before formatting it: nothing of its fields is read', async () => {
    const { logger, lines } = capture('warn');
    const { meta, reads } = watchedMeta();
    logger.debug('twilio message sent', meta);
    logger.info('conversation escalated', meta);
    await flush();
    expect(lines).toHaveLength(0);
    expect(reads.count).toBe(0);
  });

  test('a child logger keeps its request id and drops lines below the level the same way', async () => {
    const { logger, lines } = capture('warn');
    const child = logger.child({ requestId: 'r-2' });
    const { meta, reads } = watchedMeta();
    child.info('ignored', meta);
    child.warn('kept');
    await flush();
    expect(reads.count).toBe(0);
    expect(lines).toEqual([expect.objectContaining({ level: 'warn', message: 'kept', requestId: 'r-2' })]);
  });
});
