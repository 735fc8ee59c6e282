#include "capitals.h"

#include <string_view>

namespace sitrep {
namespace {

bool OneOf(std::string_view w, std::initializer_list<std::string_view> words) {
  for (std::string_view x : words)
    if (w == x) return true;
  return false;
}

// Verbs whose subject or object a government is, and a city is not: speaking, accusing,
// agreeing, backing, sanctioning... (lemmas). Motion, state and hosting verbs are left out:
// "Kinshasa was calm", "Kigali hosted the talks" are the cities.
bool IsPoliticalVerb(std::string_view lemma) {
  return OneOf(lemma, {"say", "deny", "accuse", "blame", "reject", "refuse", "insist", "claim", "agree", "sign",
                       "sanction", "condemn", "demand", "urge", "call", "warn", "threaten", "support", "back",
                       "deploy", "send", "recall", "expel", "accept", "welcome", "respond", "announce", "confirm",
                       "want", "seek", "suspend", "sever", "dismiss", "denounce", "criticize", "criticise",
                       "admit", "acknowledge", "vow", "pledge", "promise", "propose", "arm", "fund",
                       "finance", "supply", "order", "decide", "declare", "appoint", "negotiate"});
}

// Verbs whose object a government is: "accused Kigali", "urged Kinshasa", "sanctioned Kigali".
bool TakesGovernmentObject(std::string_view lemma) {
  return OneOf(lemma, {"accuse", "blame", "urge", "sanction", "condemn", "warn", "criticize", "criticise",
                       "denounce", "pressure", "press", "call", "support", "back", "arm", "fund", "help"});
}

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
    const uint32_t b = doc.tokens[p.first_token].begin, e = doc.tokens[p.last_token - 1].end;
    c.government.text = std::string(doc.text.substr(b, e - b));
    out.push_back(std::move(c));
  }
  return out;
}

bool MayStandForGovernment(const Document& doc, uint32_t first) {
  if (first == 0 || first > doc.tokens.size()) return first == 0;
  const Token& prev = doc.tokens[first - 1];
  return !(prev.norm == "," ||
           OneOf(prev.lower, {"the", "in", "to", "toward", "towards", "from", "near", "at", "of", "on", "into"}));
}

bool StandsForGovernment(const Document& doc, const Sentence& s, uint32_t first, uint32_t last) {
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
  {
    uint32_t k = first;
    while (k > s.first_token && (t[k - 1].lower == "and" || t[k - 1].tag == "NNP")) --k;  // "Kinshasa and Kigali"
    if (k > s.first_token && IsVerbTag(t[k - 1].tag) && TakesGovernmentObject(LemmaOf(t[k - 1]))) return true;
  }
  // Subject of a political verb, possibly through a coordinated capital or state, adverbs and
  // auxiliaries: "Kigali denied", "Kigali has repeatedly denied", "Kinshasa and Kigali agreed".
  for (uint32_t k = last; k < s.last_token && k < last + 6; ++k) {
    const Token& w = t[k];
    if (IsVerbTag(w.tag) || w.tag == "MD") {
      if (IsPoliticalVerb(LemmaOf(w))) return true;
      if (OneOf(LemmaOf(w), {"have", "be", "do", "will", "would", "could", "may", "might", "must"}) ||
          w.tag == "MD")
        continue;  // auxiliaries: the next verb decides
      return false;
    }
    if (w.tag == "RB" || w.tag == "NNP" || w.lower == "and" || w.lower == "on" || w.tag == "CD") continue;
    return false;
  }
  return false;
}

}  // namespace sitrep
