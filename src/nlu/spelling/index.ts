export { expandSmsSpelling, SMS_SPELLINGS } from './smsSpelling';
