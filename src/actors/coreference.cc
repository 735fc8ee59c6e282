// Coreference of generic mentions within one article, and mention -> ActorRef.
//
// Rules (docs/actors.md "Coreference"):
//   - armed-group generics ("the rebels", "the insurgent coalition", "the Congolese armed
//     group") take the article's most salient armed group of a compatible type: most named
//     mentions in the whole article, ties to the one named most recently before the generic
//     mention (or the first named after it); a country hint must agree;
//   - institution generics ("the army", "government forces", "the authorities") take
//     <country>_MIL/_GOV/_POL of the article's most mentioned country, or of the most
//     recently mentioned one for "the country's ...";
//   - possessive force phrases ("its troops", "their forces") take the actor named last before
//     them: a state or one of its institutions gives <country>_MIL (or _POL/_GOV), anything
//     else (an armed group, a UN mission) is itself ("M23 said its forces...");
//   - an "armed group" generic (militants, jihadists, assailants...; not "the rebels") with no armed
//     group named in the article is the unidentified armed group ("jihadists attacked an army post");
//   - only definite generic mentions are resolved; "100 armed groups" stays unresolved.
#include <algorithm>
#include <string_view>

#include "internal.h"

namespace sitrep {

namespace {

bool IsArmed(const std::string& type) { return type == "rebel group" || type == "militia"; }

// How well an actor type fits a generic type: 2 preferred, 1 acceptable, 0 not at all.
int Fit(const std::string& generic_type, const std::string& actor_type) {
  if (!IsArmed(actor_type)) return 0;
  if (generic_type == "armed group") return 2;
  if (generic_type == actor_type) return 2;
  if (generic_type == "rebel group" || generic_type == "militia") return 1;
  return 0;
}

const char* SuffixFor(const std::string& generic_type) {
  if (generic_type == "military") return "_MIL";
  if (generic_type == "government") return "_GOV";
  if (generic_type == "police") return "_POL";
  return nullptr;
}

}  // namespace

void ResolveCoreference(const ActorDictionary& dict, std::vector<ActorMention>* mentions,
                        std::string_view place_country) {
  // Each mention's actor, looked up once; salience = named mentions per actor and per country
  // (states and their institutions count for their country). Articles name few distinct
  // actors, so small vectors beat maps here.
  const size_t n = mentions->size();
  std::vector<const Actor*> actor(n, nullptr);
  std::vector<std::pair<const Actor*, int>> actor_count;
  std::vector<std::pair<std::string_view, int>> country_count;
  auto bump = [](auto& counts, auto key) {
    for (auto& [k, c] : counts)
      if (k == key) return ++c;
    counts.emplace_back(key, 1);
    return 1;
  };
  bool any_generic = false;
  for (size_t i = 0; i < n; ++i) {
    const ActorMention& m = (*mentions)[i];
    any_generic |= m.generic && m.actor_id.empty() && m.definite;
    if (m.generic || m.actor_id.empty()) continue;
    const Actor* a = dict.Find(m.actor_id);
    if (!a) continue;
    actor[i] = a;
    bump(actor_count, a);
    if (!a->country.empty() &&
        (a->type == "state" || a->type == "government" || a->type == "military" || a->type == "police"))
      bump(country_count, std::string_view(a->country));
  }
  if (!any_generic) return;
  auto count_of = [&](const Actor* a) {
    for (const auto& [k, c] : actor_count)
      if (k == a) return c;
    return 0;
  };
  std::string top_country;
  int top = 0;
  for (const auto& [c, k] : country_count)
    if (k > top) top_country = std::string(c), top = k;
  if (top_country.empty()) top_country = std::string(place_country);
  // Where each distinct actor is mentioned, in order: the recency test below looks only at the
  // nearest mention of each actor, so the work grows with the article, not with its square.
  std::vector<std::pair<const Actor*, std::vector<size_t>>> positions;
  for (size_t j = 0; j < n; ++j) {
    if (!actor[j]) continue;
    auto it = std::find_if(positions.begin(), positions.end(), [&](const auto& p) { return p.first == actor[j]; });
    if (it == positions.end()) it = positions.insert(positions.end(), {actor[j], {}});
    it->second.push_back(j);
  }

  const Actor* latest_state = nullptr;  // the last state named before mention i
  // The last actor other than civilians mentioned before mention i, named or resolved generic
  // ("the rebels said their forces...": the rebels' group).
  const Actor* latest_actor = nullptr;
  size_t scanned = 0;
  for (size_t i = 0; i < n; ++i) {
    for (; scanned < i; ++scanned) {
      if (actor[scanned] && actor[scanned]->type == "state") latest_state = actor[scanned];
      const Actor* a = actor[scanned];
      if (!a && !(*mentions)[scanned].actor_id.empty()) a = dict.Find((*mentions)[scanned].actor_id);
      if (a && a->type != "civilians") latest_actor = a;
    }
    ActorMention& g = (*mentions)[i];
    if (!g.generic || !g.actor_id.empty() || !g.definite) continue;
    if (g.possessive) {
      if (!latest_actor) continue;
      const std::string& t = latest_actor->type;
      const char* suffix = SuffixFor(g.generic_type);
      const bool institution = t == "state" || t == "government" || t == "military" || t == "police";
      std::string id = latest_actor->id;
      if (institution && suffix && !latest_actor->country.empty()) id = latest_actor->country + suffix;
      if (dict.Find(id)) {
        g.actor_id = id;
        g.coreferent = true;
      }
      continue;
    }
    if (const char* suffix = SuffixFor(g.generic_type)) {
      std::string country = g.country_hint;
      if (country.empty() && g.refers_to_recent && latest_state) country = latest_state->country;
      if (country.empty()) country = top_country;
      if (!country.empty() && dict.Find(country + suffix)) {
        g.actor_id = country + suffix;
        g.coreferent = true;
      }
      continue;
    }
    // Armed groups: best fit, then most mentions, then recency (before the mention first).
    const Actor* best = nullptr;
    int best_fit = 0, best_count = 0;
    size_t best_distance = SIZE_MAX;
    for (const auto& [a, at] : positions) {
      int fit = Fit(g.generic_type, a->type);
      if (!fit || (!g.country_hint.empty() && !a->country.empty() && a->country != g.country_hint)) continue;
      int count = count_of(a);
      // Mentions before the generic one are nearer than any after it: the latest one before it,
      // else the first one after it.
      auto after = std::upper_bound(at.begin(), at.end(), i);
      size_t distance = after != at.begin() ? i - *(after - 1) : n + (*after - i);
      bool better = fit > best_fit || (fit == best_fit && count > best_count) ||
                    (fit == best_fit && count == best_count && distance < best_distance);
      if (better) best = a, best_fit = fit, best_count = count, best_distance = distance;
    }
    if (best) {
      g.actor_id = best->id;
      g.coreferent = true;
    } else if (g.generic_type == "armed group" && dict.Find("UNIDENTIFIED_ARMED_GROUP")) {
      // "Jihadist fighters attacked an army post": an article that names no armed group is about
      // one it cannot name, as ACLED codes it (data/actors/generic.actors.txt).
      g.actor_id = "UNIDENTIFIED_ARMED_GROUP";
      g.coreferent = true;
    }
  }
}

ActorRef ToRef(const ActorDictionary& dict, const ActorMention& m, const Document& doc) {
  ActorRef ref;
  if (m.first_token < m.last_token && m.last_token <= doc.tokens.size()) {
    uint32_t b = doc.tokens[m.first_token].begin, e = doc.tokens[m.last_token - 1].end;
    if (e <= doc.text.size() && b <= e) ref.text = std::string(doc.text.substr(b, e - b));
  }
  const Actor* a = m.actor_id.empty() ? nullptr : dict.Find(m.actor_id);
  if (!a) {
    ref.type = m.generic_type;
    ref.country = m.country_hint;
    return ref;
  }
  ref.name = a->name;
  ref.id = a->id;
  ref.type = a->type;
  ref.country = a->country.empty() ? m.country_hint : a->country;
  return ref;
}

}  // namespace sitrep
