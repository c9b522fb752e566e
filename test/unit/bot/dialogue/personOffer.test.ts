import { signalTypes, useDemoEngine } from './engineHarness';

/**
 * Answers that invite the customer to say more for a colleague ("If it's been longer than that,
 * tell me and a colleague will check", the catalog's offersPerson): what the customer then tells
 * is handed to a person, instead of the same answer again or "did you mean…?".
 */
const { play } = useDemoEngine();

const handedOverAbout = async (...messages: string[]) =>
  (await play(...messages)).signals.flatMap((s) => (s.type === 'handoff_intent' ? [s.intent] : []));

describe('DialogueEngine with the demo catalog: what the customer tells after an answer that offers a person', () => {
  it('hands over a statement that would get the same answer again ("yes i need the GST one, GSTIN …")', async () => {
    expect(await handedOverAbout('can i get invoice for my order SG-445566', 'yes i need the GST one, GSTIN 27AAPFU0939F1ZV')).toEqual(['invoice_request']);
  });

  it('hands over a statement the bot half understands after the refund answer ("its been 10 days already")', async () => {
    expect(await handedOverAbout('refund status for SG-112233', 'its been 10 days already')).toEqual(['refund_status']);
  });

  it('hands over a Hinglish "already shipped ho gaya hai" after the address answer', async () => {
    expect(await handedOverAbout('delivery address change karna hai', 'already shipped ho gaya hai')).toEqual(['change_delivery_address']);
  });

  it.each([
    ['hi', 'मेरे रिफंड का स्टेटस बताइए, ऑर्डर SG-112233', '15 दिन हो गए अभी तक नहीं आया'],
    ['ur', 'میرے ریفنڈ کا اسٹیٹس بتائیں، آرڈر SG-112233', 'دو ہفتے ہو گئے ابھی تک نہیں آیا'],
    ['ne', 'SG-112233 को रिफन्ड कहिले आउँछ', 'दुई हप्ता भइसक्यो, अझै आएन'],
    ['hi-Latn', 'refund kab tak aayega? order SG-112233', '2 hafte ho gaye abhi tak nahi aaya'],
  ])('hands over a %s "still not here" after the refund answer, though alone it reads as the order status', async (_lang, first, second) => {
    expect(await handedOverAbout(first, second)).toEqual(['refund_status']);
  });

  it('answers another question stated after the offer ("i want to return it")', async () => {
    expect(signalTypes(await play('where is my order SG-112244', 'i want to return it'))).toEqual(['answered']);
  });

  it('answers a question after the offer again instead of handing it over ("kitna time aur lagega?")', async () => {
    const result = await play('bhai mera refund abhi tak nahi aaya, 10 din ho gaye. order SG-771204', 'kitna time aur lagega?');
    expect(signalTypes(result)).toEqual(['answered']);
  });

  it('answers thanks after the offer as thanks, handing nothing over', async () => {
    const result = await play('where is my order SG-112244', 'ok thanks');
    expect(signalTypes(result)).toContain('act');
    expect(signalTypes(result)).not.toContain('handoff_intent');
  });

  it('answers thanks with a word the act reader leaves over ("बहुत धन्यवाद आपका") as thanks, handing nothing over', async () => {
    const result = await play('मेरा ऑर्डर SG-305817 कहाँ है', 'बहुत धन्यवाद आपका');
    expect(signalTypes(result)).not.toContain('handoff_intent');
  });

  it('does not hand over a statement after an answer that offers no person', async () => {
    expect(await handedOverAbout('how long does delivery take', 'its been 10 days already')).toEqual([]);
  });

  it('does not hand over a statement it cannot place at all ("the weather in delhi is very hot today")', async () => {
    expect(await handedOverAbout('refund status for SG-112233', 'the weather in delhi is very hot today')).toEqual([]);
  });
});
