import type { Page, WebSocketRoute } from '@playwright/test';

/**
 * Puts the page's realtime socket behind a switch: `cut()` drops the connection and refuses
 * reconnects until `restore()`. The server is real; only the network path is interrupted.
 */
export async function controlRealtimeSocket(page: Page) {
  let blocked = false;
  const open = new Set<WebSocketRoute>();
  await page.routeWebSocket(/\/api\/realtime$/, (ws) => {
    if (blocked) return void ws.close({ code: 1006, reason: 'network down (test)' }).catch(() => {});
    ws.connectToServer();
    open.add(ws);
    ws.onClose(() => open.delete(ws));
  });
  return {
    async cut() {
      blocked = true;
      for (const ws of open) await ws.close({ code: 1006, reason: 'network down (test)' }).catch(() => {});
      open.clear();
    },
    restore() {
      blocked = false;
    },
  };
}
