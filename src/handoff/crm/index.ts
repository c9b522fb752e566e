export { callCrm, type CrmCallOptions, type CrmOutcome, type CrmRequest } from './callCrm';
export { CrmEnrichment, type CrmEnrichmentOptions, type CrmSnapshot } from './crmEnrichment';
export { crmIdentifiers, type CrmIdentifiers } from './crmIdentifiers';
export { crmAnswerSchema, crmRecordSchema, type CrmAnswer, type CrmRecord } from './crmRecord';
