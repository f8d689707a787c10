-- The record contract (schema.py) as tables.  Nested parts of an event (entities, attribution,
-- date, location, trigger) are kept whole as JSON so records round-trip exactly; the flat
-- helper columns beside them exist only to make filters fast and simple.

CREATE TABLE articles (
    id          VARCHAR PRIMARY KEY,
    url         VARCHAR,
    title       VARCHAR,
    source      VARCHAR,
    published   DATE,
    language    VARCHAR,
    text        VARCHAR NOT NULL,
    ingested_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);

CREATE SEQUENCE event_seq;

CREATE TABLE events (
    id                  VARCHAR PRIMARY KEY,
    seq                 BIGINT NOT NULL DEFAULT nextval('event_seq'),  -- write order
    article_id          VARCHAR NOT NULL,
    sentence_index      INTEGER NOT NULL,
    sentence            VARCHAR NOT NULL,
    event               VARCHAR NOT NULL,
    mode                VARCHAR,
    cameo               VARCHAR,
    quad_class          INTEGER,
    goldstein           DOUBLE,
    actor               JSON NOT NULL,
    recipient           JSON NOT NULL,
    modality            VARCHAR NOT NULL,
    attribution         JSON,
    "date"              JSON,
    location            JSON,
    "trigger"           JSON,
    confidence          DOUBLE NOT NULL,
    -- helpers for querying
    actor_countries     VARCHAR[] NOT NULL,
    recipient_countries VARCHAR[] NOT NULL,
    actor_codes         VARCHAR[] NOT NULL,
    recipient_codes     VARCHAR[] NOT NULL,
    speaker_country     VARCHAR,
    date_value          VARCHAR,
    date_precision      VARCHAR,
    date_start          DATE,     -- first day the event date (else the article's) can mean
    date_end            DATE,     -- last day
    location_country    VARCHAR,
    trigger_start       INTEGER,
    trigger_end         INTEGER
);

CREATE INDEX events_article ON events (article_id);
CREATE INDEX events_event ON events (event);

CREATE TABLE quotes (
    article_id VARCHAR NOT NULL,
    idx        INTEGER NOT NULL,   -- order within the article
    speaker    JSON,
    text       VARCHAR NOT NULL,
    "start"    INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    cue        VARCHAR,
    anonymous  BOOLEAN NOT NULL,
    PRIMARY KEY (article_id, idx)
);

CREATE TABLE rejections (
    input       VARCHAR NOT NULL,
    reason_code VARCHAR NOT NULL,
    message     VARCHAR NOT NULL,
    "at"        TIMESTAMP NOT NULL DEFAULT current_timestamp,
    PRIMARY KEY (input, reason_code, message)
);
