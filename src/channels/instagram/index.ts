export { parseInstagramWebhook } from './parseWebhook';
export { createInstagramSender, planInstagramMessages, INSTAGRAM_MAX_TEXT_CHARS, type InstagramSenderOptions } from './sender';
export { createInstagramRouter, type InstagramRouterDeps } from './router';
