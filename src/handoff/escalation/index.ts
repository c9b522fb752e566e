export { asksForPerson } from './detectPersonRequest';
export { decideEscalation, REASON_PRECEDENCE, type EscalationInput } from './decideEscalation';
export { PERSON_REQUEST_LEXICONS, type PersonRequestLexicon } from './personRequestLexicon';
