// Dataset: one event per incident from many reports, and who holds which place when (docs/dataset.md).
//
// Every stored event is one article's *mention* of an incident. BuildDataset links the mentions that
// report one incident (same kind, compatible actors, place and date window, by the analyst's rules in
// data/dataset/rules.txt) into a DatasetEvent with reconciled fields, its sources and a confidence;
// BuildControlPeriods turns the territorial ones (captures, retakings, withdrawals, handovers) into
// periods of control per place.
//
//   DatasetRules rules;
//   Status s = DatasetRules::Load(DataDir() + "/dataset/rules.txt", &rules);
//   std::vector<Mention> mentions = ...;              // Store::ReadMentions
//   std::vector<DatasetEvent> events;
//   BuildDataset(mentions, rules, &events);           // a function of the set: order does not matter
//   std::vector<ControlPeriod> periods;
//   BuildControlPeriods(events, rules, &periods);
//
// Both results depend only on the set of mentions, never on their order, so ingest order and
// re-ingesting change nothing; the store keeps them (Store::RebuildDataset) and recomputes them after
// every ingest and delete.
#ifndef SITREP_DATASET_H_
#define SITREP_DATASET_H_

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "sitrep/event.h"
#include "sitrep/status.h"

namespace sitrep {

// One article's report of an event: the stored event with its article's publisher and date.
struct Mention {
  Event event;                              // event.article_id names the article
  std::string source;                       // the article's publisher (host); may be empty
  std::optional<std::string> article_date;  // "YYYY-MM-DD"
  // The independent source it counts for: the publisher, else the article itself.
  std::string SourceKey() const { return source.empty() ? event.article_id : source; }
};

// The rules that decide which mentions report one incident and how control is read
// (data/dataset/rules.txt; the format is in its header and in docs/dataset.md).
struct DatasetRules {
  std::map<std::string, int> window_days;     // date precision -> days either side; absent: no link
  bool undated_link = true;                   // a mention without a date links on the other criteria
  // Two mentions with no anchor in common (both dated, both placed below a country, or the same named actor1):
  // true links them on the other criteria, false keeps them apart.
  bool anchorless_link = false;
  std::set<std::string> split_modes;          // "FIGHT/occupy": a mode that is a kind of its own
  std::map<std::string, std::string> kind_aliases;  // kind -> the kind it is read as ("FIGHT" -> "ASSAULT")
  // A mention without a place: "apart" links to nothing, "link" links on the other criteria, "named" links
  // when both name the same actor1 (not a generic one).
  std::string unplaced = "apart";
  std::set<std::string> symmetric_kinds;      // kinds whose two sides may be named in either order
  std::set<std::string> generic_actors;       // actor ids compatible with any actor
  std::vector<std::string> admin_levels;      // "admin1", "admin2": a place inside the other's area
  double place_km = 0;                        // within this distance: the same place
  bool same_article_apart = true;             // two mentions of one article stay two events
  std::vector<std::string> modality_order;    // most factual first
  std::vector<std::pair<int, double>> confidence;  // (sources at least, confidence), ascending
  std::set<std::string> take_kinds;           // kind (TYPE/mode) whose actor1 takes the place
  std::set<std::string> leave_kinds;          // kind whose actor1 leaves it (actor2, if any, receives it)
  std::set<std::string> take_modalities;      // modalities of a take that start a period
  std::set<std::string> leave_modalities;     // modalities of a leave that end one ("would withdraw")
  int contest_days = 0;                       // another holder's claim this close to a start contests it
  std::set<std::string> control_skip;         // "country", "admin1", "admin2": areas that get no periods
  uint64_t fingerprint = 0;                   // hash of the rules text: a dataset built under other rules is stale

  // Reads the rules file; an error names the file and line.
  static Status Load(const std::string& path, DatasetRules* out);
  static Status Parse(const std::string& text, const std::string& origin, DatasetRules* out);
};

// The reference to one mention kept by a dataset event.
struct MentionRef {
  std::string article_id, event_id, source;
  std::optional<std::string> article_date;
  std::string modality, claimant;
  Evidence evidence;
};

// One incident as the dataset holds it.
struct DatasetEvent {
  std::string id;          // "d" + 16 hex digits, from the mention with the smallest (article, event) id
  Event event;             // the reconciled record (event.event_id == id, event.article_id: that mention's)
  std::vector<MentionRef> mentions;  // ordered by article date, article id, event id
  int64_t source_count = 0;          // independent sources (publishers; an article without one counts alone)
  std::vector<std::string> sources;  // their names, sorted
  std::optional<std::string> first_reported, last_reported;  // article dates
};

// Who holds a place from when to when, according to whom.
struct ControlPeriod {
  Location place;
  ActorRef holder;
  std::vector<ActorRef> co_holders;       // named beside the holder in the sentence of its taking
  std::optional<std::string> start, end;  // "YYYY-MM-DD"; no start: held before the first report; no end: still held
  std::string modality;                   // claimed (only the holder says so), confirmed, contested
  std::string ended_by;                   // "withdrawal", "handover", "taken by <actor>", "" while held
  std::vector<std::string> according_to;  // sources and claimants, sorted
  std::vector<std::string> claimed_by;    // who claims the taking (claimants of claimed reports), sorted
  std::vector<std::string> evidence;      // dataset event ids, in date order
  std::vector<Evidence> sentences;        // the evidence sentences of those events' mentions
};

// "FIGHT" or "FIGHT/occupy" (when the mode is in rules.split_modes): what must match to link.
std::string KindOf(const Event& e, const DatasetRules& rules);
// True when two mentions may report one incident under `rules` (each criterion in docs/dataset.md).
bool MayReportOneIncident(const Mention& a, const Mention& b, const DatasetRules& rules);
// The dataset events of a set of mentions, ordered by date (undated last) then id.
void BuildDataset(const std::vector<Mention>& mentions, const DatasetRules& rules, std::vector<DatasetEvent>* out);
// The control periods the territorial dataset events imply, ordered by place, then start.
void BuildControlPeriods(const std::vector<DatasetEvent>& events, const DatasetRules& rules,
                         std::vector<ControlPeriod>* out);

// JSON of a dataset event: the reconciled event (schema v1 fields) plus dataset_event_id,
// source_count, sources, first_reported, last_reported, and with `with_mentions` its mentions.
std::string DatasetEventToJson(const DatasetEvent& d, bool with_mentions);
Status DatasetEventFromJson(const std::string& json, DatasetEvent* out);
std::string ControlPeriodToJson(const ControlPeriod& p);
Status ControlPeriodFromJson(const std::string& json, ControlPeriod* out);

}  // namespace sitrep

#endif  // SITREP_DATASET_H_
