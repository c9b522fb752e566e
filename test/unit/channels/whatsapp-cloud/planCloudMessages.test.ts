import { planCloudMessages } from '../../../../src/channels/whatsapp-cloud';
import { ChannelSendError } from '../../../../src/channels/types';

const options = (n: number) => Array.from({ length: n }, (_, i) => ({ title: `Option number ${i + 1} with a long title`, payload: `intent:opt_${i + 1}` }));

test('plain text goes as one text message without link previews', () => {
  expect(planCloudMessages({ text: 'Hello' })).toEqual([{ type: 'text', text: { body: 'Hello', preview_url: false } }]);
});

test('three quick replies become reply buttons with titles cut to 20 characters', () => {
  const [message] = planCloudMessages({ text: 'Pick one', quickReplies: options(3) });
  expect(message).toMatchObject({ type: 'interactive', interactive: { type: 'button', body: { text: 'Pick one' } } });
  const buttons = (message as { interactive: { action: { buttons: { type: string; reply: { id: string; title: string } }[] } } }).interactive.action.buttons;
  expect(buttons).toHaveLength(3);
  expect(buttons[0]).toEqual({ type: 'reply', reply: { id: 'intent:opt_1', title: 'Option number 1 wit…' } });
  for (const b of buttons) expect([...b.reply.title].length).toBeLessThanOrEqual(20);
});

test('four or more quick replies become a list of at most ten rows', () => {
  const [message] = planCloudMessages({ text: 'Pick one', quickReplies: options(12) });
  const interactive = (message as { interactive: { type: string; action: { button: string; sections: { rows: { id: string; title: string }[] }[] } } }).interactive;
  expect(interactive.type).toBe('list');
  expect(interactive.action.button).toBe('Options');
  expect(interactive.action.sections[0]!.rows).toHaveLength(10);
  for (const r of interactive.action.sections[0]!.rows) expect([...r.title].length).toBeLessThanOrEqual(24);
});

test('text longer than an interactive body goes first as text, the options ride on the last part', () => {
  const long = `${'word '.repeat(300)}end`;
  const plan = planCloudMessages({ text: long, quickReplies: options(2) });
  expect(plan.length).toBeGreaterThan(1);
  expect(plan.slice(0, -1).every((m) => m.type === 'text')).toBe(true);
  const last = plan.at(-1) as { type: string; interactive: { body: { text: string } } };
  expect(last.type).toBe('interactive');
  expect(last.interactive.body.text.length).toBeLessThanOrEqual(1024);
});

test('media go one message each, typed by their extension, unknown ones as documents', () => {
  expect(planCloudMessages({ mediaUrls: ['https://cdn.example.com/a.jpg', 'https://cdn.example.com/manual.pdf'] })).toEqual([
    { type: 'image', image: { link: 'https://cdn.example.com/a.jpg' } },
    { type: 'document', document: { link: 'https://cdn.example.com/manual.pdf' } },
  ]);
});

test('a template goes by name and language, its variables as body parameters in numeric order', () => {
  const vars: Record<string, string> = {};
  for (let i = 1; i <= 10; i++) vars[String(i)] = `v${i}`;
  const [message] = planCloudMessages({ template: { name: 'order_update', language: 'hi', variables: vars } });
  expect(message).toMatchObject({ type: 'template', template: { name: 'order_update', language: { code: 'hi' } } });
  const params = (message as { template: { components: { parameters: { text: string }[] }[] } }).template.components[0]!.parameters;
  expect(params.map((p) => p.text)).toEqual(['v1', 'v2', 'v3', 'v4', 'v5', 'v6', 'v7', 'v8', 'v9', 'v10']);
});

test('a template without a name (a Twilio-only one) is refused with TEMPLATE_UNSUPPORTED', () => {
  expect(() => planCloudMessages({ template: { contentSid: 'HX0123456789abcdef0123456789abcdef' } })).toThrow(ChannelSendError);
});
