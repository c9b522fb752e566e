import { attachmentTypeForUrl } from '../messenger';

export type CloudMediaType = 'image' | 'audio' | 'video' | 'document';

/** The Cloud API message type for a media URL, from its extension; anything unknown goes as a document. */
export function cloudMediaTypeForUrl(url: string): CloudMediaType {
  const t = attachmentTypeForUrl(url);
  return t === 'file' ? 'document' : t;
}
