-- Near-duplicate articles and real-world events with their mentions.
--
-- article_bands: each article's MinHash LSH band hashes (annales.ingest.similar), so that a new
-- article is compared only with the stored articles that share a band.  Articles stored before
-- this migration get theirs when the store is next opened for writing (Store.backfill_bands).
CREATE TABLE article_bands (
    article_id VARCHAR NOT NULL,
    band       SMALLINT NOT NULL,
    hash       BIGINT NOT NULL,
    PRIMARY KEY (article_id, band)
);
CREATE INDEX article_bands_hash ON article_bands (band, hash);

-- An article whose shingles overlap an earlier article's by at least similar.THRESHOLD
-- (Jaccard): a wire copy, an update, the same story on another site.  It is still coded (an
-- update may add events) and its events are mentions like any others; `original_id` is the
-- first article of the chain, so that the stories an event is reported in can be counted.
CREATE TABLE article_links (
    article_id   VARCHAR PRIMARY KEY,
    duplicate_of VARCHAR NOT NULL,
    original_id  VARCHAR NOT NULL,
    similarity   DOUBLE NOT NULL
);

-- Every event record is a mention of a real-world event: the records with the same event
-- type, the same actors and recipients (their codes, else countries, else names), the same date
-- span and the same place country are one event.  A record with no place joins the event of
-- the one place its otherwise equal records have (a copy without the dateline that placed the
-- original); with two or more places it stays apart.  When the actor or the recipient has no
-- stated code or country (unnamed, not in the knowledge base, or only the article's home
-- country: "officials"), the parties say too little to tell two stories' events apart, and
-- such a record is merged only with records of its own story (its article and that article's
-- near-duplicates).  Each mention keeps its own modality, attribution, article and sentence.
CREATE VIEW event_mentions AS
WITH parties AS (
    SELECT e.*, a.source, a.url, coalesce(l.original_id, e.article_id) AS story_id,
           from_json(e.actor, '[{"code": "VARCHAR", "country": "VARCHAR", "name": "VARCHAR", "text": "VARCHAR", "basis": "VARCHAR"}]') AS actors,
           from_json(e.recipient, '[{"code": "VARCHAR", "country": "VARCHAR", "name": "VARCHAR", "text": "VARCHAR", "basis": "VARCHAR"}]') AS recipients
    FROM events e
    JOIN articles a ON a.id = e.article_id
    LEFT JOIN article_links l ON l.article_id = e.article_id),
keyed AS (
    SELECT *, md5(concat_ws('|', event,
           array_to_string(list_sort(list_distinct(list_transform(actors,
               lambda x: coalesce(x.code, x.country, lower(coalesce(x.name, x.text)))))), ';'),
           array_to_string(list_sort(list_distinct(list_transform(recipients,
               lambda x: coalesce(x.code, x.country, lower(coalesce(x.name, x.text)))))), ';'),
           CAST(date_start AS VARCHAR), CAST(date_end AS VARCHAR),
           CASE WHEN len(list_filter(actors, lambda x: x.basis IS NULL AND
                                     coalesce(x.code, x.country) IS NOT NULL)) > 0
                 AND len(list_filter(recipients, lambda x: x.basis IS NULL AND
                                     coalesce(x.code, x.country) IS NOT NULL)) > 0
                THEN '' ELSE 'story:' || story_id END)) AS base_key
    FROM parties),
places AS (
    SELECT base_key, count(DISTINCT location_country) AS n, max(location_country) AS only
    FROM keyed GROUP BY base_key)
SELECT md5(k.base_key || '|' || coalesce(k.location_country,
                                         CASE WHEN p.n = 1 THEN p.only END, '')) AS event_key,
       k.id AS mention_id, k.seq, k.article_id, k.sentence_index, k.trigger_start,
       k.trigger_end, k.modality, k.attribution, k.speaker_country, k.source, k.url, k.story_id
FROM keyed k JOIN places p USING (base_key);

-- One row per real-world event, with GDELT's counts: NumMentions (records), NumArticles,
-- NumSources (distinct `source`, an article without one counting as its own) and NumStories
-- (articles that are no near-duplicate of one another).  `first_mention` is the earliest
-- record written; `mentions` lists every record, `article_ids` the articles.
CREATE VIEW real_events AS
SELECT event_key,
       arg_min(mention_id, seq) AS first_mention,
       count(*) AS num_mentions,
       count(DISTINCT article_id) AS num_articles,
       count(DISTINCT coalesce(source, 'article:' || article_id)) AS num_sources,
       count(DISTINCT story_id) AS num_stories,
       list(mention_id ORDER BY seq) AS mentions,
       list(DISTINCT article_id ORDER BY article_id) AS article_ids,
       list(DISTINCT modality ORDER BY modality) AS modalities
FROM event_mentions
GROUP BY event_key;
