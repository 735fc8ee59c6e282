// Pass 1b of PlaceFinder::Find: admin hints in parentheses (place_passes.h).
//
// Reports place a village by the areas around it: "in Mamove (Beni, Nord-Kivu)", "at Kayamla
// (Maiduguri LGA, Borno)", "in Mutongo (Walikale)". The names inside say which country and
// province the village is in: they choose each other's entries (Beni the territory of North Kivu,
// not the department of Bolivia) and confine the village's own name to that area ("Kabo (Tchaourou,
// Borgou)" is not Kabo, Nigeria). When the village is not in the index, the inner name is where
// the event is placed, at precision 2 (resolution.cc, place_finder.cc).
#include <algorithm>
#include <cmath>

#include "place_passes.h"

namespace sitrep {
namespace {

constexpr uint32_t kMaxSlots = 3;         // "(Ward, LGA, State)"
constexpr uint32_t kMaxSlotTokens = 6;    // "(Essien Udim LGA, Akwa Ibom)"

// One comma-separated name inside the parentheses: its tokens, and the candidate that covers
// them (-1 when the name is not in the index).
struct Slot {
  uint32_t first = 0, last = 0;
  int cand = -1;
};

bool StartsUpper(const Token& t) {
  if (t.kind != TokenKind::kWord || t.norm.empty()) return false;
  const unsigned char c = static_cast<unsigned char>(t.norm[0]);
  return (c >= 'A' && c <= 'Z') || (c >= 0x80 && !t.lower.empty() && t.lower[0] != t.norm[0]);
}

// The first token of the run of capitalised words (at most kMaxSlotTokens) that ends right before token
// `end`: `end` itself when there is none.
uint32_t CapitalisedRunStart(const std::vector<Token>& toks, uint32_t end) {
  uint32_t first = end;
  while (first > 0 && end - first < kMaxSlotTokens && StartsUpper(toks[first - 1])) --first;
  return first;
}

// The end of the name X right before token `end` (a parenthesis, comma or "in"): `end`, or the town
// word X took ("Kokola village (...)", "in Butare village, Masisi Territory"), or with `near_ok` the
// word for its surroundings ("the Ovwian area (Udu LGA, Delta)").
uint32_t NameEndBefore(const std::vector<Token>& toks, const PlaceCues& cues, uint32_t end, bool near_ok) {
  if (end > 1 && (cues.TypeAfter(toks[end - 1].lower) == kTypeTown || (near_ok && cues.NearAfter(toks, end - 1))))
    return end - 1;
  return end;
}

// A token that may stand inside a name of a hint: a capitalised word, a type word ("LGA",
// "territory") or the joining punctuation of "Kala/Balge", "N'Guigmi".
bool NameToken(const Token& t, const PlaceCues& cues) {
  if (StartsUpper(t) || cues.TypeAfter(t.lower) != kNoType) return true;
  return t.kind == TokenKind::kPunct && (t.norm == "/" || t.norm == "-" || t.norm == "'");
}

// The candidate starting at token `tok`, searched from `from` on (candidates are in text order);
// -1 when none.
int CandidateAt(const std::vector<Candidate>& cands, size_t from, uint32_t tok) {
  for (size_t k = from; k < cands.size() && cands[k].first <= tok; ++k)
    if (cands[k].first == tok) return static_cast<int>(k);
  return -1;
}

// Reads the slots of the parentheses opening at token `open`; false when they are no hint
// (lowercase words, too long, nested, unclosed, or no name in the index).
bool ReadSlots(const std::vector<Token>& toks, const std::vector<Candidate>& cands, size_t from_cand,
               uint32_t open, const PlaceCues& cues, std::vector<Slot>* slots) {
  slots->clear();
  const uint32_t nt = static_cast<uint32_t>(toks.size());
  uint32_t i = open + 1;
  bool known = false;
  while (i < nt) {
    Slot s;
    s.first = i;
    // Names are separated by commas, or semicolons ("(Banibangou; Tillabery)").
    while (i < nt && toks[i].norm != "," && toks[i].norm != ";" && toks[i].norm != ")") {
      if (!NameToken(toks[i], cues) || i - s.first >= kMaxSlotTokens) return false;
      ++i;
    }
    if (i >= nt || i == s.first) return false;
    s.last = i;
    s.cand = CandidateAt(cands, from_cand, s.first);
    // A candidate must cover the whole name (with a type word it joined), else the name is unknown.
    if (s.cand >= 0 && cands[s.cand].span_last != s.last) s.cand = -1;
    known = known || s.cand >= 0;
    slots->push_back(s);
    if (slots->size() > kMaxSlots) return false;
    if (toks[i].norm == ")") return known;
    ++i;  // the comma or semicolon
  }
  return false;
}

// Whether candidate `c` has an admin area (province, district) among its entries.
bool HasAdminEntry(const Gazetteer& gaz, const Candidate& c) {
  for (size_t k = 0; k < c.n; ++k) {
    const PlaceKind kind = gaz.place(Gazetteer::DecodePosting(c.postings[k]).place).kind;
    if (kind == PlaceKind::kAdmin1 || kind == PlaceKind::kAdmin2) return true;
  }
  return false;
}

// Reads the admin areas after the comma at token `comma`: "in Mabuya, Beni, ...", "at Kayamla,
// Maiduguri LGA, Borno.". X (the capitalised words before the comma) must follow a locative word;
// each name must be in the index with an admin area among its entries; the last must end the
// phrase (",", ".", ";", "(", ")", the end): a list of towns ("in Goma, Beni and Bunia") is no hint.
bool ReadCommaSlots(const std::vector<Token>& toks, const std::vector<Candidate>& cands, size_t from_cand,
                    uint32_t comma, const Gazetteer& gaz, const PlaceCues& cues, std::vector<Slot>* slots) {
  slots->clear();
  const uint32_t x_end = NameEndBefore(toks, cues, comma, /*near_ok=*/false);
  const uint32_t x_first = CapitalisedRunStart(toks, x_end);
  if (x_first == x_end || x_first == 0 || !cues.IsLocative(toks[x_first - 1].lower)) return false;
  const uint32_t nt = static_cast<uint32_t>(toks.size());
  uint32_t i = comma;
  while (i < nt && toks[i].norm == "," && slots->size() < kMaxSlots) {
    const int c = CandidateAt(cands, from_cand, i + 1);
    if (c < 0 || !HasAdminEntry(gaz, cands[c])) break;
    slots->push_back(Slot{i + 1, cands[c].span_last, c});
    i = cands[c].span_last;
  }
  if (slots->empty()) return false;
  const std::string_view end = i < nt ? std::string_view(toks[i].norm) : std::string_view(".");
  return end == "," || end == "." || end == ";" || end == "(" || end == ")";
}

// Whether entry `p` lies in the area (country `cc`, province `a1`; an empty a1 is the whole country).
bool InArea(const Place& p, std::string_view cc, std::string_view a1) {
  return p.country_code == cc && (a1.empty() || p.admin1_code == a1 || p.kind == PlaceKind::kCountry);
}

// How well an entry fits its position in the hint: the last name is the widest area (a province
// first), an inner one a district or a town.
double KindFit(const Place& p, bool outer) {
  switch (p.kind) {
    case PlaceKind::kAdmin1: return outer ? 2.0 : 0.5;
    case PlaceKind::kAdmin2: return outer ? 1.5 : 2.0;
    case PlaceKind::kCountry: return outer ? 0.5 : 0.0;
    case PlaceKind::kRegion: return 0.0;
    case PlaceKind::kPlace: break;
  }
  return p.feature_class == 'P' ? (outer ? 1.0 : 1.5) : 0.2;
}

// The entry of candidate `c` that best fits the area and its position (-1 when none lies in it),
// and that fit.
int BestInArea(const Gazetteer& gaz, const Candidate& c, std::string_view cc, std::string_view a1, bool outer,
               double* fit) {
  int best = -1;
  *fit = -1;
  for (size_t k = 0; k < c.n; ++k) {
    const Place p = gaz.place(Gazetteer::DecodePosting(c.postings[k]).place);
    if (!InArea(p, cc, a1)) continue;
    const double f = KindFit(p, outer) + 0.01 * std::log10(1.0 + static_cast<double>(p.population));
    if (f > *fit) *fit = f, best = static_cast<int>(k);
  }
  return best;
}

// Whether slot `si` is the widest area of its hint: the last of several; a lone one in parentheses
// ("Mamove (Nord-Kivu)") but not after a comma ("in Mabuya, Beni": the territory).
bool IsOuter(const std::vector<Slot>& slots, size_t si, bool lone_slot_outer) {
  return si + 1 == slots.size() && (slots.size() > 1 || lone_slot_outer);
}

// Whether the widest name of a hint of several names has no entry in the area: that name says
// which province it is ("Bermo (Bermo, Maradi)" is in Maradi, whatever else "Bermo" may be).
bool OuterSlotOutside(const Gazetteer& gaz, const std::vector<Candidate>& cands, const std::vector<Slot>& slots,
                      std::string_view cc, std::string_view a1) {
  if (slots.size() < 2 || slots.back().cand < 0) return false;
  double fit = 0;
  return BestInArea(gaz, cands[slots.back().cand], cc, a1, /*outer=*/true, &fit) < 0;
}

// Chooses the area of a hint: among the countries and provinces of the names' entries, the one
// in which the most names (and X) have an entry, the better fitting; then forces each name to its
// entry there and confines X (candidate `x`, -1 when X is not in the index) to it.
void ApplyHint(const Gazetteer& gaz, const std::vector<Slot>& slots, int x, bool lone_slot_outer, size_t from_cand,
               const std::vector<std::string_view>& country_words, std::vector<Candidate>* candidates) {
  std::vector<Candidate>& cands = *candidates;
  std::string_view best_cc, best_a1;
  double best_score = 0;
  for (size_t si = 0; si < slots.size(); ++si) {
    if (slots[si].cand < 0) continue;
    const Candidate& c = cands[slots[si].cand];
    for (size_t k = 0; k < c.n; ++k) {
      const Place area = gaz.place(Gazetteer::DecodePosting(c.postings[k]).place);
      const std::string_view cc = area.country_code, a1 = area.kind == PlaceKind::kCountry ? "" : area.admin1_code;
      if (cc.empty() || (cc == best_cc && a1 == best_a1)) continue;
      double score = 0, fit = 0;
      if (OuterSlotOutside(gaz, cands, slots, cc, a1)) continue;
      for (size_t sj = 0; sj < slots.size(); ++sj) {
        if (slots[sj].cand < 0) continue;
        if (BestInArea(gaz, cands[slots[sj].cand], cc, a1, IsOuter(slots, sj, lone_slot_outer), &fit) >= 0) score += 2.0 + fit;
      }
      if (x >= 0 && BestInArea(gaz, cands[x], cc, a1, false, &fit) >= 0) score += 1.0;
      // A country the article's country words name ("Kamako, Kasai" with FARDC: the Kasai of the DR Congo).
      if (std::find(country_words.begin(), country_words.end(), cc) != country_words.end()) score += 3.0;
      if (score > best_score) best_score = score, best_cc = cc, best_a1 = a1;
    }
  }
  if (best_cc.empty()) return;
  for (size_t si = 0; si < slots.size(); ++si) {
    if (slots[si].cand < 0) continue;
    Candidate& c = cands[slots[si].cand];
    // A lone name after the comma chose the area as a district would; within that area it is the
    // province when one has its name ("near Pavlopil, Donetsk": the oblast, not Donetsk Raion).
    const bool outer = IsOuter(slots, si, lone_slot_outer) || slots.size() == 1;
    double fit = 0;
    c.forced = BestInArea(gaz, c, best_cc, best_a1, outer, &fit);
    c.hint_area = !outer || slots.size() == 1;
  }
  auto confine = [&](Candidate& c) { c.has_area = true, c.area_cc = best_cc, c.area_a1 = best_a1; };
  if (x >= 0) {
    confine(cands[x]);
    // An inner name forced to a district: X, if a town of the index, is one of that district.
    for (size_t si = 0; si + 1 < slots.size(); ++si) {
      if (slots[si].cand < 0 || cands[slots[si].cand].forced < 0) continue;
      const Candidate& c = cands[slots[si].cand];
      const Place d = gaz.place(Gazetteer::DecodePosting(c.postings[c.forced]).place);
      if (d.kind == PlaceKind::kAdmin2 && !d.admin2_code.empty()) cands[x].area_a2 = d.admin2_code;
      break;
    }
  }
  // A name that covers only part of a name of the hint ("Ceel" of "Ceel Waaq") is confined too.
  for (size_t k = from_cand; k < cands.size() && cands[k].first < slots.back().last; ++k)
    if (cands[k].forced < 0 && cands[k].first >= slots.front().first) confine(cands[k]);
}

// What a hint that placed X, a name the index lacks (tokens [first, last)), says of it: the
// province of the innermost name the hint forced. Nothing when the hint chose no province, or X
// is no plausible name (empty, or longer than a hint's name).
// X must follow a locative word ("in", "near", "attacked"), a town word ("village X"), or "of"
// after one or after a "near" cue ("the village of X", "the outskirts of X"): a name in any other
// place is more likely a group's or a building's ("Residents (AGRA)", "AMISOM (Afgooye)", "the
// Ministry of Health in Kyiv").
void Teach(const Document& doc, const Gazetteer& gaz, const PlaceCues& cues, const std::vector<Candidate>& cands,
           const std::vector<Slot>& slots, uint32_t first, uint32_t last, std::vector<HintLesson>* taught) {
  if (!taught || first == 0 || first >= last || last - first > kMaxSlotTokens) return;
  const std::string& before = doc.tokens[first - 1].lower;
  const bool of_place = before == "of" && first >= 2 &&
                        (cues.TypeBefore(doc.tokens[first - 2].lower) == kTypeTown || cues.NearBefore(doc.tokens, first));
  if (!cues.IsLocative(before) && cues.TypeBefore(before) != kTypeTown && !of_place) return;
  for (const Slot& s : slots) {
    if (s.cand < 0 || cands[s.cand].forced < 0) continue;
    const Candidate& c = cands[s.cand];
    const Place p = gaz.place(Gazetteer::DecodePosting(c.postings[c.forced]).place);
    const std::optional<uint32_t> province =
        p.kind == PlaceKind::kAdmin1 ? std::optional<uint32_t>(p.index) : gaz.Admin1Place(p.country_code, p.admin1_code);
    if (p.kind == PlaceKind::kCountry || !province) return;
    taught->push_back(HintLesson{first, last, Gazetteer::EncodePosting(PlaceMatch{*province, NameKind::kName})});
    return;
  }
}

// "Magama in Jibia LGA", "Hukke of Bassa LGA": a name right before "in"/"of" and a name with an
// admin type word lies in that admin area, as in "Magama (Jibia LGA)": the area confines it
// (Magama of Niger State is not the one), and the area is where the event is when it has none.
// When learning (`taught`), a name the index lacks there ("Kivunano village in Lubero territory")
// teaches where it lies; the report's own places are not changed by it (its area is placed already).
void ReadInsideHints(const Document& doc, const Gazetteer& gaz, const PlaceCues& cues,
                     const std::vector<std::string_view>& country_words, std::vector<Candidate>* candidates,
                     std::vector<HintLesson>* taught) {
  std::vector<Candidate>& cands = *candidates;
  const std::vector<Token>& toks = doc.tokens;
  for (size_t k = 0; k < cands.size(); ++k) {
    const Candidate& y = cands[k];
    // The type word after Y ("Jibia LGA"); one before it ("the Beni region of Bolivia") names X's kind.
    const bool typed = ((y.type == kTypeAdmin2 || y.type == kTypeAdmin1) && y.span_last != y.last) ||
                       y.name_type != kNoType;  // "of Masisi Territory"
    if (!typed) continue;
    if (y.first < 2 || (toks[y.first - 1].lower != "in" && toks[y.first - 1].lower != "of")) continue;
    std::vector<Slot> slots{Slot{y.first, y.span_last, static_cast<int>(k)}};
    if (k > 0 && cands[k - 1].span_last + 1 == y.first) {
      const Candidate& x = cands[k - 1];
      if (x.forced >= 0 || x.has_area) continue;
      ApplyHint(gaz, slots, static_cast<int>(k - 1), /*lone_slot_outer=*/false, k, country_words, candidates);
      continue;
    }
    if (!taught) continue;
    // X, the capitalised words before "in"/"of" (and a town word after them), is no candidate.
    const uint32_t x_end = NameEndBefore(toks, cues, y.first - 1, /*near_ok=*/false);
    const uint32_t x_first = CapitalisedRunStart(toks, x_end);
    if (x_first == x_end || (k > 0 && cands[k - 1].span_last > x_first)) continue;
    ApplyHint(gaz, slots, -1, /*lone_slot_outer=*/false, k, country_words, candidates);
    Teach(doc, gaz, cues, cands, slots, x_first, x_end, taught);
  }
}

// Whether candidate `c` has a province among its entries and a town of the same name in it
// ("Idleb": Idlib governorate and Idlib city; "Donetsk").
bool ProvinceAndItsTown(const Gazetteer& gaz, const Candidate& c) {
  for (size_t k = 0; k < c.n; ++k) {
    const Place a = gaz.place(Gazetteer::DecodePosting(c.postings[k]).place);
    if (a.kind != PlaceKind::kAdmin1) continue;
    for (size_t j = 0; j < c.n; ++j) {
      const Place p = gaz.place(Gazetteer::DecodePosting(c.postings[j]).place);
      if (p.kind == PlaceKind::kPlace && p.feature_class == 'P' && p.country_code == a.country_code &&
          p.admin1_code == a.admin1_code)
        return true;
    }
  }
  return false;
}

// "Petrovskoye, Donetsk", "Ftireh in Idleb", "the village of Fleifel in Idleb": a capitalised name
// the index lacks, then "," or "in" and Y, a province named like its main town: the village lies in
// the province, so Y is the province (precision 3), not the town, which says nothing of where the
// village is.
void ReadUnknownVillageHints(const Document& doc, const Gazetteer& gaz, const PlaceCues& cues,
                             const std::vector<std::string_view>& country_words, std::vector<Candidate>* candidates) {
  std::vector<Candidate>& cands = *candidates;
  const std::vector<Token>& toks = doc.tokens;
  const uint32_t nt = static_cast<uint32_t>(toks.size());
  for (size_t k = 0; k < cands.size(); ++k) {
    const Candidate& y = cands[k];
    if (y.forced >= 0 || y.type != kNoType || y.first < 2 || y.direction) continue;
    const std::string& sep = toks[y.first - 1].lower;
    const bool comma = sep == ",";
    // "the Olposimoru area of Narok": X, "area of", Y.
    const bool area_of = sep == "of" && y.first >= 3 && (toks[y.first - 2].lower == "area" || toks[y.first - 2].lower == "areas");
    if (!comma && sep != "in" && !area_of) continue;
    uint32_t b = y.first - (area_of ? 3 : 2);  // the last word of X, or a town word after it ("Fleifel town in Idleb")
    if (!comma && !area_of && b > 0 && cues.TypeAfter(toks[b].lower) == kTypeTown) --b;
    if (!StartsUpper(toks[b])) continue;
    // X: the candidate ending right before the separator (confined to the province), or a name the
    // index lacks.
    int x = -1;
    if (k > 0 && cands[k - 1].span_last > b) {
      if (cands[k - 1].span_last != b + 1 || cands[k - 1].forced >= 0 || cands[k - 1].has_area) continue;
      x = static_cast<int>(k - 1);
      b = cands[k - 1].first;
    }
    // X follows a locative word, "of" ("the area of X") or a town word ("the village of X"): a
    // place, not "the Justice Palace in Beirut".
    const uint32_t a = x >= 0 ? cands[x].span_first : CapitalisedRunStart(toks, b);
    if (a == 0) continue;
    const std::string& before = toks[a - 1].lower;
    if (!cues.IsLocative(before) && before != "of" && cues.TypeBefore(before) != kTypeTown && !(area_of && before == "the"))
      continue;
    // After a comma, Y ends the phrase ("Petrovskoye, Donetsk." but not "Sake, Goma and Bunia").
    if (comma) {
      const std::string_view end = y.span_last < nt ? std::string_view(toks[y.span_last].norm) : std::string_view(".");
      if (end != "," && end != "." && end != ";" && end != "(" && end != ")") continue;
    }
    if (!ProvinceAndItsTown(gaz, y)) continue;
    std::vector<Slot> slots{Slot{y.first, y.span_last, static_cast<int>(k)}};
    ApplyHint(gaz, slots, x, /*lone_slot_outer=*/true, k, country_words, candidates);
    cands[k].hint_area = false;
  }
}

}  // namespace

void ReadAdminHints(const Document& doc, const Gazetteer& gaz, const PlaceCues& cues,
                    const std::vector<std::string_view>& country_words, std::vector<Candidate>* candidates,
                    std::vector<HintLesson>* taught) {
  const std::vector<Token>& toks = doc.tokens;
  std::vector<Candidate>& cands = *candidates;
  std::vector<Slot> slots;
  size_t ci = 0;  // the first candidate not before the current token
  for (uint32_t i = 1; i < toks.size(); ++i) {
    const bool paren = toks[i].norm == "(", comma = toks[i].norm == ",";
    // After X: a capitalised word, or a type word X took ("Kokola village (Beni, Nord-Kivu)"), or
    // a word for its surroundings ("the Ovwian area (Udu LGA, Delta)").
    const bool near_word = paren && cues.NearAfter(toks, i - 1);
    if (!(paren || comma) || !(StartsUpper(toks[i - 1]) || (paren && cues.TypeAfter(toks[i - 1].lower) != kNoType) ||
                               near_word || (comma && cues.TypeAfter(toks[i - 1].lower) == kTypeTown)))
      continue;
    while (ci < cands.size() && cands[ci].first < i) ++ci;
    if (paren ? !ReadSlots(toks, cands, ci, i, cues, &slots) : !ReadCommaSlots(toks, cands, ci, i, gaz, cues, &slots))
      continue;
    // X: the candidate ending right before the parenthesis or comma, if any.
    int x = ci > 0 && (cands[ci - 1].span_last == i || cands[ci - 1].last == i) ? static_cast<int>(ci - 1) : -1;
    // Or a name of the index inside a longer name it lacks ("Dutse Magaji (Mariga LGA, Niger)": not
    // Dutse of Jigawa): the capitalised words after it run up to the parenthesis.
    if (x < 0 && paren && ci > 0 && cands[ci - 1].span_last < i && i - cands[ci - 1].span_last <= 3) {
      bool run = true;
      for (uint32_t k = cands[ci - 1].span_last; k < i && run; ++k) run = StartsUpper(toks[k]);
      if (run) x = static_cast<int>(ci - 1);
    }
    ApplyHint(gaz, slots, x, /*lone_slot_outer=*/paren, ci, country_words, candidates);
    if (x < 0 && taught) {
      // X is the capitalised run before the parenthesis or comma (a town word after it is not
      // X's: "Kokola village (Beni, Nord-Kivu)"), when no candidate covers part of it.
      const uint32_t x_end = NameEndBefore(toks, cues, i, /*near_ok=*/paren);
      const uint32_t x_first = CapitalisedRunStart(toks, x_end);
      if (ci == 0 || cands[ci - 1].span_last <= x_first) Teach(doc, gaz, cues, cands, slots, x_first, x_end, taught);
    } else if (x >= 0 && taught && cands[x].has_area && !cands[x].acronym && cands[x].first == cands[x].span_first &&
               (cands[x].span_last == i || cands[x].last == i)) {
      // X, the whole name before the hint, is in the index only outside the hint's area ("Kayna
      // (Lubero, Nord-Kivu)": Kayna of Saxony): what the hint says of it holds for the same name
      // elsewhere in the batch.
      double fit = 0;
      if (BestInArea(gaz, cands[x], cands[x].area_cc, cands[x].area_a1, false, &fit) < 0)
        Teach(doc, gaz, cues, cands, slots, cands[x].first, cands[x].last, taught);
    }
  }
  ReadInsideHints(doc, gaz, cues, country_words, candidates, taught);
  ReadUnknownVillageHints(doc, gaz, cues, country_words, candidates);
}

}  // namespace sitrep
