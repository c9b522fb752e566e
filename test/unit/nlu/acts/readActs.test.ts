import { mainAct, opensWithCorrection, readActs } from '../../../../src/nlu/acts';

/** Conversational acts in the five languages, as customers type them, and hostile inputs. */

const only = (text: string) => {
  const r = readActs(text);
  expect(r.rest).toBe('');
  return mainAct(r.acts);
};

describe('readActs: a message that is only an act', () => {
  test.each([
    // en
    ['ok', 'ack'], ['okk', 'ack'], ['OKKKK', 'ack'], ['k', 'ack'], ['alright!', 'ack'], ['got it', 'ack'],
    ['thanks', 'thanks'], ['Thank you so much!!', 'thanks'], ['thx', 'thanks'],
    ['yes', 'yes'], ['yeah', 'yes'], ['no', 'no'], ['nope', 'no'],
    ['hi', 'greeting'], ['Hello!!', 'greeting'], ['good morning', 'greeting'],
    ['bye', 'goodbye'], ['see you', 'goodbye'], ['never mind', 'ack'], ['no worries', 'ack'],
  ])('en: "%s" is %s', (text, act) => expect(only(text)).toBe(act));

  test.each([
    ['ठीक है', 'ack'], ['अच्छा', 'ack'], ['ओके जी', 'ack'], ['धन्यवाद', 'thanks'], ['बहुत शुक्रिया', 'thanks'],
    ['हाँ', 'yes'], ['हां जी', 'yes'], ['नहीं', 'no'], ['नमस्ते', 'greeting'], ['अलविदा', 'goodbye'], ['कोई बात नहीं', 'ack'],
  ])('hi: "%s" is %s', (text, act) => expect(only(text)).toBe(act));

  test.each([
    ['achha', 'ack'], ['acha', 'ack'], ['accha ji', 'ack'], ['theek hai', 'ack'], ['thik h', 'ack'], ['shukriya', 'thanks'],
    ['dhanyavaad', 'thanks'], ['haan ji', 'yes'], ['nahi', 'no'], ['namaste ji', 'greeting'], ['phir milenge', 'goodbye'],
    ['koi baat nahi', 'ack'],
  ])('hi-Latn: "%s" is %s', (text, act) => expect(only(text)).toBe(act));

  test.each([
    ['ٹھیک ہے', 'ack'], ['ٹھیک ھے', 'ack'], ['اچھا', 'ack'], ['شکریہ', 'thanks'], ['بہت شکریہ', 'thanks'], ['جی ہاں', 'yes'],
    ['نہیں', 'no'], ['السلام علیکم', 'greeting'], ['اللہ حافظ', 'goodbye'], ['خدا حافظ', 'goodbye'], ['کوئی بات نہیں', 'ack'],
  ])('ur: "%s" is %s', (text, act) => expect(only(text)).toBe(act));

  test.each([
    ['हुन्छ', 'ack'], ['ल', 'ack'], ['ठिक छ', 'ack'], ['thik cha', 'ack'], ['huncha', 'ack'], ['धेरै धन्यवाद', 'thanks'],
    ['हो हजुर', 'yes'], ['होइन', 'no'], ['नमस्कार हजुर', 'greeting'], ['फेरि भेटौँला', 'goodbye'], ['फरक पर्दैन', 'ack'],
  ])('ne: "%s" is %s', (text, act) => expect(only(text)).toBe(act));

  test.each([
    ['👍', 'ack'], ['👍🏽', 'ack'], ['👌👌', 'ack'], ['🙏', 'thanks'], ['❤️', 'thanks'], ['👋', 'greeting'], ['😅🎉', 'emoji'], ['😡😡😡', 'emoji'],
  ])('emoji: "%s" is %s', (text, act) => expect(only(text)).toBe(act));

  test.each([
    ['sorry', 'en'], ['oops', 'en'], ['my bad', 'en'], ['माफ़ कीजिए', 'hi'], ['माफ करना', 'hi'], ['maaf kijiye', 'hi-Latn'],
    ['معاف کیجیے', 'ur'], ['معذرت', 'ur'], ['माफ गर्नुहोस्', 'ne'],
  ])('an apology ("%s", %s) is an acknowledgement, not a question', (text) => expect(only(text)).toBe('ack'));

  test.each([['hunxa'], ['thik xa'], ['la hunxa hajur'], ['huss'], ['हवस्']])(
    'romanised Nepali that writes छ as x, and other Nepali okays ("%s"), are an acknowledgement in Nepali',
    (text) => {
      expect(only(text)).toBe('ack');
      expect(readActs(text).languages).toEqual(['ne']);
    },
  );

  test.each([['sahi h'], ['tik h'], ['theek he']])('the Hinglish okay typed with "h"/"he" for "hai" ("%s") is an acknowledgement', (text) =>
    expect(only(text)).toBe('ack'),
  );

  test.each([['बहुत बढ़िया'], ['bahut badhiya'], ['بہت اچھا'], ['बहुत राम्रो']])('praise led by "very" ("%s") is an acknowledgement', (text) =>
    expect(only(text)).toBe('ack'),
  );

  test.each([['thnx bro'], ['ok dude'], ['thanks mate']])('a word of address after an act in English ("%s") belongs to it', (text) =>
    expect(['ack', 'thanks']).toContain(only(text)),
  );

  test('"हम्म" in a Nepali conversation may be Nepali as well as Hindi', () => {
    expect(only('हम्म')).toBe('ack');
    expect(readActs('हम्म').languages).toEqual(expect.arrayContaining(['hi', 'ne']));
  });

  test('"ho ni" is a yes in romanised Nepali', () => {
    expect(only('ho ni')).toBe('yes');
  });

  test.each([['ہمم'], ['ہممم'], ['ہمم جی 👍']])('the Urdu "hmm" ("%s") alone is an acknowledgement in Urdu', (text) => {
    expect(only(text)).toBe('ack');
    expect(readActs(text).languages).toEqual(['ur']);
  });

  test('"ہم" opening an Urdu question is "we", not "hmm": nothing is cut off', () => {
    const text = 'ہم نے آرڈر کیا تھا کب آئے گا';
    expect(readActs(text)).toMatchObject({ acts: [], rest: text });
  });

  test.each([['tks'], ['thnks'], ['thnx a lot'], ['tq so much'], ['thnku']])('the SMS spelling "%s" is a thank-you', (text) =>
    expect(only(text)).toBe('thanks'),
  );

  test.each([['ok, will check and get back'], ['ill let you know'], ['ok baad me batata hu'], ['ٹھیک ہے، بعد میں بتاتا ہوں'], ['पछि भन्छु']])(
    'saying they will come back to it ("%s") is a wait, not a question',
    (text) => expect(only(text)).toBe('wait'),
  );

  test.each([
    ['oops typo', 'en'], ['sorry, i typed it wrong', 'en'], ['गलत लिखा', 'hi'], ['sorry galat likha', 'hi-Latn'], ['غلط لکھا', 'ur'],
    ['गलत लेखेँ', 'ne'],
  ])('saying a value was mistyped ("%s", %s) is an acknowledgement, not a question', (text) => expect(only(text)).toBe('ack'));

  test.each([['you sent me the wrong one'], ['galti se order cancel ho gaya'], ['आपकी तरफ़ से गलती हो गई']])(
    'a mistake that is not a typing slip ("%s") is left to be read as a question',
    (text) => expect(readActs(text).rest).not.toBe(''),
  );

  test.each([
    ["that's everything", 'en'], ['no thats all', 'en'], ['बस इतना ही', 'hi'], ['aur kuch nahi', 'hi-Latn'], ['بس اتنا ہی', 'ur'],
    ['अरु केही छैन', 'ne'],
  ])('"nothing else" ("%s", %s) is a no', (text) => expect(only(text)).toBe('no'));

  test.each([
    ['one sec', 'en'], ['let me check', 'en'], ['1 min', 'en'], ['hold on pls', 'en'], ['एक मिनट', 'hi'], ['रुकिए', 'hi'],
    ['ek minute', 'hi-Latn'], ['ruko dekhta hu', 'hi-Latn'], ['ایک منٹ', 'ur'], ['एकछिन', 'ne'], ['ek chin', 'ne'],
  ])('"%s" (%s) asks the bot to wait', (text) => expect(only(text)).toBe('wait'));

  test('a message of several acts is mainly its goodbye, then no, thanks, yes, greeting, ack', () => {
    expect(only('ok thanks bye')).toBe('goodbye');
    expect(only('no thanks')).toBe('no');
    expect(only('ok 👍 thanks 🙏')).toBe('thanks');
    expect(only('haan ji ok')).toBe('yes');
  });
});

describe('readActs: a question announced but not asked yet', () => {
  test.each([
    ['I have a question', 'ask'], ['hi, i have a quick question', 'ask'], ['need help', 'ask'], ['नमस्ते, एक चीज़ पूछनी थी', 'ask'],
    ['bas ek sawal tha', 'ask'], ['kuch puchna hai', 'ask'], ['السلام علیکم، ایک سوال پوچھنا ہے', 'ask'], ['एउटा कुरा सोध्नु थियो', 'ask'],
  ])('"%s" is %s', (text, act) => expect(only(text)).toBe(act));

  test('the question that follows the announcement is the rest', () => {
    expect(readActs('i have a question, do you deliver to pune?').rest).toBe('do you deliver to pune?');
  });
});

describe('readActs: acts around a question', () => {
  test.each([
    ['hi, where is my order?', 'where is my order?'],
    ['Hello where is my order', 'where is my order'],
    ['नमस्ते, मेरा ऑर्डर कहाँ है?', 'मेरा ऑर्डर कहाँ है?'],
    ['namaste ji mera order kab aayega', 'mera order kab aayega'],
    ['السلام علیکم میرا آرڈر کہاں ہے', 'میرا آرڈر کہاں ہے'],
    ['नमस्कार, मेरो अर्डर कहाँ पुग्यो?', 'मेरो अर्डर कहाँ पुग्यो?'],
    ['where is my order? thanks 🙏', 'where is my order?'],
    ['no, I want to cancel it', 'I want to cancel it'],
  ])('"%s" leaves the question "%s"', (text, rest) => {
    const r = readActs(text);
    expect(r.rest).toBe(rest);
    expect(text.slice(r.restStart, r.restEnd)).toBe(rest);
  });

  test.each([['no refund yet'], ['nahi aaya mera order'], ['bas ek din aur ruko'], ['हो सकता है कल आए']])(
    'a yes or no running into the sentence stays part of it: "%s"',
    (text) => expect(readActs(text).rest).toBe(text),
  );

  test('nothing in the middle of a message is taken for an act', () => {
    expect(readActs('my order ok thanks is late').rest).toBe('my order ok thanks is late');
  });

  test('a message with no words or emoji has no acts', () => {
    expect(readActs('?')).toMatchObject({ acts: [], rest: '?' });
    expect(readActs('   ')).toMatchObject({ acts: [], rest: '' });
  });
});

describe('readActs: the language the act words suggest', () => {
  test.each([
    ['ठीक है', 'hi'], ['achha', 'hi-Latn'], ['ٹھیک ہے', 'ur'], ['हुन्छ', 'ne'], ['thik cha', 'ne'],
  ])('"%s" suggests %s', (text, lang) => expect(readActs(text).languages[0]).toBe(lang));

  test('shared words suggest no language', () => {
    expect(readActs('ok thanks 👍').languages).toEqual([]);
  });

  test('a word of two languages suggests both', () => {
    expect(readActs('धन्यवाद').languages).toEqual(expect.arrayContaining(['hi', 'ne']));
  });
});

describe('readActs: hostile inputs', () => {
  test('an emoji flood of 4,000 characters is one long acknowledgement', () => {
    const r = readActs('👍'.repeat(2000));
    expect(r.rest).toBe('');
    expect(mainAct(r.acts)).toBe('ack');
  });

  test('mixed scripts: Urdu, Devanagari and Latin acts in one message', () => {
    expect(only('ٹھیک ہے ठीक है ok 👍')).toBe('ack');
  });

  test('a very long question behind a greeting keeps the whole question', () => {
    const question = `where is my order ${'please '.repeat(600)}tell me`;
    const r = readActs(`hi, ${question}`);
    expect(r.rest).toBe(question);
  });

  test('zero-width characters and stray marks do not hide an act', () => {
    expect(only('ठीक\u200D है')).toBe('ack');
    expect(only('شُکریہ')).toBe('thanks');
  });

  test('a long run of digits is not an act', () => {
    const digits = '9'.repeat(3000);
    expect(readActs(digits)).toMatchObject({ acts: [], rest: digits });
  });
});

describe('readActs: words of address ride along with an act', () => {
  test.each([
    ['thanks bhai', 'thanks'], ['ok sir', 'ack'], ['theek hai yaar', 'ack'], ['shukriya bhai, kaam ho gaya', 'thanks'],
    ['धन्यवाद है हजुर', 'thanks'], ['ठिक छ हजुर', 'ack'], ['ٹھیک ہے جی، بہت مہربانی', 'thanks'], ['شکریہ بھائی', 'thanks'], ['بہت شکریہ بھائی جان', 'thanks'], ['thanks bhai jaan', 'thanks'],
  ])('"%s" is only an act (%s)', (text, act) => expect(only(text)).toBe(act));

  test('a word of address alone is not an act', () => {
    expect(readActs('bhai').acts).toEqual([]);
  });

  test('a question after "thanks bhai" is kept as the question', () => {
    expect(readActs('thanks bhai, where is my order?').rest).toBe('where is my order?');
  });

  test('a word of address before a closing thanks is not part of the question', () => {
    expect(readActs('where is my order? thanks bhai').rest).toBe('where is my order?');
  });
});

describe('readActs: intensifiers around an act', () => {
  test.each([['धेरै धेरै धन्यवाद है', 'thanks'], ['bahut bahut shukriya', 'thanks'], ['very very thankful', null]])('"%s"', (text, act) => {
    const r = readActs(text);
    if (act === null) expect(r.rest).not.toBe('');
    else expect([r.rest, mainAct(r.acts)]).toEqual(['', act]);
  });
});

describe('readActs: a promise to come back closes a message', () => {
  test.each([
    ["I'll ask my husband and let you know", "I'll ask my husband"],
    ['ghar pe baat karke batata hu', 'ghar pe baat karke'],
    ['म श्रीमानसँग कुरा गरेर भन्छु', 'म श्रीमानसँग कुरा गरेर'],
    ['میں شوہر سے بات کر کے بتاتی ہوں', 'میں شوہر سے بات کر کے'],
    ['मैं घर पर पूछकर बताती हूँ', 'मैं घर पर पूछकर'],
  ])('"%s" is a wait closing "%s"', (text, rest) => {
    expect(readActs(text)).toMatchObject({ rest, closing: ['wait'] });
  });

  test('a wait word closing a question stays part of it', () => {
    expect(readActs('how long is the wait')).toMatchObject({ acts: [], closing: [], rest: 'how long is the wait' });
  });

  test('acts opening a message are not closing ones', () => {
    expect(readActs('thanks, where is my order?')).toMatchObject({ acts: ['thanks'], closing: [] });
  });

  test('a promise to come back alone is a wait', () => {
    expect(readActs('bata dunga')).toMatchObject({ acts: ['wait'], rest: '' });
  });
});

describe('readActs: a promise to try what the answer said is an acknowledgement', () => {
  test.each(['ok try karta hu', 'ok will try', 'ٹھیک ہے کوشش کرتا ہوں', 'ठीक है कोशिश करता हूँ', 'हुन्छ प्रयास गर्छु'])('"%s" is only an acknowledgement', (text) => {
    expect(readActs(text)).toMatchObject({ rest: '', acts: expect.arrayContaining(['ack']) });
  });
});

describe('readActs: a ping for an answer is a greeting said again', () => {
  test.each(['ہیلو؟؟ جواب تو دیں کوئی؟؟', 'hello?? koi hai kya??', 'hello?? anyone there??', 'कोई है? जवाब दो', 'कोही छ?'])('"%s" is only a greeting', (text) => {
    expect(readActs(text)).toMatchObject({ rest: '', acts: expect.arrayContaining(['greeting']) });
  });

  test('a ping opening a question leaves the question to read', () => {
    expect(readActs('koi hai? mera refund kab aayega')).toMatchObject({ acts: ['greeting'], rest: 'mera refund kab aayega' });
  });
});

describe('readActs: "sorry, wrong" beside a corrected value is an apology', () => {
  test.each([
    ['sorry galat, SG-381046', 'SG-381046'],
    ['sorry wrong number, 98110 22343', '98110 22343'],
    ['سوری غلط نمبر، SG-406713', 'SG-406713'],
  ])('"%s" leaves only "%s"', (text, rest) => {
    expect(readActs(text)).toMatchObject({ acts: ['ack'], rest });
  });

  test('"wrong" alone still opens a complaint', () => {
    expect(readActs('wrong item delivered')).toMatchObject({ acts: [], rest: 'wrong item delivered' });
  });
});

describe('readActs: a promise to check opening a message is a wait', () => {
  test('"ok will check, thanks" is only acts', () => {
    expect(readActs('ok will check, thanks')).toMatchObject({ rest: '', acts: ['ack', 'wait', 'thanks'] });
  });
});

test('readActs: "is anyone reading this??" is a ping, a greeting said again', () => {
  expect(readActs('is anyone reading this??')).toMatchObject({ rest: '', acts: ['greeting'] });
});

describe('opensWithCorrection', () => {
  const corrects = (text: string) => opensWithCorrection(text, readActs(text));

  it.each(['sorry typo, it\'s SG-551903', 'oops wrong number SG-551903', 'सॉरी, गलत नंबर लिख दिया, SG-264801 है', 'sorry galti bhayo, SG-640281 ho', 'معذرت، غلط نمبر لکھ دیا، SG-264801 ہے'])(
    'reads "%s" as putting right a value given before',
    (text) => {
      expect(corrects(text)).toBe(true);
    },
  );

  it('does not read an acknowledgement beside a value as a correction', () => {
    expect(corrects('ok SG-551903')).toBe(false);
  });

  it('does not read "wrong" inside the question as a correction', () => {
    expect(corrects('you sent the wrong item SG-551903')).toBe(false);
  });

  it('reads the whole of the Nepali "galti bhayo" as an acknowledgement, leaving only the value', () => {
    expect(readActs('sorry galti bhayo, SG-640281 ho').rest).toBe('SG-640281 ho');
  });
});

describe('readActs: saying that what the answer said worked', () => {
  test.each([
    ['en', 'done it worked'], ['en', 'its working now'], ['en', 'that worked'], ['hi-Latn', 'chal gaya'], ['hi', 'चल गया'],
    ['ur', 'ہو گیا'], ['ur', 'اب چل رہا ہے'], ['ne', 'भयो'], ['ne', 'bhayo'], ['ne', 'अब चल्यो'],
  ])('reads the %s "%s" as an acknowledgement', (_lang, text) => expect(only(text)).toBe('ack'));

  it('does not read the Nepali "के भयो?" (what happened?) as an acknowledgement', () => {
    expect(readActs('के भयो?').rest).not.toBe('');
  });

  it('does not cut "bhayo" off a romanised Nepali question ("mero order ko k bhayo")', () => {
    expect(readActs('mero order ko k bhayo').rest).toBe('mero order ko k bhayo');
  });

  it('does not read "not working" as an acknowledgement', () => {
    expect(readActs('its not working').acts).toEqual([]);
  });
});
