// The failure server of the feed (tests/server/feed_server.py): its base URL and its two test
// endpoints, shared by the specs that drive it.
const { expect } = require('@playwright/test');

const BASE = `http://127.0.0.1:${process.env.E2E_FEED_PORT}`;

/** Tells the server how to answer /public/feed.json from now on (and resets its counters). */
async function serve(request, cfg) {
  const r = await request.post(`${BASE}/__test/config`, { data: cfg });
  expect(r.ok()).toBeTruthy();
}

/** What the server has seen since the last config: feed_requests, conditional, not_modified. */
async function stats(request) {
  return (await request.get(`${BASE}/__test/stats`)).json();
}

module.exports = { BASE, serve, stats };
