import { announcesQuestions, asksQuestion, asksWhere, bearsQuestion, MAX_CLAUSES, serialVerbsAsPurpose, splitClauses } from '../../../../src/nlu/clauses';

const texts = (text: string) => splitClauses(text).map((c) => c.text);

describe('splitClauses', () => {
  test.each([
    ['en', 'when do you close on Sunday and can I pay by UPI?', ['when do you close on Sunday', 'can I pay by UPI']],
    ['hi', 'दुकान कब बंद होती है और क्या UPI से पेमेंट होता है?', ['दुकान कब बंद होती है', 'क्या UPI से पेमेंट होता है']],
    ['hi-Latn', 'dukaan kab band hoti hai aur UPI se payment ho sakta hai?', ['dukaan kab band hoti hai', 'UPI se payment ho sakta hai']],
    ['ur', 'دکان کب بند ہوتی ہے اور کیا UPI سے ادائیگی ہو سکتی ہے؟', ['دکان کب بند ہوتی ہے', 'کیا UPI سے ادائیگی ہو سکتی ہے']],
    ['ne', 'पसल कहिले बन्द हुन्छ र UPI बाट तिर्न सकिन्छ?', ['पसल कहिले बन्द हुन्छ', 'UPI बाट तिर्न सकिन्छ']],
    ['romanised ne', 'store kati baje khulcha ra delivery charge kati lagcha?', ['store kati baje khulcha', 'delivery charge kati lagcha']],
  ])('splits two %s questions joined by "and"', (_lang, text, clauses) => expect(texts(text)).toEqual(clauses));

  test('a clause opened by "also" is marked as adding another matter, and the clause before it is not', () => {
    const clauses = splitClauses('cant log in, the otp never comes. also my card payment failed?');
    expect(clauses.map((c) => [c.text, c.adds === true])).toEqual([
      ['cant log in', false],
      ['the otp never comes', false],
      ['my card payment failed', true],
    ]);
  });

  test('a clause joined by "and" is not marked as adding another matter', () => {
    expect(splitClauses('returned it 10 days ago and the refund has not come?').some((c) => c.adds)).toBe(false);
  });

  test('splits sentences on . ! ? । ۔ ؟ and new lines', () => {
    expect(texts('where is my order? I paid on Monday. it is late!\nplease check')).toEqual([
      'where is my order',
      'I paid on Monday',
      'it is late',
      'please check',
    ]);
    expect(texts('मेरा ऑर्डर कहाँ है। पैसे कट गए')).toEqual(['मेरा ऑर्डर कहाँ है', 'पैसे कट गए']);
    expect(texts('میرا آرڈر کہاں ہے۔ پیسے کٹ گئے')).toEqual(['میرا آرڈر کہاں ہے', 'پیسے کٹ گئے']);
  });

  test('keeps web addresses, decimals and thousands whole', () => {
    expect(texts('is sargam.example down, the price was 2,499.50 yesterday')).toEqual(['is sargam.example down', 'the price was 2,499.50 yesterday']);
  });

  test('a one-word piece joins the clause before it', () => {
    expect(texts('can I pay by card and UPI')).toEqual(['can I pay by card and UPI']);
  });

  test.each([
    ['en', 'store in lahore? timing?', ['store in lahore', 'timing']],
    ['hi', 'दिल्ली में स्टोर है? टाइमिंग?', ['दिल्ली में स्टोर है', 'टाइमिंग']],
    ['hi-Latn', 'mumbai me store hai? timing?', ['mumbai me store hai', 'timing']],
    ['ur', 'لاہور میں اسٹور ہے؟ اوقات؟', ['لاہور میں اسٹور ہے', 'اوقات']],
    ['ne', 'ललितपुरमा पसल छ? समय?', ['ललितपुरमा पसल छ', 'समय']],
  ])('a one-word %s question after a question is a question of its own', (_lang, text, clauses) => expect(texts(text)).toEqual(clauses));

  test('a one-word question after a statement joins it', () => {
    expect(texts('my order is late. timing?')).toEqual(['my order is late. timing']);
  });

  test.each([
    ['en', 'where is my order? why?', ['where is my order? why']],
    ['hi', 'मेरा ऑर्डर कहाँ है? क्यों?', ['मेरा ऑर्डर कहाँ है? क्यों']],
    ['hi-Latn', 'mera order kahan hai? kyun?', ['mera order kahan hai? kyun']],
    ['ur', 'میرا آرڈر کہاں ہے؟ کیوں؟', ['میرا آرڈر کہاں ہے؟ کیوں']],
    ['ne', 'मेरो अर्डर कहाँ छ? किन?', ['मेरो अर्डर कहाँ छ? किन']],
  ])('a bare %s question word after a question joins it', (_lang, text, clauses) => expect(texts(text)).toEqual(clauses));

  test('marks the clauses that ended with a question mark', () => {
    expect(splitClauses('where is my order? it was due yesterday').map((c) => c.asked)).toEqual([true, false]);
  });

  test('offsets point at the clause in the message', () => {
    const text = 'hi there. when do you open?';
    for (const c of splitClauses(text)) expect(text.slice(c.start, c.end)).toBe(c.text);
  });

  test('"come and" or "go and" before a verb joins one request, not two clauses', () => {
    expect(texts('will your team come and fit it')).toEqual(['will your team come and fit it']);
    expect(texts('can someone go and check the parcel')).toEqual(['can someone go and check the parcel']);
  });

  test('"come and" before a question word still starts a new clause', () => {
    expect(texts('when will they come and how much is it')).toEqual(['when will they come', 'how much is it']);
  });

  test('"or" before a question of the customer\'s own opens an alternative clause', () => {
    const clauses = splitClauses('is that still covered or do i have to pay for it');
    expect(clauses.map((c) => [c.text, c.alternative === true])).toEqual([
      ['is that still covered', false],
      ['do i have to pay for it', true],
    ]);
  });

  test.each([
    ['hi', 'आपकी टीम लगाने आएगी या मैं खुद किसी को बुलाऊँ', 'मैं खुद किसी को बुलाऊँ'],
    ['hi-Latn', 'aapke log lagane aayenge ya main khud mistri bulaun', 'main khud mistri bulaun'],
    ['ur', 'آپ کی ٹیم لگانے آئے گی یا میں خود کسی کو بلاؤں', 'میں خود کسی کو بلاؤں'],
    ['ne', 'तपाईंको टोली जडान गर्न आउँछ वा म आफैं मिस्त्री बोलाऊँ', 'म आफैं मिस्त्री बोलाऊँ'],
  ])('"or I myself" opens an alternative clause (%s)', (_lang, text, alternative) => {
    expect(splitClauses(text).filter((c) => c.alternative).map((c) => c.text)).toEqual([alternative]);
  });

  test('"या"/"ya" between two choices is no clause boundary', () => {
    expect(texts('upi ya cash on delivery chalega')).toEqual(['upi ya cash on delivery chalega']);
    expect(texts('कार्ड या नकद से पेमेंट कर सकते हैं')).toEqual(['कार्ड या नकद से पेमेंट कर सकते हैं']);
  });

  test('Hinglish "or" for "aur" before a question word joins two questions, neither an alternative', () => {
    const clauses = splitClauses('warranty kitni h buds air pe or repair kaha hoga');
    expect(clauses.map((c) => [c.text, c.alternative === true])).toEqual([
      ['warranty kitni h buds air pe', false],
      ['repair kaha hoga', false],
    ]);
  });

  test('"or" between two things in Hinglish stays inside the clause', () => {
    expect(texts('COD or UPI kya chalega')).toEqual(['COD or UPI kya chalega']);
    expect(texts('mera phone or charger dono kharab')).toEqual(['mera phone or charger dono kharab']);
  });

  test('Nepali "कि म" ("that I") opens no alternative clause', () => {
    expect(texts('के यस्तो हुन सक्छ कि म यो घडी फिर्ता गरूँ')).toEqual(['के यस्तो हुन सक्छ कि म यो घडी फिर्ता गरूँ']);
  });

  test('the clause before an asked alternative is asked too', () => {
    const [first] = splitClauses('your team will fit it or should i call an electrician?');
    expect(first).toMatchObject({ text: 'your team will fit it', asked: true });
  });

  test('"or" between two choices is no clause boundary', () => {
    expect(texts('can i pay by upi or cash on delivery')).toEqual(['can i pay by upi or cash on delivery']);
  });

  test(`a message of hundreds of sentences gives at most ${MAX_CLAUSES} clauses`, () => {
    expect(splitClauses('where is it? '.repeat(500)).length).toBe(MAX_CLAUSES);
  });

  test('an emoji flood and a digit run are one clause each at most', () => {
    expect(splitClauses('👍'.repeat(2000)).length).toBeLessThanOrEqual(1);
    expect(splitClauses('9'.repeat(4000))).toHaveLength(1);
  });
});

describe('serialVerbsAsPurpose', () => {
  test('"come and fit it" is written as "come to fit it"', () => {
    expect(serialVerbsAsPurpose('will your team Come and fit it')).toBe('will your team Come to fit it');
  });

  test('a text without "come and" or "go and" is returned unchanged', () => {
    expect(serialVerbsAsPurpose('welcome and thanks')).toBe('welcome and thanks');
  });
});

describe('bearsQuestion', () => {
  test.each([
    ['can I pay by UPI'], ['when do you open'], ['दुकान कब खुलती है'], ['dukaan kab khulti hai'], ['دکان کب کھلتی ہے'],
    ['पसल कहिले खुल्छ'], ['anything'],
  ])('"%s" asks something', (text) => expect(bearsQuestion(text, text === 'anything')).toBe(true));

  test.each([['मुझे रिटर्न करना है'], ['mujhe exchange lena hai'], ['مجھے واپس کرنا ہے'], ['मलाई फिर्ता गर्नु छ'], ['main ise return karna chahta hoon']])(
    '"%s" asks for something (I have to / I want to)',
    (text) => expect(bearsQuestion(text)).toBe(true),
  );

  test.each([['ek joke bhi suna do 😂'], ['mujhe bill bhej do'], ['बस बता दें'], ['مجھے بتا دیں'], ['कृपया कुनै मान्छेसँग कुरा गराइदिनुहोस्'], ['invoice bhej dijiye']])(
    '"%s" asks for something (a polite or closing imperative)',
    (text) => expect(bearsQuestion(text)).toBe(true),
  );

  test.each([['mere paas do phone hain'], ['दो दिन पहले आया था']])('"%s" holds "two", not a request', (text) => expect(bearsQuestion(text)).toBe(false));

  test.each([
    ['cash on delivery hota hai ya nahi'], ['COD है या नहीं'], ['کیش آن ڈیلیوری ہے یا نہیں'], ['COD cha ki chaina'], ['cod milcha ki mildaina'],
    ['you deliver on sundays or not'], ['emi milegi ki nahi'], ['installation free hai ya nahi pune me'],
  ])('"%s" asks yes or no with "… or not"', (text) => {
    expect(bearsQuestion(text)).toBe(true);
    expect(asksQuestion(text)).toBe(true);
  });

  test.each([['maine socha ki nahi milega'], ['मैंने सोचा कि नहीं मिलेगा']])('"%s" tells what was thought ("ki" as "that"), asking nothing', (text) =>
    expect(bearsQuestion(text)).toBe(false),
  );

  test.each([['it was due yesterday'], ['I was there last week'], ['कल आना था'], ['کل آنا تھا'], ['order kal aana hai']])('"%s" is context', (text) =>
    expect(bearsQuestion(text)).toBe(false),
  );
});

describe('asksQuestion', () => {
  test.each([['can I pay by UPI'], ['kitna time aur lagega?'], ['دکان کب کھلتی ہے'], ['पसल कहिले खुल्छ']])(
    '"%s" asks a question',
    (text) => expect(asksQuestion(text)).toBe(true),
  );

  test.each([['yes i need the GST one'], ['please check'], ['mujhe bill chahiye'], ['its been 10 days already'], ['अझै आएन']])(
    '"%s" requests or states, asking no question',
    (text) => expect(asksQuestion(text)).toBe(false),
  );
});

describe('asksWhere', () => {
  test.each([['aur kahan hai?'], ['और कहाँ है'], ['کہاں ہے؟'], ['कहाँ छ'], ['where is it'], ['order no kidhar milega'], ['آرڈر نمبر کدھر ملے گا']])('"%s" asks where', (text) => expect(asksWhere(text)).toBe(true));
  test.each([['kab khulti hai'], ['when do you open']])('"%s" does not ask where', (text) => expect(asksWhere(text)).toBe(false));
});

describe('announcesQuestions', () => {
  test.each([['3 sawal hain: laptop ki warranty kitni hai, stock mein hai'], ['two questions - do you deliver to pune, and is it free'], ['तीन सवाल हैं: दुकान कब खुलती है'], ['دو سوال ہیں، ڈلیوری کب ہوگی'], ['Quick ones - when do you open']])(
    '"%s" opens by announcing several questions',
    (text) => expect(announcesQuestions(text)).toBe(true),
  );

  test.each([['do phone chahiye, stock mein hai?'], ['I have two phones from you'], ['3 saal ki warranty hai?']])('"%s" announces no questions', (text) =>
    expect(announcesQuestions(text)).toBe(false),
  );
});
