import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLanguageDetector } from '../../../../../src/nlu/language';
import type { Catalog, Intent } from '../../../../../src/nlu/types';
import type { DetectionSnapshot } from './recordDetectionSnapshot';

/**
 * The detections recorded (recordDetectionSnapshot.ts) from the detector as it was before it was
 * optimised, trained on the default catalog's examples (stored in the snapshot), for every one of
 * those examples plus tricky texts (mixed scripts, digits, URLs, Unicode variants). The optimised
 * detector must return exactly the same language and confidence.
 */
const snapshot = JSON.parse(readFileSync(join(__dirname, 'detection.snapshot.json'), 'utf8')) as DetectionSnapshot;

function catalogOf(s: DetectionSnapshot): Catalog {
  const intents: Intent[] = Object.entries(s.examples).map(([id, examples]) => ({
    id,
    title: {},
    examples,
    answers: {},
    handoff: false,
    slots: [],
    followUps: [],
    source: 'detection.snapshot.json',
  }));
  const none = { [s.defaultLanguage]: '' };
  return {
    languages: s.languages,
    defaultLanguage: s.defaultLanguage,
    messages: { fallback: none, clarify: none, handoff: none, fulfillmentError: none },
    intents,
    files: [],
  };
}

describe('language detector against the recorded detections', () => {
  const detector = createLanguageDetector(catalogOf(snapshot));

  it('covers the whole default catalog', () => {
    expect(snapshot.detections.length).toBeGreaterThan(2400);
  });

  it('detects every recorded text with exactly the recorded language and confidence', () => {
    const diff: unknown[] = [];
    for (const [text, lang, confidence] of snapshot.detections) {
      const guess = detector.detect(text);
      if (guess.lang !== lang || guess.confidence !== confidence) diff.push({ text, expected: { lang, confidence }, actual: guess });
      if (diff.length >= 10) break;
    }
    expect(diff).toEqual([]);
  });
});
