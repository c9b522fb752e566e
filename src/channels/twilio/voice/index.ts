export { callerLanguage } from './callerLanguage';
export { goodbyeTwiml, offerTwiml, xmlEscape, type DeflectionOutcome } from './twiml';
export { createVoiceRouter, type CallDeflector, type VoiceRouterDeps } from './voiceRouter';
export { VOICE_TEXTS, voiceTextsFor, type VoiceTexts } from './voiceTexts';
