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
      summary: 'Sign in with e-mail and password',
      errors: ['UNAUTHENTICATED', 'FORBIDDEN', 'TOO_MANY_ATTEMPTS'],
      description:
        'Answers a bearer token and sets the httpOnly baton_session cookie for the console. ' +
        `After ${s.throttle.maxFailures} failed attempts for one e-mail within ${s.throttle.windowMs / 60_000} minutes, sign-in is refused until the window ends.`,
      body: loginBody,
      response: { description: 'Signed in', schema: sessionView },
      handle: async ({ body, req, res }) => {
        const blockedMs = await s.throttle.blockedFor(body.email);
        if (blockedMs > 0) {
          const minutes = Math.ceil(blockedMs / 60_000);
          res.setHeader('Retry-After', String(Math.ceil(blockedMs / 1000)));
          throw new BatonError(
            'TOO_MANY_ATTEMPTS',
            `Too many failed sign-in attempts for this e-mail; try again in ${minutes} minute${minutes === 1 ? '' : 's'}`,
            { retryAfterSeconds: Math.ceil(blockedMs / 1000) },
          );
        }
        const agent = await s.agents.verifyPassword(body.email, body.password);
        if (!agent) {
          await s.throttle.recordFailure(body.email);
          throw new BatonError('UNAUTHENTICATED', 'Wrong e-mail or password');
        }
        if (agent.disabled) throw new BatonError('FORBIDDEN', 'This agent account is disabled; ask an admin to enable it');
        await s.throttle.reset(body.email);
        const session = await s.sessions.create(agent.id);
        res.setHeader('Set-Cookie', sessionCookie(session.token, s.sessions.ttlSeconds, req.secure));
        await s.audit.record({ actor: agent.id, action: 'auth.login', target: `agent:${agent.id}` });
        return { token: session.token, agent, expiresAt: new Date(session.expiresAt).toISOString() };
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
        await s.sessions.revoke(authOf(res).token);
        res.setHeader('Set-Cookie', clearedSessionCookie(req.secure));
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
