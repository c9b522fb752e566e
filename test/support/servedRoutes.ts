import type { Express } from 'express';

/** One route an Express app really serves: "GET /api/v1/conversations/:id". */
export type ServedRoute = `${string} ${string}`;

interface LayerLike {
  route?: { path: string | string[]; methods: Record<string, boolean> };
  rawPath?: string | string[];
  handle?: { stack?: LayerLike[] };
}

const join = (prefix: string, p: string) => (prefix.replace(/\/+$/, '') + (p === '/' ? '' : p)).replace(/^$/, '/');

/**
 * Walks the app's router stack (Express 5, nested routers included) and lists every method and
 * path it answers. A route added anywhere shows up here, whatever file declares it.
 */
export function servedRoutes(app: Express): ServedRoute[] {
  const out = new Set<ServedRoute>();
  const walk = (stack: LayerLike[], prefix: string) => {
    for (const layer of stack) {
      if (layer.route) {
        const paths = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path];
        for (const p of paths) {
          for (const [method, on] of Object.entries(layer.route.methods)) {
            if (on && method !== '_all') out.add(`${method.toUpperCase()} ${join(prefix, p)}`);
          }
        }
      } else if (layer.handle?.stack) {
        const raw = Array.isArray(layer.rawPath) ? String(layer.rawPath[0]) : (layer.rawPath ?? '/');
        walk(layer.handle.stack, join(prefix, raw));
      }
    }
  };
  const router = (app as unknown as { router: { stack: LayerLike[] } }).router;
  walk(router.stack, '');
  return [...out].sort();
}
