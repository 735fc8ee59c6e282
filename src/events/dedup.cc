#include "dedup.h"

#include <unordered_map>

#include "modality.h"

namespace sitrep {
namespace {

std::string Key(const ActorRef& a) { return a.id.empty() ? a.name : a.id; }

bool SameOrEitherEmpty(const std::string& a, const std::string& b) { return a.empty() || b.empty() || a == b; }

std::string PlaceKey(const Event& e) {
  if (!e.location) return "";
  if (e.location->geonames_id) return std::to_string(e.location->geonames_id);
  return e.location->name;
}

// Whether `a` names an attacker the text does not identify.
bool Unnamed(const ActorRef& a, const OwnedWordSet* unnamed_agents) {
  return unnamed_agents && !a.id.empty() && unnamed_agents->Contains(a.id);
}

bool Compatible(const Event& a, const Event& b, const OwnedWordSet* unnamed_agents) {
  if (a.plover_type != b.plover_type) return false;
  if (a.plover_mode == "humanitarian-figure" || b.plover_mode == "humanitarian-figure") {
    if (a.plover_mode != b.plover_mode) return false;
    // The same figure repeated ("over 7 million displaced" twice).
    for (const std::string& role : Counts::Roles()) {
      const Estimate *x = a.counts.Find(role), *y = b.counts.Find(role);
      if (x->empty() != y->empty()) return false;
      if (!x->empty() && (x->low != y->low || x->best != y->best || x->high != y->high)) return false;
    }
    return true;
  }
  // Taking ground and fighting over it are different events; talks and calls between the same
  // parties are one consultation.
  if (a.plover_mode != b.plover_mode && a.plover_type != "CONSULT") return false;
  if (!ModalitiesCompatible(a.modality, b.modality)) return false;
  std::string pa = PlaceKey(a), pb = PlaceKey(b);
  // A mention without an agent ("the recent capture of Walikale") joins one only at the same place.
  if (Key(a.actor1).empty() != Key(b.actor1).empty() && (pa.empty() || pa != pb)) return false;
  if (!SameOrEitherEmpty(Key(a.actor1), Key(b.actor1)) && !Unnamed(a.actor1, unnamed_agents) &&
      !Unnamed(b.actor1, unnamed_agents))
    return false;
  // A target no words named (ACLED's implied civilians, ImplyCivilianTarget) is compatible with any.
  auto named_target = [](const ActorRef& x) { return x.text.empty() ? std::string() : Key(x); };
  if (!SameOrEitherEmpty(named_target(a.actor2), named_target(b.actor2))) return false;
  // Places: equal, or one side has none or only a region/country (precision 3).
  if (pa.empty() || pb.empty() || pa == pb) return true;
  bool coarse_a = a.location->precision >= 3, coarse_b = b.location->precision >= 3;
  return (coarse_a || coarse_b) && a.location->country_code == b.location->country_code;
}

void Absorb(Event* keep, const Event& other) {
  if (keep->actor1.empty()) keep->actor1 = other.actor1;
  // A target the text named beats one it implied (no words).
  if (keep->actor2.empty() || (keep->actor2.text.empty() && !other.actor2.text.empty())) keep->actor2 = other.actor2;
  if (other.location && (!keep->location || other.location->precision < keep->location->precision))
    keep->location = other.location;
  auto rank = [](const std::string& p) {
    // A date the text gives beats the report's date, which beats none.
    return p == "day" ? 0 : p == "week" ? 1 : p == "month" ? 2 : p == "year" ? 3 : p == "report" ? 4 : 5;
  };
  for (const std::string& role : Counts::Roles())
    if (keep->counts.Find(role)->empty()) *keep->counts.Find(role) = *other.counts.Find(role);
  if (ModalityRank(other.modality) < ModalityRank(keep->modality)) {
    // The more factual reading wins, with its own dating (a recalled event is not dated by a
    // claim that mentions it).
    keep->modality = other.modality;
    keep->claimant = other.claimant;
    keep->date = other.date;
    keep->date_precision = other.date_precision;
  } else if (other.modality == keep->modality && other.date &&
             (!keep->date || rank(other.date_precision) < rank(keep->date_precision))) {
    keep->date = other.date;
    keep->date_precision = other.date_precision;
  }
  if (keep->acled_event_type.empty()) {
    keep->acled_event_type = other.acled_event_type;
    keep->acled_sub_event_type = other.acled_sub_event_type;
  }
  keep->confidence = std::min(0.95, std::max(keep->confidence, other.confidence) + 0.05);
}

}  // namespace

std::vector<Event> MergeDuplicates(std::vector<Event> events, EventTrace* trace, const OwnedWordSet* unnamed_agents) {
  std::vector<Event> out;
  out.reserve(events.size());
  // Only events of one PLOVER type can merge: compare each with the kept events of its type.
  std::unordered_map<std::string, std::vector<size_t>> by_type;
  for (Event& e : events) {
    std::vector<size_t>& same_type = by_type[e.plover_type];
    bool merged = false;
    for (size_t i : same_type) {
      Event& k = out[i];
      if (Compatible(k, e, unnamed_agents)) {
        // Keep the fuller mention's evidence: prefer one with an actor1, and one that names it.
        if ((k.actor1.empty() && !e.actor1.empty()) ||
            (Unnamed(k.actor1, unnamed_agents) && !e.actor1.empty() && !Unnamed(e.actor1, unnamed_agents)))
          std::swap(k, e);
        Absorb(&k, e);
        NoteMerged(trace, e, k, "a repeated mention (deduplication)");
        merged = true;
        break;
      }
    }
    if (!merged) {
      same_type.push_back(out.size());
      out.push_back(std::move(e));
    }
  }
  std::vector<Event> kept;
  kept.reserve(out.size());
  for (Event& e : out)
    if (!e.actor1.empty() || e.plover_mode == "humanitarian-figure") kept.push_back(std::move(e));
  return kept;
}

}  // namespace sitrep
