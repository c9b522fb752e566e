import { DEFAULT_SETTINGS, medianExamplesPerIntentAndLanguage, trainClassifier, trainClassifierWith, WITHOUT_WORD_VECTORS } from '../../../../src/nlu/classifier';
import { EXAMPLES } from './fixtures';

describe('trainClassifier', () => {
  const classifier = trainClassifier(EXAMPLES);

  it('lists the intents it was trained on', () => {
    expect([...classifier.intents]).toEqual(['order_status', 'refund', 'store_hours']);
  });

  it.each([
    ['where is my order now', 'order_status'],
    ['mera order kab aayega bhai', 'order_status'],
    ['میرا آرڈر کب آئے گا', 'order_status'],
    ['i need a refund for my payment', 'refund'],
    ['मुझे मेरे पैसे वापस चाहिए', 'refund'],
    ['paisa wapas kab milega', 'refund'],
    ['what time do you open on sunday', 'store_hours'],
    ['दुकान कितने बजे खुलती है', 'store_hours'],
    ['पसल कति बजे बन्द हुन्छ', 'store_hours'],
  ])('classifies %j as %s', (text, intent) => {
    const result = classifier.classify(text);
    expect(result.top).toBe(intent);
    expect(result.intent).toBe(intent);
    expect(result.outOfScope).toBe(false);
  });

  it('tolerates Hinglish spelling variants', () => {
    for (const text of ['order kb aayega', 'order kub ayega', 'ordr kab aaega']) expect(classifier.classify(text).top).toBe('order_status');
  });

  it('returns the runner-up intent with a lower confidence', () => {
    const result = classifier.classify('where is my refund');
    expect(result.runnerUp).not.toBeNull();
    expect(result.runnerUp?.intent).not.toBe(result.top);
    expect(result.runnerUp?.confidence).toBeLessThanOrEqual(result.confidence);
  });

  it('flags an unrelated message as out of scope at a threshold that keeps in-scope messages', () => {
    // Three tiny intents make a weak out-of-scope detector (see the report): the unrelated message
    // is only clearly less confident than in-scope ones, so the threshold sits between them.
    const strict = classifier.withThreshold(0.95);
    for (const text of ['where is my order', 'mujhe refund chahiye', 'dukan kab khulti hai']) expect(strict.classify(text).outOfScope).toBe(false);
    const result = strict.classify('the quantum physics of black holes');
    expect(result.outOfScope).toBe(true);
    expect(result.intent).toBeNull();
    expect(typeof result.top).toBe('string');
  });

  it('flags a message sharing no feature with the training set as out of scope', () => {
    const result = classifier.withThreshold(0).classify('zzzz qqqq xxxx');
    expect(result.outOfScope).toBe(true);
  });

  it('accepts a message above the threshold and rejects it above a stricter one', () => {
    const text = 'where is my order';
    const { confidence } = classifier.classify(text);
    expect(classifier.withThreshold(confidence - 1e-9).classify(text).intent).toBe('order_status');
    expect(classifier.withThreshold(Math.min(1, confidence + 1e-6)).classify(text).intent).toBeNull();
  });

  it('is deterministic: the same training gives the same outputs', () => {
    const again = trainClassifier(EXAMPLES);
    for (const text of ['where is my order', 'refund please', 'dukan kab khulegi', 'hello there']) {
      expect(again.classify(text)).toEqual(classifier.classify(text));
      expect(again.topK(text, 3)).toEqual(classifier.topK(text, 3));
    }
  });

  it.each([[''], ['   \n\t '], ['🙂🙂🙏'], ['order '.repeat(5000)], ['!!!???...']])('does not throw on %j', (text) => {
    const result = classifier.classify(text);
    expect(result.confidence).toBeGreaterThanOrEqual(0);
    expect(result.confidence).toBeLessThanOrEqual(1);
  });

  it('treats empty and emoji-only messages as out of scope', () => {
    expect(classifier.withThreshold(0).classify('').outOfScope).toBe(true);
    expect(classifier.withThreshold(0).classify('🙂🙂🙏').outOfScope).toBe(true);
  });

  it('returns confidences in [0, 1] that sum to at most 1 across intents', () => {
    for (const text of ['where is my order', 'refund', 'dukan', 'unrelated words here']) {
      const all = classifier.topK(text, classifier.intents.length);
      expect(all).toHaveLength(3);
      for (const scored of all) {
        expect(scored.confidence).toBeGreaterThanOrEqual(0);
        expect(scored.confidence).toBeLessThanOrEqual(1);
      }
      const sum = all.reduce((total, scored) => total + scored.confidence, 0);
      expect(sum).toBeLessThanOrEqual(1 + 1e-9);
      expect(sum).toBeGreaterThan(0.5);
    }
  });

  it('reports the same top and confidence in classify and topK', () => {
    const result = classifier.classify('mujhe refund chahiye');
    const [first, second] = classifier.topK('mujhe refund chahiye', 2);
    expect(first).toEqual({ intent: result.top, confidence: result.confidence });
    expect(second).toEqual(result.runnerUp);
  });

  it('classifies Urdu written with Arabic yeh and kaf like Urdu written with Farsi forms', () => {
    const urdu = 'میرا آرڈر کہاں ہے';
    const arabicForms = urdu.replace(/\u06CC/g, '\u064A').replace(/\u06A9/g, '\u0643');
    expect(arabicForms).not.toBe(urdu);
    expect(classifier.classify(arabicForms)).toEqual(classifier.classify(urdu));
  });

  it('classifies Devanagari digits like ASCII digits', () => {
    expect(classifier.classify('ऑर्डर १२३ कब आएगा')).toEqual(classifier.classify('ऑर्डर 123 कब आएगा'));
  });

  it('refuses to train without examples', () => {
    expect(() => trainClassifier([])).toThrow(/at least one training example/);
  });

  // The fixture is too small for a fitted calibration, so word vectors are forced on here, at their
  // full weight whatever the share of known words.
  const fullVectors = trainClassifierWith(EXAMPLES, {
    ...DEFAULT_SETTINGS,
    wordVectorsNeedFittedCalibration: false,
    vectorizer: { ...DEFAULT_SETTINGS.vectorizer, wordVectorKnownWordPower: 0 },
  });

  it('understands English words it was never shown through their word vectors', () => {
    // Neither "reimburse" nor "cash" is in the examples; "refund" and "money" are.
    const text = 'reimburse the cash';
    expect(fullVectors.classify(text).top).toBe('refund');
    const refund = (classifier: ReturnType<typeof trainClassifier>): number => classifier.topK(text, 3).find((s) => s.intent === 'refund')?.confidence ?? 0;
    expect(refund(fullVectors)).toBeGreaterThan(refund(trainClassifierWith(EXAMPLES, WITHOUT_WORD_VECTORS)));
  });

  it('weighs bigrams like any feature when the intents have fewer examples per language than bigramsNeedExamples', () => {
    const plain = trainClassifierWith(EXAMPLES, { ...DEFAULT_SETTINGS, vectorizer: { ...DEFAULT_SETTINGS.vectorizer, bigramWeight: 1 } });
    expect(classifier.classify('cancel my order please')).toEqual(plain.classify('cancel my order please'));
  });

  it('weighs bigrams by bigramWeight when the intents have enough examples per language', () => {
    const heavy = trainClassifierWith(EXAMPLES, { ...DEFAULT_SETTINGS, bigramsNeedExamples: 0 });
    expect(heavy.classify('cancel my order please')).not.toEqual(classifier.classify('cancel my order please'));
  });

  it('counts the median examples an intent has in one language', () => {
    const examples = [
      { intent: 'a', text: '1', lang: 'en' }, { intent: 'a', text: '2', lang: 'en' }, { intent: 'a', text: '3', lang: 'hi' },
      { intent: 'b', text: '4', lang: 'en' }, { intent: 'b', text: '5', lang: 'en' }, { intent: 'b', text: '6', lang: 'en' },
      { intent: 'c', text: '7' }, { intent: 'c', text: '8' },
    ];
    // a/en 2, a/hi 1, b/en 3, c 2 → sorted 1 2 2 3 → median 2
    expect(medianExamplesPerIntentAndLanguage(examples)).toBe(2);
  });

  it('leaves word vectors out when the examples are too few to fit the calibration', () => {
    expect(classifier.classify('reimburse the cash')).toEqual(trainClassifierWith(EXAMPLES, WITHOUT_WORD_VECTORS).classify('reimburse the cash'));
  });
});
