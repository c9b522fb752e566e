import { BatonError } from '../../../../src/errors';
import { parseCatalogFiles, type CatalogFile } from '../../../../src/nlu/catalog/loadCatalog';
import type { CatalogIssue } from '../../../../src/nlu/catalog/issues';
import { CATALOG_LIMITS } from '../../../../src/nlu/catalog/limits';

const file = (path: string, content: string): CatalogFile => ({ path, content });

const MINIMAL = `
intents:
  - id: greeting
    examples:
      en: [hello, hi there]
    answers:
      en: Hello! How can I help?
`;

/** Runs the parser expecting CATALOG_INVALID; returns the error. */
function catalogErrorOf(files: CatalogFile[], env: NodeJS.ProcessEnv = {}): BatonError & { details: CatalogIssue[] } {
  try {
    parseCatalogFiles(files, env);
  } catch (err) {
    expect(err).toBeInstanceOf(BatonError);
    expect((err as BatonError).code).toBe('CATALOG_INVALID');
    return err as BatonError & { details: CatalogIssue[] };
  }
  throw new Error('expected the catalog to be rejected');
}

describe('parseCatalogFiles: valid catalogs', () => {
  it('accepts a file holding only intents with examples and answers, filling every default', () => {
    const catalog = parseCatalogFiles([file('intents/faq.yaml', MINIMAL)], {});
    expect(catalog.languages).toEqual(['en']);
    expect(catalog.defaultLanguage).toBe('en');
    expect(catalog.files).toEqual(['intents/faq.yaml']);
    expect(catalog.intents).toEqual([
      {
        id: 'greeting',
        title: { en: 'Greeting' },
        examples: { en: ['hello', 'hi there'] },
        answers: { en: [{ text: 'Hello! How can I help?' }] },
        handoff: false,
        slots: [],
        followUps: [],
        source: 'intents/faq.yaml',
      },
    ]);
    expect(catalog.messages.fallback.en).toMatch(/Sorry/);
  });

  it('normalises the three answer forms to lists of answers', () => {
    const catalog = parseCatalogFiles(
      [
        file(
          'a.yaml',
          `
intents:
  - id: hours
    examples: { en: [when are you open], hi: [आप कब खुलते हैं], ur: [آپ کب کھلتے ہیں] }
    answers:
      en: "9 to 9"
      hi: ["सुबह 9 से रात 9", "9 से 9 बजे तक"]
      ur: { text: "صبح 9 سے رات 9", mediaUrl: "https://example.com/hours.png" }
`,
        ),
      ],
      {},
    );
    expect(catalog.intents[0]?.answers).toEqual({
      en: [{ text: '9 to 9' }],
      hi: [{ text: 'सुबह 9 से रात 9' }, { text: '9 से 9 बजे तक' }],
      ur: [{ text: 'صبح 9 سے رات 9', mediaUrl: 'https://example.com/hours.png' }],
    });
  });

  it('attaches intent quick replies to answers without their own, with titles in the answer language', () => {
    const catalog = parseCatalogFiles(
      [
        file(
          'a.yaml',
          `
intents:
  - id: order_status
    examples: { en: [where is my order], hi: [मेरा ऑर्डर कहाँ है], ne: [मेरो अर्डर कहाँ छ] }
    answers:
      en: On its way.
      hi: रास्ते में है।
      ne: { text: बाटोमा छ।, quickReplies: [{ title: पसलको समय, payload: "intent:store_hours" }] }
    quickReplies:
      - { title: { en: Store hours, hi: स्टोर का समय }, payload: "intent:store_hours" }
  - id: store_hours
    examples: { en: [when are you open] }
    answers: { en: 9 to 9 }
`,
        ),
      ],
      {},
    );
    const answers = catalog.intents[0]?.answers;
    expect(answers?.en?.[0]?.quickReplies).toEqual([{ title: 'Store hours', payload: 'intent:store_hours' }]);
    expect(answers?.hi?.[0]?.quickReplies).toEqual([{ title: 'स्टोर का समय', payload: 'intent:store_hours' }]);
    expect(answers?.ne?.[0]?.quickReplies).toEqual([{ title: 'पसलको समय', payload: 'intent:store_hours' }]);
  });

  it('gives a plain-string title to the default language and fills a missing default title from the id', () => {
    const catalog = parseCatalogFiles(
      [
        file(
          'a.yaml',
          `
intents:
  - id: store_hours
    title: Opening hours
    examples: { en: [when are you open] }
    answers: { en: 9 to 9 }
  - id: refund_status
    title: { hi: रिफंड }
    examples: { en: [where is my refund] }
    answers: { en: Soon. }
`,
        ),
      ],
      {},
    );
    expect(catalog.intents[0]?.title).toEqual({ en: 'Opening hours' });
    expect(catalog.intents[1]?.title).toEqual({ hi: 'रिफंड', en: 'Refund status' });
  });

  it('reads slots with required defaulting to true', () => {
    const catalog = parseCatalogFiles(
      [
        file(
          'a.yaml',
          `
intents:
  - id: order_status
    examples: { en: [where is my order] }
    answers: { en: "Order {order_number} is on its way." }
    slots:
      - { name: order_number, kind: regex, pattern: "^[A-Z]{2}\\\\d{6}$", prompt: { en: Your order number? } }
      - { name: email, kind: email, required: false, prompt: Your email? }
`,
        ),
      ],
      {},
    );
    expect(catalog.intents[0]?.slots).toEqual([
      { name: 'order_number', kind: 'regex', pattern: '^[A-Z]{2}\\d{6}$', required: true, prompt: { en: 'Your order number?' } },
      { name: 'email', kind: 'email', required: false, prompt: { en: 'Your email?' } },
    ]);
  });

  it('takes languages, defaultLanguage and messages from the settings file, keeping built-in messages for the rest', () => {
    const catalog = parseCatalogFiles(
      [
        file('_catalog.yaml', 'languages: [en, hi]\nmessages:\n  fallback: { en: "Pardon?" }\n'),
        file('faq.yaml', MINIMAL),
      ],
      {},
    );
    expect(catalog.languages).toEqual(['en', 'hi']);
    expect(catalog.messages.fallback).toEqual({ en: 'Pardon?', hi: expect.stringMatching(/समझ/) });
    expect(Object.keys(catalog.messages.clarify)).toEqual(['en', 'hi']);
  });

  it('derives the languages from the examples, default language first', () => {
    const catalog = parseCatalogFiles(
      [file('a.yaml', 'intents:\n  - id: hi_there\n    examples: { ne: [नमस्कार], en: [hello], hi-Latn: [namaste ji] }\n    answers: { en: Hello }\n')],
      {},
    );
    expect(catalog.languages).toEqual(['en', 'ne', 'hi-Latn']);
  });

  it('keeps intents in file-name order as given', () => {
    const catalog = parseCatalogFiles(
      [
        file('a.yaml', 'intents:\n  - { id: first, examples: { en: [a] }, answers: { en: A } }\n'),
        file('b.yaml', 'intents:\n  - { id: second, examples: { en: [b] }, answers: { en: B } }\n'),
      ],
      {},
    );
    expect(catalog.intents.map((i) => [i.id, i.source])).toEqual([
      ['first', 'a.yaml'],
      ['second', 'b.yaml'],
    ]);
  });

  it('lets a handoff intent have no answers', () => {
    const catalog = parseCatalogFiles(
      [file('a.yaml', 'intents:\n  - { id: human, handoff: true, team: care, examples: { en: [talk to a person] } }\n')],
      {},
    );
    expect(catalog.intents[0]).toMatchObject({ handoff: true, team: 'care', answers: {} });
  });
});

describe('parseCatalogFiles: fulfillment URLs', () => {
  const withFulfillment = (url: string) =>
    file(
      'orders.yaml',
      `intents:\n  - id: order_status\n    examples: { en: [where is my order] }\n    answers: { en: On its way. }\n    fulfillment: { url: "${url}", timeoutMs: 3000 }\n`,
    );

  it('replaces ${VAR} from the environment', () => {
    const catalog = parseCatalogFiles([withFulfillment('${ORDER_URL}')], { ORDER_URL: 'https://shop.example/orders' });
    expect(catalog.intents[0]?.fulfillment).toEqual({ url: 'https://shop.example/orders', timeoutMs: 3000 });
  });

  it('replaces variables inside a longer URL', () => {
    const catalog = parseCatalogFiles([withFulfillment('${API_BASE}/orders/lookup')], { API_BASE: 'http://localhost:8080' });
    expect(catalog.intents[0]?.fulfillment?.url).toBe('http://localhost:8080/orders/lookup');
  });

  it('drops the fulfillment when the variable is unset', () => {
    const catalog = parseCatalogFiles([withFulfillment('${ORDER_URL}')], {});
    expect(catalog.intents[0]?.fulfillment).toBeUndefined();
  });

  it('drops the fulfillment when the variable is empty', () => {
    const catalog = parseCatalogFiles([withFulfillment('${ORDER_URL}')], { ORDER_URL: '' });
    expect(catalog.intents[0]?.fulfillment).toBeUndefined();
  });

  it('rejects a result that is not an http(s) URL', () => {
    const err = catalogErrorOf([withFulfillment('${ORDER_URL}')], { ORDER_URL: 'ftp://shop.example/orders' });
    expect(err.message).toContain('orders.yaml: intents[0].fulfillment.url: expected an absolute http:// or https:// URL');
  });

  it('rejects a malformed variable reference', () => {
    const err = catalogErrorOf([withFulfillment('https://x.example/${ORDER URL}')], {});
    expect(err.message).toContain('intents[0].fulfillment.url');
    expect(err.message).toContain('not a valid variable reference');
  });
});

describe('parseCatalogFiles: malformed catalogs', () => {
  it('names the file, the path and the problem for an empty example', () => {
    const err = catalogErrorOf([
      file(
        'intents/orders.yaml',
        'intents:\n  - id: order_status\n    examples:\n      en: [where is my order]\n      hi: [मेरा ऑर्डर कहाँ है, "", "कब आएगा"]\n    answers: { en: Soon }\n',
      ),
    ]);
    expect(err.message).toContain('intents/orders.yaml: intents[0].examples.hi[1]: expected a non-empty string (line 5');
  });

  it('reports the line and column of a YAML syntax error', () => {
    const err = catalogErrorOf([file('bad.yaml', 'intents:\n  - id: x\n    examples: [a, b\n  - id: y\n')]);
    expect(err.message).toMatch(/bad\.yaml: invalid YAML: .*\(line 4, column 3\)/);
  });

  it('lists the problems of every file, not only the first', () => {
    const err = catalogErrorOf([
      file('a.yaml', 'intents:\n  - { id: Bad-Id, examples: { en: [x] }, answers: { en: y } }\n'),
      file('b.yaml', 'intents:\n  - { id: ok, examples: { en: [x, 42] }, answers: { en: y } }\n'),
      file('c.yaml', 'intents: [\n'),
    ]);
    const files = err.details.map((d) => d.file);
    expect(files).toEqual(expect.arrayContaining(['a.yaml', 'b.yaml', 'c.yaml']));
    expect(err.details.find((d) => d.file === 'a.yaml')?.path).toBe('intents[0].id');
    expect(err.details.find((d) => d.file === 'b.yaml')?.path).toBe('intents[0].examples.en[1]');
  });

  it('rejects an unknown key and suggests the intended one', () => {
    const err = catalogErrorOf([file('a.yaml', 'intents:\n  - id: x\n    examples: { en: [hello] }\n    answer: { en: Hi }\n')]);
    expect(err.message).toContain('a.yaml: intents[0].answer: unknown key "answer" (did you mean "answers"?) (line 4, column 5)');
  });

  it('rejects an unknown top-level key', () => {
    const err = catalogErrorOf([file('a.yaml', `${MINIMAL}intent: []\n`)]);
    expect(err.message).toContain('a.yaml: intent: unknown key "intent"');
  });

  it('says which required key is missing', () => {
    const err = catalogErrorOf([file('a.yaml', 'intents:\n  - id: x\n    answers: { en: Hi }\n')]);
    expect(err.message).toContain('a.yaml: intents[0].examples: "examples" is required');
  });

  it('requires answers for an intent that is not a handoff', () => {
    const err = catalogErrorOf([file('a.yaml', 'intents:\n  - id: x\n    examples: { en: [hello] }\n')]);
    expect(err.message).toContain('intents[0].answers: answers are required (unless handoff: true)');
  });

  it('requires an answer in the default language when other languages have one', () => {
    const err = catalogErrorOf([file('a.yaml', 'intents:\n  - id: x\n    examples: { en: [hello] }\n    answers: { hi: नमस्ते }\n')]);
    expect(err.message).toContain('intents[0].answers: needs an answer in "en"');
  });

  /** An intent that needs an order number, with the given answer in general. */
  const refundAnsweringInGeneral = (general: string): string =>
    [
      'intents:',
      '  - id: refund',
      '    examples: { en: [where is my refund] }',
      '    slots: [{ name: order_number, kind: order_number, prompt: { en: "Which order?" } }]',
      '    answers: { en: "Order {order_number}: 5 days." }',
      `    answersInGeneral: { en: "${general}" }`,
      '',
    ].join('\n');

  it('keeps answers in general for an intent with a required slot', () => {
    const [intent] = parseCatalogFiles([file('a.yaml', refundAnsweringInGeneral('Refunds take 5 days.'))], {}).intents;
    expect(intent?.answersInGeneral).toEqual({ en: [{ text: 'Refunds take 5 days.' }] });
  });

  it('rejects answers in general on an intent with no required slot', () => {
    const err = catalogErrorOf([file('a.yaml', 'intents:\n  - id: x\n    examples: { en: [hello] }\n    answers: { en: Hi }\n    answersInGeneral: { en: Hi }\n')]);
    expect(err.message).toContain('intents[0].answersInGeneral: answersInGeneral needs a required slot');
  });

  it('rejects a placeholder in an answer in general, which has no value to fill it', () => {
    const err = catalogErrorOf([file('a.yaml', refundAnsweringInGeneral('Order {order_number}: 5 days.'))]);
    expect(err.message).toContain('intents[0].answersInGeneral.en: an answer in general has no slot value to fill');
  });

  it('rejects wrong types with the expected type', () => {
    const err = catalogErrorOf([
      file('a.yaml', 'intents:\n  - id: x\n    examples: { en: "hello" }\n    answers: { en: Hi }\n    handoff: "yes"\n'),
    ]);
    expect(err.message).toContain('intents[0].examples.en: expected a list of example messages');
    expect(err.message).toContain('intents[0].handoff: expected true or false');
  });

  it('rejects a file that is not a mapping', () => {
    const err = catalogErrorOf([file('a.yaml', '- just\n- a list\n')]);
    expect(err.message).toContain('a.yaml: expected a mapping with intents:');
  });

  it('rejects an empty file', () => {
    const err = catalogErrorOf([file('empty.yaml', '# nothing yet\n')]);
    expect(err.message).toContain('empty.yaml: the file is empty');
  });

  it('rejects an empty list of files', () => {
    const err = catalogErrorOf([]);
    expect(err.message).toContain('no catalog files');
  });

  it('rejects an answer variant of the wrong type inside a list, pointing at the variant', () => {
    const err = catalogErrorOf([file('a.yaml', 'intents:\n  - id: x\n    examples: { en: [hello] }\n    answers: { en: [Hi, 42] }\n')]);
    expect(err.message).toContain('intents[0].answers.en[1]: expected a text or { text, quickReplies?, mediaUrl? }');
  });

  it('rejects a regex slot without a pattern and an invalid pattern', () => {
    const err = catalogErrorOf([
      file(
        'a.yaml',
        'intents:\n  - id: x\n    examples: { en: [hello] }\n    answers: { en: Hi }\n    slots:\n' +
          '      - { name: code, kind: regex, prompt: Code? }\n      - { name: other, kind: regex, pattern: "([a-z", prompt: Other? }\n',
      ),
    ]);
    expect(err.message).toContain('intents[0].slots[0].pattern: a slot of kind regex needs a pattern');
    expect(err.message).toContain('intents[0].slots[1].pattern: not a valid regular expression');
  });

  it('rejects an invalid language tag', () => {
    const err = catalogErrorOf([file('a.yaml', 'intents:\n  - id: x\n    examples: { English: [hello] }\n    answers: { en: Hi }\n')]);
    expect(err.message).toContain('intents[0].examples.English: invalid key "English"');
  });
});

describe('parseCatalogFiles: rules across the catalog', () => {
  it('rejects a duplicate id within one file', () => {
    const err = catalogErrorOf([
      file('a.yaml', 'intents:\n  - { id: x, examples: { en: [a] }, answers: { en: A } }\n  - { id: x, examples: { en: [b] }, answers: { en: B } }\n'),
    ]);
    expect(err.message).toContain('a.yaml: intents[1].id: duplicate intent id "x" (already defined at intents[0])');
  });

  it('rejects a duplicate id across files, naming both', () => {
    const err = catalogErrorOf([
      file('a.yaml', 'intents:\n  - { id: x, examples: { en: [a] }, answers: { en: A } }\n'),
      file('b.yaml', 'intents:\n  - { id: y, examples: { en: [b] }, answers: { en: B } }\n  - { id: x, examples: { en: [c] }, answers: { en: C } }\n'),
    ]);
    expect(err.message).toContain('b.yaml: intents[1].id: duplicate intent id "x" (already defined at a.yaml intents[0])');
  });

  it('rejects followUps naming a missing intent', () => {
    const err = catalogErrorOf([
      file('a.yaml', 'intents:\n  - { id: x, examples: { en: [a] }, answers: { en: A }, followUps: [y, refund_stauts] }\n  - { id: y, examples: { en: [b] }, answers: { en: B } }\n'),
    ]);
    expect(err.message).toContain('a.yaml: intents[0].followUps[1]: follow-up "refund_stauts" names no intent in the catalog');
    expect(err.details).toHaveLength(1);
  });

  it('rejects onceHeld naming a missing intent', () => {
    const err = catalogErrorOf([
      file('a.yaml', 'intents:\n  - { id: x, examples: { en: [a] }, answers: { en: A }, onceHeld: { order_number: order_stauts } }\n'),
    ]);
    expect(err.message).toContain('a.yaml: intents[0].onceHeld.order_number: "order_stauts" names no intent in the catalog');
  });

  it('rejects a productFault naming a missing intent', () => {
    const err = catalogErrorOf([
      file('_catalog.yaml', 'productFault: repair_servce\n'),
      file('a.yaml', 'intents:\n  - { id: repair_service, examples: { en: [a] }, answers: { en: A } }\n'),
    ]);
    expect(err.message).toContain('_catalog.yaml: productFault: "repair_servce" names no intent in the catalog');
  });

  it('keeps a productFault naming an intent', () => {
    const catalog = parseCatalogFiles(
      [file('_catalog.yaml', 'productFault: repair_service\n'), file('a.yaml', 'intents:\n  - { id: repair_service, examples: { en: [a] }, answers: { en: A } }\n')],
      {},
    );
    expect(catalog.productFault).toBe('repair_service');
  });

  it('rejects a wrongItem naming a missing intent', () => {
    const err = catalogErrorOf([
      file('_catalog.yaml', 'wrongItem: complant\n'),
      file('a.yaml', 'intents:\n  - { id: complaint, examples: { en: [a] }, answers: { en: A } }\n'),
    ]);
    expect(err.message).toContain('_catalog.yaml: wrongItem: "complant" names no intent in the catalog');
  });

  it('keeps a wrongItem naming an intent', () => {
    const catalog = parseCatalogFiles(
      [file('_catalog.yaml', 'wrongItem: complaint\n'), file('a.yaml', 'intents:\n  - { id: complaint, examples: { en: [a] }, answers: { en: A } }\n')],
      {},
    );
    expect(catalog.wrongItem).toBe('complaint');
  });

  it('resolves followUps to intents in another file', () => {
    const catalog = parseCatalogFiles(
      [
        file('a.yaml', 'intents:\n  - { id: x, examples: { en: [a] }, answers: { en: A }, followUps: [y] }\n'),
        file('b.yaml', 'intents:\n  - { id: y, examples: { en: [b] }, answers: { en: B } }\n'),
      ],
      {},
    );
    expect(catalog.intents[0]?.followUps).toEqual(['y']);
  });

  it('does not blame a reference to an intent whose own file has other errors', () => {
    const err = catalogErrorOf([
      file('a.yaml', 'intents:\n  - { id: x, examples: { en: [a] }, answers: { en: A }, followUps: [y] }\n'),
      file('b.yaml', 'intents:\n  - { id: y, examples: { en: [b] }, answers: { en: B }, teem: care }\n'),
    ]);
    expect(err.details.map((d) => d.file)).toEqual(['b.yaml']);
  });

  it('rejects a quick reply payload naming a missing intent', () => {
    const err = catalogErrorOf([
      file('a.yaml', 'intents:\n  - id: x\n    examples: { en: [a] }\n    answers: { en: A }\n    quickReplies: [{ title: Go, payload: "intent:nowhere" }]\n'),
    ]);
    expect(err.message).toContain('intents[0].quickReplies[0].payload: quick reply payload "intent:nowhere" names no intent');
  });

  it('rejects a language that is not in the declared languages', () => {
    const err = catalogErrorOf([
      file('_catalog.yaml', 'languages: [en, hi]\n'),
      file('a.yaml', 'intents:\n  - { id: x, examples: { en: [a], ur: [ب] }, answers: { en: A } }\n'),
    ]);
    expect(err.message).toContain('a.yaml: intents[0].examples.ur: language "ur" is not in languages [en, hi]');
  });

  it('rejects a default language that is not declared', () => {
    const err = catalogErrorOf([file('_catalog.yaml', 'languages: [hi, ne]\n'), file('a.yaml', MINIMAL)]);
    expect(err.message).toContain('_catalog.yaml: defaultLanguage: the default language "en" is not in languages [hi, ne]');
  });

  it('rejects catalog-wide settings in two files', () => {
    const err = catalogErrorOf([file('_catalog.yaml', 'languages: [en]\n'), file('b.yaml', `defaultLanguage: en\n${MINIMAL}`)]);
    expect(err.message).toContain('b.yaml: defaultLanguage: catalog-wide settings');
  });
});

describe('parseCatalogFiles: hostile input', () => {
  it('refuses a file over 2 MB without parsing it', () => {
    const huge = `intents:\n${'  - { id: x, examples: { en: [a] }, answers: { en: A } }\n'.repeat(40000)}`;
    expect(Buffer.byteLength(huge)).toBeGreaterThan(CATALOG_LIMITS.maxFileBytes);
    const err = catalogErrorOf([file('huge.yaml', huge)]);
    expect(err.message).toContain('huge.yaml: file too large');
  });

  it('refuses more than 5,000 intents', () => {
    const intents = Array.from({ length: 5001 }, (_, i) => `  - { id: i${i}, examples: { en: [a] }, answers: { en: A } }`).join('\n');
    const err = catalogErrorOf([file('many.yaml', `intents:\n${intents}\n`)]);
    expect(err.message).toContain('many.yaml: intents: too many intents (5001; at most 5000');
  });

  it('refuses more than 5,000 intents spread over several files', () => {
    const part = (from: number) =>
      Array.from({ length: 2501 }, (_, i) => `  - { id: i${from + i}, examples: { en: [a] }, answers: { en: A } }`).join('\n');
    const err = catalogErrorOf([file('a.yaml', `intents:\n${part(0)}\n`), file('b.yaml', `intents:\n${part(10000)}\n`)]);
    expect(err.message).toContain('too many intents (5002; at most 5000');
  });

  it('refuses more than 1,000 examples per language per intent', () => {
    const examples = Array.from({ length: 1001 }, (_, i) => `example ${i}`).join(', ');
    const err = catalogErrorOf([file('a.yaml', `intents:\n  - { id: x, examples: { en: [${examples}] }, answers: { en: A } }\n`)]);
    expect(err.message).toContain('intents[0].examples.en: too many examples: at most 1000');
  });

  it('refuses a YAML alias bomb', () => {
    const bomb = [
      'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
      'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
      'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
      'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
      'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
      'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
      'g: [*f,*f,*f,*f,*f,*f,*f,*f,*f]',
    ].join('\n');
    const err = catalogErrorOf([file('bomb.yaml', bomb)]);
    expect(err.message).toContain('bomb.yaml: too many YAML alias expansions');
  });

  it('refuses deeply nested flow collections without crashing', () => {
    const deep = `intents: ${'['.repeat(5000)}${']'.repeat(5000)}\n`;
    const err = catalogErrorOf([file('deep.yaml', deep)]);
    expect(err.message).toContain('deep.yaml: YAML nested too deeply');
  });

  it('refuses nesting deeper than the limit even when YAML can parse it', () => {
    let nested = 'x';
    for (let i = 0; i < 40; i++) nested = `{ k: ${nested} }`;
    const err = catalogErrorOf([file('deep.yaml', `intents:\n  - ${nested}\n`)]);
    expect(err.message).toContain('deep.yaml: YAML nested too deeply');
  });

  it('rejects duplicate keys in a mapping', () => {
    const err = catalogErrorOf([file('a.yaml', 'intents:\n  - id: x\n    id: y\n    examples: { en: [a] }\n    answers: { en: A }\n')]);
    expect(err.message).toMatch(/a\.yaml: invalid YAML: Map keys must be unique \(line 3/);
  });

  it('rejects several YAML documents in one file', () => {
    const err = catalogErrorOf([file('a.yaml', `${MINIMAL}---\n${MINIMAL}`)]);
    expect(err.message).toContain('a.yaml: invalid YAML: Source contains multiple documents');
  });

  it('rejects custom YAML tags', () => {
    const err = catalogErrorOf([file('a.yaml', 'intents: !!js/function "function () { return 1 }"\n')]);
    expect(err.details[0]?.file).toBe('a.yaml');
    expect(err.message).toContain('invalid YAML');
  });

  it('keeps at most a bounded number of problems in details', () => {
    const examples = Array.from({ length: 900 }, () => '""').join(', ');
    const err = catalogErrorOf([file('a.yaml', `intents:\n  - { id: x, examples: { en: [${examples}] }, answers: { en: A } }\n`)]);
    expect(err.details).toHaveLength(CATALOG_LIMITS.maxIssues);
    expect(err.message).toContain('Invalid intent catalog (900 problems)');
    expect(err.message).toContain('… and 850 more');
  });
});
