// The dashboard's charts, drawn from the page's own data (the same as /index.json): a
// timeline, a dyad matrix and a world map.  Every mark links to the events it counts, with the
// page's filters kept.  Each view writes how many events it shows into data-events.
(function () {
  "use strict";
  const DATA = JSON.parse(document.getElementById("dashboard-data").textContent);
  const CFG = window.ANNALES;
  const QUAD = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"};
  const QUAD_COLOUR = {1: "#4c9be8", 2: "#1b5fa8", 3: "#f0a33a", 4: "#c8312b"};
  const PLOT_CONFIG = {displaylogo: false, responsive: true, modeBarButtonsToRemove: ["toImage"]};

  function eventsUrl(extra) {
    const p = new URLSearchParams(CFG.filters);
    Object.entries(extra).forEach(([k, v]) => p.set(k, v));
    return "/events?" + p.toString();
  }
  const sum = xs => xs.reduce((a, b) => a + b, 0);

  function periodEnd(start, interval) {  // the last day of the period that begins on `start`
    const d = new Date(start + "T00:00:00Z");
    if (interval === "week") d.setUTCDate(d.getUTCDate() + 6);
    else if (interval === "month") { d.setUTCMonth(d.getUTCMonth() + 1); d.setUTCDate(0); }
    else if (interval === "year") { d.setUTCFullYear(d.getUTCFullYear() + 1); d.setUTCDate(0); }
    return d.toISOString().slice(0, 10);
  }

  function timeline() {
    const el = document.getElementById("timeline");
    const pts = DATA.timeline.points;
    el.dataset.events = sum(pts.map(p => p.events));
    if (!pts.length) { el.textContent = "No dated events."; return; }
    const periods = [...new Set(pts.map(p => p.period))].sort();
    const keys = [...new Set(pts.map(p => p.key))].sort();
    const traces = [];
    for (const asserted of [true, false]) {
      for (const key of keys) {
        const y = periods.map(per => sum(pts.filter(p => p.period === per && p.key === key && p.asserted === asserted).map(p => p.events)));
        if (!sum(y)) continue;
        traces.push({type: "bar", x: periods, y: y, yaxis: asserted ? "y" : "y2", legendgroup: String(key),
          name: DATA.timeline.by === "quad_class" ? key + " " + QUAD[key] : key, showlegend: asserted || !pts.some(p => p.key === key && p.asserted),
          marker: DATA.timeline.by === "quad_class" ? {color: QUAD_COLOUR[key]} : {},
          customdata: periods.map(() => [key, asserted])});
      }
    }
    Plotly.newPlot(el, traces, {
      barmode: "stack", height: 360, margin: {t: 10, r: 10, b: 40, l: 50},
      xaxis: {anchor: "y2", type: "category"}, yaxis: {domain: [0.55, 1], title: {text: "asserted"}},
      yaxis2: {domain: [0, 0.45], title: {text: "not asserted"}}, legend: {orientation: "h", y: -0.15},
    }, PLOT_CONFIG);
    el.on("plotly_click", ev => {
      const pt = ev.points[0], [key, asserted] = pt.customdata, since = pt.x.slice(0, 10);
      const extra = {since: since, until: periodEnd(since, DATA.timeline.interval), asserted: asserted};
      extra[DATA.timeline.by] = key;
      location.href = eventsUrl(extra);
    });
  }

  function dyads() {
    const el = document.getElementById("dyads");
    const ds = DATA.dyads;
    el.dataset.events = sum(ds.map(d => d.events));
    if (!ds.length) { el.textContent = "No dyads."; return; }
    const actors = [...new Set(ds.map(d => d.actor_country))];
    const recips = [...new Set(ds.map(d => d.recipient_country))];
    const z = actors.map(a => recips.map(r => { const d = ds.find(d => d.actor_country === a && d.recipient_country === r); return d ? d.events : null; }));
    Plotly.newPlot(el, [{type: "heatmap", x: recips, y: actors, z: z, colorscale: "Reds", hoverongaps: false,
      hovertemplate: "%{y} → %{x}: %{z} events<extra></extra>"}],
      {height: 360, margin: {t: 10, r: 10, b: 60, l: 50}, xaxis: {title: {text: "recipient"}, type: "category"},
       yaxis: {title: {text: "actor"}, type: "category", autorange: "reversed"}}, PLOT_CONFIG);
    el.on("plotly_click", ev => {
      const pt = ev.points[0];
      if (pt.z !== null) location.href = eventsUrl({actor_country: pt.y, recipient_country: pt.x});
    });
  }

  function worldMap() {
    const el = document.getElementById("map");
    const by = el.dataset.by, rows = DATA.countries[by];
    const param = {actor: "actor_country", recipient: "recipient_country", location: "location_country"}[by];
    fetch("/vendor/worldmap.svg").then(r => r.text()).then(svgText => {
      el.innerHTML = svgText;
      const svg = el.querySelector("svg");
      svg.setAttribute("role", "img");
      const max = Math.max(1, ...rows.map(r => r.events));
      let shown = 0;
      const unmapped = [];
      rows.forEach(r => {
        const g = r.iso2 && svg.querySelector("g." + r.iso2.toLowerCase() + ".country");
        if (!g) { unmapped.push(r.country + " " + r.events); return; }
        shown += r.events;
        const t = Math.log(1 + r.events) / Math.log(1 + max);
        g.style.fill = "hsl(5, 70%, " + Math.round(88 - 50 * t) + "%)";
        g.classList.add("has-events");
        g.dataset.country = r.country;
        g.dataset.events = r.events;
        const title = document.createElementNS("http://www.w3.org/2000/svg", "title");
        title.textContent = (r.name || r.country) + ": " + r.events + " events";
        g.appendChild(title);
        g.addEventListener("click", () => { location.href = eventsUrl({[param]: r.country}); });
      });
      el.dataset.events = shown;
      document.getElementById("map-unmapped").textContent = unmapped.length ?
        "Not on the map (organisations and codes without a shape): " + unmapped.join(", ") : "";
      el.dataset.ready = "1";
    });
  }

  timeline();
  dyads();
  worldMap();
})();
