"""Near-duplicate links between stored articles (store migration 003).

Each new article's LSH bands (ingest.similar) are looked up among the bands of the articles
stored before it, and of the articles earlier in its own batch; the candidates that share a
band are compared on their exact shingle similarity, and the most similar one at or above
similar.THRESHOLD (the earliest stored on a tie) becomes its `duplicate_of`.  Only articles
written earlier are compared, so a resumed ingest links exactly as one clean run does.
"""

from __future__ import annotations

from typing import Callable

from ..ingest import similar
from ..schema import Article

Insert = Callable[[str, tuple, list], None]


def link_duplicates(con, articles: list[Article], insert: Insert) -> None:
    """Store the bands of `articles` (new, in write order) and link each to its nearest
    earlier near-duplicate, inside the caller's transaction."""
    if not articles:
        return
    bands = {a.id: similar.bands(a.text) for a in articles}
    ids = [a.id for a in articles for _ in range(similar.BANDS)]
    numbers = [b for a in articles for b in range(similar.BANDS)]
    hashes = [h for a in articles for h in bands[a.id]]
    # stored articles sharing a band with a new one (before this batch's bands are inserted)
    stored: dict[str, set[str]] = {}
    for new_id, old_id in con.execute(
        "SELECT DISTINCT q.id, b.article_id FROM article_bands b JOIN "
        "(SELECT unnest(?) AS id, unnest(?) AS band, unnest(?) AS hash) q "
        "ON b.band = q.band AND b.hash = q.hash",
        [ids, numbers, hashes],
    ).fetchall():
        stored.setdefault(new_id, set()).add(old_id)
    wanted = sorted(set().union(*stored.values())) if stored else []
    texts = (
        dict(
            con.execute(
                "SELECT id, text FROM articles WHERE list_contains(?, id)", [wanted]
            ).fetchall()
        )
        if wanted
        else {}
    )
    order = (
        dict(
            con.execute(
                "SELECT id, row_number() OVER (ORDER BY ingested_at, id) FROM articles "
                "WHERE list_contains(?, id)",
                [wanted],
            ).fetchall()
        )
        if wanted
        else {}
    )
    originals = (
        dict(
            con.execute(
                "SELECT article_id, original_id FROM article_links WHERE list_contains(?, article_id)",
                [wanted],
            ).fetchall()
        )
        if wanted
        else {}
    )
    shingled = {i: similar.shingles(t) for i, t in texts.items()}
    links = []
    earlier: list[Article] = []  # this batch's articles before the current one
    for article in articles:
        mine = similar.shingles(article.text)
        candidates = [
            (similar.jaccard(mine, shingled[i]), -order[i], i) for i in stored.get(article.id, ())
        ]
        for rank, other in enumerate(earlier):
            if any(x == y for x, y in zip(bands[article.id], bands[other.id])):
                shingled.setdefault(other.id, similar.shingles(other.text))
                candidates.append(
                    (similar.jaccard(mine, shingled[other.id]), -(len(order) + rank + 1), other.id)
                )
        best = max((c for c in candidates if c[0] >= similar.THRESHOLD), default=None)
        if best is not None:
            score, _, target = best
            original = originals.get(target, target)
            originals[article.id] = original
            links.append([article.id, target, original, round(score, 6)])
        earlier.append(article)
    insert(
        "article_bands",
        ("article_id", "band", "hash"),
        [[i, b, h] for i, b, h in zip(ids, numbers, hashes)],
    )
    insert("article_links", ("article_id", "duplicate_of", "original_id", "similarity"), links)


def backfill_bands(con, insert: Insert, chunk: int = 500) -> None:
    """Bands and links for articles stored before migration 003, in their write order, so that
    an upgraded store links as if they had been ingested by this version."""
    rows = con.execute(
        "SELECT id, text FROM articles WHERE id NOT IN "
        "(SELECT article_id FROM article_bands) ORDER BY ingested_at, id"
    ).fetchall()
    con.execute("BEGIN TRANSACTION")
    try:
        for i in range(0, len(rows), chunk):
            link_duplicates(con, [Article(id=r[0], text=r[1]) for r in rows[i : i + chunk]], insert)
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
