// Pair admissibility and one-to-one greedy matching (rule: docs/quality.md).
#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <numbers>
#include <utility>
#include <vector>

#include "core/fold.h"
#include "core/strings.h"
#include "internal.h"
#include "sitrep/eval.h"

namespace sitrep {
namespace eval_internal {

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  }
  return true;
}

bool HasCoordinates(const Event& e) {
  if (!e.location) return false;
  // JSON null lat/lon read back as 0,0; no conflict event is coded at 0N 0E, so that means "none".
  return e.location->lat != 0 || e.location->lon != 0;
}

namespace {
std::string Normalize(std::string_view s, const EvalOptions& options) {
  if (s.empty()) return "";
  return options.normalize_actor ? options.normalize_actor(s) : DefaultActorKey(s);
}
}  // namespace

std::string ActorKey(const ActorRef& a, const EvalOptions& options) {
  return Normalize(a.id.empty() ? a.name : a.id, options);
}

bool SameActor(const ActorRef& gold, const ActorRef& pred, const EvalOptions& options) {
  std::string g[2] = {Normalize(gold.id, options), Normalize(gold.name, options)};
  std::string p[2] = {Normalize(pred.id, options), Normalize(pred.name, options)};
  bool g_empty = g[0].empty() && g[1].empty(), p_empty = p[0].empty() && p[1].empty();
  if (g_empty || p_empty) return g_empty == p_empty;
  for (const std::string& a : g) {
    for (const std::string& b : p) {
      if (!a.empty() && a == b) return true;
    }
  }
  return false;
}

}  // namespace eval_internal

using namespace eval_internal;

std::string DefaultActorKey(std::string_view name) {
  // Drop a trailing ACLED period "(2019-)" / "(1997-2001)": digits and dashes in parentheses.
  std::string_view s = strings::TrimRight(name);
  if (!s.empty() && s.back() == ')') {
    size_t open = s.rfind('(');
    if (open != std::string_view::npos) {
      std::string_view inner = s.substr(open + 1, s.size() - open - 2);
      bool period = !inner.empty() && std::all_of(inner.begin(), inner.end(), [](char c) {
        return std::isdigit(static_cast<unsigned char>(c)) || c == '-';
      });
      if (period) s = s.substr(0, open);
    }
  }
  // Fold ASCII case, turn ASCII punctuation into spaces, collapse spaces. Non-ASCII bytes
  // (accented letters) are kept as they are.
  std::string out;
  bool space = false;
  for (unsigned char c : s) {
    if (c < 0x80 && !std::isalnum(c)) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += static_cast<char>(c < 0x80 ? std::tolower(c) : c);
  }
  return out;
}

std::string AdminKey(std::string_view name) {
  // Accents and case folded as every name comparison does ("Équateur" = "Equateur").
  const std::string key = DefaultActorKey(fold::FoldAccents(name));
  static constexpr std::pair<std::string_view, std::string_view> kWords[] = {
      {"nord", "north"}, {"sud", "south"}, {"est", "east"}, {"ouest", "west"}, {"centre", "central"}};
  static constexpr std::string_view kDropped[] = {"province", "region", "state", "governorate", "department",
                                                  "oblast", "district", "county", "territory"};
  std::vector<std::string> words;
  size_t start = 0;
  while (start < key.size()) {
    size_t end = key.find(' ', start);
    if (end == std::string::npos) end = key.size();
    std::string w = key.substr(start, end - start);
    for (const auto& [fr, en] : kWords)
      if (w == fr) w = std::string(en);
    words.push_back(std::move(w));
    start = end + 1;
  }
  while (words.size() > 1 && std::find(std::begin(kDropped), std::end(kDropped), words.back()) != std::end(kDropped))
    words.pop_back();
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : " ") + w;
  // Transliterations differ in doubled letters and c/k: GeoNames' "Lower Shabeelle", "Hiiraan",
  // "Atakora" are ACLED's "Lower Shabelle", "Hiraan", "Atacora". Letters are folded to one spelling
  // (distinct provinces stay apart: "Tshopo" and "Tshuapa").
  std::string folded;
  for (size_t i = 0; i < out.size(); ++i) {
    char c = out[i];
    if (c == 'c' && (i + 1 >= out.size() || out[i + 1] != 'h')) c = 'k';
    if (!folded.empty() && folded.back() == c && c != ' ') continue;
    folded += c;
  }
  return folded;
}

double HaversineKm(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kEarthKm = 6371.0088, kRad = std::numbers::pi / 180.0;
  double dlat = (lat2 - lat1) * kRad, dlon = (lon2 - lon1) * kRad;
  double a = std::sin(dlat / 2) * std::sin(dlat / 2) +
             std::cos(lat1 * kRad) * std::cos(lat2 * kRad) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * kEarthKm * std::asin(std::min(1.0, std::sqrt(a)));
}

// A prediction placed at a province (precision 3) or a district (precision 2) says "somewhere in this
// area": it agrees with a gold place in the same admin1, resp. admin2 (names folded by AdminKey).
bool InPredictedAdminArea(const Event& gold, const Event& pred) {
  if (!gold.location || !pred.location) return false;
  const Location& g = *gold.location;
  const Location& p = *pred.location;
  if (p.precision == 3) return !g.admin1.empty() && AdminKey(g.admin1) == AdminKey(p.admin1);
  if (p.precision == 2)
    return !g.admin2.empty() && AdminKey(g.admin2) == AdminKey(p.admin2) && AdminKey(g.admin1) == AdminKey(p.admin1);
  return false;
}

PairCheck CheckPair(const Event& gold, const Event& pred, const EvalOptions& options) {
  PairCheck c;
  bool gold_acled = !gold.acled_event_type.empty(), gold_plover = !gold.plover_type.empty();
  c.type_ok = (!gold_acled && !gold_plover) ||
              (gold_acled && EqualsIgnoreCase(gold.acled_event_type, pred.acled_event_type)) ||
              (gold_plover && EqualsIgnoreCase(gold.plover_type, pred.plover_type));

  std::optional<int64_t> gd = gold.date ? DayNumber(*gold.date) : std::nullopt;
  std::optional<int64_t> pd = pred.date ? DayNumber(*pred.date) : std::nullopt;
  if (gd && pd) c.date_diff_days = *pd - *gd;
  // No gold date: not a criterion. Gold date but no predicted date: not a match.
  c.date_ok = !gd || (c.date_diff_days && std::llabs(*c.date_diff_days) <= options.date_window_days);

  if (HasCoordinates(gold) && HasCoordinates(pred)) {
    c.distance_km = HaversineKm(gold.location->lat, gold.location->lon, pred.location->lat, pred.location->lon);
  }
  c.in_admin_area = InPredictedAdminArea(gold, pred);
  c.place_ok = !c.distance_km || *c.distance_km <= options.place_km || (options.admin_area_match && c.in_admin_area);
  return c;
}

namespace {

// Higher is better; only admissible pairs are scored. Each term is in [0, 1].
double PairScore(const Event& g, const Event& p, const PairCheck& c, const EvalOptions& options) {
  double score = 1;
  if (c.type_ok) score += 1;
  if (!g.acled_sub_event_type.empty() && EqualsIgnoreCase(g.acled_sub_event_type, p.acled_sub_event_type)) score += 1;
  score += SameActor(g.actor1, p.actor1, options);
  score += SameActor(g.actor2, p.actor2, options);
  if (c.date_diff_days) score += 1.0 - std::llabs(*c.date_diff_days) / (options.date_window_days + 1.0);
  if (c.distance_km) score += std::max(0.0, 1.0 - *c.distance_km / std::max(1.0, options.place_km));
  // Same modality breaks ties: "is no longer fighting" (negated) pairs with the negated gold, not
  // with a claimed attack by the same army.
  if (!g.modality.empty() && g.modality == p.modality) score += 0.5;
  return score;
}

}  // namespace

std::vector<MatchPair> MatchEvents(const std::vector<Event>& gold, const std::vector<Event>& pred,
                                   const std::vector<std::string>& pred_article, const EvalOptions& options,
                                   bool require_type) {
  std::map<std::string, std::vector<int>> pred_by_article;
  for (size_t i = 0; i < pred.size() && i < pred_article.size(); ++i) {
    if (!pred_article[i].empty()) pred_by_article[pred_article[i]].push_back(static_cast<int>(i));
  }
  std::vector<MatchPair> candidates;
  for (size_t g = 0; g < gold.size(); ++g) {
    auto it = pred_by_article.find(gold[g].article_id);
    if (it == pred_by_article.end()) continue;
    for (int p : it->second) {
      PairCheck c = CheckPair(gold[g], pred[p], options);
      if (c.ok(require_type)) candidates.push_back({static_cast<int>(g), p, PairScore(gold[g], pred[p], c, options)});
    }
  }
  // Greedy: best score first; ties by gold then prediction order, so results are deterministic.
  std::sort(candidates.begin(), candidates.end(), [](const MatchPair& a, const MatchPair& b) {
    if (a.score != b.score) return a.score > b.score;
    return a.gold != b.gold ? a.gold < b.gold : a.pred < b.pred;
  });
  std::vector<bool> gold_used(gold.size()), pred_used(pred.size());
  std::vector<MatchPair> out;
  for (const MatchPair& m : candidates) {
    if (gold_used[m.gold] || pred_used[m.pred]) continue;
    gold_used[m.gold] = pred_used[m.pred] = true;
    out.push_back(m);
  }
  std::sort(out.begin(), out.end(), [](const MatchPair& a, const MatchPair& b) { return a.gold < b.gold; });
  return out;
}

}  // namespace sitrep
