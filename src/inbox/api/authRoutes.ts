import { z } from 'zod';
import { BatonError } from '../../errors';
import { authOf } from '../auth/requireAgent';
import { clearedSessionCookie, sessionCookie } from '../auth/cookies';
import type { InboxServices } from '../services';
import { route, type RouteSpec } from './route';
import { agentView, emailSchema } from './schemas';

const loginBody = z.object({ email: emailSchema, password: z.string().min(1).max(256) }).strict();
const sessionView = z.object({ token: z.string(), agent: agentView, expiresAt: z.iso.datetime() });

export function authRoutes(s: InboxServices): RouteSpec[] {
  return [
    route({
      method: 'post',
      path: '/auth/login',
      tag: 'auth',
      access: 'public',
      summary: 'Sign in with e-mail and password (sets the agent online)',
      errors: ['UNAUTHENTICATED', 'FORBIDDEN', 'TOO_MANY_ATTEMPTS'],
      description:
        'Answers a bearer token and sets the httpOnly baton_session cookie for the console. ' +
        `Attempts are counted before the password is checked: ${s.limiter.limits.perClient} per client address in ` +
        `${s.limiter.limits.clientWindowSeconds / 60} minutes, ${s.limiter.limits.perAccountAndClient} per e-mail from one address in ` +
        `${s.limiter.limits.accountClientWindowSeconds / 60} minutes, ${s.limiter.limits.perAccount} per e-mail from all addresses in ` +
        `${s.limiter.limits.accountWindowSeconds / 60} minutes; beyond, 429 with Retry-After (a correct password included).`,
      body: loginBody,
      response: { description: 'Signed in', schema: sessionView },
      handle: async ({ body, req, res }) => {
        const client = req.ip ?? req.socket.remoteAddress ?? 'unknown';
        // Atomically counted before the password is checked: a parallel burst cannot outrun it.
        await s.limiter.admit(body.email, client);
        const agent = await s.agents.verifyPassword(body.email, body.password);
        if (!agent) throw new BatonError('UNAUTHENTICATED', 'Wrong e-mail or password');
        if (agent.disabled) throw new BatonError('FORBIDDEN', 'This agent account is disabled; ask an admin to enable it');
        await s.limiter.succeeded(body.email, client);
        const session = await s.sessions.create(agent.id);
        res.setHeader('Set-Cookie', sessionCookie(session.token, s.sessions.ttlSeconds, s.secureCookies || req.secure));
        await s.audit.record({ actor: agent.id, action: 'auth.login', target: `agent:${agent.id}` });
        // Logging in is coming to work: online (auto-assign starts), until the idle timeout says away.
        const online = await s.presence.set(agent.id, 'online');
        return { token: session.token, agent: online, expiresAt: new Date(session.expiresAt).toISOString() };
      },
    }),
    route({
      method: 'post',
      path: '/auth/logout',
      tag: 'auth',
      access: 'agent',
      summary: 'End this session (token and cookie)',
      status: 204,
      response: { description: 'Signed out' },
      handle: async ({ caller, req, res }) => {
        await s.endSession(authOf(res).token);
        res.setHeader('Set-Cookie', clearedSessionCookie(s.secureCookies || req.secure));
        await s.audit.record({ actor: caller.id, action: 'auth.logout', target: `agent:${caller.id}` });
      },
    }),
    route({
      method: 'get',
      path: '/auth/me',
      tag: 'auth',
      access: 'agent',
      summary: 'The signed-in agent and when the session ends',
      response: { description: 'The session', schema: z.object({ agent: agentView, expiresAt: z.iso.datetime() }) },
      handle: async ({ caller, res }) => ({ agent: caller, expiresAt: new Date(authOf(res).expiresAt).toISOString() }),
    }),
  ];
}
