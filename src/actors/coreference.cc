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

// How well an actor type fits a generic type: 2 preferred, 1 acceptable, 0 not at all.
int Fit(const std::string& generic_type, const std::string& actor_type) {
  if (!actors_internal::IsArmedGroupType(actor_type)) return 0;
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

// A state or one of its institutions: counts for its country.
bool IsStateOrInstitution(const std::string& type) {
  return type == "state" || type == "government" || type == "military" || type == "police";
}

// A generic mention coreference may resolve: definite and not yet resolved.
bool IsUnresolvedGeneric(const ActorMention& m) { return m.generic && m.actor_id.empty() && m.definite; }

// Resolves generic mention g to actor `id`.
void SetCoreferent(ActorMention* g, std::string id) {
  g->actor_id = std::move(id);
  g->coreferent = true;
}

// What the article's named mentions say: each mention's actor, where each actor is named, and
// the most named country. Articles name few distinct actors, so small vectors beat maps here.
struct NamedActors {
  std::vector<const Actor*> actor;  // per mention: its named actor, null for generics and unknown ids
  // Where each distinct actor is named, in text order (so its size is the actor's salience): the
  // recency test looks only at the nearest mention of each actor, so the work grows with the
  // article, not with its square.
  std::vector<std::pair<const Actor*, std::vector<size_t>>> positions;
  // Most named country (states and their institutions count for their country), else the
  // country of the article's places.
  std::string top_country;
};

NamedActors CollectNamedActors(const ActorDictionary& dict, const std::vector<ActorMention>& mentions,
                               std::string_view place_country) {
  NamedActors named;
  named.actor.assign(mentions.size(), nullptr);
  std::vector<std::pair<std::string_view, int>> country_count;
  for (size_t i = 0; i < mentions.size(); ++i) {
    const ActorMention& m = mentions[i];
    if (m.generic || m.actor_id.empty()) continue;
    const Actor* a = dict.Find(m.actor_id);
    if (!a) continue;
    named.actor[i] = a;
    auto at = std::find_if(named.positions.begin(), named.positions.end(), [&](const auto& p) { return p.first == a; });
    if (at == named.positions.end()) at = named.positions.insert(named.positions.end(), {a, {}});
    at->second.push_back(i);
    if (a->country.empty() || !IsStateOrInstitution(a->type)) continue;
    auto c = std::find_if(country_count.begin(), country_count.end(),
                          [&](const auto& p) { return p.first == a->country; });
    if (c == country_count.end()) c = country_count.insert(country_count.end(), {a->country, 0});
    ++c->second;
  }
  int top = 0;  // ties: the country named first
  for (const auto& [c, k] : country_count) {
    if (k > top) named.top_country = std::string(c), top = k;
  }
  if (named.top_country.empty()) named.top_country = std::string(place_country);
  return named;
}

// The last state, and the last actor other than civilians, mentioned before a given mention:
// named or a resolved generic ("the rebels said their forces...": the rebels' group).
class RecentActors {
 public:
  // Takes in the mentions before mention i, as resolved so far.
  void AdvanceTo(size_t i, const ActorDictionary& dict, const std::vector<ActorMention>& mentions,
                 const NamedActors& named) {
    for (; scanned_ < i; ++scanned_) {
      const Actor* a = named.actor[scanned_];
      if (a && a->type == "state") state_ = a;
      if (!a && !mentions[scanned_].actor_id.empty()) a = dict.Find(mentions[scanned_].actor_id);
      if (a && a->type != "civilians") actor_ = a;
    }
  }
  const Actor* state() const { return state_; }
  const Actor* actor() const { return actor_; }

 private:
  size_t scanned_ = 0;
  const Actor* state_ = nullptr;
  const Actor* actor_ = nullptr;
};

// "its troops", "their forces": the actor named last before them; a state or one of its
// institutions gives <country>_MIL (or _POL/_GOV), anything else is itself ("M23 said its forces").
void ResolvePossessive(const ActorDictionary& dict, const Actor* latest, ActorMention* g) {
  if (!latest) return;
  const char* suffix = SuffixFor(g->generic_type);
  std::string id = latest->id;
  if (IsStateOrInstitution(latest->type) && suffix && !latest->country.empty()) id = latest->country + suffix;
  if (dict.Find(id)) SetCoreferent(g, std::move(id));
}

// "the army", "government forces", "the authorities": the institution (`suffix`) of the hinted
// country, else of the last state named for "the country's ...", else of the most named country.
void ResolveInstitution(const ActorDictionary& dict, const char* suffix, const Actor* latest_state,
                        const std::string& top_country, ActorMention* g) {
  std::string country = g->country_hint;
  if (country.empty() && g->refers_to_recent && latest_state) country = latest_state->country;
  if (country.empty()) country = top_country;
  if (!country.empty() && dict.Find(country + suffix)) SetCoreferent(g, country + suffix);
}

// How far the nearest mention (positions `at`, sorted) is from mention i of n: mentions before
// it are nearer than any after it, so the latest one before it, else the first one after it.
size_t Distance(const std::vector<size_t>& at, size_t i, size_t n) {
  auto after = std::upper_bound(at.begin(), at.end(), i);
  return after != at.begin() ? i - *(after - 1) : n + (*after - i);
}

// The armed group generic mention i refers to: best type fit, then most named, then nearest;
// a country hint must agree. Null if no named actor fits.
const Actor* BestArmedGroup(const NamedActors& named, const ActorMention& g, size_t i) {
  const Actor* best = nullptr;
  int best_fit = 0;
  size_t best_count = 0, best_distance = SIZE_MAX;
  for (const auto& [a, at] : named.positions) {
    int fit = Fit(g.generic_type, a->type);
    if (!fit || (!g.country_hint.empty() && !a->country.empty() && a->country != g.country_hint)) continue;
    const size_t count = at.size();
    const size_t distance = Distance(at, i, named.actor.size());
    bool better = fit > best_fit || (fit == best_fit && count > best_count) ||
                  (fit == best_fit && count == best_count && distance < best_distance);
    if (better) best = a, best_fit = fit, best_count = count, best_distance = distance;
  }
  return best;
}

// Armed-group generics ("the rebels", "the armed group"): the best named group, else, for an
// "armed group" generic, the unidentified armed group.
void ResolveArmedGroup(const ActorDictionary& dict, const NamedActors& named, size_t i, ActorMention* g) {
  if (const Actor* best = BestArmedGroup(named, *g, i)) {
    SetCoreferent(g, best->id);
  } else if (g->generic_type == "armed group" && dict.Find("UNIDENTIFIED_ARMED_GROUP")) {
    // "Jihadist fighters attacked an army post": an article that names no armed group is about
    // one it cannot name, as ACLED codes it (data/actors/generic.actors.txt).
    SetCoreferent(g, "UNIDENTIFIED_ARMED_GROUP");
  }
}

}  // namespace

void ResolveCoreference(const ActorDictionary& dict, std::vector<ActorMention>* mentions,
                        std::string_view place_country) {
  std::vector<ActorMention>& ms = *mentions;
  if (std::none_of(ms.begin(), ms.end(), IsUnresolvedGeneric)) return;
  const NamedActors named = CollectNamedActors(dict, ms, place_country);
  RecentActors recent;
  for (size_t i = 0; i < ms.size(); ++i) {
    recent.AdvanceTo(i, dict, ms, named);
    ActorMention& g = ms[i];
    if (!IsUnresolvedGeneric(g)) continue;
    if (g.possessive) {
      ResolvePossessive(dict, recent.actor(), &g);
    } else if (const char* suffix = SuffixFor(g.generic_type)) {
      ResolveInstitution(dict, suffix, recent.state(), named.top_country, &g);
    } else {
      ResolveArmedGroup(dict, named, i, &g);
    }
  }
}

ActorRef ToRef(const ActorDictionary& dict, const ActorMention& m, const Document& doc) {
  ActorRef ref;
  ref.text = std::string(Surface(doc, m.first_token, m.last_token));
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
