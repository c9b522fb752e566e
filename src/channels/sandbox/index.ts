export { createSandboxRouter, sandboxMessageSchema } from './router';
export { createSandboxSender } from './sandboxSender';
