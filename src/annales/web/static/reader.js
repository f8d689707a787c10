// The article reader: pointing at an event card lights up the words it came from; clicking a
// highlighted word shows the first event it belongs to.
(function () {
  "use strict";
  const segs = Array.from(document.querySelectorAll("#article-text .seg"));
  function focus(id) {
    segs.forEach(s => s.classList.toggle("focus", id !== null && s.dataset.events.split(" ").includes(id)));
    document.querySelectorAll(".card").forEach(c => c.classList.toggle("focus", c.dataset.event === id));
  }
  document.querySelectorAll(".card").forEach(card => {
    card.addEventListener("mouseenter", () => focus(card.dataset.event));
    card.addEventListener("click", () => { history.replaceState(null, "", "#event-" + card.dataset.event); focus(card.dataset.event); });
  });
  segs.forEach(s => s.addEventListener("click", () => {
    const id = s.dataset.events.split(" ").filter(Boolean)[0];
    if (id) { document.getElementById("event-" + id).scrollIntoView({block: "center"}); focus(id); }
  }));
  const m = location.hash.match(/^#event-(.+)$/);
  if (m) focus(m[1]);
})();
