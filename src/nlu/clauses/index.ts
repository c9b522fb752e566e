export { MAX_CLAUSES, MIN_CLAUSE_WORDS, splitClauses } from './splitClauses';
export type { Clause } from './splitClauses';
export { bearsQuestion } from './questionWords';
