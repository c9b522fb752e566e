import { namesFault } from '../../../../src/bot/dialogue/namesFault';
import { useDemoEngine } from './engineHarness';

/**
 * "mera fridge kharab ho gaya": a product and a word saying it is broken, in a message the
 * classifier cannot place, is a fault report: the catalog's productFault intent (repairs).
 */
const { play } = useDemoEngine();

const answered = async (...messages: string[]) =>
  (await play(...messages)).signals.flatMap((s) => (s.type === 'answered' ? [s.intent] : []));

describe('namesFault', () => {
  test.each([
    ['en', 'my speaker just died'],
    ['hi-Latn', 'fridge kharab ho gaya'],
    ['hi', 'टीवी बंद हो गया'],
    ['ur', 'فریج کام نہیں کر رہا'],
    ['ne', 'फ्रिज बिग्रियो'],
    ['ne-Latn', 'mero tv bigriyo'],
  ])('hears a fault in (%s: %s)', (_lang, text) => {
    expect(namesFault(text)).toBe(true);
  });

  test.each([['my fridge works great'], ['fridge kab aayega'], ['फ्रिज कति पर्छ']])('hears no fault in "%s"', (text) => {
    expect(namesFault(text)).toBe(false);
  });
});

describe('DialogueEngine with the demo catalog: a product reported broken', () => {
  test.each([
    ['hi-Latn', 'hello bhai mera fridge kharab ho gaya'],
    ['hi', 'नमस्ते, मेरा फ्रिज खराब हो गया'],
    ['ur', 'السلام علیکم، میرا فریج خراب ہو گیا ہے'],
    ['ne', 'नमस्ते, मेरो फ्रिज बिग्रियो'],
    ['ne-Latn', 'namaste, mero fridge bigriyo'],
    ['hi-Latn', 'maine pichle mahine Vision 55 TV liya tha. ab woh band ho gaya'],
    ['en', 'last month i bought the vision 55 tv from you, now it has stopped working'],
  ])('answers a %s fault report with the repairs answer', async (_lang, text) => {
    expect(await answered(text)).toEqual(['repair_service']);
  });

  it('answers a fault told in a clause after the one naming the product, when the guesses do not fit a fault', async () => {
    expect(await answered('pichle saal aapse fridge liya tha. aaj subah se bilkul band pada hai')).toEqual(['repair_service']);
  });

  it('asks "did you mean…?" when repairs is among the guesses ("…Nova 5G phone… a dead pixel line")', async () => {
    const result = await play('Hi, I ordered a Nova 5G phone last week, order SG-771100. The screen has a dead pixel line.');
    expect(result.signals).toContainEqual(expect.objectContaining({ type: 'clarifying', intents: ['repair_service', 'return_policy'] }));
  });

  it('leaves a message that names a fault but no product to the classifier ("the app is not working")', async () => {
    expect(await answered('the app is not working')).not.toContain('repair_service');
  });

  it('leaves a fault the classifier reads as another question to that question ("nayi washing machine kharab nikli, nayi doge kya")', async () => {
    expect(await answered('nayi washing machine kharab nikli, nayi doge kya')).toEqual(['return_policy']);
  });
});

describe('DialogueEngine with the demo catalog: a fault told about the product the conversation holds', () => {
  test('takes "they stopped working" after a message naming the headphones as a fault report', async () => {
    expect(await answered('i want to return my headphones', 'they stopped working after 2 days')).toEqual(['repair_service']);
  });

  test('takes a fault read surely as delivery time ("2 din me hi kharab ho gaya") as the fault it tells', async () => {
    expect(await answered('mere paas Vision 43 TV hai', '2 din me hi kharab ho gaya')).toEqual(['repair_service']);
  });

  test('still answers a question beside the fault as asked', async () => {
    expect(await answered('headphones band ho gaye, warranty hai kya?')).toEqual(['warranty']);
  });
});
