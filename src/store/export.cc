// Flat views of an Event: CSV records and GeoJSON features (docs/schema.md "Flat columns").
#include <nlohmann/json.hpp>

#include "sitrep/store.h"

namespace sitrep {

using nlohmann::json;

namespace {

json Opt(const std::optional<int64_t>& v) { return v ? json(*v) : json(nullptr); }

// Names and typed values side by side, so CSV and GeoJSON cannot drift apart.
void Flatten(const Event* e, std::vector<std::string>* names, std::vector<json>* values) {
  auto add = [&](const std::string& name, auto&& value_of) {
    if (names) names->push_back(name);
    if (values) values->push_back(value_of());
  };
  const Event empty;
  const Event& ev = e ? *e : empty;
  const Location* loc = ev.location ? &*ev.location : nullptr;
  bool coords = HasCoordinates(ev);
  add("event_id", [&] { return json(ev.event_id); });
  add("article_id", [&] { return json(ev.article_id); });
  add("source", [&] { return json(ev.source); });
  add("url", [&] { return json(ev.url); });
  add("title", [&] { return json(ev.title); });
  add("date", [&] { return ev.date ? json(*ev.date) : json(nullptr); });
  add("date_precision", [&] { return json(ev.date_precision); });
  add("plover_type", [&] { return json(ev.plover_type); });
  add("plover_mode", [&] { return json(ev.plover_mode); });
  add("cameo_code", [&] { return json(ev.cameo_code); });
  add("acled_event_type", [&] { return json(ev.acled_event_type); });
  add("acled_sub_event_type", [&] { return json(ev.acled_sub_event_type); });
  // A pair, not a structured binding: clang 14 cannot capture a binding in the lambdas below.
  for (const auto& prefixed : {std::pair{"actor1", &ev.actor1}, {"actor2", &ev.actor2}}) {
    const std::string p = prefixed.first;
    const ActorRef* actor = prefixed.second;
    add(p + "_name", [&] { return json(actor->name); });
    add(p + "_id", [&] { return json(actor->id); });
    add(p + "_type", [&] { return json(actor->type); });
    add(p + "_country", [&] { return json(actor->country); });
  }
  add("location_name", [&] { return loc ? json(loc->name) : json(""); });
  add("geonames_id", [&] { return loc && loc->geonames_id ? json(loc->geonames_id) : json(nullptr); });
  add("admin1", [&] { return loc ? json(loc->admin1) : json(""); });
  add("admin2", [&] { return loc ? json(loc->admin2) : json(""); });
  add("country_code", [&] { return loc ? json(loc->country_code) : json(""); });
  add("lat", [&] { return coords ? json(RoundCoordinate(loc->lat)) : json(nullptr); });
  add("lon", [&] { return coords ? json(RoundCoordinate(loc->lon)) : json(nullptr); });
  add("location_precision", [&] { return loc && loc->precision ? json(loc->precision) : json(nullptr); });
  for (const std::string& role : Counts::Roles()) {
    const Estimate* est = ev.counts.Find(role);
    add(role + "_low", [&] { return Opt(est->low); });
    add(role + "_best", [&] { return Opt(est->best); });
    add(role + "_high", [&] { return Opt(est->high); });
  }
  add("modality", [&] { return json(ev.modality); });
  add("claimant", [&] { return json(ev.claimant); });
  add("confidence", [&] { return json(ev.confidence); });
  add("trigger", [&] { return json(ev.trigger); });
  add("sentence", [&] { return json(ev.evidence.sentence); });
  add("sentence_start", [&] { return json(ev.evidence.start); });
  add("sentence_end", [&] { return json(ev.evidence.end); });
  add("trigger_start", [&] { return json(ev.evidence.trigger_start); });
  add("trigger_end", [&] { return json(ev.evidence.trigger_end); });
}

}  // namespace

const std::vector<std::string>& EventColumns() {
  static const std::vector<std::string> kColumns = [] {
    std::vector<std::string> names;
    Flatten(nullptr, &names, nullptr);
    return names;
  }();
  return kColumns;
}

std::vector<std::string> EventColumnValues(const Event& e) {
  std::vector<json> values;
  Flatten(&e, nullptr, &values);
  std::vector<std::string> out;
  out.reserve(values.size());
  for (const json& v : values) {
    if (v.is_null()) out.emplace_back();
    else if (v.is_string()) out.push_back(v.get<std::string>());
    else out.push_back(v.dump());
  }
  return out;
}

namespace {

// "-3.5", "12", "+1e5": a decimal number a spreadsheet reads as such, never as a formula.
bool IsPlainNumber(std::string_view f) {
  size_t i = 0;
  if (i < f.size() && (f[i] == '-' || f[i] == '+')) ++i;
  size_t digits = 0;
  for (; i < f.size() && f[i] >= '0' && f[i] <= '9'; ++i) ++digits;
  if (i < f.size() && f[i] == '.')
    for (++i; i < f.size() && f[i] >= '0' && f[i] <= '9'; ++i) ++digits;
  if (digits == 0) return false;
  if (i < f.size() && (f[i] == 'e' || f[i] == 'E')) {
    ++i;
    if (i < f.size() && (f[i] == '-' || f[i] == '+')) ++i;
    size_t exponent = 0;
    for (; i < f.size() && f[i] >= '0' && f[i] <= '9'; ++i) ++exponent;
    if (exponent == 0) return false;
  }
  return i == f.size();
}

// A cell a spreadsheet would run as a formula (OWASP "CSV injection"): it starts with = + - @,
// a tab or a carriage return, and is not a plain number such as a -3.5 longitude.
bool LooksLikeFormula(std::string_view f) {
  return !f.empty() && std::string_view("=+-@\t\r").find(f.front()) != std::string_view::npos &&
         !IsPlainNumber(f);
}

}  // namespace

std::string CsvRecord(const std::vector<std::string>& fields) {
  std::string out;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i) out += ',';
    // A leading ' makes spreadsheets show the cell as text (the ' itself is not shown).
    const std::string f = LooksLikeFormula(fields[i]) ? "'" + fields[i] : fields[i];
    if (f.find_first_of(",\"\r\n") == std::string::npos) {
      out += f;
      continue;
    }
    out += '"';
    for (char c : f) {
      if (c == '"') out += '"';
      out += c;
    }
    out += '"';
  }
  out += "\r\n";
  return out;
}

std::string EventToGeoJsonFeature(const Event& e) {
  std::vector<std::string> names;
  std::vector<json> values;
  Flatten(&e, &names, &values);
  nlohmann::ordered_json props = nlohmann::ordered_json::object();
  for (size_t i = 0; i < names.size(); ++i) props[names[i]] = values[i];
  nlohmann::ordered_json geometry = nullptr;  // RFC 7946 3.2: an unlocated feature
  if (HasCoordinates(e))
    geometry = {{"type", "Point"},
                {"coordinates", {RoundCoordinate(e.location->lon), RoundCoordinate(e.location->lat)}}};
  nlohmann::ordered_json feature = {
      {"type", "Feature"}, {"id", e.event_id}, {"geometry", geometry}, {"properties", props}};
  return feature.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace sitrep
