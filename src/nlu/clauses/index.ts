export { announcesQuestions, MAX_CLAUSES, MIN_CLAUSE_WORDS, serialVerbsAsPurpose, splitClauses } from './splitClauses';
export type { Clause } from './splitClauses';
export { asksQuestion, asksWhere, bearsQuestion } from './questionWords';
export { peelPoliteWrappers, POLITE_WRAPPERS } from './politeWrappers';
export { findReferringWord, MAX_REFERENTS, referentCandidates, REFERRING_WORDS, resolveReference } from './referringWords';
export { MAX_WITHDRAWAL_WORDS, withdrawsRequest } from './withdrawals';
export { tellsPast } from './pastWords';
export { withoutReason } from './reasons';
