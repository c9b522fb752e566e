export { buildHandoffPacket, collapseRepeats, PACKET_ANSWERS, PACKET_HISTORY, type PacketFacts } from './buildPacket';
export { summarise, SUMMARY_MAX_LENGTH, type SummaryFacts } from './summarise';
