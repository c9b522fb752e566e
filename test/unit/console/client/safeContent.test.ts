import { fileNameOf, hasBidiControls, neutraliseBidi, safeUrl, urlAsText } from '../../../../src/console/client/shared/safeContent';

const ORIGIN = 'http://localhost:3000';

describe('only https and same-origin URLs become links or images', () => {
  test.each([
    ['https://scontent.xx.fbcdn.net/v/photo.jpg?x=1', 'https://scontent.xx.fbcdn.net/v/photo.jpg?x=1'],
    ['https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1', 'https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1'],
    ['/media/catalog/watch.png', 'http://localhost:3000/media/catalog/watch.png'],
    ['http://localhost:3000/media/a.png', 'http://localhost:3000/media/a.png'],
    ['  https://cdn.example/a.png  ', 'https://cdn.example/a.png'],
  ])('%s is allowed', (raw, expected) => {
    expect(safeUrl(raw, ORIGIN)).toBe(expected);
  });

  test.each([
    ['javascript:alert(document.cookie)'],
    ['JaVaScRiPt:alert(1)'],
    ['java\tscript:alert(1)'],
    ['\u0001javascript:alert(1)'],
    ['data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='],
    ['data:image/svg+xml,<svg onload=alert(1)>'],
    ['vbscript:msgbox(1)'],
    ['http://evil.example/phish'],
    ['//evil.example/x.png'],
    ['blob:http://localhost:3000/1234'],
    ['file:///etc/passwd'],
    ['https://bank.example@evil.example/'],
    [''],
  ])('%j stays text', (raw) => {
    expect(safeUrl(raw, ORIGIN)).toBeNull();
  });

  test('a protocol-relative URL is allowed under an https page, since it resolves to https', () => {
    expect(safeUrl('//cdn.example/a.png', 'https://desk.example')).toBe('https://cdn.example/a.png');
  });
});

describe('bidi controls cannot disguise what an agent reads', () => {
  test('a right-to-left override in a file name is shown, so "invoice\\u202Efdp.exe" cannot read as "invoiceexe.pdf"', () => {
    expect(neutraliseBidi('invoice\u202Efdp.exe')).toBe('invoice‹RLO›fdp.exe');
  });

  test('every embedding, override and isolate is shown by name', () => {
    expect(neutraliseBidi('a\u202Ab\u202Bc\u202Cd\u202De\u2066f\u2067g\u2068h\u2069')).toBe('a‹LRE›b‹RLE›c‹PDF›d‹LRO›e‹LRI›f‹RLI›g‹FSI›h‹PDI›');
  });

  test('the invisible direction marks (LRM, RLM, ALM) are dropped', () => {
    expect(neutraliseBidi('ab\u200Ec\u200Fd\u061Ce')).toBe('abcde');
  });

  test('Urdu text without controls is left exactly as written', () => {
    const urdu = 'مجھے نمائندے سے بات کرنی ہے، آرڈر SG-482913';
    expect(hasBidiControls(urdu)).toBe(false);
    expect(neutraliseBidi(urdu)).toBe(urdu);
  });

  test('undefined stays undefined (optional names and previews)', () => {
    expect(neutraliseBidi(undefined)).toBeUndefined();
  });

  test('a file name is read from the URL, decoded and made bidi-safe', () => {
    expect(fileNameOf('https://cdn.fbsbx.com/v/t59/invoice%E2%80%AEfdp.exe?dl=1')).toBe('invoice‹RLO›fdp.exe');
    expect(fileNameOf('https://cdn.example/')).toBeUndefined();
  });

  test('a refused URL shown as text keeps no controls and is cut to 200 characters', () => {
    expect(urlAsText('javascript:\u202Ealert(1)')).toBe('javascript:‹RLO›alert(1)');
    expect(urlAsText(`data:text/plain,${'a'.repeat(500)}`)).toHaveLength(200);
  });
});
