// Event <-> JSON, schema v1 (docs/schema.md).
#include <string>

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdint>
#include <type_traits>
#include <utility>

#include "core/hash.h"
#include "sitrep/event.h"

namespace sitrep {

using nlohmann::json;
using ordered = nlohmann::ordered_json;

double RoundCoordinate(double degrees) {
  const double scaled = degrees * 1e5;
  return std::isfinite(scaled) ? std::round(scaled) / 1e5 : degrees;  // no overflow to infinity (then null)
}

const std::vector<std::string>& Counts::Roles() {
  static const std::vector<std::string> kRoles = {"killed", "wounded", "displaced", "abducted", "arrested", "troops"};
  return kRoles;
}

Estimate* Counts::Find(const std::string& role) {
  return const_cast<Estimate*>(static_cast<const Counts*>(this)->Find(role));
}

const Estimate* Counts::Find(const std::string& role) const {
  if (role == "killed") return &killed;
  if (role == "wounded") return &wounded;
  if (role == "displaced") return &displaced;
  if (role == "abducted") return &abducted;
  if (role == "arrested") return &arrested;
  if (role == "troops") return &troops;
  return nullptr;
}

namespace {

ordered OptInt(const std::optional<int64_t>& v) { return v ? ordered(*v) : ordered(nullptr); }

ordered ActorJson(const ActorRef& a) {
  if (a.empty()) return nullptr;
  return {{"name", a.name}, {"id", a.id}, {"type", a.type}, {"country", a.country}, {"text", a.text}};
}

ordered LocationJson(const std::optional<Location>& location) {
  if (!location) return nullptr;
  const Location& l = *location;
  const bool resolved = l.geonames_id || l.precision;
  return {{"name", l.name},
          {"geonames_id", l.geonames_id ? ordered(l.geonames_id) : ordered(nullptr)},
          {"lat", resolved ? ordered(RoundCoordinate(l.lat)) : ordered(nullptr)},
          {"lon", resolved ? ordered(RoundCoordinate(l.lon)) : ordered(nullptr)},
          {"admin1", l.admin1},
          {"admin2", l.admin2},
          {"country_code", l.country_code},
          {"precision", l.precision},
          {"text", l.text}};
}

// Keys in the order of docs/schema.md (an ordered_json keeps insertion order).
ordered EventJson(const Event& e) {
  ordered j;
  j["schema"] = 2;
  j["event_id"] = e.event_id;
  j["article_id"] = e.article_id;
  j["source"] = e.source;
  j["url"] = e.url;
  j["title"] = e.title;
  j["plover_type"] = e.plover_type;
  j["plover_mode"] = e.plover_mode;
  j["cameo_code"] = e.cameo_code;
  j["acled_event_type"] = e.acled_event_type;
  j["acled_sub_event_type"] = e.acled_sub_event_type;
  j["actor1"] = ActorJson(e.actor1);
  j["actor2"] = ActorJson(e.actor2);
  j["location"] = LocationJson(e.location);
  j["date"] = e.date ? ordered(*e.date) : ordered(nullptr);
  j["date_precision"] = e.date_precision;
  ordered counts = ordered::object();
  for (const std::string& role : Counts::Roles()) {
    const Estimate* est = e.counts.Find(role);
    counts[role] = {{"low", OptInt(est->low)}, {"best", OptInt(est->best)}, {"high", OptInt(est->high)}};
  }
  j["counts"] = counts;
  j["modality"] = e.modality;
  j["claimant"] = e.claimant;
  j["confidence"] = e.confidence;
  j["evidence"] = {{"sentence", e.evidence.sentence},
                   {"start", e.evidence.start},
                   {"end", e.evidence.end},
                   {"trigger_start", e.evidence.trigger_start},
                   {"trigger_end", e.evidence.trigger_end}};
  j["trigger"] = e.trigger;
  return j;
}

// Reads `obj[key]` into `out` when present and not null; errors name the field path.
template <typename T>
Status Get(const json& obj, const char* key, const std::string& path, T* out) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return Status::OK();
  if constexpr (std::is_integral_v<T> && !std::is_same_v<T, bool>) {
    // get<T>() converts a float such as 2.3e52, or an integer out of T's range, with undefined or
    // wrapped results (found by fuzz/export.cc): only integers that fit are taken.
    bool fits = it->is_number_unsigned()  ? std::in_range<T>(it->get<uint64_t>())
                : it->is_number_integer() ? std::in_range<T>(it->get<int64_t>())
                                          : false;
    if (!fits)
      return Status::InvalidArgument("field '" + path + key + "' must be an integer in range, not " + it->dump());
  }
  try {
    *out = it->get<T>();
  } catch (const json::exception&) {
    return Status::InvalidArgument("field '" + path + key + "' has the wrong type (" + it->type_name() + ")");
  }
  return Status::OK();
}

Status CheckKeys(const json& obj, const std::string& path, std::initializer_list<const char*> allowed) {
  if (!obj.is_object()) return Status::InvalidArgument("field '" + path + "' must be an object");
  for (auto it = obj.begin(); it != obj.end(); ++it) {
    bool known = false;
    for (const char* a : allowed) known = known || it.key() == a;
    if (!known) return Status::InvalidArgument("unknown field '" + path + it.key() + "'");
  }
  return Status::OK();
}

Status ActorFromJson(const json& j, const std::string& path, ActorRef* a) {
  if (j.is_null()) return Status::OK();
  Status s = CheckKeys(j, path, {"name", "id", "type", "country", "text"});
  if (!s.ok()) return s;
  for (auto [key, field] : {std::pair{"name", &a->name}, {"id", &a->id}, {"type", &a->type},
                            {"country", &a->country}, {"text", &a->text}}) {
    if (!(s = Get(j, key, path + ".", field)).ok()) return s;
  }
  return Status::OK();
}

Status EstimateFromJson(const json& j, const std::string& path, Estimate* est) {
  if (j.is_null()) return Status::OK();
  Status s = CheckKeys(j, path, {"low", "best", "high"});
  if (!s.ok()) return s;
  for (auto [key, field] : {std::pair{"low", &est->low}, {"best", &est->best}, {"high", &est->high}}) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) continue;
    int64_t value = 0;
    if (!(s = Get(j, key, path + ".", &value)).ok()) return s;
    *field = value;
  }
  return Status::OK();
}

}  // namespace

std::string EventToJson(const Event& e) {
  return EventJson(e).dump(-1, ' ', false, ordered::error_handler_t::replace);
}

Status EventFromJson(const std::string& text, Event* out) {
  json j = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return Status::InvalidArgument("malformed JSON");
  Status s = CheckKeys(j, "", {"schema", "event_id", "article_id", "source", "url", "title", "plover_type", "plover_mode", "cameo_code",
                               "acled_event_type", "acled_sub_event_type", "actor1", "actor2", "location", "date",
                               "date_precision", "counts", "modality", "claimant", "confidence", "evidence",
                               "trigger"});
  if (!s.ok()) return s;
  Event e;
  for (auto [key, field] :
       {std::pair{"event_id", &e.event_id}, {"article_id", &e.article_id}, {"source", &e.source}, {"url", &e.url},
        {"title", &e.title}, {"plover_type", &e.plover_type},
        {"plover_mode", &e.plover_mode}, {"cameo_code", &e.cameo_code}, {"acled_event_type", &e.acled_event_type},
        {"acled_sub_event_type", &e.acled_sub_event_type}, {"date_precision", &e.date_precision},
        {"modality", &e.modality}, {"claimant", &e.claimant}, {"trigger", &e.trigger}}) {
    if (!(s = Get(j, key, "", field)).ok()) return s;
  }
  if (!(s = Get(j, "confidence", "", &e.confidence)).ok()) return s;
  if (j.contains("date") && !j["date"].is_null()) {
    std::string d;
    if (!(s = Get(j, "date", "", &d)).ok()) return s;
    e.date = d;
  }
  if (j.contains("actor1") && !(s = ActorFromJson(j["actor1"], "actor1", &e.actor1)).ok()) return s;
  if (j.contains("actor2") && !(s = ActorFromJson(j["actor2"], "actor2", &e.actor2)).ok()) return s;
  if (j.contains("location") && !j["location"].is_null()) {
    const json& l = j["location"];
    if (!(s = CheckKeys(l, "location", {"name", "geonames_id", "lat", "lon", "admin1", "admin2", "country_code",
                                        "precision", "text"}))
             .ok())
      return s;
    Location loc;
    if (!(s = Get(l, "name", "location.", &loc.name)).ok()) return s;
    if (!(s = Get(l, "geonames_id", "location.", &loc.geonames_id)).ok()) return s;
    if (!(s = Get(l, "lat", "location.", &loc.lat)).ok()) return s;
    if (!(s = Get(l, "lon", "location.", &loc.lon)).ok()) return s;
    if (!(s = Get(l, "admin1", "location.", &loc.admin1)).ok()) return s;
    if (!(s = Get(l, "admin2", "location.", &loc.admin2)).ok()) return s;
    if (!(s = Get(l, "country_code", "location.", &loc.country_code)).ok()) return s;
    if (!(s = Get(l, "precision", "location.", &loc.precision)).ok()) return s;
    if (!(s = Get(l, "text", "location.", &loc.text)).ok()) return s;
    e.location = loc;
  }
  if (j.contains("counts") && !j["counts"].is_null()) {
    const json& c = j["counts"];
    if (!c.is_object()) return Status::InvalidArgument("field 'counts' must be an object");
    for (auto it = c.begin(); it != c.end(); ++it) {
      Estimate* est = e.counts.Find(it.key());
      if (!est) return Status::InvalidArgument("unknown field 'counts." + it.key() + "'");
      if (!(s = EstimateFromJson(it.value(), "counts." + it.key(), est)).ok()) return s;
    }
  }
  if (j.contains("evidence") && !j["evidence"].is_null()) {
    const json& ev = j["evidence"];
    if (!(s = CheckKeys(ev, "evidence", {"sentence", "start", "end", "trigger_start", "trigger_end"})).ok()) return s;
    if (!(s = Get(ev, "sentence", "evidence.", &e.evidence.sentence)).ok()) return s;
    if (!(s = Get(ev, "start", "evidence.", &e.evidence.start)).ok()) return s;
    if (!(s = Get(ev, "end", "evidence.", &e.evidence.end)).ok()) return s;
    if (!(s = Get(ev, "trigger_start", "evidence.", &e.evidence.trigger_start)).ok()) return s;
    if (!(s = Get(ev, "trigger_end", "evidence.", &e.evidence.trigger_end)).ok()) return s;
  }
  *out = std::move(e);
  return Status::OK();
}

// FNV-1a 64 of the identifying fields, each followed by a 0xff byte. Persisted: the value
// must never change.
std::string ComputeEventId(const Event& e) {
  uint64_t h = hash::kFnvOffset64;
  auto mix = [&h](const std::string& s) { h = hash::Fnv1aByte(hash::Fnv1a(s, h), 0xff); };
  mix(e.article_id);
  mix(std::to_string(e.evidence.trigger_start));
  mix(e.plover_type);
  mix(e.actor1.id.empty() ? e.actor1.name : e.actor1.id);
  mix(e.actor2.id.empty() ? e.actor2.name : e.actor2.id);
  mix(e.location ? e.location->name : "");
  return hash::Hex16(h);
}

}  // namespace sitrep
