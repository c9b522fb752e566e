/** The Send API's attachment types for a media URL. */
export type MessengerAttachmentType = 'image' | 'audio' | 'video' | 'file';

const BY_EXTENSION: Record<string, MessengerAttachmentType> = {
  jpg: 'image',
  jpeg: 'image',
  png: 'image',
  gif: 'image',
  webp: 'image',
  mp3: 'audio',
  m4a: 'audio',
  aac: 'audio',
  ogg: 'audio',
  oga: 'audio',
  wav: 'audio',
  amr: 'audio',
  mp4: 'video',
  m4v: 'video',
  mov: 'video',
  webm: 'video',
  '3gp': 'video',
};

/** Guesses the attachment type from the URL's file extension; anything unknown goes as a `file`. */
export function attachmentTypeForUrl(url: string): MessengerAttachmentType {
  let pathname: string;
  try {
    pathname = new URL(url).pathname;
  } catch {
    pathname = url.split(/[?#]/)[0] ?? '';
  }
  const ext = /\.([a-z0-9]+)$/i.exec(pathname)?.[1]?.toLowerCase();
  return (ext && BY_EXTENSION[ext]) || 'file';
}
