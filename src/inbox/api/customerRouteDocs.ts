import { z } from 'zod';
import { customerViewSchema, suggestionViewSchema, verificationStartedSchema } from '../../identity/customerViewSchema';
import { customerRouteSchemas as s } from '../../identity/router';
import type { RouteDoc } from './route';

/**
 * The customer endpoints (src/identity/router.ts, mounted at /api/v1/customers), for the OpenAPI
 * document: the same zod schemas their handlers validate with.
 */
export const customerRouteDocs: RouteDoc[] = [
  {
    method: 'get',
    path: '/customers/:id',
    tag: 'customers',
    access: 'agent',
    summary: 'A customer: addresses on every channel, conversations, link suggestions',
    params: s.params,
    status: 200,
    responses: { 200: { description: 'The customer (a merged id answers with the record it was merged into)', schema: customerViewSchema } },
  },
  {
    method: 'patch',
    path: '/customers/:id',
    tag: 'customers',
    access: 'admin',
    summary: 'Change the name or the VIP flag',
    params: s.params,
    body: s.patchBody,
    status: 200,
    responses: { 200: { description: 'The customer after the change', schema: customerViewSchema } },
    errors: ['CONFLICT'],
  },
  {
    method: 'post',
    path: '/customers/:id/merge',
    tag: 'customers',
    access: 'agent',
    summary: 'Fold another customer record into this one',
    params: s.params,
    body: s.mergeBody,
    status: 200,
    responses: { 200: { description: 'The merged customer', schema: customerViewSchema } },
    errors: ['BAD_REQUEST', 'CONFLICT'],
  },
  {
    method: 'post',
    path: '/customers/:id/verify-link',
    tag: 'customers',
    access: 'agent',
    summary: 'Send a one-time code to an address, to link it to this customer once they type it back',
    params: s.params,
    body: s.verifyBody,
    status: 202,
    responses: { 202: { description: 'The code is on its way', schema: verificationStartedSchema } },
    errors: ['BAD_REQUEST', 'CONFLICT', 'SEND_FAILED'],
  },
  {
    method: 'get',
    path: '/customers/:id/suggestions',
    tag: 'customers',
    access: 'agent',
    summary: 'Open link suggestions (numbers or e-mails the customer typed)',
    params: s.params,
    status: 200,
    responses: { 200: { description: 'Suggestions, newest first', schema: z.object({ suggestions: z.array(suggestionViewSchema) }) } },
  },
  {
    method: 'delete',
    path: '/customers/:id/suggestions/:sid',
    tag: 'customers',
    access: 'agent',
    summary: 'Dismiss a suggestion',
    params: s.suggestionParams,
    status: 204,
    responses: { 204: { description: 'Dismissed' } },
  },
];
