import { signalTypes, useDemoEngine } from './engineHarness';

/**
 * "sorry typo, it's SG-264801", "सॉरी, गलत नंबर लिख दिया, SG-264801 है", "sorry galti bhayo, SG-640281
 * ho" after an answer: the customer puts right a value they gave. The answer that took the value is
 * given again about the corrected one; an answer that did not depend on it is not repeated.
 */
const { play } = useDemoEngine();

const answered = (result: Awaited<ReturnType<typeof play>>) =>
  result.signals.filter((s) => s.type === 'answered').map((s) => (s as { intent: string }).intent);

describe('DialogueEngine with the demo catalog: a value put right after an answer', () => {
  it('answers the cancellation again about the order number corrected in Hindi', async () => {
    const result = await play('मेरा ऑर्डर कैंसल करना है SG-264810', 'सॉरी, गलत नंबर लिख दिया, SG-264801 है');
    expect(answered(result)).toEqual(['cancel_order']);
    expect(result.state.slots.order_number).toBe('SG-264801');
  });

  it('answers the order status again about the number corrected in romanised Nepali', async () => {
    const result = await play('mero order SG-640218 kaha pugyo?', 'sorry galti bhayo, SG-640281 ho');
    expect(answered(result)).toEqual(['order_status']);
    expect(result.state.slots.order_number).toBe('SG-640281');
  });

  it('answers the question asked about the corrected number, not the order status a bare number means', async () => {
    const result = await play('how do i cancel SG-264810', 'sorry wrong number, SG-264801');
    expect(answered(result)).toEqual(['cancel_order']);
  });

  it('acknowledges a number put right after an answer that does not depend on it', async () => {
    const result = await play('मुझे ऑर्डर SG-264810 का बिल चाहिए', 'सॉरी, गलत नंबर लिख दिया, SG-264801 है');
    expect(answered(result)).toEqual([]);
    expect(signalTypes(result)).toEqual(['act']);
    expect(result.state.slots.order_number).toBe('SG-264801');
  });

  it('reads an apology and a number with nothing answered before as the number alone', async () => {
    const result = await play('sorry, SG-264801');
    expect(answered(result)).toEqual(['order_status']);
  });

  it('reads a number handed over with "है" as the number alone', async () => {
    const result = await play('SG-118204 है');
    expect(answered(result)).toEqual(['order_status']);
  });
});
