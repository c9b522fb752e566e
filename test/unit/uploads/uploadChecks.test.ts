import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import RedisMock from 'ioredis-mock';
import type Redis from 'ioredis';
import { BatonError } from '../../../src/errors';
import { DiskStorage } from '../../../src/uploads/diskStorage';
import { UploadService } from '../../../src/uploads/uploadService';
import { UploadStore, uploadKeys } from '../../../src/uploads/uploadStore';
import { EXE, HTML, JPEG, PDF, PNG, SVG, WEBP } from '../../fixtures/uploads/files';

/** Every file under a folder, recursively, relative to it. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

describe('checking an agent upload', () => {
  let sandbox: string;
  let folder: string;
  let redis: Redis;
  let uploads: UploadService;

  beforeEach(() => {
    sandbox = mkdtempSync(path.join(tmpdir(), 'baton-uploads-'));
    folder = path.join(sandbox, 'store');
    redis = new RedisMock() as unknown as Redis;
    uploads = new UploadService({
      storage: new DiskStorage(folder),
      store: new UploadStore(redis),
      publicUrl: 'https://desk.example',
      secret: 'a-media-secret-of-32-characters!',
      urlTtlSeconds: 600,
      maxBytes: 1024,
    });
  });
  afterEach(() => {
    rmSync(sandbox, { recursive: true, force: true });
    redis.disconnect();
  });

  const accept = (name: string, bytes: Buffer) => uploads.accept({ conversationId: 'cv_1', agentId: 'ag_1', name, bytes });
  const refusal = async (name: string, bytes: Buffer): Promise<BatonError> => {
    const err = await accept(name, bytes).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(BatonError);
    return err as BatonError;
  };

  test.each([
    ['photo.png', PNG, 'image/png', 'image'],
    ['photo.JPEG', JPEG, 'image/jpeg', 'image'],
    ['sticker.webp', WEBP, 'image/webp', 'image'],
    ['invoice.pdf', PDF, 'application/pdf', 'file'],
  ] as const)('accepts %s as %s, recognised by its bytes', async (name, bytes, contentType, kind) => {
    const record = await accept(name, bytes);
    expect(record).toMatchObject({ name, contentType, kind, size: bytes.length, conversationId: 'cv_1' });
    expect(filesUnder(folder)).toEqual([`${record.id}.${record.ext}`]);
  });

  test('gives a name without an extension the extension of its content', async () => {
    expect((await accept('scan', PDF)).name).toBe('scan.pdf');
  });

  test('refuses a file larger than the limit with UPLOAD_TOO_LARGE, writing nothing', async () => {
    const big = Buffer.concat([PNG, Buffer.alloc(2000)]);
    const err = await refusal('big.png', big);
    expect(err.code).toBe('UPLOAD_TOO_LARGE');
    expect(err.message).toMatch(/larger than 1 kB/);
  });

  test.each([
    ['program.exe', EXE],
    ['page.html', HTML],
    ['drawing.svg', SVG],
    ['empty.png', Buffer.alloc(0)],
  ])('refuses %s (not an image or PDF by content) with UPLOAD_TYPE_REFUSED', async (name, bytes) => {
    expect((await refusal(name, bytes)).code).toBe('UPLOAD_TYPE_REFUSED');
  });

  test.each([
    ['photo.png', PDF],
    ['invoice.pdf', PNG],
    ['holiday.exe', JPEG],
    ['report.html', PDF],
  ])('refuses %s whose extension lies about its content with UPLOAD_TYPE_MISMATCH', async (name, bytes) => {
    const err = await refusal(name, bytes);
    expect(err.code).toBe('UPLOAD_TYPE_MISMATCH');
    expect(err.message).toMatch(/rename it/);
  });

  test('refuses an HTML page named .png: the extension alone never makes a type', async () => {
    expect((await refusal('innocent.png', HTML)).code).toBe('UPLOAD_TYPE_REFUSED');
  });

  test.each([
    '../../etc/passwd.png',
    '..\\..\\windows\\win.png',
    'sub/dir/photo.png',
    '/etc/photo.png',
    '..',
    '.htaccess',
    'C:photo.png',
    'photo\u0000.png',
    'invoice\u202Egnp.pdf',
    '   ',
  ])('refuses the file name %j with UPLOAD_NAME_INVALID', async (name) => {
    expect((await refusal(name, PNG)).code).toBe('UPLOAD_NAME_INVALID');
  });

  test('writes nothing outside the storage folder, whatever the names tried', async () => {
    const names = ['../escape.png', '../../escape.png', 'a/../../escape.png', '%2e%2e%2fescape.png', 'ok.png'];
    for (const name of names) await accept(name, PNG).catch(() => undefined);
    expect(filesUnder(sandbox).every((f) => f.startsWith(`store${path.sep}`))).toBe(true);
    expect(filesUnder(folder)).toHaveLength(2); // ok.png and the %2e… name, which is only a label
  });

  test('keeps the record in Redis under the upload hash tag and reads it back through its schema', async () => {
    const record = await accept('photo.png', PNG);
    const key = uploadKeys.record(record.id);
    expect(key).toBe(`upload:{u:${record.id}}`);
    expect(await new UploadStore(redis).get(record.id)).toEqual(record);
    await redis.set(key, JSON.stringify({ ...record, size: 'large' }));
    expect(await new UploadStore(redis).get(record.id)).toBeNull();
  });

  test("does not find another conversation's upload", async () => {
    const record = await accept('photo.png', PNG);
    await expect(uploads.ofConversation('cv_2', record.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(uploads.ofConversation('cv_1', record.id)).resolves.toEqual(record);
  });
});

describe('the disk storage', () => {
  test('refuses a key that is not one Baton made, before touching the disk', () => {
    const storage = new DiskStorage(path.join(tmpdir(), 'never-created-baton-folder'));
    for (const key of ['../x.png', 'up_abc/../../x.png', '.hidden', 'x.png', `up_lq2x9a1b_${'a'.repeat(20)}.png/..`]) {
      expect(() => storage.pathFor(key)).toThrow(expect.objectContaining({ code: 'UPLOAD_NAME_INVALID' }));
    }
    expect(storage.pathFor(`up_lq2x9a1b_${'a'.repeat(20)}.png`)).toBe(path.join(storage.root, `up_lq2x9a1b_${'a'.repeat(20)}.png`));
  });
});
