import type { Answer, Catalog, Intent, LangText, SlotSpec, TrainingExample } from '../../../../src/nlu/types';

/**
 * A small catalog built for the dialogue tests, so they do not depend on the wording of the
 * default catalog in intents/. Texts carry a language marker ([en], [ur] …) where a test needs
 * to see which language was answered in.
 */

const text = (t: string): Answer => ({ text: t });

function intent(partial: Partial<Intent> & Pick<Intent, 'id' | 'examples'>): Intent {
  return {
    title: { en: partial.id },
    answers: {},
    handoff: false,
    slots: [],
    followUps: [],
    source: 'testCatalog.ts',
    ...partial,
  };
}

export const ORDER_NUMBER_SLOT: SlotSpec = {
  name: 'order_number',
  kind: 'order_number',
  required: true,
  prompt: {
    en: '[en] What is your order number? It looks like SG-123456.',
    hi: '[hi] आपका ऑर्डर नंबर क्या है?',
    'hi-Latn': '[hi-Latn] Aapka order number kya hai?',
    ur: '[ur] آپ کا آرڈر نمبر کیا ہے؟',
  },
};

const PHONE_SLOT: SlotSpec = { name: 'phone', kind: 'phone', required: true, prompt: { en: '[en] What phone number should the courier call?' } };
const EMAIL_SLOT: SlotSpec = { name: 'email', kind: 'email', required: false, prompt: { en: '[en] Your e-mail?' } };

export const STORE_HOURS_EN = '[en] We are open 10 am to 8 pm, every day.';

export function testCatalog(options: { fulfillmentUrl?: string } = {}): Catalog {
  const intents: Intent[] = [
    intent({
      id: 'store_hours',
      title: { en: 'Store hours', hi: 'दुकान का समय', 'hi-Latn': 'Dukaan ka time', ur: 'دکان کے اوقات' },
      examples: {
        en: ['what time do you open', 'when are you open', 'opening hours', 'store timings', 'are you open on sunday', 'what are your hours', 'when do you close'],
        hi: ['दुकान कब खुलती है', 'आप कितने बजे खुलते हैं', 'दुकान का समय क्या है', 'क्या रविवार को दुकान खुली है', 'दुकान कब बंद होती है'],
        'hi-Latn': ['dukaan kab khulti hai', 'aap kitne baje khulte ho', 'shop ka time kya hai', 'kya sunday ko dukaan khuli hai', 'dukaan kab band hoti hai'],
        ur: ['دکان کب کھلتی ہے', 'آپ کتنے بجے کھلتے ہیں', 'دکان کے اوقات کیا ہیں', 'کیا اتوار کو دکان کھلی ہے', 'دکان کب بند ہوتی ہے'],
      },
      answers: {
        en: [text(STORE_HOURS_EN)],
        hi: [text('[hi] हम रोज़ सुबह 10 से रात 8 बजे तक खुले हैं।')],
        ur: [text('[ur] ہم روزانہ صبح 10 سے رات 8 بجے تک کھلے ہیں۔')],
      },
      followUps: ['store_location'],
    }),
    intent({
      id: 'store_location',
      title: { en: 'Store location', hi: 'दुकान का पता', ur: 'دکان کا پتہ' },
      examples: {
        en: ['where is your store', 'store address', 'where are you located', 'how do i reach your shop', 'shop location'],
        hi: ['दुकान कहाँ है', 'आपका पता क्या है', 'दुकान का पता बताइए'],
        'hi-Latn': ['dukaan kahan hai', 'aapka address kya hai', 'shop ka pata batao'],
        ur: ['دکان کہاں ہے', 'آپ کا پتہ کیا ہے', 'دکان کا پتہ بتائیں'],
      },
      answers: {
        en: [{ text: '[en] 12 MG Road, Bengaluru.', quickReplies: [{ title: 'Open in Maps', payload: 'maps' }] }],
        hi: [text('[hi] 12 एमजी रोड, बेंगलुरु।')],
      },
    }),
    intent({
      id: 'order_status',
      title: { en: 'Order status', hi: 'ऑर्डर की स्थिति', 'hi-Latn': 'Order status', ur: 'آرڈر کی صورتحال' },
      examples: {
        en: ['where is my order', 'track my order', 'has my order shipped', 'order status', 'when will my parcel arrive', 'my package has not arrived'],
        hi: ['मेरा ऑर्डर कहाँ है', 'ऑर्डर ट्रैक करना है', 'मेरा पार्सल कब आएगा', 'ऑर्डर की स्थिति बताइए'],
        'hi-Latn': ['mera order kahan hai', 'order track karna hai', 'mera parcel kab aayega', 'order ka status batao'],
        ur: ['میرا آرڈر کہاں ہے', 'آرڈر ٹریک کرنا ہے', 'میرا پارسل کب آئے گا', 'آرڈر کی صورتحال بتائیں'],
      },
      answers: {
        en: [text('[en] Order {order_number} is on its way.')],
        hi: [text('[hi] ऑर्डर {order_number} रास्ते में है।')],
        ur: [text('[ur] آرڈر {order_number} راستے میں ہے۔')],
      },
      slots: [ORDER_NUMBER_SLOT],
    }),
    intent({
      id: 'refund_status',
      title: { en: 'Refund status', hi: 'रिफंड की स्थिति' },
      examples: {
        en: ['where is my refund', 'refund status', 'when will i get my money back', 'has my refund been processed', 'i have not received my refund'],
        hi: ['मेरा रिफंड कहाँ है', 'पैसे कब वापस मिलेंगे', 'रिफंड की स्थिति बताइए'],
        'hi-Latn': ['mera refund kahan hai', 'paise kab wapas milenge', 'refund ka status batao'],
        ur: ['میرا ریفنڈ کہاں ہے', 'پیسے کب واپس ملیں گے'],
      },
      answers: { en: [text('[en] Refunds take 5 to 7 days.')] },
      slots: [ORDER_NUMBER_SLOT],
      ...(options.fulfillmentUrl ? { fulfillment: { url: options.fulfillmentUrl, timeoutMs: 1500 } } : {}),
      followUps: ['store_hours'],
    }),
    intent({
      id: 'delivery_callback',
      title: { en: 'Courier callback' },
      examples: {
        en: ['ask the courier to call me', 'i want the delivery guy to phone me', 'courier should call me before delivery', 'have the delivery person ring me'],
      },
      answers: { en: [text('[en] The courier will call {phone} for order {order_number}.{email}')] },
      slots: [ORDER_NUMBER_SLOT, PHONE_SLOT, EMAIL_SLOT],
    }),
    intent({
      id: 'talk_to_human',
      title: { en: 'Talk to a person', hi: 'किसी इंसान से बात' },
      examples: {
        en: ['i want to talk to a human', 'connect me to an agent', 'let me speak to a person', 'real person please', 'customer care executive'],
        hi: ['किसी इंसान से बात करनी है', 'एजेंट से बात कराइए'],
        'hi-Latn': ['kisi insaan se baat karni hai', 'agent se baat karao'],
        ur: ['کسی انسان سے بات کرنی ہے', 'ایجنٹ سے بات کرائیں'],
      },
      answers: {},
      handoff: true,
      team: 'care',
    }),
    intent({
      id: 'greeting',
      title: { en: 'Hello' },
      examples: {
        en: ['hello', 'hi there', 'good morning', 'hey'],
        hi: ['नमस्ते', 'नमस्कार'],
        'hi-Latn': ['namaste', 'namaskar ji'],
        ur: ['السلام علیکم', 'آداب'],
      },
      answers: { en: [text('[en] Hello! variant A'), text('[en] Hello! variant B'), text('[en] Hello! variant C')] },
    }),
  ];

  const messages: Record<'fallback' | 'clarify' | 'handoff' | 'fulfillmentError', LangText> = {
    fallback: {
      en: "[en] Sorry, I didn't get that.",
      hi: '[hi] माफ़ कीजिए, मैं समझ नहीं पाया।',
      'hi-Latn': '[hi-Latn] Sorry, samajh nahi aaya.',
      ur: '[ur] معاف کیجیے، میں سمجھ نہیں سکا۔',
    },
    clarify: { en: '[en] Did you mean one of these?', hi: '[hi] क्या आपका मतलब इनमें से कोई है?', ur: '[ur] کیا آپ کا مطلب ان میں سے کوئی ہے؟' },
    handoff: { en: '[en] Passing you to a person.', hi: '[hi] आपको हमारी टीम से जोड़ रहे हैं।' },
    fulfillmentError: { en: "[en] Sorry, I can't look that up right now.", hi: '[hi] माफ़ कीजिए, अभी यह देख नहीं पा रहे।' },
  };

  return { languages: ['en', 'hi', 'hi-Latn', 'ur'], defaultLanguage: 'en', messages, intents, files: ['testCatalog.ts'] };
}

export function trainingExamples(catalog: Catalog): TrainingExample[] {
  return catalog.intents.flatMap((i) =>
    Object.entries(i.examples).flatMap(([lang, texts]) => texts.map((t) => ({ intent: i.id, text: t, lang }))),
  );
}
