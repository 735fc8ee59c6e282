// JSON of dataset events and control periods (docs/schema.md "Dataset events", "Control periods"): the
// event and its location and actors as in schema v1, plus the dataset's own fields.
#include <nlohmann/json.hpp>

#include "sitrep/dataset.h"

namespace sitrep {
namespace {

using json = nlohmann::json;

json OptString(const std::optional<std::string>& s) { return s ? json(*s) : json(nullptr); }

std::optional<std::string> GetOptString(const json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_string()) return std::nullopt;
  return it->get<std::string>();
}

std::string Dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

json EvidenceJson(const Evidence& e) {
  return {{"sentence", e.sentence}, {"start", e.start}, {"end", e.end},
          {"trigger_start", e.trigger_start}, {"trigger_end", e.trigger_end}};
}

Evidence EvidenceFrom(const json& j) {
  Evidence e;
  e.sentence = j.value("sentence", "");
  e.start = j.value("start", int64_t{0});
  e.end = j.value("end", int64_t{0});
  e.trigger_start = j.value("trigger_start", int64_t{0});
  e.trigger_end = j.value("trigger_end", int64_t{0});
  return e;
}

json MentionJson(const MentionRef& m) {
  return {{"article_id", m.article_id}, {"event_id", m.event_id}, {"source", m.source},
          {"article_date", OptString(m.article_date)}, {"modality", m.modality}, {"claimant", m.claimant},
          {"evidence", EvidenceJson(m.evidence)}};
}

MentionRef MentionFrom(const json& j) {
  MentionRef m;
  m.article_id = j.value("article_id", "");
  m.event_id = j.value("event_id", "");
  m.source = j.value("source", "");
  m.article_date = GetOptString(j, "article_date");
  m.modality = j.value("modality", "");
  m.claimant = j.value("claimant", "");
  if (j.contains("evidence")) m.evidence = EvidenceFrom(j["evidence"]);
  return m;
}

// Removes `key` from `j` and returns it (null when absent).
json Take(json* j, const char* key) {
  auto it = j->find(key);
  if (it == j->end()) return json(nullptr);
  json v = std::move(*it);
  j->erase(it);
  return v;
}

Status ParseObject(const std::string& text, const char* what, json* out) {
  *out = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!out->is_object()) return Status::Corruption(std::string(what) + ": not a JSON object");
  return Status::OK();
}

}  // namespace

std::string DatasetEventToJson(const DatasetEvent& d, bool with_mentions) {
  json j = json::parse(EventToJson(d.event));
  j["dataset_event_id"] = d.id;
  j["source_count"] = d.source_count;
  j["sources"] = d.sources;
  j["first_reported"] = OptString(d.first_reported);
  j["last_reported"] = OptString(d.last_reported);
  j["mention_count"] = d.mentions.size();
  if (with_mentions) {
    json mentions = json::array();
    for (const MentionRef& m : d.mentions) mentions.push_back(MentionJson(m));
    j["mentions"] = std::move(mentions);
  }
  return Dump(j);
}

Status DatasetEventFromJson(const std::string& text, DatasetEvent* out) {
  json j;
  if (Status s = ParseObject(text, "dataset event", &j); !s.ok()) return s;
  DatasetEvent d;
  json id = Take(&j, "dataset_event_id"), count = Take(&j, "source_count"), sources = Take(&j, "sources");
  if (!id.is_string() || !count.is_number_integer() || !sources.is_array())
    return Status::Corruption("dataset event: dataset_event_id, source_count or sources missing or mistyped");
  d.id = id.get<std::string>();
  d.source_count = count.get<int64_t>();
  for (const json& source : sources)
    if (source.is_string()) d.sources.push_back(source.get<std::string>());
  d.first_reported = GetOptString(json{{"v", Take(&j, "first_reported")}}, "v");
  d.last_reported = GetOptString(json{{"v", Take(&j, "last_reported")}}, "v");
  Take(&j, "mention_count");
  json mentions = Take(&j, "mentions");
  if (mentions.is_array())
    for (const json& m : mentions) d.mentions.push_back(MentionFrom(m));
  if (Status s = EventFromJson(j.dump(), &d.event); !s.ok()) return s;
  *out = std::move(d);
  return Status::OK();
}

std::string ControlPeriodToJson(const ControlPeriod& p) {
  Event carrier;  // the place and the holder are written as an event's location and actor1
  carrier.location = p.place;
  carrier.actor1 = p.holder;
  json e = json::parse(EventToJson(carrier));
  json sentences = json::array();
  for (const Evidence& ev : p.sentences) sentences.push_back(EvidenceJson(ev));
  json co_holders = json::array();
  for (const ActorRef& a : p.co_holders) co_holders.push_back({{"id", a.id}, {"name", a.name}});
  json j = {{"place", e["location"]},          {"holder", e["actor1"]},       {"co_holders", co_holders},
            {"start", OptString(p.start)},     {"end", OptString(p.end)},     {"modality", p.modality},
            {"ended_by", p.ended_by},          {"according_to", p.according_to},
            {"claimed_by", p.claimed_by},      {"evidence", p.evidence},      {"sentences", sentences}};
  return Dump(j);
}

Status ControlPeriodFromJson(const std::string& text, ControlPeriod* out) {
  json j;
  if (Status s = ParseObject(text, "control period", &j); !s.ok()) return s;
  json e = json::parse(EventToJson(Event{}));
  e["location"] = j["place"];
  e["actor1"] = j["holder"];
  Event carrier;
  if (Status s = EventFromJson(e.dump(), &carrier); !s.ok()) return s;
  ControlPeriod p;
  if (carrier.location) p.place = *carrier.location;
  p.holder = carrier.actor1;
  p.start = GetOptString(j, "start");
  p.end = GetOptString(j, "end");
  p.modality = j.value("modality", "");
  p.ended_by = j.value("ended_by", "");
  p.according_to = j.value("according_to", std::vector<std::string>{});
  p.claimed_by = j.value("claimed_by", std::vector<std::string>{});
  for (const json& a : j.value("co_holders", json::array())) {
    ActorRef ref;
    ref.id = a.value("id", "");
    ref.name = a.value("name", "");
    p.co_holders.push_back(ref);
  }
  p.evidence = j.value("evidence", std::vector<std::string>{});
  for (const json& s : j.value("sentences", json::array())) p.sentences.push_back(EvidenceFrom(s));
  *out = std::move(p);
  return Status::OK();
}

}  // namespace sitrep
