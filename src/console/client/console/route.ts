import { useEffect, useState } from 'preact/hooks';

/** The admin screens (admins only), under /console/admin/<section>. */
export const ADMIN_SECTIONS = ['agents', 'teams', 'canned', 'follow-ups', 'customers'] as const;
export type AdminSection = (typeof ADMIN_SECTIONS)[number];

/** Client routes under /console (the server answers every one of them with index.html). */
export type Route =
  | { page: 'login' }
  | { page: 'inbox'; conversationId?: string }
  | { page: 'dashboard' }
  | { page: 'admin'; section: AdminSection; customerId?: string }
  | { page: 'training' };

export const BASE = '/console';

export function parseRoute(pathname: string): Route {
  const rest = pathname.startsWith(BASE) ? pathname.slice(BASE.length) : pathname;
  const parts = rest.split('/').filter(Boolean);
  if (parts[0] === 'admin') {
    const section = ADMIN_SECTIONS.find((a) => a === parts[1]) ?? 'agents';
    return section === 'customers' && parts[2] ? { page: 'admin', section, customerId: decodeURIComponent(parts[2]) } : { page: 'admin', section };
  }
  if (parts[0] === 'login') return { page: 'login' };
  if (parts[0] === 'dashboard') return { page: 'dashboard' };
  if (parts[0] === 'training') return { page: 'training' };
  if (parts[0] === 'c' && parts[1]) return { page: 'inbox', conversationId: decodeURIComponent(parts[1]) };
  return { page: 'inbox' };
}

export function routePath(route: Route): string {
  switch (route.page) {
    case 'admin':
      return `${BASE}/admin/${route.section}${route.customerId ? `/${encodeURIComponent(route.customerId)}` : ''}`;
    case 'login':
      return `${BASE}/login`;
    case 'dashboard':
      return `${BASE}/dashboard`;
    case 'training':
      return `${BASE}/training`;
    case 'inbox':
      return route.conversationId ? `${BASE}/c/${encodeURIComponent(route.conversationId)}` : `${BASE}/`;
  }
}

const listeners = new Set<() => void>();

export function navigate(route: Route, opts: { replace?: boolean } = {}): void {
  const path = routePath(route);
  if (path !== location.pathname) {
    if (opts.replace) history.replaceState(null, '', path);
    else history.pushState(null, '', path);
  }
  for (const l of listeners) l();
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.pathname));
  useEffect(() => {
    const update = () => setRoute(parseRoute(location.pathname));
    listeners.add(update);
    window.addEventListener('popstate', update);
    return () => {
      listeners.delete(update);
      window.removeEventListener('popstate', update);
    };
  }, []);
  return route;
}

/** A link that navigates inside the console without reloading the page. */
export function onLinkClick(route: Route) {
  return (e: MouseEvent) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(route);
  };
}
