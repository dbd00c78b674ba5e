-- Public tables of the published file. Column names are a stable interface
-- (SPEC.md): add columns freely, never rename. Run by `etl` at every publish
-- into a fresh file; `work` is the ETL's attached private state.

CREATE TABLE countries (
    iso3            VARCHAR PRIMARY KEY,
    name            VARCHAR NOT NULL,
    lat             DOUBLE,
    lon             DOUBLE,
    focus           BOOLEAN NOT NULL,   -- USA, JPN, KOR, PRK, CHN, PHL
    iso2            VARCHAR,
    aliases         VARCHAR,            -- '|'-separated names the extractor recognises
    capital         VARCHAR,
    capital_aliases VARCHAR,
    demonyms        VARCHAR,
    un_member       BOOLEAN
);
COMMENT ON TABLE countries IS 'Every UN member plus Taiwan, Palestine, Holy See and Kosovo; focus marks the six countries the dashboard shows by default.';

CREATE TABLE actors (
    name       VARCHAR NOT NULL,
    aliases    VARCHAR,
    iso3       VARCHAR NOT NULL,
    role       VARCHAR,
    term_start DATE,
    term_end   DATE              -- NULL: in office
);
COMMENT ON TABLE actors IS 'Leaders and officials the extractor resolves to the country they serve (by term dates).';

CREATE TABLE institutions (
    iso3    VARCHAR NOT NULL,
    name    VARCHAR NOT NULL,
    aliases VARCHAR,
    kind    VARCHAR
);
COMMENT ON TABLE institutions IS 'Named ministries, militaries, agencies, seats of government and state media that act for a country.';

CREATE TABLE type_weights (
    type        VARCHAR PRIMARY KEY,
    weight      DOUBLE NOT NULL,
    description VARCHAR
);
COMMENT ON TABLE type_weights IS 'Stance weight of each interaction type: net stance is the mean weight of the counted events (or mentions).';

CREATE TABLE articles (
    article_id   VARCHAR PRIMARY KEY,
    source       VARCHAR,          -- the path or URL it came from
    title        VARCHAR,
    outlet       VARCHAR,
    url          VARCHAR,
    published_at TIMESTAMP,        -- UTC; NULL when neither metadata nor text gives a date
    ingested_at  TIMESTAMP NOT NULL,
    content_hash VARCHAR NOT NULL,
    date_source  VARCHAR,          -- metadata | text | unknown
    copies       INTEGER NOT NULL, -- articles of this story (this one and its syndicated copies)
    outlets      INTEGER NOT NULL, -- distinct outlets among them
    text         VARCHAR NOT NULL  -- sentence offsets in interactions point into this
);
COMMENT ON TABLE articles IS 'One row per distinct article (story); syndicated and near-duplicate copies are in article_copies.';

CREATE TABLE article_copies (
    article_id   VARCHAR NOT NULL, -- the story (canonical article)
    copy_id      VARCHAR NOT NULL, -- this copy (equals article_id for the canonical one)
    source       VARCHAR,
    title        VARCHAR,
    outlet       VARCHAR,
    url          VARCHAR,
    published_at TIMESTAMP,
    similarity   DOUBLE            -- 1.0 exact, lower for near-duplicates
);
COMMENT ON TABLE article_copies IS 'Every copy of every story, canonical one included: one story from five outlets is one article with five copies.';

CREATE TABLE interactions (
    interaction_id    VARCHAR PRIMARY KEY, -- stable across re-runs: article, sentence, pair, type
    article_id        VARCHAR NOT NULL,
    source_iso3       VARCHAR NOT NULL,
    target_iso3       VARCHAR NOT NULL,
    type              VARCHAR NOT NULL,    -- cooperation | threat | proposal | rejection
    modality          VARCHAR NOT NULL,    -- asserted | planned | conditional
    reciprocal        BOOLEAN NOT NULL,    -- one of the ordered pairs of a joint act
    event_date        DATE,                -- relative dates resolved against the article date
    sentence          VARCHAR NOT NULL,
    sentence_start    INTEGER NOT NULL,    -- character offsets into articles.text
    sentence_end      INTEGER NOT NULL,
    source_text       VARCHAR NOT NULL,    -- words naming the source actor
    target_text       VARCHAR NOT NULL,
    trigger_text      VARCHAR NOT NULL,    -- words carrying the act
    confidence        DOUBLE NOT NULL,     -- 0-1
    extractor_version VARCHAR NOT NULL,
    source_start      INTEGER NOT NULL,    -- offsets into articles.text of the three spans
    source_end        INTEGER NOT NULL,
    target_start      INTEGER NOT NULL,
    target_end        INTEGER NOT NULL,
    trigger_start     INTEGER NOT NULL,
    trigger_end       INTEGER NOT NULL,
    negated           BOOLEAN NOT NULL,    -- a negated act (negated cooperation is a rejection)
    date_text         VARCHAR,             -- the date expression event_date came from, if any
    rule              VARCHAR NOT NULL     -- which extraction pattern produced it
);
COMMENT ON TABLE interactions IS 'One row per mention: a sentence reporting a directed, typed act between two countries, as extracted (see interactions_corrected for analysts'' corrections applied).';

CREATE TABLE corrections (
    correction_id   VARCHAR PRIMARY KEY,
    interaction_id  VARCHAR NOT NULL,
    action          VARCHAR NOT NULL,  -- wrong | change | confirm
    new_type        VARCHAR,
    new_source_iso3 VARCHAR,
    new_target_iso3 VARCHAR,
    note            VARCHAR,
    author          VARCHAR,
    created_at      TIMESTAMP NOT NULL,
    article_id      VARCHAR,           -- what the interaction was when corrected
    source_iso3     VARCHAR,
    target_iso3     VARCHAR,
    type            VARCHAR,
    sentence        VARCHAR
);
COMMENT ON TABLE corrections IS 'Analysts'' corrections (newest per interaction wins), applied by the view interactions_corrected.';

CREATE TABLE ingest_errors (
    source     VARCHAR NOT NULL,
    reason     VARCHAR NOT NULL,
    first_seen TIMESTAMP NOT NULL,
    last_seen  TIMESTAMP NOT NULL,
    times      INTEGER NOT NULL
);
COMMENT ON TABLE ingest_errors IS 'Inputs that were skipped, with the reason: unreadable, not UTF-8, binary, empty, too large, malformed, no article text, HTTP errors.';

CREATE TABLE runs (
    run_id             VARCHAR PRIMARY KEY,
    command            VARCHAR NOT NULL,
    started_at         TIMESTAMP NOT NULL,
    finished_at        TIMESTAMP,
    status             VARCHAR NOT NULL,
    articles_seen      INTEGER NOT NULL,
    articles_added     INTEGER NOT NULL,
    articles_updated   INTEGER NOT NULL,
    articles_skipped   INTEGER NOT NULL,
    duplicates         INTEGER NOT NULL,
    interactions_added INTEGER NOT NULL,
    errors             INTEGER NOT NULL,
    message            VARCHAR
);
COMMENT ON TABLE runs IS 'Every ETL run: when, what it saw, added and skipped, and how it ended.';
