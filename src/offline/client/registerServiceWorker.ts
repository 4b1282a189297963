/**
 * Registers the site's service worker (`<base>sw.js`, scope `<base>`) and asks it to keep the page being read
 * for offline reading, with its other variants and every variant's search. Runs from an external module
 * script (the Content-Security-Policy allows no inline script). Offline reading is an enhancement: without
 * service workers, or when anything fails, the page works as before.
 *
 * When the worker has stored what it was asked to, `<html>` gets `data-offline="ready"` (or `"partial"`).
 */
export function registerServiceWorker(base: string): void {
  // Offline, there is nothing to register or fetch: the worker that served this page is already in charge.
  if (!('serviceWorker' in navigator) || !navigator.onLine) return;
  const start = () => {
    keepPageOffline(base).catch(() => {
      document.documentElement.dataset['offline'] = 'unavailable';
    });
  };
  if (document.readyState === 'complete') start();
  else window.addEventListener('load', start, { once: true });
}

async function keepPageOffline(base: string): Promise<void> {
  await navigator.serviceWorker.register(`${base}sw.js`, { scope: base });
  // A page shown in place of another (the 404 page, the offline page for an uncached URL) has a canonical
  // URL that is not its address: there is nothing there worth keeping.
  if (!isOwnAddress(document, location)) return;
  const { active } = await navigator.serviceWorker.ready;
  if (!active) return;
  const channel = new MessageChannel();
  const reply = new Promise<{ ok?: boolean }>((resolve) => {
    channel.port1.onmessage = (event) => resolve(event.data as { ok?: boolean });
  });
  // With Data Saver on, only pages are kept: a large site's search index is megabytes.
  const saveData = (navigator as Navigator & { connection?: { saveData?: boolean } }).connection?.saveData === true;
  active.postMessage({ type: 'visited', url: location.href, search: !saveData }, [channel.port2]);
  const result = await reply;
  document.documentElement.dataset['offline'] = result.ok ? 'ready' : 'partial';
}

/** Whether the page's canonical link names the address it was loaded from. */
export function isOwnAddress(document: Pick<Document, 'querySelector'>, location: Pick<Location, 'pathname'>): boolean {
  const canonical = document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href;
  return canonical !== undefined && new URL(canonical).pathname === location.pathname;
}
