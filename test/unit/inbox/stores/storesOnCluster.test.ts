import { describeWithRedisCluster, useRedisCluster } from '../../../support/redisServers';
import { agentStoreContract } from './agentStore.contract';
import { eventBusContract } from './eventBus.contract';
import { clusterHarness } from './harness';
import { sessionStoreContract } from './sessionStore.contract';
import { auditLogContract, cannedAnswerStoreContract, followUpStoreContract, loginLimiterContract, teamStoreContract } from './smallStores.contract';

/** The inbox stores' contracts on a 6-node Redis Cluster: a MULTI, script or MGET across two slots fails with CROSSSLOT. */
describeWithRedisCluster('inbox stores on a Redis Cluster', () => {
  const harness = clusterHarness(useRedisCluster());
  describe('AgentStore', () => agentStoreContract(harness));
  describe('SessionStore', () => sessionStoreContract(harness));
  describe('TeamStore', () => teamStoreContract(harness));
  describe('CannedAnswerStore', () => cannedAnswerStoreContract(harness));
  describe('RedisAuditLog', () => auditLogContract(harness));
  describe('FollowUpStore', () => followUpStoreContract(harness));
  describe('LoginLimiter', () => loginLimiterContract(harness));
  describe('RedisEventBus', () => eventBusContract(harness));
});
