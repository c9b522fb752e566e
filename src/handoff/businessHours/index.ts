export { asksAboutWait } from './asksAboutWait';
export { describeOpening } from './describeOpening';
export { isOpen, nextOpening } from './openingHours';
export { estimateWait, queueMessage, type QueueMessageInput, type WaitEstimateInput } from './queue';
