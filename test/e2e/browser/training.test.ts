import { ADMIN, customerSays, logIn, sandboxTranscript, uniqueCustomer } from './support/browser';
import { describeWithChromium, useBrowserDesk } from './support/desk';
import { CARE_AGENT } from './support/seed';
import { eventually, waitForText } from './support/waits';

// Accepting retrains the bot: about 0.4 s on an idle machine, several seconds on a busy shared one.
jest.setTimeout(120_000);

/** A wording the default catalog does not know: the bot falls back on it until it is taught. */
const WORDING = 'please undo the purchase i made this morning';
/** What the bot says to a cancellation without an order number (cancel_order's question). */
const CANCEL_PROMPT = /which order\? The number looks like SG-482913/;

async function botSaysTo(baseUrl: string, from: string, text: string): Promise<string> {
  await customerSays(baseUrl, from, text);
  const messages = await sandboxTranscript(baseUrl, from);
  return messages.filter((m) => m.author === 'bot').at(-1)?.text ?? '';
}

describeWithChromium('training inbox', () => {
  const desk = useBrowserDesk();

  test('a reviewer accepts a suggestion in one click, and the bot then answers the same wording', async () => {
    const { page } = desk.w;
    const before = await botSaysTo(desk.baton.url, uniqueCustomer('untaught'), WORDING);
    expect(before).toMatch(/didn't quite get that/);

    await logIn(page, ADMIN.email, ADMIN.password);
    await page.getByTestId('nav-training').click();
    const item = page.getByTestId('training-item').filter({ hasText: WORDING });
    await item.waitFor();
    await waitForText(page, 'training-pending', /^[1-9]\d*$/);
    await expect(item.getByTestId('training-accept').textContent()).resolves.toMatch(/^Accept: cancel_order \(\d+%\)$/);

    await item.getByTestId('training-accept').click();
    await item.waitFor({ state: 'detached' });
    // The screen says it is retraining, then what the change answers now.
    await page.getByTestId('training-impact').waitFor({ timeout: 90_000 });
    await page.getByTestId('training-retraining').waitFor({ state: 'detached', timeout: 90_000 });

    await eventually(async () => CANCEL_PROMPT.test(await botSaysTo(desk.baton.url, uniqueCustomer('taught'), WORDING)), 'the bot to answer the taught wording', 30_000);
  });

  test('an agent who is not an admin has no Training screen', async () => {
    const { page } = desk.w;
    await logIn(page, CARE_AGENT.email, CARE_AGENT.password);
    expect(await page.getByTestId('nav-training').count()).toBe(0);
    await page.goto('/console/training');
    await page.getByTestId('conversation-list').waitFor();
    expect(await page.getByTestId('training').count()).toBe(0);
  });
});
