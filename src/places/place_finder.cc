// PlaceFinder: toponym recognition (n-gram lookup) and resolution in the article's context.
//
// Three passes over the document:
//  1. candidates: at each capitalised word, the longest token n-gram whose name key is in
//     the index (hash of the tokens' `lower`, no allocation), with the cues around it
//     ("the town of", "territory", "near", a date number...);
//  2. context: the countries and provinces the article is about, voted by the candidates
//     that are unambiguous (country names count most, demonyms least);
//  3. resolution: each candidate's entries scored by feature type, population, the
//     context, the cues and (second round) the distance to the other places resolved; a
//     candidate with no support in the text or the context resolves to nothing.
#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <unordered_map>

#include "sitrep/places.h"

namespace sitrep {
namespace {

bool StartsUpper(const Token& t) {
  if (t.norm.empty()) return false;
  unsigned char c = static_cast<unsigned char>(t.norm[0]);
  if (c >= 'A' && c <= 'Z') return true;
  // Non-ASCII first letter (É, Ö...): upper when case folding changes it.
  return c >= 0x80 && t.lower.size() >= 1 && t.lower[0] != t.norm[0];
}

bool IsWord(const Token& t) { return t.kind == TokenKind::kWord; }

bool OneOf(std::string_view w, std::initializer_list<std::string_view> list) {
  for (auto x : list) if (w == x) return true;
  return false;
}

bool IsDirection(std::string_view w) {
  return OneOf(w, {"eastern", "western", "northern", "southern", "central", "north-eastern", "north-western",
                   "south-eastern", "south-western", "northeastern", "northwestern", "southeastern", "southwestern",
                   "northeast", "northwest", "southeast", "southwest", "east", "west", "north", "south"});
}

double DistanceKm(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kRad = M_PI / 180.0;
  double dlat = (lat2 - lat1) * kRad, dlon = (lon2 - lon1) * kRad;
  double a = std::sin(dlat / 2) * std::sin(dlat / 2) +
             std::cos(lat1 * kRad) * std::cos(lat2 * kRad) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 6371.0 * 2 * std::atan2(std::sqrt(a), std::sqrt(1 - a));
}

enum TypeCue { kNoType, kTypeTown, kTypeAdmin2, kTypeAdmin1, kTypeCapital };

struct Candidate {
  uint32_t first = 0, last = 0;  // token span of the name itself
  uint32_t span_first = 0, span_last = 0;  // with a direction word or type word around it
  const uint32_t* postings = nullptr;
  size_t n = 0;
  TypeCue type = kNoType;
  bool locative = false;   // "in", "at", "near"... before it
  bool near = false;       // "near X", "outside X", "X and its surroundings": precision 2
  bool date = false;       // a number beside it: "November 6", "6 March"
  bool initial = false;    // first word of its sentence
  bool direction = false;  // "eastern DR Congo"
  int chosen = -1;         // index into postings
  double best = 0, second = -1e9;
  double lat = 0, lon = 0;
  bool resolved = false;
  double own_vote = 0;     // the weight this name gave its country in the context vote
};

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
  if (nk == NameKind::kAlternate) s -= 0.3;
  return s;
}

int Precision(const Place& p, bool near) {
  switch (p.kind) {
    case PlaceKind::kCountry:
    case PlaceKind::kAdmin1:
    case PlaceKind::kRegion: return 3;
    case PlaceKind::kAdmin2: return 2;
    case PlaceKind::kPlace: break;
  }
  if (p.feature_class == 'P' || p.feature_class == 'S') return near ? 2 : 1;
  return 2;
}

PlaceMention::Kind MentionKind(const Place& p, NameKind nk, bool direction) {
  if (direction) return PlaceMention::kRegion;
  if (nk == NameKind::kDemonym) return PlaceMention::kDemonym;
  switch (p.kind) {
    case PlaceKind::kCountry: return PlaceMention::kCountry;
    case PlaceKind::kAdmin1:
    case PlaceKind::kAdmin2: return PlaceMention::kAdminArea;
    case PlaceKind::kRegion: return PlaceMention::kRegion;
    case PlaceKind::kPlace: break;
  }
  return PlaceMention::kPlace;
}

}  // namespace

PlaceFinder::PlaceFinder(const Gazetteer* gazetteer) : gaz_(gazetteer) {}

std::vector<PlaceMention> PlaceFinder::Find(const Document& doc) const {
  std::vector<PlaceMention> out;
  if (!gaz_ || doc.tokens.empty()) return out;
  const auto& toks = doc.tokens;
  const uint32_t nt = static_cast<uint32_t>(toks.size());
  const uint32_t max_n = std::max<uint32_t>(1, gaz_->max_name_tokens());

  std::vector<bool> sentence_start(nt, false);
  sentence_start[0] = true;
  for (const Sentence& s : doc.sentences) {
    uint32_t i = s.first_token;
    while (i < s.last_token && i < nt && !IsWord(toks[i])) ++i;
    if (i < nt) sentence_start[i] = true;
  }
  auto lower = [&](int64_t i) -> std::string_view {
    return (i >= 0 && i < nt) ? std::string_view(toks[i].lower) : std::string_view();
  };

  // 1. Candidates.
  std::vector<Candidate> cands;
  std::vector<uint64_t> keys;  // name keys of the n-grams starting at a token
  for (uint32_t i = 0; i < nt;) {
    const Token& t = toks[i];
    if (!IsWord(t) || !StartsUpper(t) || t.norm.size() < 2) {
      ++i;
      continue;
    }
    NameKeyHash h;
    uint32_t best_len = 0;
    const uint32_t* best_post = nullptr;
    size_t best_n = 0;
    // The keys of all n-grams first, their index slots prefetched, then the lookups: each is
    // a likely cache miss in a large index, and this way they overlap.
    keys.clear();
    for (uint32_t n = 1; n <= max_n && i + n <= nt; ++n) {
      const Token& u = toks[i + n - 1];
      if (!IsWord(u) && !(u.kind == TokenKind::kPunct && u.lower == "'s")) break;
      h.AddToken(u.lower);
      keys.push_back(h.value());
      gaz_->PrefetchHash(h.value());
    }
    for (uint32_t n = 1; n <= keys.size(); ++n) {
      const uint32_t* post = nullptr;
      size_t cnt = gaz_->LookupHash(keys[n - 1], &post);
      if (cnt) best_len = n, best_post = post, best_n = cnt;
    }
    // A lone direction word ("Eastern DR Congo", "East African force") is not a place by itself,
    // though GeoNames has regions named "Eastern" and "East".
    if (!best_len || (best_len == 1 && IsDirection(t.lower))) {
      ++i;
      continue;
    }
    Candidate c;
    c.first = c.span_first = i;
    c.last = c.span_last = i + best_len;
    c.postings = best_post;
    c.n = best_n;
    c.initial = sentence_start[i];
    // Cues before: "in X", "the town of X", "the capital, X", "eastern X".
    std::string_view p1 = lower(int64_t(i) - 1), p2 = lower(int64_t(i) - 2), p3 = lower(int64_t(i) - 3);
    if (OneOf(p1, {"in", "at", "near", "from", "to", "into", "outside", "around", "towards", "toward", "across",
                   "inside", "within", "through", "via", "reach", "reached", "entered", "captured", "seized",
                   "recaptured", "attacked", "took", "occupied", "besieged", "hit", "shelled", "struck",
                   "bombed", "stormed", "raided", "overran"})) {
      c.locative = true;
    }
    if (OneOf(p1, {"near", "outside", "around", "towards", "toward"}) || (p1 == "of" && p2 == "outskirts") ||
        (p1 == "to" && p2 == "close") || (p1 == "from" && OneOf(p2, {"km", "kilometres", "kilometers", "miles"}))) {
      c.near = true;
    }
    std::string_view type_word = p1 == "of" || p1 == "," ? p2 : p1;
    if (type_word == "," && p3 == "capital") type_word = "capital";
    if (OneOf(type_word, {"town", "village", "city", "locality", "localities", "villages", "towns", "commune",
                          "mine", "camp", "market"})) {
      c.type = kTypeTown, c.locative = true;
    } else if (type_word == "capital") {
      c.type = kTypeCapital, c.locative = true;
    } else if (OneOf(type_word, {"territory", "district"})) {
      c.type = kTypeAdmin2, c.locative = true;
    } else if (OneOf(type_word, {"province", "region"})) {
      c.type = kTypeAdmin1, c.locative = true;
    }
    if (IsDirection(p1) && i > 0) {
      c.direction = true;
      c.span_first = i - 1;
    }
    // Cues after: "X territory", "X province", "X and its surroundings".
    std::string_view n1 = lower(c.last), n2 = lower(c.last + 1), n3 = lower(c.last + 2);
    if (OneOf(n1, {"territory", "district", "chiefdom", "sector", "groupement"})) {
      c.type = kTypeAdmin2, c.span_last = c.last + 1;
    } else if (OneOf(n1, {"province", "region", "state", "department", "county", "governorate"})) {
      c.type = kTypeAdmin1, c.span_last = c.last + 1;
    } else if (OneOf(n1, {"town", "village", "city", "locality"}) && c.type == kNoType) {
      c.type = kTypeTown, c.span_last = c.last + 1;
    }
    if ((n1 == "and" && OneOf(n2, {"its", "the"}) && OneOf(n3, {"surroundings", "environs", "outskirts", "vicinity"})) ||
        OneOf(n1, {"area", "outskirts", "environs", "surroundings"})) {
      c.near = true;
    }
    bool number_before = i > 0 && toks[i - 1].kind == TokenKind::kNumber;
    bool number_after = c.last < nt && toks[c.last].kind == TokenKind::kNumber;
    c.date = best_len == 1 && (number_before || number_after);
    cands.push_back(c);
    i += best_len;
  }
  if (cands.empty()) return out;
  // The postings and place records live in the large mapped index and are read below: start
  // loading them all now, postings first, so that their cache misses overlap.
  for (const Candidate& c : cands)
    for (size_t k = 0; k < c.n; k += 16) __builtin_prefetch(c.postings + k);
  for (const Candidate& c : cands)
    for (size_t k = 0; k < c.n; ++k) gaz_->PrefetchPlace(Gazetteer::DecodePosting(c.postings[k]).place);

  // 2. Context: country and province votes from candidates that are unambiguous.
  // Weights per country and per (country, province code). An article names few of them, so a
  // linear search over views into the index beats std::string keys in a map; each weight is
  // accumulated in the same order as before, so the shares are bit-identical.
  struct Vote {
    std::string_view cc, a1;
    double w = 0;
  };
  std::vector<Vote> country_w, admin1_w;
  auto vote = [](std::vector<Vote>& votes, std::string_view cc, std::string_view a1) -> double& {
    for (Vote& v : votes)
      if (v.cc == cc && v.a1 == a1) return v.w;
    votes.push_back(Vote{cc, a1, 0.0});
    return votes.back().w;
  };
  auto find_vote = [](const std::vector<Vote>& votes, std::string_view cc, std::string_view a1) -> const Vote* {
    for (const Vote& v : votes)
      if (v.cc == cc && v.a1 == a1) return &v;
    return nullptr;
  };
  double country_total = 0, admin1_total = 0;
  for (Candidate& c : cands) {
    if (c.date) continue;
    std::string_view cc;
    bool one_country = true, all_countries = true, demonym = false, admin1 = true;
    std::string_view a1;
    bool one_a1 = true;
    int64_t max_pop = 0;
    for (size_t k = 0; k < c.n; ++k) {
      PlaceMatch m = Gazetteer::DecodePosting(c.postings[k]);
      Place p = gaz_->place(m.place);
      if (cc.empty()) cc = p.country_code;
      else if (cc != p.country_code) one_country = false;
      if (p.kind != PlaceKind::kCountry) all_countries = false;
      if (m.name_kind == NameKind::kDemonym) demonym = true;
      if (p.kind != PlaceKind::kAdmin1) admin1 = false;
      if (a1.empty()) a1 = p.admin1_code;
      else if (a1 != p.admin1_code) one_a1 = false;
      max_pop = std::max(max_pop, p.population);
    }
    if (!one_country || cc.empty()) continue;
    double w;
    if (all_countries) w = demonym ? 0.5 : 2.0;
    else if (admin1) w = 1.5;
    else if (c.locative || c.type != kNoType || max_pop >= 100000) w = 1.0;
    else continue;  // an unsupported lone name ("Police") does not vote
    vote(country_w, cc, {}) += w;
    country_total += w;
    c.own_vote = w;
    if (one_a1 && !a1.empty() && !all_countries) {
      vote(admin1_w, cc, a1) += w;
      admin1_total += w;
    }
  }
  auto country_share = [&](std::string_view cc) {
    if (country_total <= 0) return 0.0;
    const Vote* v = find_vote(country_w, cc, {});
    return v ? v->w / country_total : 0.0;
  };
  auto admin1_share = [&](std::string_view cc, std::string_view a1) {
    if (admin1_total <= 0 || a1.empty()) return 0.0;
    const Vote* v = find_vote(admin1_w, cc, a1);
    return v ? v->w / admin1_total : 0.0;
  };

  // 3. Resolution, twice: the second round knows where the other places are.
  // Everything but the distance bonus is the same in both rounds, so round 0 stores each
  // posting's score and what round 1 needs of its place (round 1 then adds the bonus to the
  // very same double, so the arithmetic is unchanged).
  struct Scored {
    double base = 0;
    double lat = 0, lon = 0;
    std::string_view cc;
    PlaceKind kind = PlaceKind::kPlace;
  };
  std::vector<size_t> scored_at(cands.size());
  size_t num_scored = 0;
  for (size_t ci = 0; ci < cands.size(); ++ci) scored_at[ci] = num_scored, num_scored += cands[ci].n;
  std::vector<Scored> scored(num_scored);
  for (int round = 0; round < 2; ++round) {
    for (size_t ci = 0; ci < cands.size(); ++ci) {
      Candidate& c = cands[ci];
      c.best = -1e9, c.second = -1e9, c.chosen = -1;
      std::string_view best_cc;
      double second_other_country = -1e9;
      for (size_t k = 0; k < c.n; ++k) {
        Scored& sp = scored[scored_at[ci] + k];
        if (round == 0) {
          PlaceMatch m = Gazetteer::DecodePosting(c.postings[k]);
          Place p = gaz_->place(m.place);
          double s = Prior(p, m.name_kind);
          s += 4.0 * country_share(p.country_code);
          s += 2.0 * admin1_share(p.country_code, p.admin1_code);
          bool admin = p.kind == PlaceKind::kAdmin1 || p.kind == PlaceKind::kAdmin2;
          switch (c.type) {
            case kTypeAdmin2: s += p.kind == PlaceKind::kAdmin2 ? 3.0 : admin ? 1.0 : -1.0; break;
            case kTypeAdmin1: s += p.kind == PlaceKind::kAdmin1 ? 3.0 : admin ? 1.0 : -1.0; break;
            case kTypeTown: s += p.kind == PlaceKind::kPlace ? 2.0 : -1.0; break;
            case kTypeCapital: s += p.feature_code == "PPLC" ? 3.0 : p.feature_code == "PPLA" ? 1.0 : 0.0; break;
            case kNoType: break;
          }
          // A bare name of a town that is also its district's or province's name is the town
          // ("shelled Kharkiv": the city, not the oblast, whose summed population would win).
          if (c.type == kNoType && (p.kind == PlaceKind::kAdmin2 || p.kind == PlaceKind::kAdmin1)) s -= 0.5;
          sp.base = s;
          sp.lat = p.lat;
          sp.lon = p.lon;
          sp.cc = p.country_code;  // points into the mapped index
          sp.kind = p.kind;
        }
        double s = sp.base;
        if (round == 1 && sp.kind != PlaceKind::kCountry && sp.kind != PlaceKind::kRegion) {
          double nearest = 1e9;
          // The other places near it in the text: within kNeighbours candidates either side, which
          // is every place of a normal article, and keeps a 10 MB one from going quadratic.
          constexpr size_t kNeighbours = 64;
          const size_t lo = ci > kNeighbours ? ci - kNeighbours : 0;
          const size_t hi = std::min(cands.size(), ci + kNeighbours + 1);
          for (size_t o = lo; o < hi && nearest >= 50; ++o) {
            const Candidate& other = cands[o];
            if (o == ci || !other.resolved) continue;
            // Only "< 50" and "< 200" matter, and a great-circle distance is at least the
            // latitude difference along a meridian: skip the trigonometry for places that are
            // certainly farther than 200 km (with a wide margin over rounding).
            if (std::fabs(sp.lat - other.lat) * (M_PI / 180.0) * 6371.0 > 250.0) continue;
            nearest = std::min(nearest, DistanceKm(sp.lat, sp.lon, other.lat, other.lon));
          }
          if (nearest < 50) s += 1.5;
          else if (nearest < 200) s += 0.8;
        }
        if (s > c.best) {
          if (c.chosen >= 0 && sp.cc != best_cc) second_other_country = std::max(second_other_country, c.best);
          c.second = c.best;
          c.best = s;
          c.chosen = static_cast<int>(k);
          best_cc = sp.cc;
        } else {
          c.second = std::max(c.second, s);
          if (sp.cc != best_cc) second_other_country = std::max(second_other_country, s);
        }
      }
      // Acceptance: no place rather than a wrong one.
      PlaceMatch m = Gazetteer::DecodePosting(c.postings[c.chosen]);
      Place p = gaz_->place(m.place);
      double share = country_share(p.country_code);
      bool is_country_like = p.kind == PlaceKind::kCountry || p.kind == PlaceKind::kRegion;
      bool ok = true;
      if (c.date) ok = false;
      if (!is_country_like) {
        // A big town, or a provincial capital of some size, needs no other support.
        bool seat = p.feature_code == "PPLC" || p.feature_code == "PPLA" || p.feature_code == "PPLA2";
        bool support = share >= 0.2 || c.locative || c.type != kNoType || p.population >= 200000 ||
                       (seat && p.population >= 50000);
        if (!support) ok = false;
        if (c.initial && c.last - c.first == 1 && share < 0.2 && c.type == kNoType) ok = false;
        // Two countries' places fit about as well and the article favours neither.
        if (second_other_country > c.best - 0.5 && share < 0.2) ok = false;
        // A small place whose country only it names, in an article about other countries, is more
        // likely a namesake we do not know than a foreign village ("in Moura" in a report on Mali
        // finds only Moura, Portugal): its own vote does not count as support.
        const Vote* own = find_vote(country_w, p.country_code, {});
        double others_total = country_total - c.own_vote;
        double others_share = others_total > 0 ? ((own ? own->w : 0.0) - c.own_vote) / others_total : 1.0;
        bool big = p.population >= 200000 || (seat && p.population >= 50000);
        // A type word supports only a place of that type: "the Karari district of Omdurman" does
        // not make Karari, a village of India, the place of a report on Sudan.
        const bool admin_cue = c.type == kTypeAdmin1 || c.type == kTypeAdmin2;
        const bool type_fits = c.type != kNoType && (admin_cue ? p.kind != PlaceKind::kPlace : true);
        if (!big && !type_fits && others_share < 0.2) ok = false;
      }
      c.resolved = ok;
      c.lat = p.lat;
      c.lon = p.lon;
    }
  }

  for (const Candidate& c : cands) {
    if (!c.resolved) continue;
    PlaceMatch m = Gazetteer::DecodePosting(c.postings[c.chosen]);
    Place p = gaz_->place(m.place);
    PlaceMention pm;
    pm.first_token = c.span_first;
    pm.last_token = c.span_last;
    pm.place = m.place;
    pm.kind = MentionKind(p, m.name_kind, c.direction && p.kind == PlaceKind::kCountry);
    pm.loc = gaz_->ToLocation(m.place, Precision(p, c.near));
    uint32_t b = toks[c.span_first].begin, e = toks[c.span_last - 1].end;
    if (e <= doc.text.size() && b <= e) pm.loc.text = std::string(doc.text.substr(b, e - b));
    double margin = c.second < -1e8 ? 3.0 : c.best - c.second;
    pm.score = static_cast<float>(std::clamp(0.4 + 0.1 * margin + 0.3 * country_share(p.country_code), 0.0, 1.0));
    out.push_back(std::move(pm));
  }
  return out;
}

std::optional<Location> PlaceFinder::MainPlace(const std::vector<PlaceMention>& mentions) const {
  if (!gaz_ || mentions.empty()) return std::nullopt;
  std::map<std::string, double> weight;
  double total = 0;
  for (const PlaceMention& m : mentions) {
    if (m.loc.country_code.empty()) continue;
    double w = m.kind == PlaceMention::kDemonym ? 0.5
               : (m.kind == PlaceMention::kCountry || m.kind == PlaceMention::kRegion) ? 2.0 : 1.0;
    weight[m.loc.country_code] += w;
    total += w;
  }
  if (total <= 0) return std::nullopt;
  auto top = std::max_element(weight.begin(), weight.end(), [](auto& a, auto& b) { return a.second < b.second; });
  if (top->second < total * 2.0 / 3.0) return std::nullopt;  // contested between countries
  const std::string cc = top->first;
  // One province named (directly or through its places) and no other: the province.
  std::string a1;
  bool one = true;
  for (const PlaceMention& m : mentions) {
    if (m.loc.country_code != cc || m.kind == PlaceMention::kCountry || m.kind == PlaceMention::kDemonym) continue;
    std::string code(gaz_->place(m.place).admin1_code);
    if (code.empty()) continue;
    if (a1.empty()) a1 = code;
    else if (a1 != code) one = false;
  }
  if (one && !a1.empty()) {
    if (auto idx = gaz_->Admin1Place(cc, a1)) {
      Location loc = gaz_->ToLocation(*idx, 3);
      return loc;
    }
  }
  if (auto idx = gaz_->CountryPlace(cc)) return gaz_->ToLocation(*idx, 3);
  return std::nullopt;
}

}  // namespace sitrep
