/**
 * How a message names an uploaded file until it is sent: `baton-upload:<id>.<ext>` in the
 * content's media list. The send job and its dead letter keep the reference, not a link, so a
 * retry an hour or a week later gets a freshly signed link instead of one that has expired.
 */

const PREFIX = 'baton-upload:';
const REF = /^baton-upload:(up_[a-z0-9]{6,16}_[a-f0-9]{20})\.([a-z]{2,5})$/;

export function uploadRef(id: string, ext: string): string {
  return `${PREFIX}${id}.${ext}`;
}

/** The upload a media entry names, or null for an ordinary URL. */
export function parseUploadRef(url: string): { id: string; ext: string; file: string } | null {
  const m = REF.exec(url);
  return m ? { id: m[1]!, ext: m[2]!, file: `${m[1]}.${m[2]}` } : null;
}

export function isUploadRef(url: string): boolean {
  return url.startsWith(PREFIX);
}
