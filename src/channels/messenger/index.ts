export { verifyMessengerSignature, signMessengerBody, SIGNATURE_HEADER, type SignatureCheck } from './verifySignature';
export { verifyMessengerChallenge, type ChallengeCheck } from './verifyChallenge';
export { parseMessengerWebhook, PAGE_INBOX_APP_ID, type IgnoredNote } from './parseWebhook';
export { OWN_METADATA_PREFIX, ownMetadata, isOwnMetadata } from './ownMetadata';
export { createMessengerSender, appSecretProof, graphErrorToSendError, type MessengerSenderOptions } from './sender';
export { createMessengerRouter, type MessengerRouterDeps } from './router';
