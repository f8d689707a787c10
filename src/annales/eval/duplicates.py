"""How well near-duplicate articles are linked and their events merged, on a corpus whose
articles carry a `story` label: the versions of one story (wire copies, edits, updates) share
a label, and stories with different labels report different real-world events, however alike
they read (tests/data/wire_stories.jsonl is such a corpus, written for this).

Figures, from a store the corpus was ingested into:

* article pairs: same-story pairs linked into one group (recall), different-story pairs
  linked (wrong links);
* events: `mergeable` records are those of a story's later version whose coded reading (event
  type, CAMEO code, actor and recipient codes) equals a record of an earlier version of the same
  story: the coder saw the same event twice.  `merged` of them ended up in one real-world event
  with it; `wrong_events` counts real-world events whose mentions come from two or more
  stories, which by construction of the corpus are distinct events wrongly merged.
"""

from __future__ import annotations

from itertools import combinations


def score(con, story_of: dict[str, str]) -> dict:
    """The figures above; `con` a DuckDB connection to the store, `story_of` {article id:
    story label}."""
    groups = dict(
        con.execute(
            "SELECT a.id, coalesce(l.original_id, a.id) FROM articles a "
            "LEFT JOIN article_links l ON l.article_id = a.id"
        ).fetchall()
    )
    ids = sorted(i for i in groups if i in story_of)
    same = linked = wrong_links = 0
    for a, b in combinations(ids, 2):
        together = groups[a] == groups[b]
        if story_of[a] == story_of[b]:
            same += 1
            linked += together
        else:
            wrong_links += together
    rows = con.execute("""
        SELECT m.event_key, e.article_id, a.ingested_at, e.event, e.cameo,
               array_to_string(list_sort(e.actor_codes), ';'),
               array_to_string(list_sort(e.recipient_codes), ';')
        FROM events e JOIN event_mentions m ON m.mention_id = e.id
        JOIN articles a ON a.id = e.article_id
        ORDER BY a.ingested_at, e.article_id, e.seq""").fetchall()
    stories_of_event: dict[str, set[str]] = {}
    seen: dict[tuple, list[tuple[str, str]]] = {}  # (story, reading) -> [(article, key)]
    mergeable = merged = 0
    for key, article, _, *reading in rows:
        story = story_of.get(article)
        if story is None:
            continue
        stories_of_event.setdefault(key, set()).add(story)
        earlier = [k for other, k in seen.get((story, tuple(reading)), []) if other != article]
        if earlier:
            mergeable += 1
            merged += key in earlier
        seen.setdefault((story, tuple(reading)), []).append((article, key))
    real = len(stories_of_event)
    return {
        "articles": len(ids),
        "stories": len(set(story_of[i] for i in ids)),
        "same_story_pairs": same,
        "linked_pairs": linked,
        "wrong_links": wrong_links,
        "records": len(rows),
        "real_events": real,
        "mergeable_records": mergeable,
        "merged_records": merged,
        "wrong_events": sum(len(s) > 1 for s in stories_of_event.values()),
    }
