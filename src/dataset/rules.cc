// DatasetRules: reading data/dataset/rules.txt (format in its header and docs/dataset.md).
#include <fstream>
#include <functional>
#include <sstream>

#include <fmt/format.h>

#include "core/hash.h"
#include "core/strings.h"
#include "sitrep/dataset.h"

namespace sitrep {
namespace {

// One rule line split into its keyword and values.
struct RuleLine {
  std::string keyword;
  std::vector<std::string> values;
};

RuleLine SplitRuleLine(std::string_view line) {
  size_t hash = line.find('#');
  if (hash != std::string_view::npos) line = line.substr(0, hash);
  std::vector<std::string> words = strings::SplitWords(line);
  RuleLine rule;
  if (words.empty()) return rule;
  rule.keyword = words[0];
  rule.values.assign(words.begin() + 1, words.end());
  return rule;
}

bool ParseNumber(const std::string& text, double* out) {
  try {
    size_t used = 0;
    *out = std::stod(text, &used);
    return used == text.size();
  } catch (const std::exception&) {
    return false;
  }
}

bool ParseCount(const std::string& text, int* out) {
  double d = 0;
  if (!ParseNumber(text, &d) || d < 0 || d != static_cast<int>(d)) return false;
  *out = static_cast<int>(d);
  return true;
}

// Applies one rule; returns an error message, empty when the rule is good.
using RuleHandler = std::function<std::string(const std::vector<std::string>&, DatasetRules*)>;

std::string NeedValues(const std::vector<std::string>& v, size_t n) {
  return v.size() == n ? "" : fmt::format("needs {} value{}, got {}", n, n == 1 ? "" : "s", v.size());
}

RuleHandler AddToSet(std::set<std::string> DatasetRules::*field) {
  return [field](const std::vector<std::string>& v, DatasetRules* r) {
    if (v.empty()) return std::string("needs at least one value");
    (r->*field).insert(v.begin(), v.end());
    return std::string();
  };
}

RuleHandler Choice(bool DatasetRules::*field, const char* yes, const char* no) {
  return [=](const std::vector<std::string>& v, DatasetRules* r) {
    if (std::string e = NeedValues(v, 1); !e.empty()) return e;
    if (v[0] != yes && v[0] != no) return fmt::format("must be '{}' or '{}'", yes, no);
    r->*field = v[0] == yes;
    return std::string();
  };
}

const std::map<std::string, RuleHandler>& Handlers() {
  static const auto* handlers = new std::map<std::string, RuleHandler>{
      {"split_mode", AddToSet(&DatasetRules::split_modes)},
      {"symmetric", AddToSet(&DatasetRules::symmetric_kinds)},
      {"generic_actor", AddToSet(&DatasetRules::generic_actors)},
      {"take", AddToSet(&DatasetRules::take_kinds)},
      {"leave", AddToSet(&DatasetRules::leave_kinds)},
      {"take_modality", AddToSet(&DatasetRules::take_modalities)},
      {"leave_modality", AddToSet(&DatasetRules::leave_modalities)},
      {"undated", Choice(&DatasetRules::undated_link, "link", "apart")},
      {"anchorless", Choice(&DatasetRules::anchorless_link, "link", "apart")},
      {"unplaced",
       [](const std::vector<std::string>& v, DatasetRules* r) {
         if (std::string e = NeedValues(v, 1); !e.empty()) return e;
         if (v[0] != "apart" && v[0] != "link" && v[0] != "named") return std::string("must be apart, link or named");
         r->unplaced = v[0];
         return std::string();
       }},
      {"same_kind",
       [](const std::vector<std::string>& v, DatasetRules* r) {
         if (v.size() < 2) return std::string("needs a kind and at least one kind read as it");
         for (size_t i = 1; i < v.size(); ++i) r->kind_aliases[v[i]] = v[0];
         return std::string();
       }},
      {"same_article", Choice(&DatasetRules::same_article_apart, "apart", "link")},
      {"window",
       [](const std::vector<std::string>& v, DatasetRules* r) {
         if (std::string e = NeedValues(v, 2); !e.empty()) return e;
         int days = 0;
         if (!ParseCount(v[1], &days)) return fmt::format("'{}' is not a number of days", v[1]);
         r->window_days[v[0]] = days;
         return std::string();
       }},
      {"place_admin",
       [](const std::vector<std::string>& v, DatasetRules* r) {
         if (std::string e = NeedValues(v, 1); !e.empty()) return e;
         if (v[0] != "admin1" && v[0] != "admin2") return std::string("must be admin1 or admin2");
         r->admin_levels.push_back(v[0]);
         return std::string();
       }},
      {"place_km",
       [](const std::vector<std::string>& v, DatasetRules* r) {
         if (std::string e = NeedValues(v, 1); !e.empty()) return e;
         if (!ParseNumber(v[0], &r->place_km) || r->place_km < 0) return fmt::format("'{}' is not a distance", v[0]);
         return std::string();
       }},
      {"control_skip",
       [](const std::vector<std::string>& v, DatasetRules* r) {
         for (const std::string& level : v)
           if (level != "country" && level != "admin1" && level != "admin2")
             return fmt::format("'{}' is not country, admin1 or admin2", level);
         return AddToSet(&DatasetRules::control_skip)(v, r);
       }},
      {"contest_days",
       [](const std::vector<std::string>& v, DatasetRules* r) {
         if (std::string e = NeedValues(v, 1); !e.empty()) return e;
         return ParseCount(v[0], &r->contest_days) ? std::string() : fmt::format("'{}' is not a number of days", v[0]);
       }},
      {"modality_order",
       [](const std::vector<std::string>& v, DatasetRules* r) {
         if (v.empty()) return std::string("needs at least one value");
         r->modality_order = v;
         return std::string();
       }},
      {"confidence",
       [](const std::vector<std::string>& v, DatasetRules* r) {
         if (std::string e = NeedValues(v, 2); !e.empty()) return e;
         int sources = 0;
         double confidence = 0;
         if (!ParseCount(v[0], &sources) || !ParseNumber(v[1], &confidence) || confidence < 0 || confidence > 1)
           return std::string("needs a number of sources and a confidence between 0 and 1");
         if (!r->confidence.empty() && r->confidence.back().first >= sources)
           return std::string("confidence lines must go up in number of sources");
         r->confidence.emplace_back(sources, confidence);
         return std::string();
       }},
  };
  return *handlers;
}

}  // namespace

Status DatasetRules::Parse(const std::string& text, const std::string& origin, DatasetRules* out) {
  DatasetRules rules;
  std::istringstream in(text);
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    RuleLine rule = SplitRuleLine(line);
    if (rule.keyword.empty()) continue;
    auto handler = Handlers().find(rule.keyword);
    std::string error = handler == Handlers().end() ? "unknown rule '" + rule.keyword + "'"
                                                    : handler->second(rule.values, &rules);
    if (!error.empty()) return Status::InvalidArgument(fmt::format("{}:{}: {}: {}", origin, number, rule.keyword, error));
  }
  if (rules.modality_order.empty()) return Status::InvalidArgument(origin + ": no modality_order rule");
  rules.fingerprint = hash::Fnv1a(text);
  *out = std::move(rules);
  return Status::OK();
}

Status DatasetRules::Load(const std::string& path, DatasetRules* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path + ": cannot open the dataset rules");
  std::ostringstream text;
  text << in.rdbuf();
  return Parse(text.str(), path, out);
}

}  // namespace sitrep
