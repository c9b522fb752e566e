export { asksWhatToDo, STEM_LENGTH, wordSupportFor } from './wordSupport';
export type { SupportCount, WordSupport } from './wordSupport';
