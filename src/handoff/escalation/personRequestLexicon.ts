/**
 * Words customers use to ask for a person, per catalog language. Written as customers type them;
 * they are normalised like the message (lexiconText.ts). A trailing `*` matches any ending, which
 * Nepali needs because postpositions are joined to nouns (एजेन्टसँग = with an agent).
 */
export interface PersonRequestLexicon {
  /** Names for a person at the company that ask for one on their own ("agent", "insaan", "نمائندہ"). */
  people: string[];
  /** Words for "someone" that ask for a person only beside a talk word ("talk to someone", "kisi se baat"). */
  someone: string[];
  /** Asking to talk or be connected ("talk", "connect", "baat", "बात", "بات", "कुरा"). */
  talk: string[];
  /** Asking to have something, or whether someone is there ("want", "chahiye", "चाहिए", "چاہیے", "is there", "koi"). */
  want: string[];
  /** Names for the bot; a negated one ("not a bot", "bot se baat nahi karni") asks for a person. */
  bot: string[];
  /** Phrases that ask to leave the bot ("stop the bot", "bot band karo"). */
  leaveBot: string[];
  /**
   * Asking to call the company or for its number ("can i ring you", "aapko call kar sakta hu",
   * "तपाईंलाई फोन गर्न मिल्छ"): a voice call is a person; ask on their own unless negated.
   */
  callUs: string[];
  /** Words before a person word that make it someone else ("delivery agent", "travel agent"). */
  notStaffBefore: string[];
  /**
   * The "someone" words for one person, which notStaffBefore makes someone else too ("the delivery
   * person didn't call me"); the others name the company's own people ("talk to the delivery team").
   */
  individuals: string[];
  /** Words after a person word that make it something else ("human error", "agent of change"). */
  notStaffAfter: string[];
  /** Politeness and filler that may surround a bare request ("agent please", "insaan chahiye bhai"). */
  filler: string[];
  /** Negations besides the sentiment lexicon's (Nepali negative verbs: चाहिँदैन, पर्दैन). */
  extraNegatorsAfter: string[];
}

const en: PersonRequestLexicon = {
  people: [
    'agent', 'agents', 'human', 'humans', 'human being', 'real person', 'real human', 'live person', 'live agent', 'live chat',
    'live support', 'representative', 'rep', 'customer care', 'customer service', 'customer support', 'customer care executive',
    'executive', 'operator', 'manager', 'supervisor', 'support team', 'care team', 'support staff', 'helpline', 'hotline', 'call centre',
    'call center',
  ],
  someone: ['someone', 'somebody', 'anyone', 'anybody', 'person', 'people', 'staff', 'team', 'colleague', 'member of staff'],
  // "could someone from your team look into it": a person to look into it is a person to talk to.
  talk: ['talk', 'speak', 'chat', 'connect', 'transfer', 'reach', 'contact', 'escalate', 'call', 'ring', 'forward', 'put me through', 'hand me over', 'look into'],
  want: ['want', 'wanna', 'need', 'get', 'give', 'require', 'is there', 'are there', 'any', 'looking for', 'can i have'],
  bot: ['bot', 'chatbot', 'robot', 'machine', 'automated', 'automatic', 'ai', 'computer'],
  leaveBot: ['stop the bot', 'bypass the bot', 'enough of the bot', 'skip the bot'],
  callUs: [
    'call you', 'call u', 'ring you', 'ring u', 'phone you', 'phone u', 'call you guys', 'ring you guys', 'your phone number',
    'your contact number', 'your number', 'ur number', 'talk on the phone', 'talk on phone', 'speak on the phone', 'speak on phone',
    'a phone call', 'call back', 'callback', 'call me back', 'ring me back',
  ],
  notStaffBefore: ['delivery', 'courier', 'travel', 'insurance', 'estate', 'secret', 'double', 'free', 'cleaning', 'field'],
  individuals: ['person', 'people'],
  notStaffAfter: ['of', 'error', 'errors', 'rights', 'nature', 'resources', 'body', 'race'],
  filler: ['please', 'pls', 'plz', 'plzz', 'pleasee', 'now', 'asap', 'a', 'an', 'the', 'me', 'i', 'hi', 'hello', 'hey', 'sir', 'madam', 'maam', 'urgent', 'urgently', 'some', 'one', 'just'],
  extraNegatorsAfter: [],
};

const hiLatn: PersonRequestLexicon = {
  people: [
    'agent', 'ejent', 'insaan', 'insan', 'aadmi', 'admi', 'banda', 'bande', 'human', 'real person', 'asli aadmi', 'asli insaan',
    'executive', 'representative', 'customer care', 'customer support', 'customer service', 'live agent', 'live chat', 'manager', 'operator',
    'helpline',
  ],
  someone: ['kisi', 'person', 'staff', 'team', 'kisi aur'],
  talk: ['baat', 'bat', 'connect', 'transfer', 'jodo', 'jod', 'milao', 'milwao', 'call', 'chat', 'contact', 'bulao'],
  want: ['chahiye', 'chaiye', 'chahie', 'chaahiye', 'koi'],
  bot: ['bot', 'machine', 'robot', 'automatic', 'computer'],
  leaveBot: ['bot band', 'bot hatao'],
  callUs: [
    'aapko call', 'apko call', 'aap ko call', 'aapko phone', 'apko phone', 'aap ko phone', 'phone pe baat', 'phone par baat',
    'call pe baat', 'call par baat', 'aapka number', 'apka number', 'aapka contact number', 'call back', 'callback', 'mujhe call karo',
    'mujhe call kar', 'mujhe phone karo',
  ],
  notStaffBefore: ['delivery', 'courier', 'insurance'],
  individuals: ['person'],
  notStaffAfter: [],
  filler: ['bhai', 'ji', 'yaar', 'yar', 'jaldi', 'plz', 'pls', 'please', 'abhi', 'mujhe', 'hai', 'h', 'do', 'de', 'karo', 'sir', 'se', 'ek'],
  extraNegatorsAfter: [],
};

const hi: PersonRequestLexicon = {
  people: [
    'एजेंट', 'एजेन्ट', 'इंसान', 'इन्सान', 'आदमी', 'व्यक्ति', 'बंदा', 'बंदे', 'बन्दे', 'प्रतिनिधि', 'कस्टमर केयर', 'कस्टमर सपोर्ट',
    'कस्टमर सर्विस', 'ग्राहक सेवा', 'एग्जीक्यूटिव', 'एक्जीक्यूटिव', 'मैनेजर', 'लाइव एजेंट', 'लाइव चैट', 'असली इंसान', 'ह्यूमन',
    'हेल्पलाइन',
  ],
  someone: ['किसी', 'स्टाफ', 'टीम', 'कर्मचारी'],
  talk: ['बात', 'कनेक्ट', 'जोड़*', 'मिलाओ', 'मिलाइए', 'मिलवाइए', 'मिला', 'ट्रांसफर', 'चैट', 'कॉल', 'बुलाओ', 'बुलाइए', 'संपर्क'],
  want: ['चाहिए', 'कोई'],
  bot: ['बॉट', 'बोट', 'मशीन', 'रोबोट', 'ऑटोमैटिक', 'कंप्यूटर'],
  leaveBot: ['बॉट बंद', 'बोट बंद'],
  callUs: [
    'आपको कॉल', 'आपको फोन', 'आपको फ़ोन', 'फोन पर बात', 'फ़ोन पर बात', 'कॉल पर बात', 'आपका नंबर', 'आपका कॉन्टैक्ट नंबर', 'मुझे कॉल करो',
    'मुझे कॉल कीजिए', 'मुझे फोन करो', 'मुझे फोन कीजिए', 'कॉल बैक',
  ],
  notStaffBefore: ['डिलीवरी', 'कूरियर'],
  individuals: [],
  notStaffAfter: [],
  filler: ['प्लीज़', 'प्लीज', 'कृपया', 'जी', 'भाई', 'अभी', 'जल्दी', 'मुझे', 'है', 'से', 'एक'],
  extraNegatorsAfter: [],
};

const ur: PersonRequestLexicon = {
  people: [
    'ایجنٹ', 'انسان', 'نمائندہ', 'نمائندے', 'بندہ', 'بندے', 'آدمی', 'شخص', 'کسٹمر کیئر', 'کسٹمر سپورٹ', 'کسٹمر سروس',
    'ایگزیکٹو', 'مینیجر', 'لائیو ایجنٹ', 'لائیو چیٹ', 'اصل انسان', 'ہیلپ لائن',
  ],
  someone: ['کسی', 'اسٹاف', 'ٹیم', 'عملے', 'عملہ'],
  talk: ['بات', 'رابطہ', 'ملا', 'ملائیں', 'ملوا', 'ملوائیں', 'منتقل', 'کنیکٹ', 'ٹرانسفر', 'چیٹ', 'کال', 'بلائیں'],
  want: ['چاہیے', 'کوئی'],
  bot: ['بوٹ', 'مشین', 'روبوٹ', 'خودکار', 'کمپیوٹر'],
  leaveBot: ['بوٹ بند'],
  callUs: ['آپ کو کال', 'آپ کو فون', 'فون پر بات', 'کال پر بات', 'آپ کا نمبر', 'مجھے کال کریں', 'مجھے فون کریں', 'کال بیک'],
  notStaffBefore: ['ڈیلیوری', 'کوریئر'],
  individuals: [],
  notStaffAfter: [],
  filler: ['پلیز', 'براہ کرم', 'جی', 'بھائی', 'ابھی', 'جلدی', 'مجھے', 'ہے', 'سے', 'ایک'],
  extraNegatorsAfter: [],
};

const ne: PersonRequestLexicon = {
  people: [
    'एजेन्ट*', 'एजेंट*', 'मानिस*', 'मान्छे*', 'प्रतिनिधि*', 'व्यक्ति*', 'कस्टमर केयर*', 'ग्राहक सेवा*', 'एक्जिक्युटिभ*',
    'म्यानेजर*', 'लाइभ एजेन्ट*', 'लाइभ च्याट*', 'हेल्पलाइन*',
  ],
  someone: ['कसै*', 'कोही', 'स्टाफ*', 'टोली*', 'कर्मचारी*'],
  // बोलाउनुस्, बोलाइदिनुस्: "call (someone) over", as the Hindi बुलाओ.
  talk: ['कुरा', 'जोड*', 'च्याट*', 'कल', 'सम्पर्क*', 'सार्नु*', 'ट्रान्सफर*', 'कनेक्ट*', 'बोलाउ*', 'बोलाइ*'],
  want: ['चाहियो', 'चाहिन्छ', 'चाहन्छु', 'कोही', 'कुनै'],
  bot: ['बोट*', 'मेसिन*', 'रोबोट*', 'स्वचालित'],
  leaveBot: ['बोट बन्द', 'बोट बंद'],
  callUs: ['तपाईंलाई फोन', 'तपाईलाई फोन', 'तपाईंलाई कल', 'तपाईलाई कल', 'फोनमा कुरा', 'तपाईंको नम्बर', 'तपाईको नम्बर', 'मलाई फोन गर्नु*', 'मलाई कल गर्नु*'],
  notStaffBefore: ['डेलिभरी'],
  individuals: [],
  notStaffAfter: [],
  filler: ['प्लिज', 'कृपया', 'हजुर', 'दाइ', 'अहिले', 'छिटो', 'मलाई', 'छ', 'एक', 'जना'],
  extraNegatorsAfter: ['चाहिँदैन', 'चाहिदैन', 'चाहँदिन', 'चाहन्न', 'पर्दैन', 'गर्दिन'],
};

/** Nepali typed in Latin letters ("malai manche sanga kura garna cha"), as many customers in Nepal write. */
const neLatn: PersonRequestLexicon = {
  people: ['manche', 'manchhe', 'manis', 'pratinidhi', 'karmachari', 'agent', 'human', 'customer care', 'customer service', 'helpline'],
  someone: ['kasai', 'kasailai', 'kohi', 'staff', 'team'],
  talk: ['kura', 'jodnu', 'jodidinus', 'jod', 'call', 'sampark', 'connect', 'transfer', 'chat', 'bolau*', 'bolai*'],
  want: ['chahiyo', 'chahincha', 'chahinchha', 'chahanchu', 'chaiyo', 'kohi', 'kunai'],
  bot: ['bot', 'robot', 'machine'],
  leaveBot: ['bot banda'],
  callUs: ['tapai lai phone', 'tapailai phone', 'tapai lai call', 'tapailai call', 'phone ma kura', 'tapai ko number', 'tapaiko number', 'malai phone garnu', 'malai call garnu'],
  notStaffBefore: ['delivery', 'courier'],
  individuals: [],
  notStaffAfter: [],
  filler: ['malai', 'mlai', 'hajur', 'dai', 'didi', 'please', 'plz', 'pls', 'ahile', 'aile', 'chito', 'sanga', 'sang', 'garna', 'garnu', 'cha', 'chha', 'parcha', 'ek', 'jana'],
  extraNegatorsAfter: ['chahindaina', 'pardaina', 'chaina', 'chhaina'],
};

export const PERSON_REQUEST_LEXICONS: Readonly<Record<string, PersonRequestLexicon>> = { en, hi, 'hi-Latn': hiLatn, ur, ne, 'ne-Latn': neLatn };
