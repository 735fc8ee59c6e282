// EvalReport and SnippetReport as readable tables and as JSON.
#include <algorithm>
#include <set>

#include <fmt/format.h>
#include <fmt/ranges.h>
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

std::string WorstTable(const std::vector<Example>& worst) {
  std::string out = fmt::format("\nWorst examples ({})\n", worst.size());
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

nlohmann::json WorstJson(const std::vector<Example>& worst) {
  nlohmann::json ex = nlohmann::json::array();
  for (const Example& e : worst) {
    ex.push_back({{"kind", e.kind}, {"article_id", e.article_id}, {"gold", e.gold}, {"pred", e.pred},
                  {"errors", e.errors}, {"text", e.text}});
  }
  return ex;
}

std::string Dump(const nlohmann::json& j) { return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n"; }

// Types by support (gold), then by how often predicted, then by name.
std::vector<std::pair<std::string, TypeScore>> TypesBySupport(const std::map<std::string, TypeScore>& by_type) {
  std::vector<std::pair<std::string, TypeScore>> types(by_type.begin(), by_type.end());
  std::stable_sort(types.begin(), types.end(), [](const auto& a, const auto& b) {
    return std::pair(a.second.labelled, a.second.predicted) > std::pair(b.second.labelled, b.second.predicted);
  });
  return types;
}

nlohmann::json TypeJson(const std::map<std::string, TypeScore>& by_type) {
  using nlohmann::json;
  json types = json::array();
  for (const auto& [name, t] : TypesBySupport(by_type)) {
    types.push_back({{"type", name}, {"support", t.labelled}, {"predicted", t.predicted}, {"correct", t.both},
                     {"precision", t.predicted ? json(t.precision()) : json(nullptr)},
                     {"recall", t.labelled ? json(t.recall()) : json(nullptr)}, {"f1", t.f1()}});
  }
  return types;
}

// A per-type table under `title`, the types with most gold first.
std::string TypeTable(const std::string& title, const std::map<std::string, TypeScore>& by_type) {
  std::string out = fmt::format("{}\n  {:<34} {:>9} {:>8} {:>8} {:>8} {:>9}\n", title, "", "precision", "recall",
                                "F1", "support", "predicted");
  for (const auto& [name, t] : TypesBySupport(by_type)) {
    out += fmt::format("  {:<34} {:>9} {:>8} {:>8.3f} {:>8} {:>9}\n", name,
                       t.predicted ? fmt::format("{:.3f}", t.precision()) : "-",
                       t.labelled ? fmt::format("{:.3f}", t.recall()) : "-", t.f1(), t.labelled, t.predicted);
  }
  return out;
}

// Confusion rows, the gold sub-event types with most snippets first, each with its predicted types,
// most frequent first ("(none)" rows: the snippets labelled null).
struct ConfusionRow {
  std::string gold;
  int64_t total = 0;
  std::vector<std::pair<std::string, int64_t>> pred;
};
std::vector<ConfusionRow> ConfusionRows(const SnippetReport& r) {
  std::map<std::string, ConfusionRow> rows;
  for (const auto& [key, n] : r.confusion) {
    ConfusionRow& row = rows[key.first];
    row.gold = key.first;
    row.pred.emplace_back(key.second, n);
  }
  std::vector<ConfusionRow> out;
  for (auto& [gold, row] : rows) {
    auto type = r.by_type.find(gold);
    row.total = type != r.by_type.end() ? type->second.labelled : r.none.total;
    std::stable_sort(row.pred.begin(), row.pred.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    out.push_back(std::move(row));
  }
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.total > b.total; });
  return out;
}

nlohmann::json SnippetJson(const SnippetReport& r) {
  using nlohmann::json;
  json j;
  j["counts"] = {{"snippets", r.snippets}, {"pred_events", r.pred_events},
                 {"events_per_snippet", r.snippets ? json(static_cast<double>(r.pred_events) / r.snippets) : json(nullptr)}};
  j["accuracy"] = {{"acled", RatioJson(r.acled)}, {"none", RatioJson(r.none)}, {"overall", RatioJson(r.overall)}};
  j["by_type"] = TypeJson(r.by_type);
  json labels = json::object();
  for (const auto& [label, ratio] : r.by_label) labels[label] = RatioJson(ratio);
  j["by_case_label"] = labels;
  json conf = json::array();
  for (const ConfusionRow& row : ConfusionRows(r)) {
    for (const auto& [pred, n] : row.pred) conf.push_back({{"gold", row.gold}, {"pred", pred}, {"count", n}});
  }
  j["confusion"] = conf;
  j["worst"] = WorstJson(r.worst);
  return j;
}

}  // namespace

std::string SnippetReport::ToTable() const {
  std::string out = fmt::format("Labelled snippets: {} snippets, {} predicted events in them ({:.2f} per snippet).\n",
                                snippets, pred_events, snippets ? static_cast<double>(pred_events) / snippets : 0.0);
  out += "Right: a snippet labelled with an ACLED sub-event type when some predicted event has that type;\n"
         "a snippet labelled null when no predicted event has an ACLED type (docs/quality.md).\n\n";
  out += fmt::format("Accuracy\n  {:<34} {:>7}   {:<7} {:>8}\n", "", "right", "total", "accuracy");
  out += Row("political violence (ACLED label)", acled);
  out += Row("no event (null label)", none);
  out += Row("overall", overall);

  out += '\n';  // (two appends: GCC 12 at -O3 warns falsely, -Wrestrict, on "\n" + std::string)
  out += TypeTable("By ACLED sub-event type (over snippets)", by_type);

  out += fmt::format("\nBy case label\n  {:<34} {:>7}   {:<7} {:>8}\n", "", "right", "total", "accuracy");
  for (const auto& [label, ratio] : by_label) out += Row(label.c_str(), ratio);

  out += "\nConfusion (gold sub-event type (snippets): predicted sub-event types, most frequent first)\n";
  for (const ConfusionRow& row : ConfusionRows(*this)) {
    std::vector<std::string> cells;
    for (const auto& [pred, n] : row.pred) cells.push_back(fmt::format("{} {}", pred, n));
    out += fmt::format("  {} ({}): {}\n", row.gold, row.total, fmt::join(cells, ", "));
  }
  out += WorstTable(worst);
  return out;
}

std::string SnippetReport::ToJson() const { return Dump(SnippetJson(*this)); }

std::string EvalReport::ToTable() const {
  if (snippets && gold_events == 0) return snippets->ToTable();
  std::string out;
  out += fmt::format("Gold: {} events in {} articles. Predicted: {} events in gold articles", gold_events,
                     gold_articles, pred_events);
  if (unlinked_pred) out += fmt::format(" ({} more in other articles, not scored)", unlinked_pred);
  if (outside_acled_pred)
    out += fmt::format(" ({} more without an ACLED type in ACLED-style articles, not scored)", outside_acled_pred);
  out += ".\n";
  out += fmt::format("Match: same article, same type, date within {} days, place within {} km{} (docs/quality.md).\n\n",
                     options.date_window_days, options.place_km,
                     options.admin_area_match ? " or in the predicted admin area" : "");

  out += "Event detection\n";
  out += fmt::format("  {:>8} {:>8} {:>8} {:>10} {:>8} {:>8}\n", "matched", "gold", "pred", "precision", "recall", "F1");
  out += fmt::format("  {:>8} {:>8} {:>8} {:>10.3f} {:>8.3f} {:>8.3f}\n\n", matched, gold_events, pred_events,
                     precision, recall, f1);

  out += fmt::format("Fields\n  {:<34} {:>7}   {:<7} {:>8}\n", "", "correct", "total", "accuracy");
  out += Row("event type (ACLED, aligned)", event_type);
  if (plover_type.total) out += Row("event type (PLOVER, aligned)", plover_type);
  out += Row("sub-event type", sub_event_type);
  out += Row("actor1", actor1);
  out += Row("actor1, sides either way", actor1_either_order);
  out += Row("actor2", actor2);
  out += Row("admin1", admin1);
  out += Row("location within 1 km", within_1km);
  out += Row("location within 25 km", within_25km);
  out += Row("location within 100 km", within_100km);
  out += Row("location within 25 km or admin area", within_25km_or_admin);
  out += Row("date exact", date_exact);
  out += Row("date within 3 days", date_within_3d);
  out += Row("fatalities exact", fatalities_exact);
  out += fmt::format("  {:<34} {}\n\n", "fatalities mean absolute error",
                     fatalities_exact.total ? fmt::format("{:.2f}", fatalities_mae) : "-");

  out += TypeTable("Detection by ACLED event type", by_event_type) + "\n";
  out += TypeTable("Detection by ACLED sub-event type (matched pairs with the same sub-event type)", by_sub_event_type) + "\n";

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

  out += WorstTable(worst);
  if (snippets) {
    out += '\n';
    out += snippets->ToTable();
  }
  return out;
}

std::string EvalReport::ToJson() const {
  using nlohmann::json;
  if (snippets && gold_events == 0) return Dump({{"snippets", SnippetJson(*snippets)}});
  json j;
  j["options"] = {{"date_window_days", options.date_window_days}, {"place_km", options.place_km},
                  {"admin_area_match", options.admin_area_match}};
  j["counts"] = {{"gold_events", gold_events}, {"gold_articles", gold_articles}, {"pred_events", pred_events},
                 {"unlinked_pred_events", unlinked_pred}, {"outside_acled_pred_events", outside_acled_pred},
                 {"matched", matched}};
  j["detection"] = {{"precision", precision}, {"recall", recall}, {"f1", f1}};
  j["fields"] = {{"event_type", RatioJson(event_type)},
                 {"plover_type", RatioJson(plover_type)},
                 {"sub_event_type", RatioJson(sub_event_type)},
                 {"actor1", RatioJson(actor1)},
                 {"actor1_either_order", RatioJson(actor1_either_order)},
                 {"actor2", RatioJson(actor2)},
                 {"admin1", RatioJson(admin1)},
                 {"location_within_1km", RatioJson(within_1km)},
                 {"location_within_25km", RatioJson(within_25km)},
                 {"location_within_100km", RatioJson(within_100km)},
                 {"location_within_25km_or_admin", RatioJson(within_25km_or_admin)},
                 {"date_exact", RatioJson(date_exact)},
                 {"date_within_3d", RatioJson(date_within_3d)},
                 {"fatalities_exact", RatioJson(fatalities_exact)},
                 {"fatalities_mae", fatalities_exact.total ? json(fatalities_mae) : json(nullptr)}};
  json conf = json::array();
  for (const auto& [key, n] : confusion) conf.push_back({{"gold", key.first}, {"pred", key.second}, {"count", n}});
  j["confusion"] = conf;
  j["by_event_type"] = TypeJson(by_event_type);
  j["by_sub_event_type"] = TypeJson(by_sub_event_type);
  j["worst"] = WorstJson(worst);
  if (snippets) j["snippets"] = SnippetJson(*snippets);
  return Dump(j);
}

}  // namespace sitrep
