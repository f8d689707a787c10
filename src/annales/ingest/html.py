"""HTML pages: trafilatura keeps the title and the main text, dropping menus and boilerplate."""

from __future__ import annotations

import logging
import re
from functools import lru_cache
from typing import Iterator, Optional

from ..errors import rejection
from ..schema import Article, Rejection
from .decode import decode, known_encoding
from .validate import checked, iso_day

# Pages declare their charset in the first bytes (HTML5 requires it within 1,024 bytes).
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)


def declared_charset(raw: bytes, content_type: Optional[str] = None) -> str:
    """Charset from the HTTP Content-Type header, else from a <meta> tag, else UTF-8."""
    if content_type:
        m = re.search(r"charset\s*=\s*([^\s;]+)", content_type, re.I)
        if m:
            return known_encoding(m.group(1))
    meta = _META_CHARSET.search(raw[:4096])
    return known_encoding(meta.group(1).decode("ascii") if meta else None)


@lru_cache(maxsize=1)
def _config():
    from trafilatura.settings import use_config

    config = use_config()
    # The extensive search guesses dates from any text on the page (a "Copyright 2017" footer
    # becomes 2017-01-01); a wrong anchor is worse than none, so keep to declared metadata.
    config.set("DEFAULT", "EXTENSIVE_DATE_SEARCH", "off")
    # A page without a body is reported as an R009 row; trafilatura's own log lines about it
    # would reach stderr through logging's last-resort handler unless some handler is present.
    logging.getLogger("trafilatura").addHandler(logging.NullHandler())
    return config


def extract(html: str, url: Optional[str]) -> Optional[tuple[str, Optional[str], dict]]:
    """(main text, title, metadata) of a page, or None when there is no article body."""
    import trafilatura  # slow to import; only HTML and WARC inputs need it

    try:
        doc = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            config=_config(),
            include_comments=False,
            include_tables=False,
        )
    except Exception:  # a page trafilatura cannot parse has no body we could code
        return None
    # trafilatura 2 gives a Document; a dict only comes back when asked for (as_dict)
    if doc is None or isinstance(doc, dict) or not doc.text or not doc.text.strip():
        return None
    meta = {"date": doc.date, "url": doc.url, "sitename": doc.sitename}
    return doc.text, doc.title or None, meta


def read_html(
    raw: bytes,
    name: str,
    published: Optional[str] = None,
    *,
    url: Optional[str] = None,
    content_type: Optional[str] = None,
    fallback_date: Optional[str] = None,
) -> Iterator[Article | Rejection]:
    """One article from one page.  The publication date is, in order: `published`, the date in
    the page's metadata, `fallback_date` (for WARC records, the crawl date)."""
    html = decode(raw, name, declared_charset(raw, content_type))
    if isinstance(html, Rejection):
        yield html
        return
    found = extract(html, url)
    if found is None:
        yield rejection(name, "R009", found=f"no main text in {len(raw):,} bytes of HTML")
        return
    text, title, meta = found
    url = url or meta["url"]
    date = published or (meta["date"] and iso_day(meta["date"])) or fallback_date
    article = Article(
        id=Article.make_id(text, url),
        text=text,
        url=url,
        title=title,
        source=meta["sitename"],
        published=date,
    )
    yield from checked(article, name)
