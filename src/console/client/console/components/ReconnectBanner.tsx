export function ReconnectBanner() {
  return (
    <div class="banner banner--warn" role="status" aria-live="polite" data-testid="reconnect-banner">
      Reconnecting… Live updates are paused; the lists refresh as soon as the connection is back.
    </div>
  );
}
