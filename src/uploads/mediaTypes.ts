/**
 * The files agents may upload, recognised by their first bytes (magic numbers), never by the name
 * or the browser's Content-Type: an image or a PDF the platforms accept (WhatsApp takes JPEG, PNG
 * and PDF documents; Messenger and Instagram also WebP).
 */

export type UploadKind = 'image' | 'file';

export interface UploadType {
  contentType: string;
  /** The extension Baton stores and links the file under (the sniffed type's, not the uploader's). */
  ext: string;
  /** Other spellings of the extension a file name of this type may carry. */
  aliases: readonly string[];
  kind: UploadKind;
}

interface Signature {
  type: UploadType;
  matches(head: Uint8Array): boolean;
}

const startsWith = (head: Uint8Array, bytes: readonly number[], at = 0) =>
  head.length >= at + bytes.length && bytes.every((b, i) => head[at + i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

export const UPLOAD_TYPES = {
  png: { contentType: 'image/png', ext: 'png', aliases: [], kind: 'image' },
  jpg: { contentType: 'image/jpeg', ext: 'jpg', aliases: ['jpeg', 'jpe'], kind: 'image' },
  webp: { contentType: 'image/webp', ext: 'webp', aliases: [], kind: 'image' },
  pdf: { contentType: 'application/pdf', ext: 'pdf', aliases: [], kind: 'file' },
} as const satisfies Record<string, UploadType>;

export type UploadExt = keyof typeof UPLOAD_TYPES;

const SIGNATURES: readonly Signature[] = [
  { type: UPLOAD_TYPES.png, matches: (h) => startsWith(h, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { type: UPLOAD_TYPES.jpg, matches: (h) => startsWith(h, [0xff, 0xd8, 0xff]) },
  { type: UPLOAD_TYPES.webp, matches: (h) => startsWith(h, ascii('RIFF')) && startsWith(h, ascii('WEBP'), 8) },
  { type: UPLOAD_TYPES.pdf, matches: (h) => startsWith(h, ascii('%PDF-')) },
];

/** Bytes enough to recognise every accepted type. */
export const SNIFF_BYTES = 16;

/** The accepted type the bytes are, or null (anything else: executables, HTML, SVG, archives…). */
export function sniffUploadType(head: Uint8Array): UploadType | null {
  return SIGNATURES.find((s) => s.matches(head))?.type ?? null;
}

/** The accepted type stored under this extension, or null. */
export function uploadTypeOfExt(ext: string): UploadType | null {
  return (UPLOAD_TYPES as Record<string, UploadType>)[ext] ?? null;
}

/** What the error messages list as accepted. */
export const ACCEPTED_DESCRIPTION = 'PNG, JPEG or WebP images, or PDF documents';
