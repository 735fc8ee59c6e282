#include "capitals.h"

#include <string_view>

namespace sitrep {
namespace {

bool IsVerbTag(const std::string& tag) { return tag.size() >= 2 && tag[0] == 'V' && tag[1] == 'B'; }

const std::string& LemmaOf(const Token& t) { return t.lemma.empty() ? t.lower : t.lemma; }

}  // namespace

std::vector<CapitalMention> FindCapitals(const std::vector<PlaceMention>& places, const Gazetteer& gazetteer,
                                         const ActorDictionary& actors, const Document& doc) {
  std::vector<CapitalMention> out;
  for (const PlaceMention& p : places) {
    if (p.kind != PlaceMention::kPlace || p.place >= gazetteer.size()) continue;
    const Place place = gazetteer.place(p.place);
    if (place.feature_code != "PPLC") continue;
    const std::string_view iso3 = gazetteer.CountryIso3(place.country_code);
    if (iso3.empty()) continue;
    const Actor* gov = actors.Find(std::string(iso3) + "_GOV");
    if (!gov) continue;
    CapitalMention c;
    c.first = p.first_token;
    c.last = p.last_token;
    c.government.id = gov->id;
    c.government.name = gov->name;
    c.government.type = gov->type;
    c.government.country = gov->country;
    c.government.text = std::string(Surface(doc, p.first_token, p.last_token));
    out.push_back(std::move(c));
  }
  return out;
}

Status CapitalWords::Load(const std::string& path, std::unique_ptr<CapitalWords>* out) {
  WordLists lists;
  Status s = WordLists::Load(path, &lists);
  auto words = std::make_unique<CapitalWords>();
  if (s.ok()) s = lists.TakeSet("political verbs", &words->political_verbs_);
  if (s.ok()) s = lists.TakeSet("object verbs", &words->object_verbs_);
  if (s.ok()) s = lists.TakeSet("auxiliaries", &words->auxiliaries_);
  if (s.ok()) s = lists.TakeSet("city words", &words->city_words_);
  if (s.ok()) s = lists.CheckAllTaken();
  if (s.ok()) *out = std::move(words);
  return s;
}

bool CapitalWords::MayStandForGovernment(const Document& doc, uint32_t first) const {
  if (first == 0 || first > doc.tokens.size()) return first == 0;
  const Token& prev = doc.tokens[first - 1];
  return !(prev.norm == "," || city_words_.Contains(prev.lower));
}

bool CapitalWords::StandsForGovernment(const Document& doc, const Sentence& s, uint32_t first, uint32_t last) const {
  if (first < s.first_token || last > s.last_token || first >= last) return false;
  const auto& t = doc.tokens;
  // After a preposition or "the capital," it is the city: "in Kinshasa", "toward the capital, Kinshasa".
  if (first > s.first_token) {
    const Token& prev = t[first - 1];
    if (prev.tag == "IN" || prev.tag == "TO" || prev.norm == "," || prev.lower == "the") return false;
  }
  // "Kigali's support for the M23".
  if (last < s.last_token && (t[last].lower == "'s" || t[last].lower == "'")) return true;
  // Object of an accusing or urging verb: "Kinshasa accused Kigali", "urged Kigali and Kampala".
  uint32_t k = first;
  while (k > s.first_token && (t[k - 1].lower == "and" || t[k - 1].tag == "NNP")) --k;  // "Kinshasa and Kigali"
  if (k > s.first_token && IsVerbTag(t[k - 1].tag) && object_verbs_.Contains(LemmaOf(t[k - 1]))) return true;
  return IsSubjectOfPoliticalVerb(t, s, last);
}

// "Kigali denied", "Kigali has repeatedly denied", "Kinshasa and Kigali agreed".
bool CapitalWords::IsSubjectOfPoliticalVerb(const std::vector<Token>& t, const Sentence& s, uint32_t last) const {
  for (uint32_t k = last; k < s.last_token && k < last + 6; ++k) {
    const Token& w = t[k];
    if (IsVerbTag(w.tag) || w.tag == "MD") {
      if (political_verbs_.Contains(LemmaOf(w))) return true;
      if (auxiliaries_.Contains(LemmaOf(w)) || w.tag == "MD") continue;  // the next verb decides
      return false;
    }
    if (w.tag == "RB" || w.tag == "NNP" || w.lower == "and" || w.lower == "on" || w.tag == "CD") continue;
    return false;
  }
  return false;
}

}  // namespace sitrep
