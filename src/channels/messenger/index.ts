export { verifyMessengerSignature, signMessengerBody, SIGNATURE_HEADER, type SignatureCheck } from './verifySignature';
export { verifyMessengerChallenge, type ChallengeCheck } from './verifyChallenge';
export { parseMessengerWebhook, PAGE_INBOX_APP_ID, type IgnoredNote } from './parseWebhook';
export { OWN_METADATA_PREFIX, ownMetadata, isOwnMetadata } from './ownMetadata';
export { createMessengerSender, appSecretProof, graphErrorToSendError, RETRYABLE_GRAPH_CODES, type MessengerSenderOptions } from './sender';
export { attachmentsToMedia } from './attachmentMedia';
export { attachmentTypeForUrl } from './attachmentType';
export { toMessengerQuickReplies, truncateTitle, MAX_QUICK_REPLIES } from './quickReplies';
export { createMessengerRouter, type MessengerRouterDeps } from './router';
