import { packIndexMember, unpackIndexMember } from '../../../../src/inbox/search/indexMember';
import { newId } from '../../../../src/conversations/redisConversationStore';

describe('a conversation id as a search index member', () => {
  test('an id as newId writes it is kept in 14 characters and reads back whole', () => {
    for (let i = 0; i < 200; i++) {
      const id = newId('c');
      const member = packIndexMember(id);
      expect(member).toHaveLength(14);
      expect(unpackIndexMember(member)).toBe(id);
    }
  });

  test('the smallest and largest times and randomness read back whole', () => {
    for (const id of ['c_0_0000000000', 'c_zzzzzzzz_ffffffffff', 'c_1_00000000ff']) expect(unpackIndexMember(packIndexMember(id))).toBe(id);
  });

  test('any other id is kept as it is', () => {
    for (const id of ['c1', 'c_00a_0000000000', 'c_mxcf6xad_FC70EF5FEF', 'cu_mxcf6xad_fc70ef5fef', 'c_mxcf6xad_fc70ef5fe']) {
      expect(packIndexMember(id)).toBe(id);
      expect(unpackIndexMember(id)).toBe(id);
    }
  });

  test('a packed member never starts like an id', () => {
    for (let i = 0; i < 200; i++) expect(packIndexMember(newId('c'))).toMatch(/^[^A-Za-z0-9_-]/);
  });
});
