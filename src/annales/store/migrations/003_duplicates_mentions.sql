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
-- span and the same place country are one event.  Each mention keeps its own modality,
-- attribution, article and sentence.
CREATE VIEW event_mentions AS
SELECT md5(concat_ws('|', e.event,
           array_to_string(list_sort(list_distinct(list_transform(
               from_json(e.actor, '[{"code": "VARCHAR", "country": "VARCHAR", "name": "VARCHAR", "text": "VARCHAR"}]'),
               lambda x: coalesce(x.code, x.country, lower(coalesce(x.name, x.text)))))), ';'),
           array_to_string(list_sort(list_distinct(list_transform(
               from_json(e.recipient, '[{"code": "VARCHAR", "country": "VARCHAR", "name": "VARCHAR", "text": "VARCHAR"}]'),
               lambda x: coalesce(x.code, x.country, lower(coalesce(x.name, x.text)))))), ';'),
           CAST(e.date_start AS VARCHAR), CAST(e.date_end AS VARCHAR),
           coalesce(e.location_country, ''))) AS event_key,
       e.id AS mention_id, e.seq, e.article_id, e.sentence_index, e.modality,
       e.attribution, e.speaker_country,
       a.source, a.url, coalesce(l.original_id, e.article_id) AS story_id
FROM events e
JOIN articles a ON a.id = e.article_id
LEFT JOIN article_links l ON l.article_id = e.article_id;

-- One row per real-world event, with GDELT's counts: NumMentions (records), NumArticles,
-- NumSources (distinct `source`, an article without one counting as its own) and NumStories
-- (articles that are no near-duplicate of one another).  `first_mention` is the earliest
-- record written; `mentions` lists every record.
CREATE VIEW real_events AS
SELECT event_key,
       arg_min(mention_id, seq) AS first_mention,
       count(*) AS num_mentions,
       count(DISTINCT article_id) AS num_articles,
       count(DISTINCT coalesce(source, 'article:' || article_id)) AS num_sources,
       count(DISTINCT story_id) AS num_stories,
       list(mention_id ORDER BY seq) AS mentions,
       list(DISTINCT modality) AS modalities
FROM event_mentions
GROUP BY event_key;
