import { agentStoreContract } from './agentStore.contract';
import { eventBusContract } from './eventBus.contract';
import { memoryHarness } from './harness';
import { sessionStoreContract } from './sessionStore.contract';
import { auditLogContract, cannedAnswerStoreContract, followUpStoreContract, loginLimiterContract, teamStoreContract } from './smallStores.contract';

describe('inbox stores on the embedded store (ioredis-mock)', () => {
  describe('AgentStore', () => agentStoreContract(memoryHarness));
  describe('SessionStore', () => sessionStoreContract(memoryHarness));
  describe('TeamStore', () => teamStoreContract(memoryHarness));
  describe('CannedAnswerStore', () => cannedAnswerStoreContract(memoryHarness));
  describe('RedisAuditLog', () => auditLogContract(memoryHarness));
  describe('FollowUpStore', () => followUpStoreContract(memoryHarness));
  describe('LoginLimiter', () => loginLimiterContract(memoryHarness));
  describe('RedisEventBus', () => eventBusContract(memoryHarness));
});
