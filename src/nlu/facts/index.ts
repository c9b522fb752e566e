export { extractFacts, factKey, DEFAULT_PHONE_REGION } from './extractFacts';
export { compileProductIndex, findProductFacts, foldPhrase, productIndexOf, type ProductIndex } from './products';
export { isPhoneRegion, phoneRegionOfAddress } from './phones';
export { FACT_KINDS, MAX_FACT_TEXT_LENGTH, MAX_FACTS_PER_KIND, MAX_FACTS_PER_MESSAGE } from './types';
export type { FactCandidate, FactContext, FactKind, Span } from './types';
