import { z } from 'zod';
import { readMultipartFile } from '../../uploads/readMultipartFile';
import type { UploadService } from '../../uploads/uploadService';
import type { UploadRecord } from '../../uploads/uploadStore';
import { route, type RouteSpec } from './route';
import { idSchema } from './schemas';
import { isoTimestamp } from './views';

/**
 * An agent's file for a reply: uploaded into a conversation (team scope: agents of its team, the
 * agent it is assigned to, admins), then sent with POST /conversations/:id/messages {uploadId}.
 */

const conversationParams = z.object({ id: idSchema });
const uploadParams = z.object({ id: idSchema, uploadId: z.string().regex(/^up_[a-z0-9_]{1,60}$/, { message: 'not an upload id' }) });

export const uploadView = z
  .object({
    id: z.string(),
    conversationId: z.string(),
    name: z.string().describe('The name it was uploaded with (checked); the file is stored under Baton\'s own id'),
    contentType: z.string().describe('Detected from the content, not the name'),
    kind: z.enum(['image', 'file']),
    size: z.number().int(),
    url: z.string().describe('Where agents fetch it (session needed); platforms get a signed, expiring link when it is sent'),
    createdAt: isoTimestamp,
  })
  .meta({ id: 'Upload' });

const uploadForm = z.object({ file: z.string().meta({ format: 'binary', description: 'One PNG, JPEG, WebP or PDF file (UPLOADS_MAX_BYTES at most)' }) });

export function uploadRoutes(uploads: UploadService): RouteSpec[] {
  const view = (r: UploadRecord) => ({ ...r, url: uploads.describe(uploads.ref(r), r.conversationId).url });
  return [
    route({
      method: 'post',
      path: '/conversations/:id/uploads',
      tag: 'uploads',
      access: 'agent',
      scope: 'conversation',
      summary: 'Upload an image or a PDF to send in this conversation (multipart/form-data, field "file")',
      description: 'The type is recognised from the content (magic bytes): a file whose name claims another type, a name with folder parts, or anything larger than UPLOADS_MAX_BYTES is refused.',
      params: conversationParams,
      bodyDoc: { contentType: 'multipart/form-data', schema: uploadForm },
      status: 201,
      response: { description: 'The upload; send it with POST /conversations/{id}/messages {"uploadId": …}', schema: uploadView },
      errors: ['UNSUPPORTED_MEDIA_TYPE', 'UPLOAD_TOO_LARGE', 'UPLOAD_TYPE_REFUSED', 'UPLOAD_TYPE_MISMATCH', 'UPLOAD_NAME_INVALID', 'VALIDATION_FAILED'],
      handle: async ({ params, caller, req }) => {
        const file = await readMultipartFile(req, uploads.maxBytes);
        return view(await uploads.accept({ conversationId: params.id, agentId: caller.id, name: file.name, bytes: file.bytes }));
      },
    }),
    route({
      method: 'get',
      path: '/conversations/:id/uploads/:uploadId',
      tag: 'uploads',
      access: 'agent',
      scope: 'conversation',
      summary: "An upload's content, as stored",
      params: uploadParams,
      raw: true,
      response: { description: 'The file', contentType: 'application/octet-stream', schema: z.string().meta({ format: 'binary' }) },
      handle: async ({ params, res }) => {
        const record = await uploads.ofConversation(params.id, params.uploadId);
        const bytes = await uploads.bytes(record);
        res.setHeader('Content-Type', record.contentType);
        res.setHeader('X-Content-Type-Options', 'nosniff');
        res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
        res.setHeader('Content-Disposition', `${record.kind === 'image' ? 'inline' : 'attachment'}; filename="${record.id}.${record.ext}"`);
        res.status(200).end(bytes);
      },
    }),
  ];
}
