import { createRandom } from '../../../../src/nlu/classifier/prng';

function firstFour(seed: number): number[] {
  const random = createRandom(seed);
  return [random(), random(), random(), random()];
}

describe('createRandom', () => {
  it('gives the mulberry32 sequence of its seed, so trained models stay the same across releases', () => {
    expect(firstFour(17)).toEqual([0.6771502960473299, 0.19265692122280598, 0.5313839064911008, 0.1654723146930337]);
    expect(firstFour(4242)).toEqual([0.5467061335220933, 0.27860878920182586, 0.9312369171530008, 0.5072224664036185]);
  });

  it('wraps its state past 2^32 as mulberry32 does', () => {
    expect(firstFour(0xfffffff0)).toEqual([0.8736195750534534, 0.6622341722249985, 0.8231762400828302, 0.57479074341245]);
  });

  it('reads a negative seed as the unsigned 32-bit number it stands for', () => {
    expect(firstFour(-5)).toEqual([0.48384718922898173, 0.05296749505214393, 0.9390332337934524, 0.7963776015676558]);
  });
});
