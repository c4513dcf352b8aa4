// Embedding on a foreign origin: public/embed-example.html served by a separate host server on
// another port, with both the iframe snippet and the script-tag mount (issue 5).
const { test, expect } = require('@playwright/test');
const http = require('http');
const fs = require('fs');
const path = require('path');

let host;
let hostUrl;

test.beforeAll(async ({ baseURL }) => {
  const page = fs.readFileSync(path.join(__dirname, '../../public/embed-example.html'), 'utf8')
    .replaceAll('http://127.0.0.1:8080', baseURL.replace(/\/$/, ''));
  const css = fs.readFileSync(path.join(__dirname, '../../public/embed-example.css'), 'utf8');
  host = http.createServer((req, res) => {
    if (req.url.endsWith('.css')) {
      res.writeHead(200, { 'content-type': 'text/css; charset=utf-8' });
      res.end(css);
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(page);
  });
  await new Promise((r) => host.listen(0, '127.0.0.1', r));
  hostUrl = `http://127.0.0.1:${host.address().port}/`;
});

test.afterAll(async () => { await new Promise((r) => host.close(r)); });

test('iframe snippet: compact view without chrome, height set by postMessage', async ({ page, baseURL }) => {
  expect(new URL(hostUrl).origin).not.toBe(new URL(baseURL).origin);
  await page.goto(hostUrl);
  const frameEl = page.locator('#frame-iframe');
  const frame = page.frameLocator('#frame-iframe');
  await expect(frame.locator('.row-label .prio')).toHaveText(['1', '2', '3', '4', '5']);
  // no app chrome, but the data date and a link to the full app
  await expect(frame.getByRole('heading', { name: 'Veikart', level: 1 })).toBeHidden();
  await expect(frame.getByRole('navigation', { name: 'Språk' })).toBeHidden();
  await expect(frame.getByText('Data sist oppdatert')).toBeVisible();
  await expect(frame.getByRole('link', { name: /Åpne Veikart i full visning/ })).toHaveAttribute('href', /gruppering=prioritet/);
  // automatic height: the iframe grows to its content (no inner scrollbar)
  await expect.poll(async () => (await frameEl.boundingBox()).height).toBeGreaterThan(400);
  const inner = await frame.locator('body').evaluate((b) => b.scrollHeight);
  const outer = (await frameEl.boundingBox()).height;
  expect(Math.abs(outer - inner)).toBeLessThan(4);
  // it follows changes: opening the filter panel makes the frame taller
  await frame.getByRole('button', { name: 'Filtrer' }).click();
  await expect.poll(async () => (await frameEl.boundingBox()).height).toBeGreaterThan(outer);
});

test('script-tag mount: data attributes choose language, view and filter; host theme applies', async ({ page }) => {
  await page.goto(hostUrl);
  const frame = page.frameLocator('#mount iframe');
  await expect(page.locator('#mount iframe')).toHaveAttribute('title', 'Vegkart: kva tyder det for fastlegane?');
  await expect(frame.getByRole('heading', { name: 'Kva tyder vegkartet for oss?' })).toBeVisible();
  await expect(frame.locator('.lens-table')).toContainText('KI-2');
  await expect(frame.locator('html')).toHaveAttribute('lang', 'nn');
  // theme: the host's --vk-accent (#6b2c91) is used for the pressed view tab
  await expect(frame.getByRole('button', { name: 'For oss' })).toHaveCSS('background-color', 'rgb(107, 44, 145)');
});

test('a hostile theme value from a host is refused', async ({ page }) => {
  await page.goto(hostUrl);
  const frame = page.frameLocator('#frame-iframe');
  await expect(frame.locator('.row-label').first()).toBeVisible();
  await page.evaluate(() => {
    const f = document.getElementById('frame-iframe');
    f.contentWindow.postMessage({ type: 'veikart:theme', vars: { '--vk-bg': 'url(https://evil.invalid/x.png)', '--vk-text': 'red; x: y' } }, '*');
    f.contentWindow.postMessage({ type: 'veikart:theme', vars: { '--vk-accent': '#008000' } }, '*');
  });
  await expect(frame.getByRole('navigation', { name: 'Visning' }).getByRole('button', { name: 'Tiltak' })).toHaveCSS('background-color', 'rgb(0, 128, 0)');
  const bg = await frame.locator('html').evaluate((h) => h.style.getPropertyValue('--vk-bg') + '|' + h.style.getPropertyValue('--vk-text'));
  expect(bg).toBe('|');
});
