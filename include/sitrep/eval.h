// Eval: scores extracted events against gold events (issue #6).
//
// Gold comes as ACLED-style CSV (one row per event; the row's `notes` is the text to
// code), as our JSON-lines event schema (include/sitrep/event.h), or as labelled snippets
// (CASE 2021 Task 2 style JSON lines: a text and the ACLED sub-event type it reports, or
// null; scored apart by EvaluateSnippets). Predictions come
// as JSON lines, from a SQLite store, or from running the pipeline on the gold texts
// (that last part lives in the CLI, tools/sitrep/cmd_eval.cc, so this library does
// not depend on the pipeline).
//
// The matching rule and every metric are defined in docs/quality.md; in short, a
// predicted event matches a gold event one-to-one when they come from the same
// article, have a compatible type, dates within a window and places within 25 km.
//
//   sitrep::GoldSet gold;
//   sitrep::Status s = sitrep::LoadGold("../shared/gold", &gold, &diag);
//   std::vector<sitrep::Event> pred;
//   s = sitrep::LoadEventsJsonl("pred.jsonl", &pred, &diag);
//   sitrep::EvalReport r = sitrep::Evaluate(gold, pred, sitrep::EvalOptions());
//   std::cout << r.ToTable();
#ifndef SITREP_EVAL_H_
#define SITREP_EVAL_H_

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sitrep/article.h"
#include "sitrep/diagnostics.h"
#include "sitrep/event.h"
#include "sitrep/status.h"

namespace sitrep {

// ---------------------------------------------------------------------------------------------
// Reading gold and predictions

// A labelled snippet (CASE 2021 Task 2): one text and the one kind of event it reports.
struct Snippet {
  Article article;             // id (or "<file>:<line>" when absent), text, date (kept even when a placeholder)
  std::string case_label;      // e.g. "FORCE_AGAINST_PROTEST", "NATURAL_DISASTER"; "" when absent
  std::string sub_event_type;  // the expected ACLED sub-event type; "" (JSON null): no political violence here
};

// Gold events and, for ACLED CSV, the articles (the rows' `notes`) they were coded from; and
// labelled snippets, which are scored apart (EvaluateSnippets), never matched as events.
struct GoldSet {
  std::vector<Event> events;
  std::vector<Article> articles;   // empty for JSON-lines gold (text is in evidence.sentence)
  std::vector<Snippet> snippets;   // from labelled-snippet files
  std::vector<std::string> files;  // the gold files that were read, in order
};

// Reads gold from `path`: a .csv file (ACLED columns), a .jsonl file (our schema, or labelled
// snippets: see IsSnippetLine), or a directory, in which case every *.csv and *.jsonl directly in
// it is read in name order. Appends to `gold`. NotFound when the path does not exist or a
// directory holds no gold file; IOError when a file cannot be read. A bad row or line is reported
// to `diag` (when given) and skipped; it does not make the call fail.
Status LoadGold(const std::string& path, GoldSet* gold, Diagnostics* diag = nullptr);

// True when `line` (the first non-blank line of a .jsonl gold file) is a labelled snippet: a JSON
// object with "text" and the key "acled_sub_event_type" (its value may be null) and no
// "plover_type". The whole file is then read as snippets; otherwise as sitrep events.
bool IsSnippetLine(std::string_view line);

// Reads labelled snippets, one JSON object per line: "text" (string, required),
// "acled_sub_event_type" (string or null, required), optional "id", "date" (YYYY-MM-DD, or a
// date-time whose date part is used), "case_label". Blank lines are skipped; a bad line is
// reported to `diag` (file and line) and skipped. Appends to `snippets`.
Status LoadSnippetsJsonl(const std::string& path, std::vector<Snippet>* snippets, Diagnostics* diag = nullptr);

// Parses ACLED-style CSV text (RFC 4180 quoting, a header row naming the columns as ACLED
// publishes them; extra columns ignored, optional ones may be missing). Required columns:
// event_date, event_type, notes. `origin` names the input in diagnostics and articles.
// Each row becomes one gold Event and one Article (id = event_id_cnty, or "<origin>:<line>"
// when that column is missing; text = notes; date = event_date; source = source).
Status ParseAcledCsv(std::string_view csv, const std::string& origin, GoldSet* gold,
                     Diagnostics* diag = nullptr);

// Reads events, one JSON object per line (schema v1 or v2; blank lines skipped). Appends to
// `events`. A malformed line is reported to `diag` and skipped.
Status LoadEventsJsonl(const std::string& path, std::vector<Event>* events, Diagnostics* diag = nullptr);

// Reads every event stored in the sitrep store (include/sitrep/store.h) at `path`; NotFound
// when there is no database there.
Status LoadEventsFromDb(const std::string& path, std::vector<Event>* events, Diagnostics* diag = nullptr);

// "2023-11-06", "06 November 2023", "6 Nov 2023", "2023/11/06" -> "2023-11-06".
std::optional<std::string> ParseAcledDate(std::string_view s);

// ---------------------------------------------------------------------------------------------
// Matching

// Maps an actor name or dictionary id to a comparison key, e.g. "M23: March 23 Movement" -> "M23".
using ActorNormalizer = std::function<std::string(std::string_view)>;

// The default key when no dictionary is wired in: case-folded, punctuation turned into
// spaces, spaces collapsed, and a trailing ACLED period such as "(2019-)" dropped, so
// "Military Forces of the Democratic Republic of Congo (2019-)" equals "military forces of
// the democratic republic of congo". It does not know aliases ("FARDC").
std::string DefaultActorKey(std::string_view name);

// The key admin1 names are compared by: DefaultActorKey, Latin accents folded, French compass
// words in English and a trailing "province"/"region"/"state"... dropped, so ACLED's
// "Nord-Kivu" equals GeoNames' "North Kivu", "Equateur" equals "Équateur", "Borno State" "Borno".
std::string AdminKey(std::string_view name);

struct EvalOptions {
  int date_window_days = 3;   // match criterion: |gold date - predicted date| <= this
  double place_km = 25;       // match criterion: distance <= this when both have coordinates, or...
  // ...the prediction is placed at an admin area (precision 3: province, 2: district) that holds the
  // gold place (the same admin1, resp. admin2). False: distance only (`sitrep eval --strict-place`).
  bool admin_area_match = true;
  ActorNormalizer normalize_actor;  // empty: DefaultActorKey
  int worst = 10;             // how many worst examples the report keeps
};

// Great-circle distance in km (haversine, mean Earth radius 6371.0088 km).
double HaversineKm(double lat1, double lon1, double lat2, double lon2);

// Days from 1970-01-01 for a "YYYY-MM-DD" date; nullopt when it is not one.
std::optional<int64_t> DayNumber(std::string_view iso_date);

// Why a gold/predicted pair may or may not match. `same_article` is decided by the
// caller (see Evaluate); the rest is checked here.
struct PairCheck {
  bool type_ok = false;    // same ACLED event type, or same PLOVER type (JSON-lines gold)
  bool date_ok = false;    // gold has no date, or both dates within the window
  bool place_ok = false;   // not both have coordinates, or within place_km, or in the predicted admin area
  bool in_admin_area = false;  // the prediction names an admin area (precision 2/3) holding the gold place
  std::optional<int64_t> date_diff_days;  // predicted - gold, when both have dates
  std::optional<double> distance_km;      // when both have coordinates
  bool ok(bool require_type) const { return (type_ok || !require_type) && date_ok && place_ok; }
};
PairCheck CheckPair(const Event& gold, const Event& pred, const EvalOptions& options);

struct MatchPair {
  int gold = -1;  // index into the gold events
  int pred = -1;  // index into the predicted events
  double score = 0;
};

// One-to-one greedy matching within each article: every admissible pair is scored (1 for the
// match, plus agreement on sub-event type, actor1, actor2, date closeness and place closeness),
// then pairs are taken best score first, skipping events already used. `pred_article[i]` is
// the gold article predicted event i belongs to ("" = none). With `require_type` false the
// type is not a criterion (that alignment feeds the confusion table). Sorted by gold index.
std::vector<MatchPair> MatchEvents(const std::vector<Event>& gold, const std::vector<Event>& pred,
                                   const std::vector<std::string>& pred_article, const EvalOptions& options,
                                   bool require_type = true);

// ---------------------------------------------------------------------------------------------
// Scoring

// hit out of total; value() is 0 when total is 0.
struct Ratio {
  int64_t hit = 0, total = 0;
  void Add(bool ok) { hit += ok; ++total; }
  double value() const { return total ? static_cast<double>(hit) / total : 0.0; }
};

struct Example {
  std::string kind;        // "missed" (gold not found), "spurious" (no gold), "mismatch" (matched, fields wrong)
  std::string article_id;
  std::string gold;        // one-line summaries of the events ("" when absent)
  std::string pred;
  std::vector<std::string> errors;  // e.g. "actor1: gold m23 / pred fardc", "date +4d"
  std::string text;        // the evidence: gold sentence or article text (shortened)
};

// ---------------------------------------------------------------------------------------------
// Scoring labelled snippets (docs/quality.md, "Labelled snippets (CASE 2021)")

// One type's detection figures. Over snippets: `predicted` snippets had an event of that type,
// `labelled` snippets are labelled with it, `both` both. Over ACLED-style events: `predicted` events of
// that type, `labelled` gold events of it, `both` strict matches whose gold has it (and, for sub-event
// types, whose prediction has it too).
struct TypeScore {
  int64_t predicted = 0, labelled = 0, both = 0;
  double precision() const { return predicted ? static_cast<double>(both) / predicted : 0.0; }
  double recall() const { return labelled ? static_cast<double>(both) / labelled : 0.0; }
  double f1() const {
    double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
  }
};

struct SnippetReport {
  int worst_limit = 10;
  int64_t snippets = 0;
  int64_t pred_events = 0;  // predicted events of snippet articles (by article_id)
  // A snippet labelled with a sub-event type is right when some predicted event of its article has
  // that sub-event type (case-insensitive); one labelled null when none has an ACLED event type.
  Ratio acled, none, overall;
  std::map<std::string, TypeScore> by_type;  // sub-event type (the gold's spelling when it has it)
  std::map<std::string, Ratio> by_label;            // case_label ("(none)" when absent) -> right / total
  // (gold sub-event type, predicted sub-event type) -> snippets; "(none)" for a null label or no
  // ACLED-typed prediction, "(no sub-event type)" for an ACLED-typed prediction without one.
  std::map<std::pair<std::string, std::string>, int64_t> confusion;
  std::vector<Example> worst;  // "missed" (a labelled type not predicted) and "spurious" (ACLED events on null)

  std::string ToTable() const;  // human-readable
  std::string ToJson() const;   // one JSON object, pretty-printed
};

// Scores predictions against labelled snippets; a prediction belongs to the snippet whose article
// id is its article_id (others are ignored). Evaluate calls it when the gold has snippets.
SnippetReport EvaluateSnippets(const std::vector<Snippet>& snippets, const std::vector<Event>& pred,
                               const EvalOptions& options);

struct EvalReport {
  EvalOptions options;
  int64_t gold_events = 0, pred_events = 0, matched = 0;
  int64_t gold_articles = 0;
  int64_t unlinked_pred = 0;  // predicted events not linked to any gold article
  // Predicted events in ACLED-style gold articles that carry no ACLED type (talks, accusations,
  // bare figures): outside what ACLED codes, so scored neither way (docs/quality.md).
  int64_t outside_acled_pred = 0;
  double precision = 0, recall = 0, f1 = 0;

  // Over the type-agnostic alignment (see docs/quality.md), where gold has the field.
  Ratio event_type, plover_type;
  // Over matched pairs, where gold has the field.
  Ratio sub_event_type, actor1, actor2, admin1;
  // actor1 where a prediction naming gold's two sides the other way round also counts: ACLED's actor
  // order says no direction (attacker or defender), so "FARDC vs ADF" and "ADF vs FARDC" are one dyad.
  Ratio actor1_either_order;
  Ratio within_1km, within_25km, within_100km;  // pairs whose gold has coordinates
  Ratio within_25km_or_admin;  // the same pairs: within 25 km, or the prediction's admin area holds the gold place
  Ratio date_exact, date_within_3d;             // pairs whose gold has a date
  Ratio fatalities_exact;                       // pairs whose gold has a fatality count
  double fatalities_mae = 0;

  // Detection per ACLED event type and per sub-event type (precision, recall, F1 of each).
  std::map<std::string, TypeScore> by_event_type, by_sub_event_type;

  // Type confusion over the type-agnostic alignment: (gold type, predicted type) -> count,
  // "(none)" for a gold event with no counterpart or a predicted event with no gold.
  std::map<std::pair<std::string, std::string>, int64_t> confusion;
  std::vector<Example> worst;

  // When the gold has labelled snippets: their own section, never mixed into the figures above.
  // With snippets and no gold events, the table and JSON hold the snippet section only.
  std::optional<SnippetReport> snippets;

  std::string ToTable() const;  // human-readable
  std::string ToJson() const;   // one JSON object, pretty-printed ("snippets": the SnippetReport)
};

// Scores `pred` against `gold`. A predicted event belongs to a gold article when its
// article_id is one; otherwise (a store or reader may have given the article another id) its
// whole predicted article is linked to a gold article when the evidence sentences of its
// events occur in that gold article's text or gold evidence sentences, and in no other.
// Predictions linked to no gold article are not scored (EvalReport::unlinked_pred). Predictions
// of snippet articles (by article_id) are scored by EvaluateSnippets into EvalReport::snippets and
// left out of the event figures.
EvalReport Evaluate(const GoldSet& gold, const std::vector<Event>& pred, const EvalOptions& options);

// ---- Cross-article deduplication against ECB+ (../shared/gold/dedup, docs/quality.md) ----
//
//   std::map<std::string, std::set<std::string>> events_of;   // article id -> dataset event ids
//   DedupReport r;
//   Status s = ScoreSameEventPairs("../shared/gold/dedup", events_of, &r);
//
// A pair of articles of one topic is predicted "same incident" when some dataset event has mentions
// in both. Scored pairwise against same_event_pairs_within_topic.jsonl, separately for the topics
// whose sub-topics are conflict_or_crime (subtopics.jsonl) and for the others.
struct SamePairScore {
  int64_t true_positive = 0, false_positive = 0, false_negative = 0, true_negative = 0;
  double Precision() const;
  double Recall() const;
  double F1() const;
};

struct DedupReport {
  SamePairScore conflict, other, all;
  // The same over the pairs whose two articles both have a dataset event: how well the events that were
  // extracted are linked, apart from how many articles the extraction finds nothing in.
  SamePairScore conflict_with_events, other_with_events;
  int64_t articles = 0, articles_with_events = 0;  // gold articles, and those with a dataset event
  std::string ToTable() const;
};

Status ScoreSameEventPairs(const std::string& gold_dir, const std::map<std::string, std::set<std::string>>& events_of,
                           DedupReport* out);

}  // namespace sitrep

#endif  // SITREP_EVAL_H_
