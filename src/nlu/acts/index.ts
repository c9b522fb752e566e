export { mainAct, readActs } from './readActs';
export { opensWithCorrection } from './correction';
export { actToken, tokenize } from './actToken';
export type { Token } from './actToken';
export type { ActKind, ActReading } from './types';
