// Shared by the peer benchmark pages (vis.html, dhtmlx.html, frappe.html): loads the feed named by
// ?feed=/same-origin/path.json and converts it the same way for every peer.
//   groups: the goals (id, name in Norwegian bokmål)
//   items:  one per measure, from its first phase start to its last phase end (an open-ended phase
//           counts one year from its start); a measure without phases spans its milestones;
//           a measure with neither is left out. group = the measure's goal.
// Feed dates are 2027, 2027-H2, 2027-Q3, 2027-06, 2027-06-15 or a/b spans (start of a, end of b).
(function () {
  function span(s) {
    if (s.includes('/')) {
      const [a, b] = s.split('/');
      return [span(a)[0], span(b)[1]];
    }
    let m;
    if ((m = /^(\d{4})$/.exec(s))) return [new Date(+m[1], 0, 1), new Date(+m[1] + 1, 0, 1)];
    if ((m = /^(\d{4})-H([12])$/.exec(s))) return [new Date(+m[1], (m[2] - 1) * 6, 1), new Date(+m[1], m[2] * 6, 1)];
    if ((m = /^(\d{4})-Q([1-4])$/.exec(s))) return [new Date(+m[1], (m[2] - 1) * 3, 1), new Date(+m[1], m[2] * 3, 1)];
    if ((m = /^(\d{4})-(\d{2})$/.exec(s))) return [new Date(+m[1], m[2] - 1, 1), new Date(+m[1], +m[2], 1)];
    if ((m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s))) return [new Date(+m[1], m[2] - 1, +m[3]), new Date(+m[1], m[2] - 1, +m[3] + 1)];
    return null;
  }

  function convert(feed) {
    const groups = feed.goals.map((g) => ({ id: g.id, name: g.name.nb }));
    const items = [];
    for (const m of feed.measures) {
      let lo = Infinity, hi = -Infinity;
      const dates = (m.phases || []).map((p) => [span(p.start), p.end ? span(p.end) : null]);
      for (const [s, e] of dates) {
        if (!s) continue;
        lo = Math.min(lo, +s[0]);
        hi = Math.max(hi, e ? +e[1] : +s[1] + 365 * 864e5);
      }
      if (!(lo < hi)) for (const ms of m.milestones || []) {
        const s = span(ms.date);
        if (s) { lo = Math.min(lo, +s[0]); hi = Math.max(hi, +s[1]); }
      }
      if (!(lo < hi)) continue;
      items.push({
        id: m.id,
        group: m.goal ? m.goal.goal : undefined,
        name: `${m.short_name || m.id} ${m.name.nb}`,
        start: new Date(lo),
        end: new Date(hi),
      });
    }
    return { groups, items };
  }

  // The feed (same-origin absolute path only, like the app's ?feed=).
  async function load() {
    const url = new URLSearchParams(location.search).get('feed');
    if (!url || !url.startsWith('/') || url.startsWith('//')) throw new Error('need ?feed=/same-origin/path.json');
    return convert(await (await fetch(url)).json());
  }

  // The benchmark's first-paint mark: in the animation frame after the view is ready (as the app's
  // "veikart:first-roadmap-paint"), with the number of items and of bars in the DOM for the report.
  function markPaint(name, items, barSelector) {
    requestAnimationFrame(() => {
      performance.mark(name);
      document.body.dataset.items = String(items);
      if (barSelector) document.body.dataset.bars = String(document.querySelectorAll(barSelector).length);
    });
  }

  function fail(what, e) {
    document.body.dataset.error = String(e);
    document.body.textContent = `${what} bench failed: ${e}`;
    console.error(e);
  }

  window.benchFeed = { span, convert, load, markPaint, fail };
})();
