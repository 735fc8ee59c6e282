// EvalReport as a readable table and as JSON.
#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "sitrep/eval.h"

namespace sitrep {
namespace {

std::string Percent(const Ratio& r) { return r.total ? fmt::format("{:6.1f}%", 100 * r.value()) : "      -"; }

std::string Row(const char* name, const Ratio& r) {
  return fmt::format("  {:<34} {:>7} / {:<7} {:>8}\n", name, r.hit, r.total, Percent(r));
}

nlohmann::json RatioJson(const Ratio& r) {
  return {{"correct", r.hit}, {"total", r.total}, {"accuracy", r.total ? nlohmann::json(r.value()) : nlohmann::json(nullptr)}};
}

// Line breaks inside a quoted text would break the table's layout.
std::string OneLine(std::string s) {
  for (char& c : s) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return s;
}

}  // namespace

std::string EvalReport::ToTable() const {
  std::string out;
  out += fmt::format("Gold: {} events in {} articles. Predicted: {} events in gold articles", gold_events,
                     gold_articles, pred_events);
  if (unlinked_pred) out += fmt::format(" ({} more in other articles, not scored)", unlinked_pred);
  if (outside_acled_pred)
    out += fmt::format(" ({} more without an ACLED type in ACLED-style articles, not scored)", outside_acled_pred);
  out += ".\n";
  out += fmt::format("Match: same article, same type, date within {} days, place within {} km (docs/quality.md).\n\n",
                     options.date_window_days, options.place_km);

  out += "Event detection\n";
  out += fmt::format("  {:>8} {:>8} {:>8} {:>10} {:>8} {:>8}\n", "matched", "gold", "pred", "precision", "recall", "F1");
  out += fmt::format("  {:>8} {:>8} {:>8} {:>10.3f} {:>8.3f} {:>8.3f}\n\n", matched, gold_events, pred_events,
                     precision, recall, f1);

  out += fmt::format("Fields\n  {:<34} {:>7}   {:<7} {:>8}\n", "", "correct", "total", "accuracy");
  out += Row("event type (ACLED, aligned)", event_type);
  if (plover_type.total) out += Row("event type (PLOVER, aligned)", plover_type);
  out += Row("sub-event type", sub_event_type);
  out += Row("actor1", actor1);
  out += Row("actor2", actor2);
  out += Row("admin1", admin1);
  out += Row("location within 1 km", within_1km);
  out += Row("location within 25 km", within_25km);
  out += Row("location within 100 km", within_100km);
  out += Row("date exact", date_exact);
  out += Row("date within 3 days", date_within_3d);
  out += Row("fatalities exact", fatalities_exact);
  out += fmt::format("  {:<34} {}\n\n", "fatalities mean absolute error",
                     fatalities_exact.total ? fmt::format("{:.2f}", fatalities_mae) : "-");

  // Confusion: rows gold, columns predicted.
  std::set<std::string> rows, cols;
  for (const auto& [key, n] : confusion) {
    rows.insert(key.first);
    cols.insert(key.second);
  }
  out += "Event type confusion (rows: gold, columns: predicted; (none) = no counterpart)\n";
  if (confusion.empty()) {
    out += "  (no events)\n";
  } else {
    size_t width = 12;
    for (const std::string& r : rows) width = std::max(width, r.size());
    out += fmt::format("  {:<{}}", "", width);
    for (const std::string& c : cols) out += fmt::format(" | {:>{}}", c, std::max<size_t>(c.size(), 4));
    out += "\n";
    for (const std::string& r : rows) {
      out += fmt::format("  {:<{}}", r, width);
      for (const std::string& c : cols) {
        auto it = confusion.find({r, c});
        out += fmt::format(" | {:>{}}", it == confusion.end() ? 0 : it->second, std::max<size_t>(c.size(), 4));
      }
      out += "\n";
    }
  }

  out += fmt::format("\nWorst examples ({})\n", worst.size());
  for (size_t i = 0; i < worst.size(); ++i) {
    const Example& ex = worst[i];
    out += fmt::format("{:>3}. [{}] article {}\n", i + 1, ex.kind, ex.article_id);
    if (!ex.gold.empty()) out += "     gold: " + ex.gold + "\n";
    if (!ex.pred.empty()) out += "     pred: " + ex.pred + "\n";
    for (const std::string& e : ex.errors) out += "     - " + e + "\n";
    if (!ex.text.empty()) out += "     text: " + OneLine(ex.text) + "\n";
  }
  return out;
}

std::string EvalReport::ToJson() const {
  using nlohmann::json;
  json j;
  j["options"] = {{"date_window_days", options.date_window_days}, {"place_km", options.place_km}};
  j["counts"] = {{"gold_events", gold_events}, {"gold_articles", gold_articles}, {"pred_events", pred_events},
                 {"unlinked_pred_events", unlinked_pred}, {"outside_acled_pred_events", outside_acled_pred},
                 {"matched", matched}};
  j["detection"] = {{"precision", precision}, {"recall", recall}, {"f1", f1}};
  j["fields"] = {{"event_type", RatioJson(event_type)},
                 {"plover_type", RatioJson(plover_type)},
                 {"sub_event_type", RatioJson(sub_event_type)},
                 {"actor1", RatioJson(actor1)},
                 {"actor2", RatioJson(actor2)},
                 {"admin1", RatioJson(admin1)},
                 {"location_within_1km", RatioJson(within_1km)},
                 {"location_within_25km", RatioJson(within_25km)},
                 {"location_within_100km", RatioJson(within_100km)},
                 {"date_exact", RatioJson(date_exact)},
                 {"date_within_3d", RatioJson(date_within_3d)},
                 {"fatalities_exact", RatioJson(fatalities_exact)},
                 {"fatalities_mae", fatalities_exact.total ? json(fatalities_mae) : json(nullptr)}};
  json conf = json::array();
  for (const auto& [key, n] : confusion) conf.push_back({{"gold", key.first}, {"pred", key.second}, {"count", n}});
  j["confusion"] = conf;
  json ex = json::array();
  for (const Example& e : worst) {
    ex.push_back({{"kind", e.kind}, {"article_id", e.article_id}, {"gold", e.gold}, {"pred", e.pred},
                  {"errors", e.errors}, {"text", e.text}});
  }
  j["worst"] = ex;
  return j.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace sitrep
