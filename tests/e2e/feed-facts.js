// Facts of the shipped feed the e2e tests count against, computed from public/feed.json (never
// written into a test): measures taken out of the roadmap (schema 1.1 `standing.state:
// "withdrawn"`, and everything under one) are hidden by default, so the roadmap shows the rest.
const feed = require('../../public/feed.json');

const byId = new Map(feed.measures.map((m) => [m.id, m]));
function withdrawn(m) {
  for (let cur = m, depth = 0; cur && depth < 64; cur = byId.get(cur.parent), depth += 1) {
    if (cur.standing && cur.standing.state === 'withdrawn') return true;
  }
  return false;
}

/** Measures the roadmap shows without `uttatt=1`. */
const TOTAL = feed.measures.filter((m) => !withdrawn(m)).length;
/** Measures taken out of the roadmap. */
const WITHDRAWN = feed.measures.length - TOTAL;

/** Measures in the feed's first priority list: the ranked items and the sub-measures under them
 *  (a sub-measure belongs to the list through its area); the roadmap's "Bare …" filter shows
 *  the ranked rows and counts them all. */
const RANKED = (feed.priority_lists || [])[0]?.items.map((it) => it.item) ?? [];
function underRanked(m) {
  for (let cur = m, depth = 0; cur && depth < 64; cur = byId.get(cur.parent), depth += 1) {
    if (RANKED.includes(cur.id)) return true;
  }
  return false;
}
const PRIORITISED = feed.measures.filter((m) => !withdrawn(m) && underRanked(m)).length;

module.exports = { feed, TOTAL, WITHDRAWN, RANKED, PRIORITISED };
