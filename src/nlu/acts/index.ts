export { mainAct, readActs } from './readActs';
export { actToken, tokenize } from './actToken';
export type { Token } from './actToken';
export type { ActKind, ActReading } from './types';
