import { createHash, randomBytes } from 'node:crypto';
import type { OutboundContent } from '../channels/types';
import type { MediaItem } from '../conversations/types';
import { BatonError } from '../errors';
import { checkUploadName, nameForType } from './fileName';
import { ACCEPTED_DESCRIPTION, SNIFF_BYTES, sniffUploadType, uploadTypeOfExt } from './mediaTypes';
import { parseUploadRef, uploadRef } from './mediaRef';
import type { MediaStorage } from './mediaStorage';
import { signMediaUrl, verifyMediaUrl } from './signedMediaUrl';
import type { UploadRecord, UploadStore } from './uploadStore';

export interface UploadServiceOptions {
  storage: MediaStorage;
  store: UploadStore;
  /** Base URL the platforms fetch from (PUBLIC_URL). */
  publicUrl: string;
  secret: string;
  urlTtlSeconds: number;
  maxBytes: number;
  /** Where the agent API is mounted: the console shows an upload from `${apiBase}/conversations/<c>/uploads/<id>`. */
  apiBase?: string;
  clock?: () => number;
}

export function newUploadId(now: number): string {
  return `up_${now.toString(36)}_${randomBytes(10).toString('hex')}`;
}

/**
 * Agents' files, from the upload to the platform's fetch: checks (size, type by content, name),
 * keeps the bytes in storage and the record in Redis, names the file in a message by reference,
 * and turns the reference into a signed, expiring link when the message is sent.
 */
export class UploadService {
  private readonly now: () => number;
  readonly maxBytes: number;

  constructor(private readonly o: UploadServiceOptions) {
    this.now = o.clock ?? Date.now;
    this.maxBytes = o.maxBytes;
  }

  /** Checks and keeps one file for a conversation; throws UPLOAD_* errors with what to do. */
  async accept(input: { conversationId: string; agentId: string; name: string; bytes: Buffer }): Promise<UploadRecord> {
    if (input.bytes.length > this.o.maxBytes) throw tooLarge(this.o.maxBytes);
    const name = checkUploadName(input.name);
    if (input.bytes.length === 0) throw new BatonError('UPLOAD_TYPE_REFUSED', 'The file is empty');
    const type = sniffUploadType(input.bytes.subarray(0, SNIFF_BYTES));
    if (!type) throw new BatonError('UPLOAD_TYPE_REFUSED', `Only ${ACCEPTED_DESCRIPTION} can be sent: this file's content is none of them`);
    const shownName = nameForType(name, type);
    const createdAt = this.now();
    const record: UploadRecord = {
      id: newUploadId(createdAt),
      conversationId: input.conversationId,
      agentId: input.agentId,
      name: shownName,
      contentType: type.contentType,
      ext: type.ext,
      kind: type.kind,
      size: input.bytes.length,
      sha256: createHash('sha256').update(input.bytes).digest('hex'),
      createdAt,
    };
    await this.o.storage.put(`${record.id}.${record.ext}`, input.bytes);
    await this.o.store.save(record);
    return record;
  }

  /** The upload of this conversation, or NOT_FOUND (another conversation's upload is not found either). */
  async ofConversation(conversationId: string, id: string): Promise<UploadRecord> {
    const record = /^up_[a-z0-9_]{1,60}$/.test(id) ? await this.o.store.get(id) : null;
    if (!record || record.conversationId !== conversationId) throw new BatonError('NOT_FOUND', `No upload ${id} in conversation ${conversationId}`);
    return record;
  }

  async bytes(record: UploadRecord): Promise<Buffer> {
    const bytes = await this.o.storage.get(`${record.id}.${record.ext}`);
    if (!bytes) throw new BatonError('NOT_FOUND', `The file of upload ${record.id} is missing from storage (another instance's disk? see UPLOADS_DIR)`);
    return bytes;
  }

  /** What a message's media list carries for the upload. */
  ref(record: UploadRecord): string {
    return uploadRef(record.id, record.ext);
  }

  /** How the transcript shows a media entry: an upload as the agent API's link to it, anything else as it is. */
  describe(url: string, conversationId: string): MediaItem {
    const ref = parseUploadRef(url);
    const type = ref ? uploadTypeOfExt(ref.ext) : null;
    if (!ref || !type) return { url, kind: 'other' };
    return {
      url: `${this.o.apiBase ?? '/api/v1'}/conversations/${encodeURIComponent(conversationId)}/uploads/${ref.id}`,
      kind: type.kind,
      contentType: type.contentType,
    };
  }

  /** The content as the platform gets it: every upload reference becomes a freshly signed link. */
  resolve(content: OutboundContent): OutboundContent {
    if (!content.mediaUrls?.some((u) => parseUploadRef(u))) return content;
    const expiresAtMs = this.now() + this.o.urlTtlSeconds * 1000;
    return {
      ...content,
      mediaUrls: content.mediaUrls.map((u) => {
        const ref = parseUploadRef(u);
        return ref ? signMediaUrl({ publicUrl: this.o.publicUrl, secret: this.o.secret, file: ref.file, expiresAtMs }) : u;
      }),
    };
  }

  /** The file behind a signed link, or MEDIA_LINK_INVALID / MEDIA_LINK_EXPIRED / NOT_FOUND. */
  async openSigned(file: string, expires: unknown, sig: unknown): Promise<{ record: UploadRecord; bytes: Buffer }> {
    const verdict = verifyMediaUrl({ secret: this.o.secret, file, expires, sig, nowMs: this.now() });
    if (!verdict.ok) {
      throw verdict.reason === 'expired'
        ? new BatonError('MEDIA_LINK_EXPIRED', 'This media link has expired; Baton signs a new one each time the message is sent')
        : new BatonError('MEDIA_LINK_INVALID', 'This media link is not one Baton signed (or it was changed)');
    }
    const ref = parseUploadRef(`baton-upload:${file}`);
    const record = ref ? await this.o.store.get(ref.id) : null;
    if (!ref || !record || record.ext !== ref.ext) throw new BatonError('NOT_FOUND', 'No such media file');
    return { record, bytes: await this.bytes(record) };
  }
}

export function tooLarge(maxBytes: number): BatonError {
  return new BatonError('UPLOAD_TOO_LARGE', `The file is larger than ${formatBytes(maxBytes)}; send a smaller one (UPLOADS_MAX_BYTES)`, { maxBytes });
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / (1024 * 1024)).toFixed(n % (1024 * 1024) ? 1 : 0)} MB` : `${Math.round(n / 1024)} kB`;
}
