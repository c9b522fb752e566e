export { callFulfillment, MAX_REPLY_BYTES } from './callFulfillment';
export type { Fulfill, FulfillmentFailure, FulfillmentOptions, FulfillmentOutcome, FulfillmentRequest } from './callFulfillment';
export { fulfillmentReplySchema } from './fulfillmentReply';
export type { FulfillmentReply } from './fulfillmentReply';
export { SIGNATURE_HEADER, signFulfillmentBody, TIMESTAMP_HEADER } from './signRequest';
