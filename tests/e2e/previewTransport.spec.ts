import { expect, test } from '@playwright/test';
import { connect } from 'node:net';
import { freePort, OwnPreviewServer } from './previewServer.js';

/** Sends a raw request line, as a hostile or broken client would, and returns the status and body. */
function rawRequest(port: number, target: string, token = ''): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => {
      const auth = token ? `X-Claimdesk-Token: ${token}\r\n` : '';
      socket.write(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n${auth}Connection: close\r\n\r\n`);
    });
    let data = '';
    socket.on('data', (chunk) => (data += chunk.toString()));
    socket.on('error', reject);
    socket.on('close', () => {
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(data)?.[1] ?? 0);
      resolve({ status, body: data.slice(data.indexOf('\r\n\r\n') + 4) });
    });
  });
}

test.describe('the preview transport', () => {
  let server: OwnPreviewServer;
  test.beforeEach(async () => {
    server = new OwnPreviewServer(await freePort());
    await server.start();
  });
  test.afterEach(async () => {
    await server.stop();
  });

  test('answers a malformed URL with 400 and no stack trace', async () => {
    const index = await rawRequest(server.port, '/');
    const token = /name="claimdesk-api-token" content="([^"]+)"/.exec(index.body)?.[1] ?? '';
    expect(token).not.toBe('');
    for (const target of ['/%E0%A4%A', '/api/%E0%A4%A', '/assets/%', '//evil.example/x', '/api/app%3Ainfo%ZZ']) {
      const answer = await rawRequest(server.port, target, token);
      expect(answer.status, target).toBe(400);
      expect(answer.body, target).not.toMatch(/\bat .+:\d+:\d+|URIError|TypeError/);
    }
    // The server is still up, and logged no stack trace for any of it.
    expect((await rawRequest(server.port, '/')).status).toBe(200);
    expect(server.output).not.toMatch(/\n\s+at |URIError|HTTP transport failed/);
  });

  test('a page left open across a server restart reconnects instead of failing with the old token', async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(server.url);
    await expect(page.locator('body[data-app-state="ready"]')).toBeAttached();
    const menu = page.getByRole('menubar', { name: 'Application menu' });

    await menu.getByRole('menuitem', { name: 'Help' }).click();
    await page.getByRole('menu', { name: 'Help' }).getByRole('menuitem', { name: 'About Claimdesk' }).click();
    const about = page.getByRole('dialog', { name: 'About Claimdesk' });
    await expect(about).toContainText('Browser preview');
    await about.press('Escape');
    await expect(about).toBeHidden();

    // A new run of the server on the same address: a new token.
    await server.stop();
    await server.start();

    await menu.getByRole('menuitem', { name: 'Help' }).click();
    await page.getByRole('menu', { name: 'Help' }).getByRole('menuitem', { name: 'About Claimdesk' }).click();
    await expect(about).toContainText('Browser preview');
    await expect(about).not.toContainText('Missing or wrong API token');

    // Writes reach the new server too: a backup by hand lists as verified.
    await about.press('Escape');
    await menu.getByRole('menuitem', { name: 'File' }).click();
    await page.getByRole('menu', { name: 'File' }).getByRole('menuitem', { name: 'Backups and Restore…' }).click();
    const backups = page.getByRole('dialog', { name: 'Backups' });
    await expect(backups).toBeVisible();
    await expect(backups.getByRole('alert')).toHaveCount(0);
    await expect(backups).toContainText('There are no backups yet.');
    expect(errors).toEqual([]);
  });
});
