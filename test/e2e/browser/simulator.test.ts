import { describeWithChromium, useBrowserDesk } from './support/desk';
import { DESK } from './support/seed';
import { waitForText } from './support/waits';


jest.setTimeout(60_000);

describeWithChromium('customer simulator', () => {
  const desk = useBrowserDesk();

  test('one person plays both sides: customer asks for a person, the agent in the iframe answers, the phone shows it', async () => {
    const { page } = desk.w;
    await page.goto('/simulator');
    await page.getByTestId('sim-name').fill('Kiran');
    await page.getByTestId('sim-input').fill('i want to speak to an agent');
    await page.getByTestId('sim-send').click();
    await page.locator('[data-testid="sim-message"][data-author="system"]').first().waitFor(); // the queue notice
    await waitForText(page, 'sim-status', /^queued$/);

    const agent = page.frameLocator('[data-testid="console-frame"]');
    await agent.getByTestId('login-email').fill(DESK.email);
    await agent.getByTestId('login-password').fill(DESK.password);
    await agent.getByTestId('login-submit').click();
    await agent.getByTestId('tab-queue:care').click();
    await agent.getByTestId('conversation-row').filter({ hasText: 'Kiran' }).click();
    await agent.getByTestId('action-claim').click();
    await agent.locator('[data-testid="conversation-status"]', { hasText: 'assigned' }).waitFor();
    await agent.getByTestId('composer-input').fill('Hi Kiran, Meena here. How can I help?');
    await agent.getByTestId('composer-send').click();

    await page.locator('[data-testid="sim-message"][data-author="agent"]', { hasText: 'Meena here' }).waitFor({ timeout: 10_000 });
  });

  test('a greeting offers quick replies; tapping one posts its payload and the bot answers it', async () => {
    const { page } = desk.w;
    await page.goto('/simulator');
    await page.getByTestId('sim-new-customer').click();
    await page.getByTestId('sim-input').fill('hello');
    await page.getByTestId('sim-send').click();
    const bot = page.locator('[data-testid="sim-message"][data-author="bot"]');
    await bot.first().waitFor();
    const delivery = page.getByTestId('sim-quick-reply').filter({ hasText: 'Delivery time' });
    await delivery.waitFor();
    const before = await bot.count();
    await delivery.click();
    await bot.nth(before).waitFor();
    await page.locator('[data-testid="sim-message"][data-author="customer"]', { hasText: 'Delivery time' }).waitFor();
  });

  test('each tab is its own customer; "New customer" starts another', async () => {
    const { page } = desk.w;
    await page.goto('/simulator');
    const first = await page.getByTestId('sim-customer-id').textContent();
    await page.reload();
    expect(await page.getByTestId('sim-customer-id').textContent()).toBe(first);
    await page.getByTestId('sim-new-customer').click();
    expect(await page.getByTestId('sim-customer-id').textContent()).not.toBe(first);
    const other = await desk.w.context.newPage();
    await other.goto('/simulator');
    expect(await other.getByTestId('sim-customer-id').textContent()).not.toBe(first);
  });
});
