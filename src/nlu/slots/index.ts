export { extractSlots, findSlotValues, MAX_SLOT_TEXT_LENGTH } from './extractSlots';
export type { NamedSlotMatch, SlotExtractionOptions } from './extractSlots';
export { slotPatternProblem } from './findByPattern';
export { DEFAULT_ORDER_PREFIX } from './findOrderNumbers';
export { toAsciiDigits } from './digits';
export { isKnownTimeZone } from './findDates';
