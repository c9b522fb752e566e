import { asksAboutWait } from '../../../../src/handoff/businessHours';

describe('a waiting customer asks about the wait', () => {
  test.each([
    ['English', 'how long will this take?'],
    ['English, a nudge', 'hello??'],
    ['English, SMS spelling', 'is any one there'],
    ['English, impatient', 'been waiting 20 min, whats taking so long'],
    ['Hinglish', 'koi hai? kitna time lagega'],
    ['Hinglish, a nudge', 'hello ji'],
    ['Hindi', 'कितनी देर लगेगी?'],
    ['Hindi, anyone there', 'कोई है?'],
    ['Urdu', 'کتنی دیر لگے گی؟'],
    ['Urdu, anyone there', 'کوئی ہے؟'],
    ['Nepali', 'कति समय लाग्छ?'],
    ['Nepali, still waiting', 'म धेरै बेरदेखि पर्खिरहेको छु'],
    ['romanised Nepali', 'kohi xa?'],
    ['only question marks', '???'],
  ])('%s: "%s"', (_lang, text) => {
    expect(asksAboutWait(text)).toBe(true);
  });
});

describe('a waiting customer writes something for the agent', () => {
  test.each([
    ['details', 'my order is SG-482913 and the screen is cracked'],
    ['an acknowledgement', 'ok thanks'],
    ['Hinglish details', 'mera email priya@example.com hai'],
    ['Hindi details', 'मेरा ऑर्डर नंबर SG-482913 है'],
    ['Urdu details', 'میرا آرڈر نمبر SG-482913 ہے'],
    ['Nepali details', 'मेरो अर्डर नम्बर SG-482913 हो'],
    ['an emoji', '👍'],
  ])('%s: "%s" is not asking about the wait', (_what, text) => {
    expect(asksAboutWait(text)).toBe(false);
  });
});
