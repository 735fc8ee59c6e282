// Pass 1 of PlaceFinder::Find: candidate toponyms and the cues around them (place_passes.h).
#include <algorithm>
#include <tuple>
#include <utility>

#include "place_passes.h"

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

// Only a capitalised word of two letters or more starts a name: lowercase words ("for the sake
// of") are never places, which replaces a stop list. A lowercase particle joined to a capitalised
// name ("al-Hasakeh") is the exception.
bool MayStartName(const Token& t, const PlaceCues& cues) {
  return IsWord(t) && ((StartsUpper(t) && t.norm.size() >= 2) || cues.StartsWithNameParticle(t.norm));
}

// The first word of each sentence (it is capitalised whatever it is).
std::vector<bool> SentenceStarts(const Document& doc) {
  const auto& toks = doc.tokens;
  const uint32_t nt = static_cast<uint32_t>(toks.size());
  std::vector<bool> start(nt, false);
  if (nt > 0) start[0] = true;
  for (const Sentence& s : doc.sentences) {
    uint32_t i = s.first_token;
    while (i < s.last_token && i < nt && !IsWord(toks[i])) ++i;
    if (i < nt) start[i] = true;
  }
  return start;
}

struct NameMatch {
  uint32_t len = 0;  // tokens; 0 when no n-gram starting here is a name
  const uint32_t* postings = nullptr;
  size_t n = 0;
};

// The longest n-gram of words (and "'s") starting at token `i` whose name key is in the index.
// `keys` is scratch space.
NameMatch LongestNameAt(const std::vector<Token>& toks, uint32_t i, const Gazetteer& gaz, std::vector<uint64_t>* keys) {
  const uint32_t nt = static_cast<uint32_t>(toks.size());
  const uint32_t max_n = std::max<uint32_t>(1, gaz.max_name_tokens());
  // The keys of all n-grams first, their index slots prefetched, then the lookups: each is
  // a likely cache miss in a large index, and this way they overlap.
  NameKeyHash h;
  keys->clear();
  for (uint32_t n = 1; n <= max_n && i + n <= nt; ++n) {
    const Token& u = toks[i + n - 1];
    if (!IsWord(u) && !(u.kind == TokenKind::kPunct && u.lower == "'s")) break;
    h.AddToken(u.lower);
    keys->push_back(h.value());
    gaz.PrefetchHash(h.value());
  }
  NameMatch best;
  for (uint32_t n = 1; n <= keys->size(); ++n) {
    const uint32_t* post = nullptr;
    size_t cnt = gaz.LookupHash((*keys)[n - 1], &post);
    if (cnt) best = NameMatch{n, post, cnt};
  }
  return best;
}

// "the Kasidi-Beni axis", "the Beni-Kasindi axis": a token of names joined by hyphens, which the index
// does not know as a whole, before a route word (cues.txt "route after"). The first of its names the
// index knows is the town the route is placed near (ACLED codes an axis by its first known town).
NameMatch RouteEndAt(const std::vector<Token>& toks, uint32_t i, const Gazetteer& gaz, const PlaceCues& cues) {
  const std::string& w = toks[i].lower;
  if (w.find('-') == std::string::npos || i + 1 >= toks.size() || !cues.IsRouteWord(toks[i + 1].lower)) return {};
  size_t start = 0;
  while (start < w.size()) {
    size_t end = w.find('-', start);
    if (end == std::string::npos) end = w.size();
    if (end > start) {
      NameKeyHash h;
      h.AddToken(std::string_view(w).substr(start, end - start));
      const uint32_t* post = nullptr;
      if (size_t cnt = gaz.LookupHash(h.value(), &post)) return NameMatch{1, post, cnt};
    }
    start = end + 1;
  }
  return {};
}

// The cues before the name: "in X", "near X", "the town of X", "the capital, X", "eastern X".
void ReadCuesBefore(const std::vector<Token>& toks, const PlaceCues& cues, Candidate* c) {
  const uint32_t i = c->first;
  auto lower = [&](uint32_t back) { return i >= back ? std::string_view(toks[i - back].lower) : std::string_view(); };
  const std::string_view p1 = lower(1), p2 = lower(2), p3 = lower(3);
  if (cues.IsLocative(p1)) c->locative = true;
  // "north of X", "km from X" place the event by X as "in X" does.
  if (cues.NearBefore(toks, i)) c->near = c->locative = true;
  else if (cues.IsOrigin(p1)) c->origin = true;
  // The type word stands right before the name or before "of" or ",": "town X", "the town of
  // X", "the capital, X".
  std::string_view type_word = p1 == "of" || p1 == "," ? p2 : p1;
  if (type_word == "," && cues.TypeBefore(p3) == kTypeCapital) type_word = p3;
  if (const TypeCue type = cues.TypeBefore(type_word); type != kNoType) c->type = type, c->locative = true;
  if (cues.IsDirection(p1) && i > 0) {
    c->direction = true;
    c->span_first = i - 1;
  }
}

// The cues after the name: "X territory", "X province" (which join the span), "X and its
// surroundings", "X area". An admin type word after the name overrides one before it; a town
// word does not.
void ReadCuesAfter(const std::vector<Token>& toks, const PlaceCues& cues, Candidate* c) {
  const std::string_view n1 = c->last < toks.size() ? std::string_view(toks[c->last].lower) : std::string_view();
  const TypeCue type = cues.TypeAfter(n1);
  if (type == kTypeAdmin2 || type == kTypeAdmin1 || (type != kNoType && c->type == kNoType)) {
    c->type = type, c->span_last = c->last + 1;
  }
  if (cues.NearAfter(toks, c->last)) c->near = true;
}

// A capitalised word right after the name (and any type word it took) continues a longer name
// that the index does not hold: "Lake Edward", "David Komayombi"; a direction word does not
// ("Owerri North", "Marakwet East" name a part of the place).
bool FollowedByCapitalisedWord(const std::vector<Token>& toks, const PlaceCues& cues, const Candidate& c) {
  if (c.span_last >= toks.size()) return false;
  const Token& next = toks[c.span_last];
  return IsWord(next) && StartsUpper(next) && !cues.IsDirection(next.lower);
}

// A short word in capitals is an acronym ("UN", "RM"): it names a country ("DRC", "US") or a
// province ("FCT"), not a town that happens to be spelled so (Un, India).
bool IsAcronym(const std::vector<Token>& toks, const Candidate& c) {
  if (c.last - c.first != 1 || toks[c.first].norm.size() > 4) return false;
  for (const char ch : toks[c.first].norm)
    if (ch < 'A' || ch > 'Z') return false;
  return true;
}

// A one-word name beside a number is a date: "November 6", "6 March".
bool BesideNumber(const std::vector<Token>& toks, const Candidate& c) {
  const bool number_before = c.first > 0 && toks[c.first - 1].kind == TokenKind::kNumber;
  const bool number_after = c.last < toks.size() && toks[c.last].kind == TokenKind::kNumber;
  return c.last - c.first == 1 && (number_before || number_after);
}

}  // namespace

// The longest n-gram of the keys LongestNameAt left in `keys` (the n-grams at a token, shortest
// first) that a lesson places: its length and lesson, or {0, null}.
std::pair<uint32_t, const PlaceLessons::Lesson*> LongestLearnedName(const std::vector<uint64_t>& keys,
                                                                    const PlaceLessons& lessons) {
  for (uint32_t n = static_cast<uint32_t>(keys.size()); n > 0; --n)
    if (const PlaceLessons::Lesson* l = lessons.Agreed(keys[n - 1])) return {n, l};
  return {0, nullptr};
}

uint64_t TokensKey(const Document& doc, uint32_t first, uint32_t last) {
  NameKeyHash key;
  for (uint32_t k = first; k < last; ++k) key.AddToken(doc.tokens[k].lower);
  return key.value();
}

std::vector<Candidate> FindCandidates(const Document& doc, const Gazetteer& gaz, const PlaceCues& cues,
                                      const PlaceLessons* lessons, std::vector<std::string_view>* country_words) {
  const auto& toks = doc.tokens;
  const uint32_t nt = static_cast<uint32_t>(toks.size());
  const std::vector<bool> sentence_start = SentenceStarts(doc);
  std::vector<Candidate> cands;
  std::vector<uint64_t> keys;
  country_words->clear();
  for (uint32_t i = 0; i < nt;) {
    uint32_t country_len = 0;
    if (IsWord(toks[i])) {
      if ((country_len = cues.CountryWordAt(toks, i, country_words)) > 0) {
        i += country_len;  // "Mayi Mayi" is no place name
        continue;
      }
    }
    const bool may_start = MayStartName(toks[i], cues);
    NameMatch name = may_start ? LongestNameAt(toks, i, gaz, &keys) : NameMatch();
    // A name the index lacks that a lesson places (other reports' hints): its province.
    const PlaceLessons::Lesson* lesson = nullptr;
    if (name.len == 0 && may_start && lessons && !lessons->empty()) {
      std::tie(name.len, lesson) = LongestLearnedName(keys, *lessons);
      if (lesson) name.postings = &lesson->province, name.n = 1;
    }
    const bool route = name.len == 0 && may_start && (name = RouteEndAt(toks, i, gaz, cues)).len > 0;
    // A lone direction word ("Eastern DR Congo", "East African force") is not a place by itself,
    // though GeoNames has regions named "Eastern" and "East".
    // Nor are direction words alone ("South West state" of Somalia is not Cameroon's South-West,
    // which the hyphen folding of name keys would find).
    bool directions = name.len > 0;
    for (uint32_t k = i; k < i + name.len && directions; ++k) directions = cues.IsDirection(toks[k].lower);
    if (name.len == 0 || directions) {
      ++i;
      continue;
    }
    Candidate c;
    c.first = c.span_first = i;
    c.last = c.span_last = i + name.len;
    c.postings = name.postings;
    c.n = name.n;
    c.learned = lesson != nullptr;
    c.initial = sentence_start[i];
    ReadCuesBefore(toks, cues, &c);
    ReadCuesAfter(toks, cues, &c);
    // A name of the index that ends with an admin type word ("Masisi Territory", "Kano State") is
    // of that type for the admin hints, as "Masisi" with "territory" after it would be ("Butare
    // village of Masisi Territory").
    // Only when the name without its type word is a name too, and no direction word: "Eastern
    // Province" may be a Kenyan province the index lacks rather than Saudi Arabia's.
    if (c.span_last == c.last && name.len > 1) {
      const TypeCue own = cues.TypeAfter(toks[c.last - 1].lower);
      const bool direction = name.len == 2 && cues.IsDirection(toks[c.first].lower);
      if ((own == kTypeAdmin2 || own == kTypeAdmin1) && !direction && keys.size() >= name.len - 1) {
        const uint32_t* cut = nullptr;
        if (gaz.LookupHash(keys[name.len - 2], &cut) > 0) c.name_type = own;
      }
    }
    c.date = BesideNumber(toks, c);
    if (route) c.near = c.locative = true;  // somewhere on the road from the town
    c.in_longer_name = !route && FollowedByCapitalisedWord(toks, cues, c);
    c.acronym = IsAcronym(toks, c);
    c.after_capitalised = i > 0 && IsWord(toks[i - 1]) && StartsUpper(toks[i - 1]);
    cands.push_back(c);
    i += name.len;
  }
  return cands;
}

}  // namespace sitrep
