import { createInstagramSender, planInstagramMessages } from '../../../../src/channels/instagram';
import { createLogger } from '../../../../src/logger';

test('text over 1,000 characters goes as several messages, quick replies on the last', () => {
  const plan = planInstagramMessages({ text: `${'word '.repeat(400)}end`, quickReplies: [{ title: 'Yes', payload: 'yes' }] });
  expect(plan.length).toBeGreaterThan(1);
  for (const m of plan) expect(((m as { text?: string }).text ?? '').length).toBeLessThanOrEqual(1000);
  expect(plan.slice(0, -1).every((m) => !('quick_replies' in m))).toBe(true);
  expect(plan.at(-1)).toMatchObject({ quick_replies: [{ content_type: 'text', title: 'Yes', payload: 'yes' }] });
});

test('the bot may never send with the HUMAN_AGENT tag', async () => {
  const sender = createInstagramSender({
    config: { accessToken: 't', appSecret: 's', verifyToken: 'v', graphUrl: 'http://127.0.0.1:9', graphVersion: 'v21.0' },
    timeoutMs: 100,
    logger: createLogger('error'),
  });
  await expect(sender.send('123', { text: 'hi' }, { messageId: 'm1', author: 'bot', humanAgentTag: true })).rejects.toThrow(/HUMAN_AGENT/);
});

test('templates are refused: Instagram has none', async () => {
  const sender = createInstagramSender({
    config: { accessToken: 't', appSecret: 's', verifyToken: 'v', graphUrl: 'http://127.0.0.1:9', graphVersion: 'v21.0' },
    timeoutMs: 100,
    logger: createLogger('error'),
  });
  await expect(sender.send('123', { template: { name: 'x' } }, { messageId: 'm1', author: 'agent' })).rejects.toMatchObject({ platformCode: 'TEMPLATE_UNSUPPORTED' });
});
