import { conversation, makeEngine, say, textsOf } from './engineHarness';

const VOICE_NOTE_EN = 'Sorry, I can\'t listen to voice notes yet. Could you type your question? To talk to a person, write "agent".';

describe('DialogueEngine: a message that is only a photo, voice note or sticker', () => {
  it('asks for a voice note in writing, without counting a misunderstanding', async () => {
    const result = await say(makeEngine(), { media: ['audio'] });
    expect(textsOf(result)).toEqual([VOICE_NOTE_EN]);
    expect(result.state.misunderstandings).toBe(0);
    expect(result.signals).toEqual([{ type: 'media_only', kinds: ['audio'] }]);
  });

  it('keeps the question the bot asked open across a voice note', async () => {
    const [, voice, answer] = await conversation(makeEngine(), ['where is my order', { media: ['audio'] }, 'SG-482913']);
    expect(voice!.state.pending).toEqual({ intent: 'order_status', slot: 'order_number' });
    expect(textsOf(answer!)).toEqual(['[en] Order SG-482913 is on its way.']);
  });

  it('says a photo is kept for the team, in the conversation\'s language', async () => {
    const result = await say(makeEngine(), 'मेरा ऑर्डर कहाँ है', { media: ['image'] });
    expect(textsOf(result)).toEqual(['धन्यवाद, यह आपकी बातचीत में जुड़ गया है, हमारी टीम इसे देख सकती है। बताइए, मैं क्या मदद कर सकता हूँ?']);
  });

  it('acknowledges a sticker like an emoji', async () => {
    const result = await say(makeEngine(), { media: ['sticker'] });
    expect(result.signals).toEqual([{ type: 'act', act: 'emoji' }]);
  });

  it('reads the words of a photo that came with a caption, not the photo', async () => {
    const result = await say(makeEngine(), { text: 'where is my order SG-482913', media: ['image'] });
    expect(textsOf(result)).toEqual(['[en] Order SG-482913 is on its way.']);
  });
});
