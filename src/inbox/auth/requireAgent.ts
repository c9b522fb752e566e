import type { Request, RequestHandler, Response } from 'express';
import { BatonError } from '../../errors';
import type { Agent } from '../../handoff/types';
import type { AgentStore } from '../agents/agentStore';
import { parseCookies, SESSION_COOKIE } from './cookies';
import { SESSION_TOKEN_PATTERN, type SessionStore } from './sessionStore';

export interface AuthContext {
  agent: Agent;
  token: string;
  expiresAt: number;
}

export type TokenSource = 'header' | 'cookie' | 'query';

/** The session token a request carries: `Authorization: Bearer`, the console cookie, or `?access_token=` when allowed. */
export function readToken(req: Request, sources: readonly TokenSource[] = ['header', 'cookie']): string | undefined {
  if (sources.includes('header')) {
    const auth = req.get('authorization');
    const m = auth ? /^Bearer\s+(\S+)\s*$/i.exec(auth) : null;
    if (m?.[1]) return m[1];
  }
  if (sources.includes('cookie')) {
    const c = parseCookies(req.get('cookie'))[SESSION_COOKIE];
    if (c) return c;
  }
  if (sources.includes('query')) {
    const q = (req.query as Record<string, unknown>).access_token;
    if (typeof q === 'string' && q) return q;
  }
  return undefined;
}

export function authOf(res: Response): AuthContext {
  const auth = res.locals.auth as AuthContext | undefined;
  if (!auth) throw new BatonError('UNAUTHENTICATED', 'Sign in first: POST /api/v1/auth/login');
  return auth;
}

/** Resolves the caller to an enabled agent (res.locals.auth) or fails with 401/403. */
export function requireAgent(deps: { sessions: SessionStore; agents: AgentStore }, sources?: readonly TokenSource[]): RequestHandler {
  return async (req, res, next) => {
    const token = readToken(req, sources);
    if (!token) {
      throw new BatonError('UNAUTHENTICATED', 'Sign in first: send Authorization: Bearer <token> from POST /api/v1/auth/login');
    }
    if (!SESSION_TOKEN_PATTERN.test(token)) {
      throw new BatonError('UNAUTHENTICATED', 'That is not a Baton session token; sign in again with POST /api/v1/auth/login');
    }
    const session = await deps.sessions.resolve(token);
    const agent = session ? await deps.agents.get(session.agentId) : null;
    if (!session || !agent) {
      throw new BatonError('TOKEN_EXPIRED', 'Your session has expired or was ended; log in again');
    }
    if (agent.disabled) throw new BatonError('FORBIDDEN', 'This agent account is disabled; ask an admin to enable it');
    res.locals.auth = { agent, token, expiresAt: session.expiresAt } satisfies AuthContext;
    next();
  };
}

export const requireAdmin: RequestHandler = (_req, res, next) => {
  if (authOf(res).agent.role !== 'admin') throw new BatonError('FORBIDDEN', 'Only an admin can do this');
  next();
};
