import { describeWithRedis } from '../../../support/redis';
import { agentStoreContract } from './agentStore.contract';
import { eventBusContract } from './eventBus.contract';
import { realHarness } from './harness';
import { sessionStoreContract } from './sessionStore.contract';
import { auditLogContract, cannedAnswerStoreContract, followUpStoreContract, loginLimiterContract, teamStoreContract } from './smallStores.contract';

describeWithRedis('inbox stores on a real Redis server', () => {
  describe('AgentStore', () => agentStoreContract(realHarness));
  describe('SessionStore', () => sessionStoreContract(realHarness));
  describe('TeamStore', () => teamStoreContract(realHarness));
  describe('CannedAnswerStore', () => cannedAnswerStoreContract(realHarness));
  describe('RedisAuditLog', () => auditLogContract(realHarness));
  describe('FollowUpStore', () => followUpStoreContract(realHarness));
  describe('LoginLimiter', () => loginLimiterContract(realHarness));
  describe('RedisEventBus', () => eventBusContract(realHarness));
});
