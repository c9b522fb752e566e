/**
 * Base URLs of the two Twilio REST domains Baton calls. Both follow TWILIO_API_URL, so a fake or a proxy
 * configured there receives every call (protocols.md: `client.api.baseUrl` points messages.create at it).
 */

/** The Messaging domain (typing indicators): `api.*.twilio.com` → `messaging.*.twilio.com`; any other host is used as is. */
export function messagingBaseUrl(apiUrl: string): string {
  const url = new URL(apiUrl);
  const host = url.hostname.toLowerCase();
  if (host.startsWith('api.') && (host === 'api.twilio.com' || host.endsWith('.twilio.com'))) {
    url.hostname = `messaging.${host.slice('api.'.length)}`;
  }
  return url.toString().replace(/\/+$/, '');
}
