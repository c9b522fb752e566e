export { DialogueEngine, MAX_TURN_TEXT_LENGTH } from './dialogueEngine';
export type { DialogueEngineDeps, DialogueReply, TurnInput, TurnResult } from './dialogueEngine';
export type { DialogueSignal } from './dialogueSignal';
export { appendBounded, dialogueStateSchema, initialDialogueState, parseDialogueState, serializeDialogueState, STATE_HISTORY_LENGTH } from './dialogueState';
export type { DialogueState } from './dialogueState';
