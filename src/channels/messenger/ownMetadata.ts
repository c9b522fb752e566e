/**
 * Every message Baton sends on Messenger carries `metadata: "baton:<messageId>"`; Meta hands it back
 * on the echo, which is how our own sends are told apart from a human typing in Page Inbox.
 */
export const OWN_METADATA_PREFIX = 'baton:';

export function ownMetadata(messageId: string): string {
  return `${OWN_METADATA_PREFIX}${messageId}`;
}

export function isOwnMetadata(metadata: string | undefined): boolean {
  return metadata !== undefined && metadata.startsWith(OWN_METADATA_PREFIX);
}
