import { tellsAddress } from '../../../../src/bot/dialogue/tellsAddress';
import { useDemoEngine } from './engineHarness';

describe('tellsAddress', () => {
  it.each(['its 4th floor, Orion Tower, Bandra', 'flat 302, sector 21', 'गली नंबर 4, शिव नगर', 'makan no 12, gali 3', 'فلیٹ 5، بلاک سی', 'near shiv nagar colony'])(
    'reads "%s" as an address told',
    (text) => {
      expect(tellsAddress(text)).toBe(true);
    },
  );

  it.each(['who won the match yesterday', 'my card got blocked', 'its been 10 days', 'the tower fan is not working'])('does not read "%s" as an address', (text) => {
    expect(tellsAddress(text)).toBe(false);
  });
});

describe('DialogueEngine with the demo catalog: an address told after an answer that offers a person', () => {
  const { play } = useDemoEngine();

  it('hands the new address to a colleague after the address-change answer', async () => {
    const result = await play('can i get the parcel delivered to my office instead, order SG-118230', 'its 4th floor, Orion Tower, Bandra');
    expect(result.signals.map((s) => s.type)).toContain('handoff_intent');
  });
});
