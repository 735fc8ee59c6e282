// Pass 3 of PlaceFinder::Find: each candidate's entry, or none (place_passes.h).
#include <algorithm>
#include <cmath>

#include "place_passes.h"

namespace sitrep {
namespace {

// How likely an entry is before any context: its kind and feature, then its population.
double Prior(const Place& p, NameKind nk) {
  double s = 0;
  switch (p.kind) {
    case PlaceKind::kCountry: s = 3.0; break;
    case PlaceKind::kAdmin1: s = 2.0; break;
    case PlaceKind::kAdmin2: s = 1.2; break;
    case PlaceKind::kRegion: s = 2.0; break;
    case PlaceKind::kPlace:
      if (p.feature_class == 'P') {
        std::string_view c = p.feature_code;
        s = c == "PPLC" ? 2.5 : c == "PPLA" ? 1.8 : c == "PPLA2" ? 1.3 : (c == "PPLA3" || c == "PPLA4") ? 1.0 : 0.8;
      } else if (p.feature_class == 'S') {
        s = p.feature_code == "MN" || p.feature_code == "MNAU" ? 0.9 : 0.5;
      } else if (p.feature_class == 'A') {
        s = 0.8;  // ADM3
      } else {
        s = p.feature_class == 'L' ? 0.6 : 0.3;  // parks, areas; hills, rivers
      }
      break;
  }
  if (p.kind != PlaceKind::kCountry) s += 0.35 * std::log10(1.0 + static_cast<double>(p.population));
  // Between countries, population only breaks ties: article context must outweigh it.
  else s += 0.02 * std::log10(1.0 + static_cast<double>(p.population));
  if (nk == NameKind::kAlternate || nk == NameKind::kShortened) s -= 0.3;
  return s;
}

// How well an entry fits the type word around its name ("X territory", "the town of X").
double TypeFit(TypeCue type, const Place& p) {
  const bool admin = p.kind == PlaceKind::kAdmin1 || p.kind == PlaceKind::kAdmin2;
  switch (type) {
    case kTypeAdmin2: return p.kind == PlaceKind::kAdmin2 ? 3.0 : admin ? 1.0 : -1.0;
    case kTypeAdmin1: return p.kind == PlaceKind::kAdmin1 ? 3.0 : admin ? 1.0 : -1.0;
    case kTypeTown: return p.kind == PlaceKind::kPlace ? 2.0 : -1.0;
    case kTypeCapital: return p.feature_code == "PPLC" ? 3.0 : p.feature_code == "PPLA" ? 1.0 : 0.0;
    case kNoType: break;
  }
  return 0.0;
}

// An entry's score without the distance to the other places (the same in both rounds), with
// what the second round needs of its place.
struct ScoredEntry {
  double base = 0;
  double lat = 0, lon = 0;
  std::string_view cc;  // points into the mapped index
  PlaceKind kind = PlaceKind::kPlace;
  bool shortened = false;  // matched by an admin name with its type word cut
  bool full_name = false;  // matched by its own name
};

ScoredEntry ScoreEntry(const Place& p, NameKind nk, const Candidate& c, const ArticleContext& ctx) {
  double s = Prior(p, nk);
  s += 4.0 * ctx.CountryShare(p.country_code);
  s += 2.0 * ctx.Admin1Share(p.country_code, p.admin1_code);
  if (c.type != kNoType) s += TypeFit(c.type, p);
  // A bare name of a town that is also its district's or province's name is the town
  // ("shelled Kharkiv": the city, not the oblast, whose summed population would win).
  if (c.type == kNoType && (p.kind == PlaceKind::kAdmin2 || p.kind == PlaceKind::kAdmin1)) s -= 0.5;
  return ScoredEntry{s, p.lat, p.lon, p.country_code, p.kind};
}

// Whether an entry lies in the area an admin hint confines its name to ("Kabo (Tchaourou, Borgou)":
// Benin's Borgou); true when the name has no such area.
bool InHintArea(const Candidate& c, const Place& p) {
  if (!c.has_area) return true;
  if (p.country_code != c.area_cc || !(c.area_a1.empty() || p.admin1_code == c.area_a1)) return false;
  return c.area_a2.empty() || p.kind != PlaceKind::kPlace || p.admin2_code.empty() || p.admin2_code == c.area_a2;
}

// What an admin hint says of an entry (admin_hints.cc): the entry a hint chose for its name wins
// outright; outside the area the hint names, an entry loses outright.
double HintFit(const Candidate& c, int k, const Place& p) {
  constexpr double kDecisive = 20.0;
  if (c.forced >= 0) return k == c.forced ? kDecisive : 0.0;
  return InHintArea(c, p) ? 0.0 : -kDecisive;
}

// Every entry of every candidate, candidate after candidate.
std::vector<ScoredEntry> ScoreEntries(const Gazetteer& gaz, const ArticleContext& ctx,
                                      const std::vector<Candidate>& cands) {
  size_t total = 0;
  for (const Candidate& c : cands) total += c.n;
  std::vector<ScoredEntry> scored;
  scored.reserve(total);
  for (const Candidate& c : cands) {
    const size_t first = scored.size();
    bool shortened = false;
    for (size_t k = 0; k < c.n; ++k) {
      const PlaceMatch m = Gazetteer::DecodePosting(c.postings[k]);
      const Place p = gaz.place(m.place);
      scored.push_back(ScoreEntry(p, m.name_kind, c, ctx));
      scored.back().base += HintFit(c, static_cast<int>(k), p);
      scored.back().shortened = m.name_kind == NameKind::kShortened;
      scored.back().full_name = m.name_kind == NameKind::kName;
      shortened = shortened || scored.back().shortened;
    }
    // A name matched only by cutting the type word off an admin area ("Beni" of Bolivia's "Beni
    // Department") weighs less than a place's own full name in another country ("in Beni": the town
    // of North Kivu); in its own country the bare-name rule of ScoreEntry already decides.
    constexpr double kShortenedAbroad = 1.0;
    if (shortened && c.type == kNoType) {
      for (size_t k = first; k < scored.size(); ++k) {
        if (!scored[k].shortened) continue;
        bool full_here = false, full_abroad = false;
        for (size_t j = first; j < scored.size(); ++j) {
          if (!scored[j].full_name) continue;
          (scored[j].cc == scored[k].cc ? full_here : full_abroad) = true;
        }
        if (full_abroad && !full_here) scored[k].base -= kShortenedAbroad;
      }
    }
  }
  return scored;
}

double DistanceKm(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kRad = M_PI / 180.0;
  double dlat = (lat2 - lat1) * kRad, dlon = (lon2 - lon1) * kRad;
  double a = std::sin(dlat / 2) * std::sin(dlat / 2) +
             std::cos(lat1 * kRad) * std::cos(lat2 * kRad) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 6371.0 * 2 * std::atan2(std::sqrt(a), std::sqrt(1 - a));
}

// Second round: a bonus for an entry close to another candidate's resolved place (under 50 km,
// under 200 km). Countries and regions get none.
double ClosenessBonus(const ScoredEntry& e, const std::vector<Candidate>& cands, size_t ci) {
  if (e.kind == PlaceKind::kCountry || e.kind == PlaceKind::kRegion) return 0.0;
  double nearest = 1e9;
  // The other places near it in the text: within kNeighbours candidates either side, which
  // is every place of a normal article, and keeps a 10 MB one from going quadratic.
  constexpr size_t kNeighbours = 64;
  const size_t lo = ci > kNeighbours ? ci - kNeighbours : 0;
  const size_t hi = std::min(cands.size(), ci + kNeighbours + 1);
  for (size_t o = lo; o < hi && nearest >= 50; ++o) {
    const Candidate& other = cands[o];
    // Another mention of the same name is no evidence for it ("Beni territory ... the region of
    // Beni" would otherwise pull both to whichever Beni the first round chose).
    if (o == ci || !other.resolved || other.postings == cands[ci].postings) continue;
    // Only "< 50" and "< 200" matter, and a great-circle distance is at least the latitude
    // difference along a meridian: skip the trigonometry for places that are certainly farther
    // than 200 km (with a wide margin over rounding).
    if (std::fabs(e.lat - other.lat) * (M_PI / 180.0) * 6371.0 > 250.0) continue;
    nearest = std::min(nearest, DistanceKm(e.lat, e.lon, other.lat, other.lon));
  }
  return nearest < 50 ? 1.5 : nearest < 200 ? 0.8 : 0.0;
}

// The best-scoring entry of a candidate, the runner-up's score, and the best score of an entry in
// another country than the one that was best when it was seen.
struct Choice {
  int chosen = -1;
  double best = -1e9, second = -1e9, second_other_country = -1e9;
};

Choice ChooseEntry(const ScoredEntry* entries, const std::vector<double>& scores) {
  Choice ch;
  std::string_view best_cc;
  for (size_t k = 0; k < scores.size(); ++k) {
    const double s = scores[k];
    const std::string_view cc = entries[k].cc;
    if (s > ch.best) {
      if (ch.chosen >= 0 && cc != best_cc) ch.second_other_country = std::max(ch.second_other_country, ch.best);
      ch.second = ch.best;
      ch.best = s;
      ch.chosen = static_cast<int>(k);
      best_cc = cc;
    } else {
      ch.second = std::max(ch.second, s);
      if (cc != best_cc) ch.second_other_country = std::max(ch.second_other_country, s);
    }
  }
  return ch;
}

// A small place whose country only it names, in an article about other countries, is more likely
// a namesake we do not know than a foreign village ("in Moura" in a report on Mali finds only
// Moura, Portugal): its own vote does not count as support.
bool ForeignNamesake(const Candidate& c, const Place& p, const ArticleContext& ctx, bool big) {
  const double others_total = ctx.country_total - c.own_vote;
  const double others_share =
      others_total > 0 ? (ctx.CountryWeight(p.country_code) - c.own_vote) / others_total : 1.0;
  // A type word supports only a place of that type: "the Karari district of Omdurman" does
  // not make Karari, a village of India, the place of a report on Sudan.
  const bool admin_cue = c.type == kTypeAdmin1 || c.type == kTypeAdmin2;
  const bool type_fits = c.type != kNoType && (admin_cue ? p.kind != PlaceKind::kPlace : true);
  return !big && !type_fits && others_share < 0.2;
}

// A seat of government (national, provincial, district) matched by its own name: "Maiduguri
// University", "the Lubumbashi High Court" are in the town.
bool SeatNamedByItsName(const Place& p, NameKind nk) {
  const std::string_view f = p.feature_code;
  return nk == NameKind::kName && (f == "PPLC" || f == "PPLA" || f == "PPLA2");
}

// Whether something else in the text votes for the place's country, or nothing votes for any
// other: a seat in an institution's name ("Lagos House of Assembly") is the town at home, not
// abroad ("Hamar Jadid" beside Kenyan troops is not Hamar, Norway).
bool HomeOrNoOtherCountry(const Candidate& c, const Place& p, const ArticleContext& ctx) {
  const double others_here = ctx.CountryWeight(p.country_code) - c.own_vote;
  const double others_total = ctx.country_total - c.own_vote;
  return others_here > 1e-9 || others_total <= 1e-9;
}

// A place of a country that nothing else in the text names, in an article that places, admin
// areas or country words ground in other countries, is a namesake abroad whatever its cues ("the
// town of Kalera" in a report on Mayi Mayi is not Calera, Alabama), unless it is famous enough to
// be named alone: a national capital or a city of a million people, named by its own name ("Kahira"
// in a report on the FARDC is a village of Masisi, not Cairo).
// Country names and demonyms do not ground the article ("peacekeepers from Tanzania"), and do
// name the country ("clashes in Goma with Rwandan troops" keeps Goma either way).
bool ForeignWithoutMention(const Candidate& c, const Place& p, NameKind nk, const ArticleContext& ctx) {
  const double others_here = ctx.CountryWeight(p.country_code) - c.own_vote;
  if (others_here > 1e-9 || ctx.GroundedElsewhere(p.country_code) <= 0) return false;
  constexpr int64_t kFamousPopulation = 1000000;
  const bool famous = p.feature_code == "PPLC" || p.population >= kFamousPopulation;
  return !(famous && nk == NameKind::kName);
}

// Whether the chosen entry is kept: no place rather than a wrong one. A country or region needs
// no support; anything else needs its country among the article's, a cue, or a size of its own.
bool Accept(const Candidate& c, const Place& p, NameKind nk, const ArticleContext& ctx, double second_other_country) {
  if (c.date) return false;
  // An admin hint decides: the entry it chose, or an entry inside the area it names.
  if (c.forced >= 0) return true;
  if (c.has_area) return InHintArea(c, p);
  if (p.kind == PlaceKind::kCountry || p.kind == PlaceKind::kRegion) return true;
  // A name another report placed (PlaceLessons) is that village, or something named after it
  // ("the Kyavisogho health centre", "the Kyavisogho Farmers Cooperative"): a name the index lacks
  // is no common word. Only a report whose own places, or groups, lie elsewhere rejects it
  // (PlaceFinder::DropContradictedLessons).
  if (c.learned) return !c.acronym;
  if (c.acronym && p.kind != PlaceKind::kAdmin1) return false;
  // A province named in full with its type word, inside an institution's name ("the Nyeri County Referral
  // Hospital", "Lagos State Polytechnic"): the institution is the province's.
  if (c.in_longer_name && c.name_type == kTypeAdmin1 && p.kind == PlaceKind::kAdmin1 &&
      (nk == NameKind::kName || nk == NameKind::kAlternate) &&
      HomeOrNoOtherCountry(c, p, ctx))
    return true;
  if (c.in_longer_name && !(SeatNamedByItsName(p, nk) && HomeOrNoOtherCountry(c, p, ctx))) return false;
  if (ForeignWithoutMention(c, p, nk, ctx)) return false;
  const double share = ctx.CountryShare(p.country_code);
  // A big town, or a provincial capital of some size, needs no other support; but not when only
  // one of its alternate names matched ("Mambasa", a town of Ituri, is one of Mombasa's).
  const bool seat = p.feature_code == "PPLC" || p.feature_code == "PPLA" || p.feature_code == "PPLA2";
  const bool big = (p.population >= 200000 || (seat && p.population >= 50000)) && nk == NameKind::kName;
  if (!(share >= 0.2 || c.locative || c.type != kNoType || big)) return false;
  // A capitalised sentence-initial word outside the article's countries.
  if (c.initial && c.last - c.first == 1 && share < 0.2 && c.type == kNoType) return false;
  // Two countries' places fit about as well and the article favours neither.
  if (second_other_country > c.best - 0.5 && share < 0.2) return false;
  return !ForeignNamesake(c, p, ctx, big);
}

// A bare name ("Narok residents", "Machakos University students") with no cue and no other support,
// whose entries are a province and its seat named alike, of one country that nothing else in the
// article contradicts: the report names the province or its town, and the province holds both. The
// index of the province's entry, -1 when the name is not such a pair.
int ProvinceOfBareSeat(const Gazetteer& gaz, const Candidate& c, const ArticleContext& ctx) {
  if (c.type != kNoType || c.locative || c.near || c.date || c.acronym || c.origin || c.has_area || c.forced >= 0 ||
      c.after_capitalised)  // "in Mau Narok" (Nakuru County) is not Narok
    return -1;
  int province = -1;
  bool seat = false;
  std::string_view cc, a1;
  for (size_t k = 0; k < c.n; ++k) {
    const PlaceMatch m = Gazetteer::DecodePosting(c.postings[k]);
    const Place p = gaz.place(m.place);
    if (k == 0) cc = p.country_code;
    else if (p.country_code != cc) return -1;
    if (p.kind == PlaceKind::kAdmin1) {
      if (province >= 0) return -1;
      province = static_cast<int>(k), a1 = p.admin1_code;
    }
  }
  if (province < 0 || cc.empty() || ctx.GroundedElsewhere(cc) > 1e-9) return -1;
  for (size_t k = 0; k < c.n; ++k) {
    const PlaceMatch m = Gazetteer::DecodePosting(c.postings[k]);
    const Place p = gaz.place(m.place);
    const std::string_view f = p.feature_code;
    if (p.kind == PlaceKind::kPlace && p.admin1_code == a1 && m.name_kind == NameKind::kName &&
        (f == "PPLA" || f == "PPLC"))
      seat = true;
  }
  return seat ? province : -1;
}

}  // namespace

void ResolveCandidates(const Gazetteer& gaz, const ArticleContext& ctx, std::vector<Candidate>* candidates) {
  std::vector<Candidate>& cands = *candidates;
  const std::vector<ScoredEntry> scored = ScoreEntries(gaz, ctx, cands);
  std::vector<double> scores;
  // Twice: the second round knows where the other places are (those before a candidate as
  // resolved in this round, those after it as in the first).
  for (int round = 0; round < 2; ++round) {
    size_t first_entry = 0;
    for (size_t ci = 0; ci < cands.size(); ++ci) {
      Candidate& c = cands[ci];
      const ScoredEntry* entries = &scored[first_entry];
      first_entry += c.n;
      scores.resize(c.n);
      for (size_t k = 0; k < c.n; ++k)
        scores[k] = round == 0 ? entries[k].base : entries[k].base + ClosenessBonus(entries[k], cands, ci);
      const Choice ch = ChooseEntry(entries, scores);
      c.chosen = ch.chosen, c.best = ch.best, c.second = ch.second;
      const PlaceMatch m = Gazetteer::DecodePosting(c.postings[c.chosen]);
      const Place p = gaz.place(m.place);
      c.resolved = Accept(c, p, m.name_kind, ctx, ch.second_other_country);
      c.lat = p.lat;
      c.lon = p.lon;
      if (!c.resolved) {
        if (const int province = ProvinceOfBareSeat(gaz, c, ctx); province >= 0) {
          const Place a = gaz.place(Gazetteer::DecodePosting(c.postings[province]).place);
          c.chosen = province, c.resolved = true, c.lat = a.lat, c.lon = a.lon;
        }
      }
    }
  }
}

}  // namespace sitrep
