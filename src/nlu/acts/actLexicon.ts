import type { ActKind } from './types';

type PhraseKind = Exclude<ActKind, 'emoji'>;

/**
 * The phrases that are a conversational act on their own, as customers write them, per language.
 * `shared` holds English and the words every language's customers type ("ok", "thanks", "bye"):
 * they say nothing about the language. The others suggest their language when the detector is
 * unsure ("ठीक है" = hi, "हुन्छ" = ne, "achha" = hi-Latn, "ٹھیک ہے" = ur; romanised Nepali counts as ne).
 * Phrases are normalised (actToken) when the table is built, so "Okkk", "ठीक  है" and "ٹھیک ھے"
 * all match. A phrase is at most MAX_ACT_PHRASE_WORDS words.
 */
export const ACT_PHRASES: Record<'shared' | 'hi' | 'hi-Latn' | 'ur' | 'ne', Partial<Record<PhraseKind, readonly string[]>>> = {
  shared: {
    ack: [
      'ok', 'okay', 'okey', 'okie', 'oki', 'ohk', 'okh', 'k', 'kk', 'alright', 'all right', 'fine', 'cool', 'great', 'got it',
      'noted', 'understood', 'sounds good', 'perfect', 'nice', 'good', 'oh ok', 'ok then', 'alright then', 'awesome', 'right',
      'i see', 'makes sense', 'no problem', 'np', 'hmm', 'hm', 'oh', 'wow', 'ok cool', 'fair enough', 'done',
      'no worries', 'never mind', 'nevermind', 'nvm', 'its ok', 'its okay', 'thats ok', 'thats okay', 'no issues', 'no issue',
      'oky', 'okie dokie', 'okey dokey', 'okay dokey', 'ok fair', 'fair', 'sure thing',
      // laughing along ("haha ok", "lol fine") says nothing new either, in any language
      'haha', 'hahaha', 'hahahaha', 'hehe', 'hehehe', 'lol', 'lolz', 'lmao', 'rofl', 'xd',
      // apologies ("sorry, SG-482913" after a mistyped number) are part of talking, not a question
      'sorry', 'sry', 'soory', 'sorry sorry', 'oops', 'my bad', 'my mistake', 'apologies',
      // and so is saying a value was mistyped ("oops typo, SG-448129", "galat likha, SG-209318"): only words
      // about writing, never "wrong" or "mistake" alone ("you sent the wrong one" is a complaint)
      'typo', 'sorry typo', 'my typo', 'typing mistake', 'typed it wrong', 'i typed it wrong', 'i meant',
      // ... or "sorry, wrong one" beside the corrected value: wrong said of what they themselves wrote
      'sorry wrong one', 'sorry wrong number', 'oops wrong number', 'wrong one sorry', 'sorry wrong typed', 'sorry typed wrong',
      // a promise to try what the answer said ("ok will try", "let me try that") tells nothing new
      'ill try', 'i will try', 'will try', 'let me try', 'let me try that', 'ill try that', 'will try that', 'ill try again', 'will try again',
      // ... and so does saying it worked ("done it worked", "its working now")
      'it worked', 'that worked', 'it works', 'its working', 'its working now', 'working now', 'works now', 'all working now',
      'done it worked', 'it worked now', 'got it working', 'all sorted', 'problem solved', 'issue solved', 'issue resolved',
    ],
    thanks: [
      'thanks', 'thank you', 'thank u', 'thankyou', 'thanku', 'thx', 'thnx', 'tnx', 'ty', 'tysm', 'tq', 'thanks a lot',
      'thank you so much', 'thanks so much', 'thank you very much', 'many thanks', 'much appreciated', 'appreciate it', 'cheers',
      // SMS spellings
      'tks', 'thks', 'thnks', 'thanx', 'thanq', 'thank q', 'tq so much', 'ty so much', 'thx a lot', 'thnx a lot', 'thanks a ton',
      'tq very much', 'thank u so much', 'thank u very much', 'thnku', 'thnk u', 'thank uu',
    ],
    greeting: [
      'hi', 'hello', 'helo', 'hey', 'heya', 'hiya', 'good morning', 'good afternoon', 'good evening', 'gm', 'yo', 'greetings',
      'hi there', 'hello there', 'hey there', 'morning',
      // a ping for an answer ("hello?? anyone there??", "reply pls"): a greeting, said again
      'anyone', 'anybody', 'anyone there', 'anybody there', 'is anyone there', 'is anybody there', 'anyone here', 'is anyone here',
      'please reply', 'pls reply', 'plz reply', 'reply please', 'reply pls', 'reply plz',
      'is anyone reading this', 'anyone reading this', 'is anyone reading', 'is someone there', 'someone there', 'is somebody there',
    ],
    goodbye: ['bye', 'goodbye', 'good bye', 'bye bye', 'see you', 'see ya', 'cya', 'take care', 'good night', 'gn', 'ttyl'],
    yes: ['yes', 'yeah', 'yep', 'yup', 'ya', 'yea', 'sure', 'of course', 'correct', 'exactly', 'absolutely', 'y', 'thats right', 'thats it', 'yes please'],
    wait: [
      'wait', 'one sec', 'one second', 'a sec', 'a second', 'sec', 'hold on', 'hang on', 'just a moment', 'one moment', 'a moment',
      'one min', 'a min', 'one minute', '1 min', '1 minute', '2 min', '2 mins', '2 minutes', '5 min', 'wait a sec', 'wait a minute',
      'let me check', 'let me see', 'let me find it', 'give me a minute', 'brb', 'wait pls', 'wait please',
      'will check', 'ill check', 'i will check', 'will check it', 'ill check it', 'will check and see', 'ill check and see',
    ],
    ask: [
      'i have a question', 'i have a query', 'i have a doubt', 'i have a quick question', 'quick question', 'one question',
      'a question', 'question', 'one more question', 'another question', 'i have another question', 'got a question',
      'can i ask something', 'can i ask you something', 'can i ask a question', 'i want to ask something', 'i wanted to ask something',
      'wanted to ask something', 'i want to ask', 'i wanted to ask', 'i need help', 'need help', 'i need some help', 'need some help',
      'help', 'help me', 'can you help me', 'can u help me', 'can you help', 'i need assistance', 'need assistance',
    ],
    no: [
      'no', 'nope', 'nah', 'not really', 'nothing', 'nothing else', 'thats all', 'no need', 'no thanks', 'thats everything', 'thats it',
      'nothing more', 'thats all for now', 'all good', 'im good', 'no thats all',
    ],
  },
  hi: {
    ack: [
      'ठीक है', 'ठीक', 'ठीक हैं', 'अच्छा', 'अच्छा जी', 'ओके', 'ओके जी', 'समझ गया', 'समझ गई', 'सही है', 'बढ़िया', 'चलो ठीक है',
      'ठीक है जी', 'हम्म', 'ह्म्म', 'ओक', 'बहुत बढ़िया', 'बहुत अच्छा', 'चलो', 'ओह अच्छा', 'मैं बताता हूँ', 'ओह', 'ओके ओके', 'अच्छा ठीक है', 'हो गया', 'काम हो गया', 'मिल गया', 'कोई बात नहीं', 'कोई बात नही', 'चलेगा',
      'माफ़ कीजिए', 'माफ कीजिए', 'माफ़ कीजिये', 'माफ कीजिये', 'माफ़ करना', 'माफ करना', 'माफ़ करें', 'माफ करें', 'क्षमा करें', 'सॉरी',
      'गलत लिखा', 'ग़लत लिखा', 'गलत लिख दिया', 'ग़लत लिख दिया', 'गलत लिख गया', 'ग़लत लिख गया', 'गलत टाइप हो गया', 'ग़लत टाइप हो गया',
      'सॉरी गलत', 'सॉरी ग़लत', 'गलत नंबर', 'ग़लत नंबर', 'सॉरी गलत नंबर', 'सॉरी गलत लिखा', 'सॉरी ग़लत लिखा', 'सॉरी गलत लिख दिया',
      'गलत नंबर लिख दिया', 'गलत नंबर लिखा', 'गलत नंबर दे दिया', 'गलत नंबर दिया', 'सॉरी गलत नंबर लिख दिया', 'गलती हो गई', 'गलती हो गयी', 'सॉरी गलती हो गई',
      'कोशिश करता हूँ', 'कोशिश करता हूं', 'कोशिश करती हूँ', 'कोशिश करती हूं', 'करके देखता हूँ', 'करके देखती हूँ', 'ट्राई करता हूँ', 'ट्राई करती हूँ',
      'चल गया', 'काम कर गया', 'काम कर रहा है', 'चलने लगा', 'अब चल रहा है',
    ],
    thanks: ['धन्यवाद', 'शुक्रिया', 'बहुत धन्यवाद', 'बहुत शुक्रिया', 'बहुत बहुत धन्यवाद', 'थैंक्स', 'थैंक यू', 'थैंक्यू', 'थेंक्स', 'थेंक यू', 'आभार', 'धन्यवाद जी', 'आपका धन्यवाद', 'धन्यवाद आपका', 'मेहरबानी', 'बहुत मेहरबानी'],
    greeting: [
      'नमस्ते', 'नमस्कार', 'हेलो', 'हैलो', 'हाय', 'प्रणाम', 'राम राम', 'सुप्रभात', 'शुभ प्रभात', 'नमस्ते जी',
      'कोई है', 'कोई है क्या', 'कोई सुन रहा है', 'जवाब दो', 'जवाब दीजिए', 'जवाब दीजिये', 'कोई जवाब दो', 'कोई जवाब दीजिए',
    ],
    goodbye: ['अलविदा', 'बाय', 'फिर मिलेंगे', 'शुभ रात्रि', 'टाटा'],
    wait: ['रुको', 'रुकिए', 'रुकें', 'एक मिनट', 'एक सेकंड', 'दो मिनट', 'रुको देखता हूँ', 'देखता हूँ', 'देखती हूँ', 'एक मिनट रुकिए', 'ज़रा रुकिए'],
    yes: ['हाँ', 'हां', 'हा', 'जी', 'जी हाँ', 'जी हां', 'हाँ जी', 'हां जी', 'बिल्कुल', 'सही', 'हाँ हाँ'],
    ask: [
      'एक सवाल है', 'एक सवाल था', 'एक सवाल पूछना है', 'एक सवाल पूछना था', 'कुछ पूछना है', 'कुछ पूछना था', 'मुझे कुछ पूछना है',
      'एक चीज़ पूछनी है', 'एक चीज़ पूछनी थी', 'एक बात पूछनी है', 'एक बात पूछनी थी', 'एक और सवाल', 'एक और सवाल है',
      'मदद चाहिए', 'मुझे मदद चाहिए', 'मेरी मदद करो', 'मेरी मदद कीजिए', 'सहायता चाहिए', 'मुझे सहायता चाहिए',
    ],
    no: ['नहीं', 'ना', 'नही', 'जी नहीं', 'नहीं जी', 'कुछ नहीं', 'बस', 'बस इतना ही', 'बस इतना', 'और कुछ नहीं', 'बस यही', 'बस यही था'],
  },
  'hi-Latn': {
    ack: [
      'theek hai', 'thik hai', 'theek h', 'thik h', 'tik hai', 'thik', 'theek', 'achha', 'acha', 'accha', 'achcha', 'acha ji',
      'achha ji', 'sahi hai', 'samajh gaya', 'samajh gayi', 'chalo', 'chalo theek hai', 'chalo thik hai', 'badhiya', 'bdiya',
      'sahi h', 'sahi he', 'tik h', 'theek he', 'thik he', 'bahut badhiya', 'bahut accha', 'bahut acha',
      'ok ji', 'okay ji', 'theek hai ji', 'thik hai ji', 'main batata hu', 'accha thik hai', 'acha theek hai', 'ho gaya', 'ho gya', 'kaam ho gaya', 'mil gaya',
      'koi baat nahi', 'koi baat nhi', 'koi bat nahi', 'koi bat nhi', 'koi baat nai', 'chalega',
      'maaf kijiye', 'maaf kijie', 'maf kijiye', 'maaf karna', 'maf karna', 'maaf karo', 'sorry ji',
      'galat likha', 'galat likh diya', 'galat likh gaya', 'galat type ho gaya', 'galat type hua', 'galat type kiya',
      'sorry galat', 'sorry galti', 'sorry galat number', 'sorry galat likha', 'sorry galat likh diya', 'sorry galat likh gaya', 'sorry galat type ho gaya', 'galat number', 'galat no', 'galti ho gayi',
      'galti ho gai', 'sorry galti ho gayi', 'galat number likh diya', 'galat number de diya', 'sorry galat number likh diya',
      'try karta hu', 'try karta hoon', 'try karti hu', 'try karti hoon', 'try karke dekhta hu', 'try karke dekhti hu', 'try krta hu',
      'koshish karta hu', 'koshish karti hu', 'karke dekhta hu', 'karke dekhti hu',
      'chal gaya', 'chal gya', 'kaam kar gaya', 'kaam kar raha hai', 'kaam kar rha hai', 'chalne laga', 'ab chal raha hai',
    ],
    thanks: [
      'dhanyavaad', 'dhanyawad', 'dhanyavad', 'dhanyawaad', 'shukriya', 'shukriyaa', 'bahut shukriya', 'bahut dhanyavaad',
      'thanks ji', 'thank you ji', 'meherbani', 'bahut meherbani',
    ],
    greeting: [
      'namaste', 'namaskar', 'namaste ji', 'pranam', 'ram ram', 'hello ji', 'hi ji',
      'koi hai', 'koi hai kya', 'koi sun raha hai', 'jawab do', 'jawab dijiye', 'jawab dijie', 'koi jawab do', 'reply karo', 'reply kro', 'koi reply karo',
    ],
    goodbye: ['alvida', 'phir milenge', 'tata', 'bye ji', 'shubh ratri'],
    wait: [
      'ruko', 'rukiye', 'ruk', 'ek min', 'ek minute', 'ek second', 'ek sec', 'do min', 'do minute', 'ruko dekhta hu', 'dekhta hu',
      'dekhta hoon', 'dekhti hu', 'check karta hu', 'check karke batata hu', 'wait karo', 'wait karna', 'ek min ruko',
    ],
    yes: ['haan', 'han', 'haa', 'ha', 'haanji', 'haan ji', 'han ji', 'ji', 'ji haan', 'bilkul', 'hanji', 'sahi'],
    ask: [
      'ek sawal hai', 'ek sawal tha', 'ek sawaal hai', 'ek sawaal tha', 'ek question hai', 'ek question tha', 'ek aur sawal',
      'ek aur question', 'kuch poochna hai', 'kuch puchna hai', 'kuch poochna tha', 'kuch puchna tha', 'mujhe kuch puchna hai',
      'mujhe kuch poochna hai', 'ek baat puchni hai', 'ek baat puchni thi', 'ek cheez puchni thi', 'ek cheez puchni hai',
      'help chahiye', 'madad chahiye', 'mujhe madad chahiye', 'mujhe help chahiye', 'meri madad karo', 'meri help karo', 'help karo',
    ],
    no: ['nahi', 'nahin', 'nai', 'na', 'nhi', 'ji nahi', 'nahi ji', 'kuch nahi', 'bas', 'bas itna hi', 'bas itna', 'aur kuch nahi', 'bas yahi', 'bas yahi tha'],
  },
  ur: {
    ack: [
      'ٹھیک ہے', 'ٹھیک', 'اچھا', 'اوکے', 'جی اچھا', 'ٹھیک ہے جی', 'سمجھ گیا', 'سمجھ گئی', 'بہتر', 'بہت خوب', 'صحیح ہے', 'اچھا ٹھیک ہے',
      'کوئی بات نہیں', 'چلے گا', 'میں بتاتا ہوں', 'بہت اچھا',
      'معاف کیجیے', 'معاف کیجئے', 'معاف کریں', 'معاف کرنا', 'معذرت', 'سوری',
      'غلط لکھا', 'غلط لکھ دیا', 'غلط لکھا گیا', 'غلط ٹائپ ہو گیا', 'سوری غلط', 'غلط نمبر', 'سوری غلط نمبر', 'سوری غلط لکھا', 'سوری غلط لکھ دیا',
      'غلط نمبر لکھ دیا', 'غلط نمبر دے دیا', 'غلطی ہو گئی', 'سوری غلطی ہو گئی',
      'کوشش کرتا ہوں', 'کوشش کرتی ہوں', 'کر کے دیکھتا ہوں', 'کر کے دیکھتی ہوں', 'ٹرائی کرتا ہوں',
      'ہو گیا', 'ہوگیا', 'کام ہو گیا', 'چل گیا', 'کام کر رہا ہے', 'اب چل رہا ہے', 'مل گیا',
    ],
    thanks: ['شکریہ', 'بہت شکریہ', 'بہت بہت شکریہ', 'جزاک اللہ', 'مہربانی', 'بہت مہربانی', 'آپ کا شکریہ', 'تھینکس', 'تھینک یو', 'شکریہ جی', 'shukria', 'jazakallah'],
    greeting: [
      'السلام علیکم', 'اسلام علیکم', 'السلام و علیکم', 'سلام', 'آداب', 'ہیلو', 'ہائے', 'صبح بخیر', 'وعلیکم السلام',
      'assalam o alaikum', 'assalamualaikum', 'asalamualaikum', 'aoa', 'salam', 'salaam', 'adab',
      'کوئی ہے', 'کوئی ہے کیا', 'کوئی سن رہا ہے', 'جواب دیں', 'جواب دو', 'جواب تو دیں', 'جواب تو دو', 'کوئی جواب دے', 'کوئی جواب دیں', 'جواب تو دیں کوئی',
    ],
    goodbye: ['اللہ حافظ', 'خدا حافظ', 'فی امان اللہ', 'بائے', 'شب بخیر', 'پھر ملیں گے', 'allah hafiz', 'khuda hafiz'],
    wait: ['رکیں', 'رکو', 'رکیے', 'ایک منٹ', 'ایک سیکنڈ', 'دو منٹ', 'دیکھتا ہوں', 'دیکھتی ہوں', 'ایک منٹ رکیں', 'ذرا رکیں'],
    yes: ['ہاں', 'جی', 'جی ہاں', 'ہاں جی', 'بالکل', 'جی بالکل'],
    ask: [
      'ایک سوال ہے', 'ایک سوال تھا', 'ایک سوال پوچھنا ہے', 'ایک سوال پوچھنا تھا', 'کچھ پوچھنا ہے', 'کچھ پوچھنا تھا', 'مجھے کچھ پوچھنا ہے',
      'ایک بات پوچھنی ہے', 'ایک بات پوچھنی تھی', 'ایک اور سوال', 'مدد چاہیے', 'مجھے مدد چاہیے', 'میری مدد کریں', 'میری مدد کیجیے',
    ],
    no: ['نہیں', 'نا', 'جی نہیں', 'نہیں جی', 'کچھ نہیں', 'بس', 'بس اتنا ہی', 'بس اتنا', 'اور کچھ نہیں', 'بس یہی'],
  },
  ne: {
    ack: [
      'हुन्छ', 'ल', 'ठिक छ', 'ठीक छ', 'ठिकै छ', 'हस्', 'हस', 'बुझेँ', 'बुझें', 'बुझियो', 'राम्रो', 'ल ठिक छ', 'ल हुन्छ', 'ल ठीक छ',
      'ओके', 'माफ गर्नुहोस्', 'माफ गर्नुस्', 'माफ पाउँ', 'सरी',
      'गलत लेखेँ', 'गलत लेखें', 'गलत लेखियो', 'गलत टाइप भयो', 'galat lekhe', 'galat lekhiyo', 'फरक पर्दैन', 'केही फरक पर्दैन', 'pharak pardaina', 'thik cha', 'thik chha', 'theek cha', 'huncha', 'hunchha', 'la', 'has', 'thikai cha', 'la huncha', 'bujhe',
      // romanised Nepali often writes छ as x: "hunxa", "thik xa"
      'गलत नम्बर', 'सरी गलत', 'प्रयास गर्छु', 'कोसिस गर्छु', 'गरेर हेर्छु', 'try गर्छु', 'galat bhayo', 'sorry galat bhayo', 'try garchu', 'garera herchu',
      'गल्ती भयो', 'सरी गल्ती भयो', 'गलत नम्बर लेखेँ', 'galti bhayo', 'sorry galti bhayo', 'galat number lekhe',
      'हवस्', 'हवस', 'म भन्छु', 'हम्म', 'बहुत राम्रो', 'hunxa', 'la hunxa', 'thik xa', 'theek xa', 'thikai xa', 'la thik xa', 'la thik cha', 'hus', 'ok xa', 'bujhe hajur', 'bujhiyo',
      'अब चल्यो', 'काम गर्यो', 'aba chalyo', 'kaam garyo',
    ],
    thanks: ['धन्यवाद', 'धेरै धन्यवाद', 'मुरी मुरी धन्यवाद', 'थ्याङ्क्स', 'थ्याङ्क यू', 'थ्यांक्स', 'dhanyabad', 'dhanyabaad'],
    greeting: [
      'नमस्ते', 'नमस्कार', 'हेलो', 'हाइ', 'शुभ प्रभात', 'शुभ बिहानी', 'नमस्कार हजुर', 'नमस्ते हजुर', 'namaste', 'namaskar', 'namaste hajur', 'namaskar hajur',
      'कोही छ', 'कोही हुनुहुन्छ', 'जवाफ दिनुस्', 'जवाफ दिनुहोस्', 'kohi cha', 'kohi hunuhuncha', 'jawaf dinus',
    ],
    goodbye: ['बिदा', 'बाइ', 'फेरि भेटौंला', 'फेरि भेटौँला', 'शुभ रात्री', 'शुभरात्री', 'bida', 'pheri bhetaula'],
    wait: ['पर्खनुस्', 'पर्खनुहोस्', 'एकछिन', 'एक छिन', 'एक मिनेट', 'हेर्छु', 'हेरेर भन्छु', 'एकछिन पर्खनुस्', 'ek chin', 'ekchin', 'parkhanus'],
    yes: ['हो', 'हजुर', 'हो हजुर', 'हजुर हो', 'हो नि', 'ho', 'hajur', 'ho hajur', 'ho ni'],
    ask: [
      'एउटा प्रश्न छ', 'एउटा प्रश्न थियो', 'एउटा कुरा सोध्नु छ', 'एउटा कुरा सोध्नु थियो', 'केही सोध्नु छ', 'केही सोध्नु थियो',
      'अर्को प्रश्न', 'सहयोग चाहियो', 'मलाई सहयोग चाहियो', 'मद्दत चाहियो', 'मलाई मद्दत चाहियो',
      'euta prashna cha', 'euta kura sodhnu thiyo', 'euta kura sodhnu cha', 'kehi sodhnu thiyo', 'kehi sodhnu cha', 'sahayog chahiyo',
    ],
    no: [
      'होइन', 'हैन', 'छैन', 'पर्दैन', 'केही छैन', 'होइन हजुर', 'अरु केही छैन', 'अरू केही छैन', 'यति नै हो', 'यति नै', 'hoina', 'haina', 'chaina', 'pardaina',
      'xaina', 'kehi xaina', 'kehi chaina', 'aru kehi xaina', 'aru kehi chaina',
    ],
  },
};

/**
 * Words of address and particles that ride along with an act ("shukriya bhai", "ठिक छ हजुर",
 * "ٹھیک ہے جی", "धन्यवाद है"): beside an act they are part of it, never the start of a question.
 */
export const ACT_FILLERS: readonly string[] = [
  'bhai', 'bhaiya', 'yaar', 'yar', 'ji', 'sir', 'madam', 'mam', 'maam', 'dost', 'boss', 'hajur', 'hazur', 'saab', 'sahab', 'dai', 'didi',
  'bro', 'bruh', 'dude', 'mate', 'buddy',
  'please', 'pls', 'plz', 'plss',
  'भाई', 'भैया', 'यार', 'जी', 'सर', 'मैडम', 'हजुर', 'दाइ', 'दिदी', 'है', 'नि',
  'جی', 'بھائی', 'یار', 'سر', 'جناب', 'صاحب', 'جان', 'jaan',
  // intensifiers left over around an act ("धेरै धेरै धन्यवाद", "bahut bahut shukriya", "very very thankful")
  'very', 'so', 'bahut', 'bohot', 'bahot', 'बहुत', 'धेरै', 'मुरी', 'بہت',
];

/**
 * Acts only as a whole message (with words of address or emoji beside them): "ہمم" (hmm) is read
 * with its repeated letter collapsed, as "ہم" ("we"), which opens many an Urdu question ("ہم نے
 * آرڈر کیا تھا…").
 */
export const ACT_ALONE: Partial<Record<'ur' | 'ne', Partial<Record<PhraseKind, readonly string[]>>>> = {
  ur: { ack: ['ہمم'] },
  // "भयो" (done, it worked) alone; "के भयो?" and "k bhayo" ask what happened
  ne: { ack: ['भयो', 'bhayo'] },
};

/** Emoji that say something on their own (matched on their first code point, skin tone and VS16 ignored). */
export const ACT_EMOJI: Record<'ack' | 'thanks' | 'greeting', readonly string[]> = {
  ack: ['👍', '👌', '🙂', '😊', '😀', '😃', '😄', '😁', '👏', '✅', '✔', '💯', '🆗', '🤝', '☺', '😎', '🙆'],
  thanks: ['🙏', '❤', '💖', '💕', '😍', '🥰', '🤗', '💐', '🌹', '♥'],
  greeting: ['👋'],
};

export const MAX_ACT_PHRASE_WORDS = 5;

/**
 * Waits that may also close a message: the customer will come back with an answer ("I'll ask my
 * husband and let you know", "ghar pe baat karke batata hu", "म श्रीमानसँग कुरा गरेर भन्छु"). The
 * other waits ("wait", "sec", "ruk") only open a message or stand alone: at the end of one they are
 * usually its own words ("how long is the wait").
 */
export const CLOSING_WAITS: Record<'shared' | 'hi' | 'hi-Latn' | 'ur' | 'ne', readonly string[]> = {
  shared: [
    'let you know', 'ill let you know', 'i will let you know', 'will let you know', 'and let you know', 'let u know', 'ill let u know',
    'get back to you', 'ill get back to you', 'i will get back to you', 'will get back to you', 'get back to u', 'ill get back',
    'ill come back', 'ill come back later', 'will come back later', 'ill text you later', 'ill message you later', 'ill revert',
    'will get back', 'will check and get back', 'will check and revert', 'will revert',
  ],
  hi: [
    'बताता हूँ', 'बताता हूं', 'बताती हूँ', 'बताती हूं', 'बताऊंगा', 'बताऊँगा', 'बताऊंगी', 'बताऊँगी', 'बता दूंगा', 'बता दूँगा',
    'बता दूंगी', 'बता दूँगी', 'बाद में बताता हूँ', 'बाद में बताती हूँ', 'फिर बताता हूँ', 'फिर बताती हूँ',
  ],
  'hi-Latn': [
    'batata hu', 'batata hoon', 'batata hun', 'batati hu', 'batati hoon', 'batati hun', 'bataunga', 'bataungi', 'bata dunga',
    'bata dungi', 'baad me batata hu', 'baad mein batata hu', 'baad me batati hu', 'phir batata hu', 'fir batata hu',
  ],
  ur: ['بتاتا ہوں', 'بتاتی ہوں', 'بتاؤں گا', 'بتاؤں گی', 'بتا دوں گا', 'بتا دوں گی', 'بعد میں بتاتا ہوں', 'بعد میں بتاتی ہوں', 'پھر بتاتا ہوں'],
  ne: ['भन्छु', 'भनौँला', 'भनौंला', 'भन्नेछु', 'पछि भन्छु', 'अनि भन्छु', 'bhanchhu', 'bhanchu', 'pachi bhanchu'],
};
