/**
 * What the demo's customers and agents write, in the five catalog languages, as people type on a
 * phone: short, lower-case, Hinglish, typos, emoji. Written for the demo (not the catalog's
 * examples nor the held-out test sets); {order}, {product}, {name}, {agent}, {city} are filled in.
 */
export const DEMO_LANGUAGES = ['en', 'hi', 'hi-Latn', 'ur', 'ne'] as const;
export type DemoLanguage = (typeof DEMO_LANGUAGES)[number];

export const TOPICS = ['order_status', 'delivery_time', 'cancel_order', 'refund_status', 'return_item', 'payment_failed', 'warranty', 'repair', 'store_hours', 'invoice'] as const;
export type Topic = (typeof TOPICS)[number];

type PerLanguage<T> = Record<DemoLanguage, T>;

/** Customers' names as their WhatsApp / Messenger profiles show them. */
export const CUSTOMER_NAMES: PerLanguage<string[]> = {
  en: ['Meera Nair', 'Arjun Rao', 'Kavya Menon', 'Rahul Gupta', 'Sneha Pillai', 'David Fernandes', 'Nisha Kapoor', 'Karan Malhotra', 'Divya Krishnan', 'Aditya Bose', 'Tanya Dsouza', 'Vivek Reddy'],
  hi: ['राजेश यादव', 'सुनीता देवी', 'Pooja Verma', 'अमित शर्मा', 'Ramesh Chauhan', 'प्रिया सिंह', 'Manoj Tiwari', 'गीता पांडे', 'Sanjay Mishra', 'Neha Dubey'],
  'hi-Latn': ['Asha Verma', 'Rohit Jain', 'Simran Kaur', 'Ankit Saxena', 'Pallavi Joshi', 'Deepak Chaudhary', 'Riya Agarwal', 'Vikas Yadav', 'Shruti Bansal', 'Mohit Arora', 'Komal Sethi'],
  ur: ['Imran Qureshi', 'عائشہ صدیقی', 'Bilal Ahmed', 'فاطمہ زیدی', 'Usman Tariq', 'Hina Baig', 'ثنا ملک', 'Zeeshan Ali', 'Sadia Khan', 'حمزہ شیخ'],
  ne: ['Sita Shrestha', 'रमेश अधिकारी', 'Anjali Rai', 'सुनिता तामाङ', 'Prakash Karki', 'Binita Gurung', 'हरि पौडेल', 'Manisha KC', 'Dipesh Magar', 'Sarita Bhandari'],
};

/** Products as customers name them (the catalog's aliases recognise them). */
export const PRODUCTS: PerLanguage<string[]> = {
  en: ['Nova 5G', 'nova pro phone', '55 inch tv', 'Vision 43 TV', 'AirBook 14', 'washing machine', 'CoolMax AC', 'Buds Air', 'Fit 2 watch', 'fridge', 'soundbar'],
  hi: ['नोवा 5G फ़ोन', '55 इंच टीवी', 'लैपटॉप', 'वाशिंग मशीन', 'एसी', 'बड्स एयर', 'फ्रिज', 'स्मार्टवॉच'],
  'hi-Latn': ['Nova 5G', 'mobile', '43 inch tv', 'laptop', 'washing machine', 'AC', 'Buds Air', 'fridge', 'smartwatch', 'neckband'],
  ur: ['نووا 5G فون', 'ٹی وی', 'لیپ ٹاپ', 'واشنگ مشین', 'اے سی', 'فریج', 'ہیڈفون'],
  ne: ['नोभा 5G फोन', 'टिभी', 'ल्यापटप', 'वासिङ मेसिन', 'फ्रिज', 'एसी', 'स्मार्टवाच'],
};

export const CITIES: PerLanguage<string[]> = {
  en: ['Bengaluru', 'Pune', 'Chennai', 'Mumbai', 'Hyderabad', 'Kochi'],
  hi: ['लखनऊ', 'जयपुर', 'पटना', 'भोपाल', 'कानपुर'],
  'hi-Latn': ['Delhi', 'Noida', 'Gurgaon', 'Indore', 'Chandigarh', 'Ludhiana'],
  ur: ['لاہور', 'کراچی', 'اسلام آباد', 'فیصل آباد'],
  ne: ['काठमाडौं', 'पोखरा', 'ललितपुर', 'बिराटनगर'],
};

/** First messages: hello, or the question straight away. */
export const GREETINGS: PerLanguage<string[]> = {
  en: ['hi', 'hello', 'hey there', 'Hi, good morning', 'hello?'],
  hi: ['नमस्ते', 'हेलो', 'नमस्कार जी'],
  'hi-Latn': ['hii', 'hello ji', 'namaste', 'hlo', 'hi bhai'],
  ur: ['السلام علیکم', 'ہیلو', 'اسلام علیکم'],
  ne: ['नमस्ते', 'नमस्कार', 'हेलो दाइ'],
};

/** Questions per topic and language. */
export const QUESTIONS: Record<Topic, PerLanguage<string[]>> = {
  order_status: {
    en: ['where is my order {order}??', 'my {product} order still shows processing, whats going on', 'hi can u tell me status of order {order}', 'ordered a {product} last week, no update since'],
    hi: ['मेरा ऑर्डर {order} कहाँ पहुँचा?', 'मैंने {product} मंगवाया था, अभी तक कोई अपडेट नहीं आया', 'ऑर्डर {order} का स्टेटस बताइए'],
    'hi-Latn': ['mera order {order} kaha tak pahuncha', 'bhai {product} ka order kab aayega, koi update nhi hai', 'order status batao {order}', 'order kiya tha {product}, abhi tak dispatch nahi hua kya?'],
    ur: ['میرا آرڈر {order} کہاں ہے؟', 'میں نے {product} منگوایا تھا، ابھی تک کوئی خبر نہیں', 'آرڈر {order} کا اسٹیٹس بتا دیں'],
    ne: ['मेरो अर्डर {order} कहाँ पुग्यो?', '{product} अर्डर गरेको थिएँ, अझै केही खबर छैन', 'अर्डर {order} को स्थिति बताइदिनुस्'],
  },
  delivery_time: {
    en: ['how long does delivery take to {city}', 'when will my {product} be delivered', 'can i get it delivered by saturday?'],
    hi: ['{city} में डिलीवरी कितने दिन में होगी?', '{product} कब तक डिलीवर होगा?'],
    'hi-Latn': ['{city} me delivery kitne din me hogi', '{product} kab tak deliver hoga bhai', 'kal tak mil jayega kya?'],
    ur: ['{city} میں ڈیلیوری کتنے دن میں ہو گی؟', '{product} کب تک پہنچ جائے گا؟'],
    ne: ['{city} मा डेलिभरी कति दिनमा हुन्छ?', '{product} कहिले सम्म आइपुग्छ?'],
  },
  cancel_order: {
    en: ['i want to cancel order {order}', 'pls cancel my {product} order, ordered by mistake', 'how do i cancel? order no {order}'],
    hi: ['मुझे ऑर्डर {order} कैंसल करना है', 'गलती से {product} ऑर्डर हो गया, कैंसल कर दीजिए'],
    'hi-Latn': ['order {order} cancel karna hai', 'galti se {product} order ho gaya, cancel kar do plz', 'cancel kaise karu order?'],
    ur: ['مجھے آرڈر {order} کینسل کرنا ہے', 'غلطی سے {product} آرڈر ہو گیا، کینسل کر دیں'],
    ne: ['अर्डर {order} रद्द गर्नु छ', 'गल्तीले {product} अर्डर भयो, क्यान्सल गरिदिनुस्'],
  },
  refund_status: {
    en: ['refund for {order} not received yet', 'when will i get my money back? returned the {product} 10 days ago', 'still waiting for refund!!'],
    hi: ['{order} का रिफंड अभी तक नहीं आया', '{product} वापस किए दस दिन हो गए, पैसे कब आएंगे?'],
    'hi-Latn': ['refund kab aayega {order} ka', '{product} return kiye 10 din ho gaye, paise nahi aaye abhi tak', 'refund status?'],
    ur: ['{order} کا ریفنڈ ابھی تک نہیں آیا', '{product} واپس کیے دس دن ہو گئے، پیسے کب آئیں گے؟'],
    ne: ['{order} को पैसा फिर्ता अझै आएन', '{product} फिर्ता गरेको दस दिन भयो, पैसा कहिले आउँछ?'],
  },
  return_item: {
    en: ['the {product} i got is damaged, want to return it', 'can i return {product}? doesnt fit my needs', 'how many days do i have to return'],
    hi: ['{product} खराब निकला, वापस करना है', 'क्या मैं {product} लौटा सकता हूँ?'],
    'hi-Latn': ['{product} kharab aaya hai, return karna hai', 'return policy kya hai? {product} pasand nahi aaya', 'box damage tha, replace ho sakta hai?'],
    ur: ['{product} خراب نکلا، واپس کرنا ہے', 'کیا میں {product} واپس کر سکتا ہوں؟'],
    ne: ['{product} बिग्रिएको आयो, फिर्ता गर्नु छ', '{product} फिर्ता गर्न मिल्छ?'],
  },
  payment_failed: {
    en: ['payment failed but money got deducted', 'upi payment not going through for {order}', 'card declined twice, what to do'],
    hi: ['पेमेंट फेल हो गया पर पैसे कट गए', 'UPI से पेमेंट नहीं हो रहा'],
    'hi-Latn': ['payment fail ho gaya but paisa kat gaya', 'upi se payment nahi ho raha {order}', 'card se pay nahi ho raha bhai'],
    ur: ['پیمنٹ فیل ہو گئی لیکن پیسے کٹ گئے', 'کارڈ سے ادائیگی نہیں ہو رہی'],
    ne: ['भुक्तानी फेल भयो तर पैसा काटियो', 'कार्डबाट पेमेन्ट भएन'],
  },
  warranty: {
    en: ['is my {product} still under warranty?', 'how long is the warranty on {product}', 'warranty claim for {product}, bought in march'],
    hi: ['{product} की वारंटी कितनी है?', 'क्या मेरा {product} अभी वारंटी में है?'],
    'hi-Latn': ['{product} ki warranty kitni hai', 'warranty me hai kya mera {product}?', 'warranty claim karna hai'],
    ur: ['{product} کی وارنٹی کتنی ہے؟', 'کیا میرا {product} ابھی وارنٹی میں ہے؟'],
    ne: ['{product} को वारेन्टी कति हो?', 'मेरो {product} अझै वारेन्टीमा छ?'],
  },
  repair: {
    en: ['my {product} stopped working, need repair', '{product} screen flickering, can someone fix it', 'the {product} makes a loud noise since yesterday'],
    hi: ['मेरा {product} काम नहीं कर रहा, रिपेयर करवाना है', '{product} से आवाज़ आ रही है'],
    'hi-Latn': ['{product} kaam nahi kar raha, repair chahiye', '{product} ki screen me line aa rahi hai', 'mera {product} on hi nahi ho raha'],
    ur: ['میرا {product} کام نہیں کر رہا، مرمت کروانی ہے', '{product} سے عجیب آواز آ رہی ہے'],
    ne: ['मेरो {product} चल्दैन, मर्मत गर्नु छ', '{product} बाट आवाज आइरहेको छ'],
  },
  store_hours: {
    en: ['what time does the {city} store close', 'is your store open on sunday?', 'store near me in {city}?'],
    hi: ['{city} स्टोर कब तक खुला रहता है?', 'क्या रविवार को स्टोर खुला है?'],
    'hi-Latn': ['{city} wala store kitne baje band hota hai', 'sunday ko store khula hai kya', '{city} me store kaha hai'],
    ur: ['{city} والا اسٹور کب تک کھلا ہے؟', 'کیا اتوار کو اسٹور کھلا ہوتا ہے؟'],
    ne: ['{city} को स्टोर कति बजे बन्द हुन्छ?', 'आइतबार स्टोर खुल्छ?'],
  },
  invoice: {
    en: ['need the invoice for {order}', 'pls send gst bill for my {product}', 'where can i download invoice'],
    hi: ['{order} का बिल चाहिए', '{product} का इनवॉइस भेज दीजिए'],
    'hi-Latn': ['{order} ka bill chahiye', 'gst invoice bhej do {product} ka', 'invoice kaha milega'],
    ur: ['{order} کا بل چاہیے', '{product} کی انوائس بھیج دیں'],
    ne: ['{order} को बिल चाहियो', '{product} को इनभ्वाइस पठाइदिनुस्'],
  },
};

/** Asking for a person. */
export const PERSON_REQUESTS: PerLanguage<string[]> = {
  en: ['can i talk to a real person pls', 'i need to speak to an agent', 'connect me to customer care', 'agent please', 'let me talk to a human'],
  hi: ['मुझे किसी एजेंट से बात करनी है', 'कृपया किसी इंसान से बात कराइए', 'कस्टमर केयर से बात करनी है'],
  'hi-Latn': ['mujhe kisi insaan se baat karni hai', 'agent se baat karao plz', 'customer care se connect karo', 'bhai koi insaan hai kya'],
  ur: ['مجھے کسی نمائندے سے بات کرنی ہے', 'کسٹمر کیئر سے بات کروائیں', 'کسی انسان سے بات کرنی ہے'],
  ne: ['मलाई एजेन्टसँग कुरा गर्नु छ', 'कृपया मान्छेसँग कुरा गराइदिनुहोस्', 'कस्टमर केयरसँग कुरा गर्नु छ'],
};

/** An angry first message: the escalation policy hands these over before the bot answers. */
export const ANGRY: PerLanguage<string[]> = {
  en: ['this is ridiculous!! third time asking where my {product} is. worst service ever', 'absolutely pathetic, order {order} is 2 weeks late and nobody replies', 'i am so angry, you charged me twice for {order}!!!'],
  hi: ['बहुत घटिया सर्विस है, {order} अभी तक नहीं आया, मैं बहुत परेशान हूँ', 'बेकार सर्विस, तीसरी बार पूछ रहा हूँ {product} कहाँ है'],
  'hi-Latn': ['bakwas service hai yaar, {order} ka koi update nahi 😡', 'bahut ghatiya experience, {product} toota hua aaya aur koi sun nahi raha', 'kitni baar bolu, refund abhi tak nahi aaya, pagal bana rakha hai'],
  ur: ['انتہائی بری سروس ہے، {order} ابھی تک نہیں پہنچا، بہت پریشان ہوں', 'بکواس سروس، تیسری بار پوچھ رہا ہوں {product} کہاں ہے'],
  ne: ['कस्तो बेकार सेवा, {order} अझै आएन, धेरै रिस उठ्यो', 'तेस्रो पटक सोध्दै छु, {product} कहाँ छ? एकदम खराब सेवा'],
};

/** Giving the agent what they asked for. */
export const DETAILS: PerLanguage<string[]> = {
  en: ['order no is {order}', '{order}', 'its {order}, placed from {city}', 'ok, {order}. my number is the same as this one'],
  hi: ['ऑर्डर नंबर {order} है', '{order}', 'ऑर्डर {order}, {city} से'],
  'hi-Latn': ['{order} hai order no', 'ye raha {order}', 'order id {order}, {city} se kiya tha'],
  ur: ['آرڈر نمبر {order} ہے', '{order}', 'آرڈر {order}، {city} سے'],
  ne: ['अर्डर नम्बर {order} हो', '{order}', 'अर्डर {order}, {city} बाट'],
};

export const THANKS: PerLanguage<string[]> = {
  en: ['thanks', 'ok thank you', 'thx 👍', 'great, thanks a lot', 'ok'],
  hi: ['धन्यवाद', 'ठीक है, शुक्रिया', 'ठीक है जी'],
  'hi-Latn': ['thank u', 'ok thanks bhai', 'theek hai thanks', 'ok ji 👍'],
  ur: ['شکریہ', 'ٹھیک ہے، بہت شکریہ', 'جزاک اللہ'],
  ne: ['धन्यवाद', 'हुन्छ, धन्यवाद', 'ठिक छ'],
};

/** Agents' replies, in the customer's language. */
export const AGENT_GREETS: PerLanguage<string[]> = {
  en: ['Hi {name}, this is {agent} from Sargam. Sorry for the wait! Could you share your order number?', 'Hello {name}, {agent} here. I am checking this for you now; what is the order number?'],
  hi: ['नमस्ते {name} जी, मैं सरगम से {agent}। इंतज़ार के लिए माफ़ी। कृपया अपना ऑर्डर नंबर बताइए।', 'नमस्ते {name} जी, {agent} बोल रहे हैं। हम अभी देख रहे हैं, ऑर्डर नंबर भेज दीजिए।'],
  'hi-Latn': ['Hi {name} ji, main {agent}, Sargam se. Wait karne ke liye sorry! Order number bata dijiye?', 'Namaste {name} ji, {agent} here. Hum abhi check kar rahe hain, order no. share karenge?'],
  ur: ['السلام علیکم {name}، میں سرگم سے {agent} ہوں۔ انتظار کے لیے معذرت۔ براہ کرم اپنا آرڈر نمبر بتائیں۔', 'السلام علیکم {name}، {agent} بات کر رہی ہوں۔ ہم ابھی دیکھ رہے ہیں، آرڈر نمبر بھیج دیں۔'],
  ne: ['नमस्ते {name} जी, म सरगमबाट {agent}। पर्खाउनुभएकोमा माफ गर्नुहोस्। कृपया अर्डर नम्बर पठाउनुहोस्।', 'नमस्ते {name} जी, {agent} बोल्दै। हामी अहिले हेर्दै छौं, अर्डर नम्बर दिनुहोस् न।'],
};

export const AGENT_FIXES: PerLanguage<string[]> = {
  en: [
    'Thanks! {order} left our warehouse today and will reach you by Thursday. You will get the courier details by SMS.',
    'Done: I have raised the refund for {order}. It reaches your account in 5–7 working days.',
    'I have booked a technician visit for tomorrow between 10 am and 1 pm. They will call before coming.',
    'I have cancelled {order}; the amount goes back to your original payment method.',
  ],
  hi: [
    'धन्यवाद! {order} आज गोदाम से निकल गया है और गुरुवार तक पहुँच जाएगा। कूरियर की जानकारी SMS से मिलेगी।',
    'आपके {order} का रिफंड शुरू कर दिया गया है, 5–7 कामकाजी दिनों में खाते में आ जाएगा।',
    'कल सुबह 10 से 1 बजे के बीच टेक्नीशियन आएंगे, आने से पहले फ़ोन करेंगे।',
  ],
  'hi-Latn': [
    'Thank you! {order} aaj warehouse se nikal gaya hai, Thursday tak pahunch jayega. Courier details SMS pe aa jayengi.',
    'Aapke {order} ka refund initiate kar diya hai, 5-7 working days me account me aa jayega.',
    'Kal 10 se 1 baje ke beech technician aayenge, aane se pehle call karenge.',
    '{order} cancel kar diya hai, paise original payment method me wapas aa jayenge.',
  ],
  ur: [
    'شکریہ! {order} آج گودام سے روانہ ہو گیا ہے اور جمعرات تک پہنچ جائے گا۔ کورئیر کی تفصیل SMS پر ملے گی۔',
    'آپ کے {order} کا ریفنڈ شروع کر دیا گیا ہے، 5 سے 7 کاروباری دنوں میں اکاؤنٹ میں آ جائے گا۔',
    'کل صبح 10 سے 1 بجے کے درمیان ٹیکنیشن آئیں گے، آنے سے پہلے فون کریں گے۔',
  ],
  ne: [
    'धन्यवाद! {order} आज गोदामबाट निस्कियो, बिहीबार सम्म आइपुग्छ। कुरियरको विवरण SMS मा आउँछ।',
    'तपाईंको {order} को पैसा फिर्ता प्रक्रिया सुरु भयो, ५–७ कार्य दिनमा खातामा आउँछ।',
    'भोलि बिहान १० देखि १ बजे भित्र प्राविधिक आउनुहुन्छ, आउनु अघि फोन गर्नुहुन्छ।',
  ],
};

/** Private notes agents leave for each other (English, the desk's working language). */
export const AGENT_NOTES = ['Customer asked twice already; prioritise.', 'Courier confirmed pickup, waiting on the tracking id.', 'Refund approved by finance.', 'Checked with the warehouse: shipped yesterday.'];

/** CSAT answers typed instead of tapped (the rest tap the survey's buttons). */
export const CSAT_TYPED: Record<'high' | 'mid' | 'low', PerLanguage<string[]>> = {
  high: {
    en: ['5', '5 - very helpful, thanks!', '⭐⭐⭐⭐⭐', '4'],
    hi: ['5', '५', '5 - बहुत अच्छी मदद'],
    'hi-Latn': ['5', 'paanch', '5 - bahut badhiya', '4 thik tha'],
    ur: ['5', 'پانچ', '5 - بہت اچھی سروس'],
    ne: ['5', '५', '5 - धेरै राम्रो'],
  },
  mid: { en: ['3'], hi: ['3'], 'hi-Latn': ['teen'], ur: ['3'], ne: ['३'] },
  low: {
    en: ['2 - took too long', '1', '1 - nobody answered for hours'],
    hi: ['2 - बहुत देर लगी', '1'],
    'hi-Latn': ['1 bahut late reply', '2'],
    ur: ['2 - بہت دیر لگی', '1'],
    ne: ['2 - धेरै ढिलो', '1'],
  },
};

/** Why they gave that NPS score. */
export const NPS_WHY: PerLanguage<string[]> = {
  en: ['fast delivery and good prices', 'support took too long', 'the app is easy'],
  hi: ['डिलीवरी जल्दी हुई', 'सर्विस धीमी थी'],
  'hi-Latn': ['delivery fast thi', 'support slow tha', 'price achha hai'],
  ur: ['ڈیلیوری جلدی ہوئی', 'سروس سست تھی'],
  ne: ['डेलिभरी छिटो भयो', 'सेवा ढिलो थियो'],
};

/** Replaces {key} with its value; an unknown key stays as written. */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}
