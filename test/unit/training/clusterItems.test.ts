import { clusterItems } from '../../../src/training/clusterItems';

const item = (id: string, text: string, lang = 'en') => ({ id, text, lang });

describe('clusterItems', () => {
  it('groups messages whose words overlap and leaves unrelated ones out', () => {
    const clusters = clusterItems([
      item('a', 'can you gift pack it nicely for a birthday'),
      item('b', 'do you have a loyalty points scheme'),
      item('c', 'can you wrap it as a birthday gift'),
      item('d', 'gift pack karke bhej sakte ho', 'hi-Latn'),
    ]);
    expect(clusters).toHaveLength(1);
    expect(clusters[0]!.itemIds).toEqual(['a', 'c']);
    expect(clusters[0]!.sharedWords).toEqual(expect.arrayContaining(['birthday', 'gift']));
  });

  it('joins chains of similar messages into one cluster (single link)', () => {
    const clusters = clusterItems([item('a', 'old phone exchange offer'), item('b', 'phone exchange offer today'), item('c', 'exchange offer today only please')]);
    expect(clusters.map((c) => c.itemIds)).toEqual([['a', 'b', 'c']]);
  });

  it('finds no cluster among messages with nothing in common', () => {
    expect(clusterItems([item('a', 'where is my parcel'), item('b', 'store timings sunday')])).toEqual([]);
  });
});
