/**
 * Records what the language detector trained on the default catalog returns for every example of
 * that catalog plus tricky texts, into detection.snapshot.json (with the examples it was trained
 * on, so the check does not depend on later catalog edits). detectionSnapshot.test.ts then checks
 * that the current code still returns exactly that.
 *
 * Re-record ONLY after a deliberate change of behaviour, never to make a refactoring pass:
 *   npx tsx test/unit/nlu/language/snapshots/recordDetectionSnapshot.ts
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCatalog } from '../../../../../src/nlu/catalog';
import { createLanguageDetector } from '../../../../../src/nlu/language';

export interface DetectionSnapshot {
  languages: string[];
  defaultLanguage: string;
  /** The training examples: intent id → language → examples. */
  examples: Record<string, Record<string, string[]>>;
  /** [text, lang, confidence] for every example, then every tricky text. */
  detections: [string, string, number][];
}

const TRICKY = [
  '', '   ', '12345', 'SG-482913', '😡', '🙏🙏', 'ok', 'OK', 'k', 'hi', 'Hi!', 'hello??', 'https://example.com/order', 'www.example.com',
  'mail me at a@b.com', '#order', '@support', 'order123 status', "don't", 'don’t', 'DON’T', "it's", 'rock’n’roll', 'Café crème brûlée',
  'naïve', 'ﬁne', 'Ａｇｅｎｔ', 'İstanbul', 'ΣΊΣΥΦΟΣ', 'Привет как дела', '你好', 'こんにちは', '안녕하세요', 'สวัสดี',
  'मेरा order अभी तक नहीं आया', 'mera ऑर्डर kab aayega', 'میرا order کہاں ہے', 'order कहाँ छ', 'मेरो parcel कहिले आउँछ',
  'ऑर्डर', 'छ', 'है', 'نہیں', 'की', 'ke', 'to', 'a', 'the', 'kya', 'hai', 'bhai', 'yaar order kab', 'where is my order bhai',
  'क़', 'क़िला', 'ज़रूर', 'ज़रूर', 'आँ', 'आं', 'ک', 'ك', 'ی', 'ي', 'ے', 'ہ', 'ه', 'ھ', 'ؤ', 'ۓ',
  'ज़रा ज़रा', 'a\u200bb', 'e\u0301', 'é', 'ﷺ', 'ﻻ', 'ab\u0300c', 'x'.repeat(200), 'order '.repeat(50), 'है '.repeat(30),
  'where is my order?!?!', 'WHERE IS MY ORDER', 'Where Is My Order', 'mra ordr kb ayga', 'wher is my oder', 'refund', 'refund kab',
  'रिफंड', 'ریفنڈ', 'रिफन्ड', 'देखि', 'بھائی', 'हजुर', 'नमस्कार', 'namaste', 'shukriya', 'thanks', 'dhanyavaad', 'धन्यवाद', 'شکریہ',
];

async function main(): Promise<void> {
  const catalog = await loadCatalog(join(__dirname, '../../../../../intents'), {});
  const detector = createLanguageDetector(catalog);
  const examples: DetectionSnapshot['examples'] = {};
  for (const intent of catalog.intents) examples[intent.id] = intent.examples;
  const texts = [...catalog.intents.flatMap((intent) => Object.values(intent.examples).flat()), ...TRICKY];
  const detections = texts.map((text): [string, string, number] => {
    const guess = detector.detect(text);
    return [text, guess.lang, guess.confidence];
  });
  const snapshot: DetectionSnapshot = { languages: catalog.languages, defaultLanguage: catalog.defaultLanguage, examples, detections };
  const file = join(__dirname, 'detection.snapshot.json');
  writeFileSync(file, `${JSON.stringify(snapshot, null, 0).replace(/\],\["/g, '],\n["')}\n`);
  console.log(`${detections.length} detections (languages ${catalog.languages.join(', ')}) → ${file}`);
}

void main();
