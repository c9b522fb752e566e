/** Hints for the person playing the customer: the bot detects the language itself. */
export interface LanguageHint {
  tag: string;
  label: string;
  rtl: boolean;
  samples: string[];
}

export const LANGUAGE_HINTS: LanguageHint[] = [
  { tag: 'en', label: 'English', rtl: false, samples: ['Where is my order?', 'What is your return policy?', 'I want to talk to a person'] },
  { tag: 'hi', label: 'हिन्दी (Hindi)', rtl: false, samples: ['मेरा ऑर्डर कहाँ है?', 'रिफंड कैसे मिलेगा?', 'मुझे किसी इंसान से बात करनी है'] },
  { tag: 'hi-Latn', label: 'Hinglish', rtl: false, samples: ['mera order kahan hai?', 'refund kaise milega?', 'insaan se baat karni hai'] },
  { tag: 'ur', label: 'اردو (Urdu)', rtl: true, samples: ['میرا آرڈر کہاں ہے؟', 'ریفنڈ کیسے ملے گا؟', 'مجھے نمائندے سے بات کرنی ہے'] },
  { tag: 'ne', label: 'नेपाली (Nepali)', rtl: false, samples: ['मेरो अर्डर कहाँ छ?', 'फिर्ता कसरी पाउने?', 'मलाई मान्छेसँग कुरा गर्नु छ'] },
];
