/** One simulated customer per browser tab: a random sandbox id kept in sessionStorage. */
const KEY = 'baton.simulator.customer';

export function newCustomerId(): string {
  const bytes = new Uint8Array(6);
  crypto.getRandomValues(bytes);
  return `sim-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

export function loadCustomerId(): string {
  const existing = sessionStorage.getItem(KEY);
  if (existing) return existing;
  const id = newCustomerId();
  sessionStorage.setItem(KEY, id);
  return id;
}

export function resetCustomerId(): string {
  const id = newCustomerId();
  sessionStorage.setItem(KEY, id);
  return id;
}
