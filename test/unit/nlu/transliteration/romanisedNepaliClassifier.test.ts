import path from 'node:path';
import { trainingExamples } from '../../../../src/bot/dialogueBrain';
import { loadCatalog } from '../../../../src/nlu/catalog';
import { trainClassifier } from '../../../../src/nlu/classifier';
import { createNepaliTransliterator, readingRomanisedNepali, withRomanisedNepali, type RankingClassifier } from '../../../../src/nlu/transliteration';
import type { Classification, ScoredIntent } from '../../../../src/nlu/types';

/** A classifier that answers from a table of normalised texts, and records what it was asked. */
function tableClassifier(table: Record<string, [string, number]>): RankingClassifier & { asked: string[] } {
  const asked: string[] = [];
  const verdict = (text: string): Classification => {
    asked.push(text);
    const [intent, confidence] = table[text] ?? ['greeting', 0.1];
    return { intent: confidence >= 0.5 ? intent : null, top: intent, confidence, runnerUp: null, outOfScope: confidence < 0.5 };
  };
  return {
    asked,
    intents: ['greeting', 'refund_status', 'warranty'],
    classify: verdict,
    topK: (text: string, k: number): ScoredIntent[] => [{ intent: verdict(text).top, confidence: verdict(text).confidence }].slice(0, k),
  };
}

const transliterator = createNepaliTransliterator(['मेरो पैसा कहिले फिर्ता आउँछ']);
const NEPALI = 'mero paisa kaile firta aauchha?';
const DEVANAGARI = 'मेरो पैसा कहिले फिर्ता आउँछ';

describe('readingRomanisedNepali', () => {
  it('answers with the Devanagari reading when it is the more confident one', () => {
    const classifier = readingRomanisedNepali(tableClassifier({ [DEVANAGARI]: ['refund_status', 0.9] }), transliterator);
    expect(classifier.classify(NEPALI).intent).toBe('refund_status');
  });

  it('keeps the reading as typed when it is the more confident one', () => {
    const inner = tableClassifier({ [NEPALI]: ['warranty', 0.8], [DEVANAGARI]: ['refund_status', 0.6] });
    expect(readingRomanisedNepali(inner, transliterator).classify(NEPALI).intent).toBe('warranty');
  });

  it('does not read the Devanagari when the reading as typed is confident enough', () => {
    const inner = tableClassifier({ [NEPALI]: ['refund_status', 0.97] });
    readingRomanisedNepali(inner, transliterator).classify(NEPALI);
    expect(inner.asked).toEqual([NEPALI]);
  });

  it('classifies a message that is not romanised Nepali once, as typed', () => {
    const inner = tableClassifier({});
    readingRomanisedNepali(inner, transliterator).classify('when will my refund come?');
    expect(inner.asked).toEqual(['when will my refund come?']);
  });

  it('classifies a Devanagari message once, as typed', () => {
    const inner = tableClassifier({});
    readingRomanisedNepali(inner, transliterator).classify(DEVANAGARI);
    expect(inner.asked).toEqual([DEVANAGARI]);
  });

  it('ranks intents on the reading it answers with', () => {
    const classifier = readingRomanisedNepali(tableClassifier({ [DEVANAGARI]: ['refund_status', 0.9] }), transliterator);
    expect(classifier.topK(NEPALI, 1)).toEqual([{ intent: 'refund_status', confidence: 0.9 }]);
  });

  it('returns the classifier itself when there is no transliterator', () => {
    const inner = tableClassifier({});
    expect(readingRomanisedNepali(inner, null)).toBe(inner);
  });
});

describe('withRomanisedNepali on the demo catalog', () => {
  let classifier: RankingClassifier;
  let bare: RankingClassifier;

  beforeAll(async () => {
    const catalog = await loadCatalog(path.join(__dirname, '../../../../intents'), {});
    bare = trainClassifier(trainingExamples(catalog), { outOfScopeThreshold: 0.3 });
    classifier = withRomanisedNepali(bare, catalog);
  });

  it('understands "when will my money come back" in romanised Nepali, which the bare classifier does not', () => {
    expect([bare.classify(NEPALI).intent, classifier.classify(NEPALI).intent]).toEqual([null, 'refund_status']);
  });

  it('still understands romanised Nepali the bare classifier understood through its English words', () => {
    expect(classifier.classify('mero laptop ko warranty kati ho?').intent).toBe('warranty');
  });

  it('gives Hinglish the bare classifier’s answer', () => {
    const text = 'mera refund kab tak aayega?';
    expect(classifier.classify(text)).toEqual(bare.classify(text));
  });
});
