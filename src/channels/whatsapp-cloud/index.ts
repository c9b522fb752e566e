export { parseWhatsAppCloudWebhook, cloudAddress, cloudRecipient } from './parseWebhook';
export { createWhatsAppCloudSender, planCloudMessages, CLOUD_MAX_TEXT_CHARS, type WhatsAppCloudSenderOptions } from './sender';
export { createWhatsAppCloudRouter, type WhatsAppCloudRouterDeps } from './router';
export { createMediaLookup, resolveMedia } from './resolveMedia';
export { interactiveFor } from './interactive';
export { CLOUD_ERROR, RETRYABLE_CLOUD_CODES } from './errorCodes';
