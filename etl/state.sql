-- The ETL's private, incremental state (data/<name>.work.duckdb). Only the
-- ETL opens it, under the run lock; readers use the published file, which
-- publish.py rebuilds from these tables. Uniqueness is kept by the code (and
-- checked at publish), not by indexes: DuckDB rewrites indexed rows on update.

CREATE TABLE IF NOT EXISTS articles (
    article_id        VARCHAR NOT NULL,  -- sha256(key)[:16]
    key               VARCHAR NOT NULL,  -- canonical URL or project-relative path
    source            VARCHAR,
    title             VARCHAR,
    outlet            VARCHAR,
    url               VARCHAR,
    published_at      TIMESTAMP,
    date_source       VARCHAR,           -- metadata | text | unknown
    ingested_at       TIMESTAMP NOT NULL,
    updated_at        TIMESTAMP NOT NULL,
    content_hash      VARCHAR NOT NULL,
    text              VARCHAR NOT NULL,
    signature         UINTEGER[],         -- MinHash of word shingles, for near-duplicates
    duplicate_of      VARCHAR,           -- canonical article of the same story; NULL when canonical
    similarity        DOUBLE,            -- to the canonical copy
    extractor_version VARCHAR            -- version whose interactions are stored; NULL = not extracted
);

CREATE TABLE IF NOT EXISTS interactions (
    interaction_id    VARCHAR NOT NULL,
    article_id        VARCHAR NOT NULL,
    source_iso3       VARCHAR NOT NULL,
    target_iso3       VARCHAR NOT NULL,
    type              VARCHAR NOT NULL,
    modality          VARCHAR NOT NULL,
    reciprocal        BOOLEAN NOT NULL,
    event_date        DATE,
    date_text         VARCHAR,
    sentence          VARCHAR NOT NULL,
    sentence_start    INTEGER NOT NULL,
    sentence_end      INTEGER NOT NULL,
    source_text       VARCHAR NOT NULL,
    source_start      INTEGER NOT NULL,
    source_end        INTEGER NOT NULL,
    target_text       VARCHAR NOT NULL,
    target_start      INTEGER NOT NULL,
    target_end        INTEGER NOT NULL,
    trigger_text      VARCHAR NOT NULL,
    trigger_start     INTEGER NOT NULL,
    trigger_end       INTEGER NOT NULL,
    negated           BOOLEAN NOT NULL,
    confidence        DOUBLE NOT NULL,
    rule              VARCHAR NOT NULL,
    extractor_version VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS ingest_errors (
    source     VARCHAR NOT NULL,
    reason     VARCHAR NOT NULL,
    first_seen TIMESTAMP NOT NULL,
    last_seen  TIMESTAMP NOT NULL,
    times      INTEGER NOT NULL,
    last_run   VARCHAR
);

CREATE TABLE IF NOT EXISTS runs (
    run_id             VARCHAR NOT NULL,
    command            VARCHAR NOT NULL,
    started_at         TIMESTAMP NOT NULL,
    finished_at        TIMESTAMP,
    status             VARCHAR NOT NULL,  -- running | ok | failed | interrupted
    articles_seen      INTEGER NOT NULL DEFAULT 0,
    articles_added     INTEGER NOT NULL DEFAULT 0,
    articles_updated   INTEGER NOT NULL DEFAULT 0,
    articles_skipped   INTEGER NOT NULL DEFAULT 0,
    duplicates         INTEGER NOT NULL DEFAULT 0,
    interactions_added INTEGER NOT NULL DEFAULT 0,
    errors             INTEGER NOT NULL DEFAULT 0,
    published          BOOLEAN NOT NULL DEFAULT false,
    message            VARCHAR
);

-- HTTP cache validators per feed, for conditional GET.
CREATE TABLE IF NOT EXISTS feed_state (
    feed_url      VARCHAR NOT NULL,
    etag          VARCHAR,
    last_modified VARCHAR,
    fetched_at    TIMESTAMP,
    status        VARCHAR,
    items         INTEGER
);

-- Every feed item URL ever handled, so an unchanged item is never fetched twice.
CREATE TABLE IF NOT EXISTS feed_items (
    url        VARCHAR NOT NULL,  -- canonical
    feed_url   VARCHAR NOT NULL,
    first_seen TIMESTAMP NOT NULL,
    outcome    VARCHAR NOT NULL,  -- article | skipped | failed (transient, retried)
    article_id VARCHAR,
    reason     VARCHAR
);
-- Added for `etl refresh` (additive, so older work states upgrade in place):
-- the entry's updated/published stamp when it was read (a change means re-fetch),
-- when the feed last listed it, and fetch attempts (outcome `failed` = a transient
-- network/server error, retried at later refreshes up to a limit).
ALTER TABLE feed_items ADD COLUMN IF NOT EXISTS updated VARCHAR;
ALTER TABLE feed_items ADD COLUMN IF NOT EXISTS last_seen TIMESTAMP;
ALTER TABLE feed_items ADD COLUMN IF NOT EXISTS attempts INTEGER;
-- The run that stored the validators: they are only sent if that run ended `ok`
-- (a run killed before its articles were committed must not turn into a 304).
ALTER TABLE feed_state ADD COLUMN IF NOT EXISTS run_id VARCHAR;

-- Reference data, reloaded from seeds/ at every run.
CREATE TABLE IF NOT EXISTS ref_countries (
    iso3 VARCHAR, iso2 VARCHAR, name VARCHAR, aliases VARCHAR, capital VARCHAR,
    capital_aliases VARCHAR, demonyms VARCHAR, lat DOUBLE, lon DOUBLE, focus BOOLEAN, un_member BOOLEAN
);
CREATE TABLE IF NOT EXISTS ref_actors (
    name VARCHAR, aliases VARCHAR, iso3 VARCHAR, role VARCHAR, term_start DATE, term_end DATE
);
CREATE TABLE IF NOT EXISTS ref_institutions (
    iso3 VARCHAR, name VARCHAR, aliases VARCHAR, kind VARCHAR
);
CREATE TABLE IF NOT EXISTS ref_type_weights (
    type VARCHAR, weight DOUBLE, description VARCHAR
);
-- Analysts' corrections, copied from the corrections store at publish.
CREATE TABLE IF NOT EXISTS ref_corrections (
    correction_id VARCHAR, interaction_id VARCHAR, action VARCHAR,
    new_type VARCHAR, new_source_iso3 VARCHAR, new_target_iso3 VARCHAR,
    note VARCHAR, author VARCHAR, created_at TIMESTAMP,
    article_id VARCHAR, source_iso3 VARCHAR, target_iso3 VARCHAR, type VARCHAR, sentence VARCHAR
);
