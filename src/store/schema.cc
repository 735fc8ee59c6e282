// Schema migrations. Append new migrations; never edit one that has shipped (docs/schema.md).
#include "internal.h"

namespace sitrep::store_internal {

const std::vector<const char*>& Migrations() {
  static const std::vector<const char*> kMigrations = {
      // 1: articles and events.
      R"sql(
CREATE TABLE articles (
  id          TEXT PRIMARY KEY,
  title       TEXT NOT NULL DEFAULT '',
  text        TEXT NOT NULL,
  date        TEXT,                       -- YYYY-MM-DD or NULL
  source      TEXT NOT NULL DEFAULT '',
  url         TEXT NOT NULL DEFAULT '',
  language    TEXT NOT NULL DEFAULT 'en',
  origin      TEXT NOT NULL DEFAULT '',   -- "file.txt" or "file.jsonl:12"
  metadata    TEXT NOT NULL DEFAULT '{}', -- JSON object of unknown input fields
  ingested_at TEXT NOT NULL DEFAULT (datetime('now'))
);
CREATE TABLE events (
  id                   INTEGER PRIMARY KEY,
  event_id             TEXT NOT NULL,
  article_id           TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  seq                  INTEGER NOT NULL,  -- position among the article's events
  date                 TEXT,
  plover_type          TEXT NOT NULL DEFAULT '',
  acled_event_type     TEXT NOT NULL DEFAULT '',
  acled_sub_event_type TEXT NOT NULL DEFAULT '',
  actor1_id            TEXT NOT NULL DEFAULT '',
  actor1_name          TEXT NOT NULL DEFAULT '',
  actor1_country       TEXT NOT NULL DEFAULT '',
  actor2_id            TEXT NOT NULL DEFAULT '',
  actor2_name          TEXT NOT NULL DEFAULT '',
  actor2_country       TEXT NOT NULL DEFAULT '',
  location_name        TEXT NOT NULL DEFAULT '',
  country_code         TEXT NOT NULL DEFAULT '',
  lat                  REAL,
  lon                  REAL,
  json                 TEXT NOT NULL,     -- the full event, schema v1
  UNIQUE (article_id, seq)
);
CREATE INDEX events_by_date ON events(date);
CREATE INDEX events_by_plover_type ON events(plover_type);
CREATE INDEX events_by_acled_type ON events(acled_event_type);
CREATE INDEX events_by_country ON events(country_code);
CREATE INDEX events_by_event_id ON events(event_id);
)sql",
      // 2: the dataset (docs/dataset.md): events across articles, their mentions, control periods. They
      // are a function of the stored events, rebuilt by Store::RebuildDataset; `stale` says one is due
      // (set by every write and delete, and here, so that an older database gets its dataset on ingest).
      R"sql(
CREATE TABLE dataset_events (
  id                   TEXT PRIMARY KEY,  -- "d" + 16 hex digits
  date                 TEXT,
  plover_type          TEXT NOT NULL DEFAULT '',
  acled_event_type     TEXT NOT NULL DEFAULT '',
  acled_sub_event_type TEXT NOT NULL DEFAULT '',
  actor1_id            TEXT NOT NULL DEFAULT '',
  actor1_name          TEXT NOT NULL DEFAULT '',
  actor1_country       TEXT NOT NULL DEFAULT '',
  actor2_id            TEXT NOT NULL DEFAULT '',
  actor2_name          TEXT NOT NULL DEFAULT '',
  actor2_country       TEXT NOT NULL DEFAULT '',
  location_name        TEXT NOT NULL DEFAULT '',
  country_code         TEXT NOT NULL DEFAULT '',
  lat                  REAL,
  lon                  REAL,
  source_count         INTEGER NOT NULL,
  json                 TEXT NOT NULL      -- the reconciled event with its sources and mentions
);
CREATE INDEX dataset_events_by_date ON dataset_events(date);
CREATE TABLE dataset_event_mentions (
  dataset_event_id TEXT NOT NULL REFERENCES dataset_events(id) ON DELETE CASCADE,
  article_id       TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  event_id         TEXT NOT NULL,
  PRIMARY KEY (dataset_event_id, article_id, event_id)
);
CREATE INDEX dataset_event_mentions_by_article ON dataset_event_mentions(article_id);
CREATE TABLE control_periods (
  id           INTEGER PRIMARY KEY,
  place_name   TEXT NOT NULL,
  geonames_id  INTEGER,
  admin1       TEXT NOT NULL DEFAULT '',
  country_code TEXT NOT NULL DEFAULT '',
  lat          REAL,
  lon          REAL,
  holder_id    TEXT NOT NULL DEFAULT '',
  holder_name  TEXT NOT NULL DEFAULT '',
  start_date   TEXT,                    -- NULL: held before the first report
  end_date     TEXT,                    -- NULL: still held
  modality     TEXT NOT NULL,
  json         TEXT NOT NULL
);
CREATE INDEX control_periods_by_place ON control_periods(place_name COLLATE NOCASE);
CREATE TABLE dataset_state (
  key   TEXT PRIMARY KEY,
  value INTEGER NOT NULL
);
INSERT INTO dataset_state (key, value) VALUES ('stale', 1);
)sql",
  };
  return kMigrations;
}

}  // namespace sitrep::store_internal
