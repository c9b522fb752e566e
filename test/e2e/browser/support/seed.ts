import { ADMIN, apiAs } from './browser';

/** A second admin in care and sales (the bootstrap admin's teams are not ours to assume) and canned answers. */
export const DESK = { email: 'desk@baton.test', password: 'desk-password-1', name: 'Desk Admin' };
export const CARE_AGENT = { email: 'care@baton.test', password: 'care-password-1', name: 'Care Agent' };
export const REFUND_ANSWER = 'Refunds reach your account within 5 to 7 working days.';

export async function seedDesk(baseUrl: string): Promise<void> {
  const api = await apiAs(baseUrl, ADMIN.email, ADMIN.password);
  await api('POST', '/agents', { email: DESK.email, name: DESK.name, password: DESK.password, role: 'admin', teams: ['care', 'sales'], capacity: 5 });
  await api('POST', '/agents', { email: CARE_AGENT.email, name: CARE_AGENT.name, password: CARE_AGENT.password, role: 'agent', teams: ['care'], capacity: 3 });
  await api('POST', '/canned-answers', { team: 'care', shortcut: '/refund', title: 'Refund timeline', text: REFUND_ANSWER });
  await api('POST', '/canned-answers', { team: 'care', shortcut: '/hello', title: 'Greeting', text: 'Hello! How can I help you today?' });
}
