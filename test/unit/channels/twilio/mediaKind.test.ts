import { mediaKindFromContentType } from '../../../../src/channels/twilio/mediaKind';

describe('mediaKindFromContentType', () => {
  it.each([
    ['image/jpeg', 'image'],
    ['image/png', 'image'],
    ['image/webp', 'sticker'],
    ['audio/ogg; codecs=opus', 'audio'],
    ['video/mp4', 'video'],
    ['application/pdf', 'file'],
    ['text/plain', 'file'],
    ['text/vcard', 'other'],
    ['', 'other'],
    [undefined, 'other'],
  ])('maps %s to %s', (type, kind) => {
    expect(mediaKindFromContentType(type)).toBe(kind);
  });
});
