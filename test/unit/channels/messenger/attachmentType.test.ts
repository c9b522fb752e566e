import { attachmentTypeForUrl } from '../../../../src/channels/messenger/attachmentType';

describe('attachmentTypeForUrl', () => {
  it.each([
    ['https://cdn.example.com/menu.JPG?v=2', 'image'],
    ['https://cdn.example.com/note.mp3', 'audio'],
    ['https://cdn.example.com/howto.mp4#t=3', 'video'],
    ['https://cdn.example.com/invoice.pdf', 'file'],
    ['https://cdn.example.com/download?id=42', 'file'],
  ])('sends %s as %s', (url, type) => {
    expect(attachmentTypeForUrl(url)).toBe(type);
  });
});
