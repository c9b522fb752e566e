export * from './types';
export { RedisCustomerStore, type CustomerStoreOptions } from './redisCustomerStore';
export { LinkVerification, type ConfirmOutcome, type LinkVerificationOptions, type SendCode, type StartVerificationInput } from './linkVerification';
export { suggestLinks, findContactClaims } from './suggestLinks';
export { customerView } from './customerView';
export { createCustomerRouter, type CustomerRouterDeps } from './router';
export { createIdentityPort, type IdentityPortDeps } from './identityPort';
export { verificationCodeText, linkedText, wrongCodeText, lockedText, linkMessageLanguage } from './messages';
export { isVipBy } from './isVip';
