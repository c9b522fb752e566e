import type { Page } from 'playwright-core';
import { passwordProblem } from '../../../src/security/passwordPolicy';
import { ADMIN, apiAs, customerSays, logIn, openPage, sandboxTranscript, uniqueCustomer } from './support/browser';
import { describeWithChromium, useBrowserDesk } from './support/desk';
import { CARE_AGENT, DESK } from './support/seed';
import { eventually, waitForText } from './support/waits';

jest.setTimeout(90_000);

const DAY = 24 * 60 * 60 * 1000;
/** The server's clock runs this far from the real one (a survey answered "two days ago"). */
let offset = 0;

const rand = () => Math.random().toString(36).slice(2, 8);

async function openAdmin(page: Page, section: 'agents' | 'teams' | 'canned' | 'follow-ups' | 'customers'): Promise<void> {
  await logIn(page, DESK.email, DESK.password);
  await page.getByTestId('nav-admin').click();
  await page.getByTestId(`admin-nav-${section}`).click();
  await page.getByTestId(`admin-${section}`).waitFor();
}

describeWithChromium('admin screens', () => {
  const desk = useBrowserDesk({ clock: () => Date.now() + offset });
  const adminApi = () => apiAs(desk.baton.url, ADMIN.email, ADMIN.password);

  test('an admin creates a team with business hours and a holiday, invites an agent into it, and the agent logs in', async () => {
    const { page } = desk.w;
    const teamId = `night-${rand()}`;
    await openAdmin(page, 'teams');

    await page.getByTestId('team-new').click();
    await page.getByTestId('team-id').fill(teamId);
    await page.getByTestId('team-name').fill('Night shift');
    await page.getByTestId('hours-enabled').check();
    await page.getByTestId('hours-zone').fill('Asia/Kolkata');
    await page.getByTestId('hours-sat-add').click();
    await page.getByTestId('hours-sat-close-0').fill('13:00');
    await page.getByTestId('holiday-date').fill('2026-01-26');
    await page.getByTestId('holiday-add').click();
    await page.getByTestId('team-submit').click();
    await page.getByTestId('team-dialog').waitFor({ state: 'detached' });
    const row = page.locator(`[data-testid="team-row"][data-team="${teamId}"]`);
    await expect(row.getByTestId('team-hours').textContent()).resolves.toBe(
      'Asia/Kolkata · Mon 09:00–18:00 · Tue 09:00–18:00 · Wed 09:00–18:00 · Thu 09:00–18:00 · Fri 09:00–18:00 · Sat 09:00–13:00 · 1 holiday',
    );
    const team = (await (await adminApi())<{ items: { id: string; businessHours?: unknown }[] }>('GET', '/teams')).items.find((t) => t.id === teamId);
    expect(team?.businessHours).toEqual({
      timeZone: 'Asia/Kolkata',
      days: Object.fromEntries([...['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [{ open: '09:00', close: '18:00' }]]), ['sat', [{ open: '09:00', close: '13:00' }]]]),
      holidays: ['2026-01-26'],
    });

    const email = `night-${rand()}@baton.test`;
    const password = 'lantern harbour violet 42';
    await page.getByTestId('admin-nav-agents').click();
    await page.getByTestId('agent-invite').click();
    await page.getByTestId('agent-form-name').fill('Nadia Night');
    await page.getByTestId('agent-form-email').fill(email);
    await page.getByTestId('agent-form-password').fill(password);
    await page.getByTestId('agent-form-teams').getByLabel('Night shift').check();
    await page.getByTestId('agent-form-capacity').fill('2');
    await page.getByTestId('agent-form-submit').click();
    await page.getByTestId('agent-dialog').waitFor({ state: 'detached' });
    const agentRow = page.locator(`[data-testid="agent-row"][data-email="${email}"]`);
    await expect(agentRow.textContent()).resolves.toMatch(/Nadia Night.*agent.*Night shift.*2/);

    const other = await openPage(desk.browser, desk.baton.url);
    try {
      await logIn(other.page, email, password);
      await waitForText(other.page, 'agent-name', /^Nadia Night$/);
      expect(await other.page.getByTestId('nav-admin').count()).toBe(0);
      expect(other.outside).toEqual([]);
      expect(other.errors).toEqual([]);
    } finally {
      await other.context.close();
    }
  });

  test("a weak password is refused with the password policy's message and the API's code", async () => {
    const { page } = desk.w;
    await openAdmin(page, 'agents');
    await page.getByTestId('agent-invite').click();
    await page.getByTestId('agent-form-name').fill('Weak Walter');
    await page.getByTestId('agent-form-email').fill(`weak-${rand()}@baton.test`);
    await page.getByTestId('agent-form-password').fill('Password1234!');
    await page.getByTestId('agent-form-submit').click();
    const error = page.getByTestId('agent-form-error');
    await error.waitFor();
    expect(await error.getAttribute('data-code')).toBe('VALIDATION_FAILED');
    await expect(error.textContent()).resolves.toContain(passwordProblem('Password1234!')!);
    await expect(error.textContent()).resolves.toContain('(VALIDATION_FAILED)');
    expect(await page.getByTestId('agent-dialog').count()).toBe(1);
  });

  test('an admin changes an agent’s role, teams and capacity, resets the password, and disables them', async () => {
    const { page } = desk.w;
    const api = await adminApi();
    const email = `edit-${rand()}@baton.test`;
    await api('POST', '/agents', { email, name: 'Edna Edit', password: 'first kettle orbit 77', teams: ['care'], capacity: 3 });
    await openAdmin(page, 'agents');
    const row = page.locator(`[data-testid="agent-row"][data-email="${email}"]`);

    await row.getByTestId('agent-edit').click();
    await page.getByTestId('agent-form-role').selectOption('admin');
    await page.getByTestId('agent-form-teams').getByLabel('Sales').check();
    await page.getByTestId('agent-form-capacity').fill('8');
    await page.getByTestId('agent-form-submit').click();
    await page.getByTestId('agent-dialog').waitFor({ state: 'detached' });
    await eventually(async () => /Edna Edit.*admin.*Customer care, Sales.*8/.test((await row.textContent()) ?? ''), 'the edited row');

    await row.getByTestId('agent-reset-password').click();
    await page.getByTestId('password-new').fill('second meadow copper 19');
    await page.getByTestId('password-submit').click();
    await page.getByTestId('password-dialog').waitFor({ state: 'detached' });
    await expect(apiAs(desk.baton.url, email, 'first kettle orbit 77')).rejects.toThrow(/401/);
    await apiAs(desk.baton.url, email, 'second meadow copper 19');

    await row.getByTestId('agent-edit').click();
    await page.getByTestId('agent-form-disabled').check();
    await page.getByTestId('agent-form-submit').click();
    await page.getByTestId('agent-dialog').waitFor({ state: 'detached' });
    await eventually(async () => /disabled/.test((await row.textContent()) ?? ''), 'the disabled row');
    await expect(apiAs(desk.baton.url, email, 'second meadow copper 19')).rejects.toThrow(/login as/);
  });

  test("an unknown time zone is refused with the team API's message and code", async () => {
    const { page } = desk.w;
    await openAdmin(page, 'teams');
    await page.getByTestId('team-new').click();
    await page.getByTestId('team-id').fill(`tz-${rand()}`);
    await page.getByTestId('team-name').fill('Atlantis');
    await page.getByTestId('hours-enabled').check();
    await page.getByTestId('hours-zone').fill('Asia/Atlantis');
    await page.getByTestId('team-submit').click();
    const error = page.getByTestId('team-form-error');
    await error.waitFor();
    expect(await error.getAttribute('data-code')).toBe('VALIDATION_FAILED');
    await expect(error.textContent()).resolves.toMatch(/body\.businessHours\.timeZone: not a time zone; use an IANA name such as Asia\/Kolkata/);
  });

  test('a canned answer is created per language with a preview of the messages the customer receives', async () => {
    const { page } = desk.w;
    const shortcut = `/wait${rand()}`;
    const text = `नमस्ते! आपका रिफ़ंड 5 से 7 कार्य दिवसों में पहुँच जाएगा। ${'धन्यवाद। '.repeat(200)}`.trim();
    await openAdmin(page, 'canned');
    await page.getByTestId('canned-new').click();
    const dialog = page.getByTestId('canned-dialog');
    await page.getByTestId('canned-team').selectOption('care');
    await page.getByTestId('canned-shortcut').fill(shortcut);
    await page.getByTestId('canned-title').fill('Refund wait (Hindi)');
    await page.getByTestId('canned-language').selectOption('hi');
    await page.getByTestId('canned-text').fill(text);
    // Over WhatsApp's 1600 characters: two messages, split at a sentence end; Messenger takes 2000 in one.
    const parts = dialog.getByTestId('canned-preview-part');
    await eventually(async () => (await parts.count()) === 2, 'two WhatsApp messages in the preview');
    expect((await parts.first().textContent())?.startsWith('नमस्ते! आपका रिफ़ंड')).toBe(true);
    expect((await parts.first().textContent())?.endsWith('।')).toBe(true);
    await dialog.getByTestId('canned-preview-channel').selectOption('messenger');
    await eventually(async () => (await parts.count()) === 1, 'one Messenger message in the preview');
    await page.getByTestId('canned-submit').click();
    await dialog.waitFor({ state: 'detached' });

    await page.getByTestId('canned-filter-language').selectOption('hi');
    const row = page.locator(`[data-testid="canned-row"][data-shortcut="${shortcut}"]`);
    await expect(row.textContent()).resolves.toMatch(/Refund wait \(Hindi\).*care.*Hindi/);
    await row.click();
    await waitForText(page, 'canned-preview-part', /^नमस्ते! आपका रिफ़ंड/);
    await page.getByTestId('canned-filter-language').selectOption('en');
    await row.waitFor({ state: 'detached' });
  });

  test('a shortcut the team already has is refused with CONFLICT and the API’s words', async () => {
    const { page } = desk.w;
    await openAdmin(page, 'canned');
    await page.getByTestId('canned-new').click();
    await page.getByTestId('canned-team').selectOption('care');
    await page.getByTestId('canned-shortcut').fill('/refund');
    await page.getByTestId('canned-title').fill('Again');
    await page.getByTestId('canned-text').fill('Again');
    await page.getByTestId('canned-submit').click();
    const error = page.getByTestId('canned-form-error');
    await error.waitFor();
    expect(await error.getAttribute('data-code')).toBe('CONFLICT');
    await expect(error.textContent()).resolves.toContain('The team care already has a canned answer /refund');
  });

  test("a Hindi conversation offers the Hindi version of a shortcut first, labelled with its language", async () => {
    const api = await adminApi();
    const shortcut = `/late${rand()}`;
    await api('POST', '/canned-answers', { team: 'care', shortcut, title: 'Late order', text: 'Sorry, your order is late.', language: 'en' });
    await api('POST', '/canned-answers', { team: 'care', shortcut, title: 'Late order', text: 'माफ़ कीजिए, आपका ऑर्डर देर से है।', language: 'hi' });
    await customerSays(desk.baton.url, uniqueCustomer('kavya'), 'मुझे किसी इंसान से बात करनी है', 'Kavya');
    const { page } = desk.w;
    await logIn(page, DESK.email, DESK.password);
    await page.getByTestId('tab-queue:care').click();
    await page.getByTestId('conversation-row').filter({ hasText: 'Kavya' }).click();
    await page.getByTestId('handoff-packet').waitFor();
    await page.keyboard.press('c');
    await waitForText(page, 'conversation-status', /^assigned$/);
    await page.keyboard.press('r');
    await page.keyboard.type(shortcut);
    const options = page.getByTestId('canned-option');
    await eventually(async () => (await options.count()) === 2, 'both language versions offered');
    await expect(options.first().textContent()).resolves.toMatch(/\(hi\)माफ़ कीजिए, आपका ऑर्डर देर से है।$/);
    await expect(options.nth(1).textContent()).resolves.toMatch(/\(en\)Sorry, your order is late\.$/);
  });

  /** Escalated, answered and resolved by the admin; the customer answers the survey with `score`. */
  async function lowScore(score: string): Promise<string> {
    const api = await adminApi();
    const from = uniqueCustomer('followup');
    const turn = await customerSays(desk.baton.url, from, 'I want to talk to a human agent please');
    const id = turn.conversationId!;
    await api('POST', `/conversations/${id}/claim`);
    await api('POST', `/conversations/${id}/messages`, { text: 'Your refund was issued today.' });
    await api('POST', `/conversations/${id}/resolve`);
    await customerSays(desk.baton.url, from, score);
    return id;
  }

  test('follow-ups of low CSAT scores are listed overdue and due, and one is marked done', async () => {
    offset = -2 * DAY;
    const overdue = await lowScore('1');
    offset = 0;
    const due = await lowScore('2');
    const { page } = desk.w;
    await openAdmin(page, 'follow-ups');
    const overdueRow = page.getByTestId('follow-ups-overdue').locator(`[data-conversation="${overdue}"]`);
    const dueRow = page.getByTestId('follow-ups-due').locator(`[data-conversation="${due}"]`);
    await expect(overdueRow.textContent()).resolves.toMatch(/1 \/ 5 \(CSAT\).*care.*1d 0h overdue/);
    await expect(dueRow.textContent()).resolves.toMatch(/2 \/ 5 \(CSAT\).*care.*in 23h \d+m/);

    await overdueRow.getByTestId('follow-up-done').click();
    await overdueRow.waitFor({ state: 'detached' });
    const done = (await (await adminApi())<{ items: { conversationId: string; doneBy?: string }[] }>('GET', '/follow-ups?status=done')).items;
    expect(done.find((f) => f.conversationId === overdue)?.doneBy).toBeDefined();
  });

  test('two records of one customer are compared, merged with a reason, and the merge shows in the audit trail', async () => {
    const api = await adminApi();
    const customerOf = async (name: string) => {
      const turn = await customerSays(desk.baton.url, uniqueCustomer('priya'), 'hello', name);
      return (await api<{ conversation: { customerId: string } }>('GET', `/conversations/${turn.conversationId}`)).conversation.customerId;
    };
    const target = await customerOf('Priya');
    const source = await customerOf('Priya S');
    const { page } = desk.w;
    await openAdmin(page, 'customers');
    await page.locator(`[data-testid="recent-customer"][data-customer="${target}"]`).click();
    await waitForText(page, 'customer-heading', /^Priya$/);
    expect(await page.getByTestId('customer-address').count()).toBe(1);

    await page.getByTestId('customer-merge').click();
    await page.getByTestId('merge-source').fill(source);
    await page.getByTestId('merge-compare').click();
    await waitForText(page, 'merge-from', /Priya S/);
    expect(await page.getByTestId('merge-submit').isDisabled()).toBe(true);
    await page.getByTestId('merge-reason').fill('Same person: confirmed her order number on a call');
    await page.getByTestId('merge-checked').check();
    await page.getByTestId('merge-submit').click();
    await page.getByTestId('merge-dialog').waitFor({ state: 'detached' });

    await eventually(async () => (await page.getByTestId('customer-address').count()) === 2, 'both addresses on the merged record');
    const entry = page.locator('[data-testid="audit-entry"][data-action="identity.merge"]');
    await expect(entry.textContent()).resolves.toContain(`merged ${source} into ${target}: Same person: confirmed her order number on a call`);
    const audit = await api<{ items: { action: string; actor: string; details?: Record<string, unknown> }[] }>('GET', `/audit?target=${target}`);
    expect(audit.items.find((e) => e.action === 'identity.merge')?.details).toMatchObject({ sourceId: source, targetId: target });
  });

  test('a code sent to another address and typed back links it verified, merging its record, with both steps in the audit trail', async () => {
    const api = await adminApi();
    const here = uniqueCustomer('ravi');
    const there = uniqueCustomer('ravi-work');
    const customerAt = async (from: string, name: string) => {
      const turn = await customerSays(desk.baton.url, from, 'hello', name);
      return (await api<{ conversation: { customerId: string } }>('GET', `/conversations/${turn.conversationId}`)).conversation.customerId;
    };
    const target = await customerAt(here, 'Ravi');
    const source = await customerAt(there, 'Ravi at work');
    const { page } = desk.w;
    await logIn(page, DESK.email, DESK.password);
    await page.goto(`/console/admin/customers/${target}`);
    await page.getByTestId('verify-channel').selectOption('sandbox');
    await page.getByTestId('verify-address').fill(there);
    await page.getByTestId('verify-submit').click();
    await page.getByTestId('verify-sent').waitFor();

    let code = '';
    await eventually(async () => {
      const texts = (await sandboxTranscript(desk.baton.url, there)).map((m) => m.text ?? '');
      code = texts.map((t) => /\b(\d{6})\b/.exec(t)?.[1]).find((c) => c !== undefined) ?? '';
      return code !== '';
    }, 'the code at the other address');
    await customerSays(desk.baton.url, here, code);

    await page.reload();
    const linked = page.getByTestId('customer-address').filter({ hasText: there });
    await expect(linked.textContent()).resolves.toMatch(/sandbox.*verified$/);
    await page.locator('[data-testid="audit-entry"][data-action="identity.link.started"]').waitFor();
    await expect(page.locator('[data-testid="audit-entry"][data-action="identity.merge"]').textContent()).resolves.toContain(
      `merged ${source} into ${target}: verified one-time code`,
    );
    await page.locator('[data-testid="audit-entry"][data-action="identity.link.verified"]').waitFor();
  });

  test('merging a record into itself is refused with the API’s CONFLICT', async () => {
    const api = await adminApi();
    const turn = await customerSays(desk.baton.url, uniqueCustomer('self'), 'hello', 'Selma');
    const id = (await api<{ conversation: { customerId: string } }>('GET', `/conversations/${turn.conversationId}`)).conversation.customerId;
    const { page } = desk.w;
    await logIn(page, DESK.email, DESK.password);
    await page.goto(`/console/admin/customers/${id}`);
    await page.getByTestId('customer-merge').click();
    await page.getByTestId('merge-source').fill(id);
    await page.getByTestId('merge-compare').click();
    await page.getByTestId('merge-checked').check();
    await page.getByTestId('merge-submit').click();
    const error = page.getByTestId('merge-error');
    await error.waitFor();
    expect(await error.getAttribute('data-code')).toBe('CONFLICT');
    await expect(error.textContent()).resolves.toContain('A customer cannot be merged into itself');
  });

  test('a non-admin agent gets no admin screen, even by address, and the API refuses them', async () => {
    const { page } = desk.w;
    await logIn(page, CARE_AGENT.email, CARE_AGENT.password);
    expect(await page.getByTestId('nav-admin').count()).toBe(0);
    for (const section of ['agents', 'teams', 'canned', 'follow-ups', 'customers']) {
      await page.goto(`/console/admin/${section}`);
      await page.getByTestId('conversation-list').waitFor();
      expect(await page.getByTestId('admin').count()).toBe(0);
    }
    const refused = await page.evaluate(async () => {
      const calls: [string, string, unknown?][] = [
        ['GET', '/api/v1/agents'],
        ['POST', '/api/v1/agents', { email: 'x@baton.test', name: 'X', password: 'quiet river lamp 88' }],
        ['POST', '/api/v1/teams', { id: 'sneaky', name: 'Sneaky' }],
        ['POST', '/api/v1/canned-answers', { team: 'care', shortcut: '/x', title: 'x', text: 'x' }],
        ['GET', '/api/v1/audit'],
      ];
      const out: string[] = [];
      for (const [method, url, body] of calls) {
        const res = await fetch(url, {
          method,
          headers: body ? { 'content-type': 'application/json' } : {},
          ...(body ? { body: JSON.stringify(body) } : {}),
        });
        const code = ((await res.json()) as { error?: { code?: string } }).error?.code;
        out.push(`${method} ${url} ${res.status} ${code}`);
      }
      return out;
    });
    expect(refused).toEqual([
      'GET /api/v1/agents 403 FORBIDDEN',
      'POST /api/v1/agents 403 FORBIDDEN',
      'POST /api/v1/teams 403 FORBIDDEN',
      'POST /api/v1/canned-answers 403 FORBIDDEN',
      'GET /api/v1/audit 403 FORBIDDEN',
    ]);
  });
});
