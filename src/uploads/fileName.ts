import { BatonError } from '../errors';
import type { UploadType } from './mediaTypes';

/**
 * The name an agent's file arrives with is only a label: Baton stores the bytes under its own
 * random id, never under this name. Still, a name that tries to reach another folder, hides
 * control characters, or claims a type other than the bytes' is refused, so what agents see is
 * what the file is.
 */

const MAX_NAME_LENGTH = 120;
// C0/C1 controls and DEL, and the bidi controls that can reorder a name ("invoice‮fdp.exe").
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/;

/** The name as shown to agents; throws UPLOAD_NAME_INVALID for path tricks and hidden characters. */
export function checkUploadName(raw: string): string {
  const name = raw.normalize('NFC').trim();
  const refuse = (why: string) => new BatonError('UPLOAD_NAME_INVALID', `The file name is refused: ${why}. Rename the file (letters, digits, spaces, - _ .) and upload it again`);
  if (name === '') throw refuse('it is empty');
  if (name.length > MAX_NAME_LENGTH) throw refuse(`it is longer than ${MAX_NAME_LENGTH} characters`);
  if (/[/\\]/.test(name)) throw refuse('it contains a folder separator (/ or \\)');
  if (name === '.' || name === '..' || name.startsWith('..')) throw refuse('it points at a parent folder');
  if (name.startsWith('.')) throw refuse('it is a hidden file name (starts with a dot)');
  if (/^[a-zA-Z]:/.test(name)) throw refuse('it names a drive');
  if (UNSAFE_CHARS.test(name)) throw refuse('it contains control or text-direction characters');
  if (/[<>:"|?*]/.test(name)) throw refuse('it contains one of < > : " | ? *');
  return name;
}

/** The name's extension, lower-case, without the dot ('' when none). */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/**
 * Throws UPLOAD_TYPE_MISMATCH when the name's extension says another type than the bytes (a PDF
 * called photo.png, an image called invoice.exe). A name without an extension is given the type's.
 */
export function nameForType(name: string, type: UploadType): string {
  const ext = extensionOf(name);
  if (ext === '') return `${name}.${type.ext}`;
  if (ext === type.ext || type.aliases.includes(ext)) return name;
  throw new BatonError(
    'UPLOAD_TYPE_MISMATCH',
    `The file is called .${ext} but its content is ${type.contentType}: rename it to .${type.ext} if that is what it is, or upload the real file`,
    { extension: ext, detected: type.contentType },
  );
}
