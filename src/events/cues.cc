#include "cues.h"

#include <algorithm>
#include <tuple>
#include <vector>

namespace sitrep {

namespace {

// First word -> the context phrases it starts, in list order (lists in `context`'s order).
WordMap<std::vector<Cues::ContextPhrase>> IndexContextByFirstWord(
    const std::map<std::string, Cues::ContextList, std::less<>>& context) {
  std::vector<std::pair<std::string, std::vector<Cues::ContextPhrase>>> firsts;
  for (const auto& [name, list] : context) {
    for (const Cues::Phrase& phrase : list.phrases) {
      if (phrase.empty()) continue;
      const std::string& first = phrase.front();
      auto it = std::find_if(firsts.begin(), firsts.end(), [&](const auto& f) { return f.first == first; });
      if (it == firsts.end()) firsts.push_back({first, {{list.index, &phrase}}});
      else it->second.push_back({list.index, &phrase});
    }
  }
  return WordMap<std::vector<Cues::ContextPhrase>>(std::move(firsts));
}

bool WordMatches(const std::string& w, const Token& t, bool forms_only) {
  return w == t.lower || (!forms_only && w == t.lemma);
}

// Takes list `name` of `lists` as a PhraseIndex whose entries carry `label`.
Status TakePhraseIndex(WordLists& lists, const char* name, const char* label, PhraseIndex* index) {
  std::vector<WordLists::Entry> entries;
  if (Status s = lists.Take(name, &entries); !s.ok()) return s;
  std::vector<PhraseIndex::Entry> phrases;
  for (WordLists::Entry& e : entries) phrases.push_back({std::move(e.words), label});
  *index = PhraseIndex(std::move(phrases));
  return Status::OK();
}

}  // namespace

Status Cues::Load(const std::string& path) {
  WordLists lists;
  if (Status s = WordLists::Load(path, &lists); !s.ok()) return s;
  const std::pair<const char*, OwnedWordSet*> bindings[] = {
      {"reporting_verbs", &reporting_verbs},
      {"claim_verbs", &claim_verbs},
      {"deny_verbs", &deny_verbs},
      {"threat_verbs", &threat_verbs},
      {"intent_words", &intent_words},
      {"attempt_verbs", &attempt_verbs},
      {"refusal_verbs", &refusal_verbs},
      {"condition_words", &condition_words},
      {"possibility_modals", &possibility_modals},
      {"future_modals", &future_modals},
      {"earlier_adverbs", &earlier_adverbs},
      {"possibility_nouns", &possibility_nouns},
      {"responsibility_fillers", &responsibility_fillers},
      {"responsibility_verbs", &responsibility_verbs},
      {"responsibility_nouns", &responsibility_nouns},
      {"definite_determiners", &definite_determiners},
      {"dating_subordinators", &dating_subordinators},
      {"takeover_subordinators", &takeover_subordinators},
      {"circumstance_prepositions", &circumstance_prepositions},
      {"clause_subordinators", &clause_subordinators},
      {"auxiliary_lemmas", &auxiliary_lemmas},
      {"complaint_complements", &complaint_complements},
      {"toll_verbs", &toll_verbs},
      {"toll_verbs_of_violence", &toll_verbs_of_violence},
      {"people_nouns", &people_nouns},
      {"crowd_nouns", &crowd_nouns},
      {"quantity_nouns", &quantity_nouns},
      {"riot_crowd_nouns", &riot_crowd_nouns},
      {"armed_person_nouns", &armed_person_nouns},
      {"third_person_pronouns", &third_person_pronouns},
      {"object_pronouns", &object_pronouns},
      {"first_person_plural_pronouns", &first_person_plural_pronouns},
      {"where_nouns", &where_nouns},
      {"locative_prepositions", &locative_prepositions},
      {"listing_words", &listing_words},
      {"attribution_words", &attribution_words},
      {"attribution_doubts", &attribution_doubts},
      {"target_words", &target_words},
      {"series_words", &series_words},
      {"light_verbs", &light_verbs},
      {"repel_verbs", &repel_verbs},
      {"targeting_verbs", &targeting_verbs},
      {"response_verbs", &response_verbs},
      {"response_followers", &response_followers},
      {"landmark_prepositions", &landmark_prepositions},
      {"oblique_prepositions", &oblique_prepositions},
      {"territory_nouns", &territory_nouns},
      {"ousting_verbs", &ousting_verbs},
      {"outbreak_verbs", &outbreak_verbs},
      {"explosive_nouns", &explosive_nouns},
      {"weapon_taking_verbs", &weapon_taking_verbs},
      {"performing_particles", &performing_particles},
      {"member_nouns", &member_nouns},
      {"hedge_words", &hedge_words},
      {"one_victim_determiners", &one_victim_determiners},
      {"one_victim_pronouns", &one_victim_pronouns},
      {"group_victim_pronouns", &group_victim_pronouns},
      {"age_words", &age_words},
      {"split_toll_subjects", &split_toll_subjects},
      {"origin_prepositions", &origin_prepositions},
      {"distance_words", &distance_words},
      {"civilian_target_nouns", &civilian_target_nouns},
  };
  for (const auto& [name, set] : bindings)
    if (Status s = lists.TakeSet(name, set); !s.ok()) return s;
  // Lists of phrases, each kept as its words joined by one space.
  if (Status s = lists.TakePhraseSet("lethal_triggers", &lethal_triggers); !s.ok()) return s;
  for (const auto& [name, label, index] : {std::tuple{"armed_target_phrases", "armed target", &armed_target_phrases},
                                            std::tuple{"grievance_phrases", "grievance", &grievance_phrases},
                                            std::tuple{"split_toll_phrases", "split toll", &split_toll_phrases}})
    if (Status s = TakePhraseIndex(lists, name, label, index); !s.ok()) return s;
  for (const std::string& name : lists.Names()) {
    if (name.rfind("context ", 0) != 0) continue;
    std::vector<WordLists::Entry> entries;
    if (Status s = lists.Take(name, &entries); !s.ok()) return s;
    std::vector<Phrase>& phrases = context[name.substr(8)].phrases;
    for (WordLists::Entry& e : entries) phrases.push_back(std::move(e.words));
  }
  size_t index = 0;
  for (auto& [name, list] : context) list.index = index++;
  context_by_first_word = IndexContextByFirstWord(context);
  if (Status s = lists.CheckAllTaken(); !s.ok()) return s;
  // The modality scan's words: its lists, plus "without" and "since", which it reads as themselves.
  static const std::string kScanWords[] = {"without", "since"};
  std::vector<std::string_view> all(std::begin(kScanWords), std::end(kScanWords));
  for (const OwnedWordSet* list : {&claim_verbs, &deny_verbs, &threat_verbs, &intent_words, &attempt_verbs, &refusal_verbs,
                               &condition_words, &reporting_verbs})
    all.insert(all.end(), list->words().begin(), list->words().end());
  modality_cues = WordSet(all.begin(), all.end());
  return Status::OK();
}


bool Cues::PhraseAt(const Phrase& phrase, const Document& doc, const Sentence& s, uint32_t i, bool forms_only) {
  // A name is not the word: "21 March" is no march, "Rally Road" no rally.
  const std::string& tag = doc.tokens[i].tag;
  if (tag == "NNP" || tag == "NNPS") return false;
  if (!WordMatches(phrase[0], doc.tokens[i], forms_only)) return false;
  uint32_t k = i + 1;
  for (size_t w = 1; w < phrase.size(); ++w) {
    const uint32_t limit = std::min<uint32_t>(s.last_token, k + 3);
    while (k < limit && !WordMatches(phrase[w], doc.tokens[k], forms_only)) ++k;
    if (k >= limit) return false;
    ++k;
  }
  return true;
}

void Cues::ContextsInSentence(const Document& doc, const Sentence& s, uint8_t* found) const {
  std::fill(found, found + context.size(), uint8_t{1});
  // Each token is looked up by its form and its lemma, and only the phrases those words start are
  // compared (PhraseAt checks the first word again), for the lists not yet found.
  const auto mark_at = [&](const std::vector<ContextPhrase>* starting, uint32_t i) {
    if (!starting) return;
    for (const ContextPhrase& p : *starting)
      if (found[p.list] != 2 && PhraseAt(*p.phrase, doc, s, i, /*forms_only=*/false)) found[p.list] = 2;
  };
  for (uint32_t i = s.first_token; i < s.last_token; ++i) {
    const Token& t = doc.tokens[i];
    mark_at(context_by_first_word.Find(t.lower), i);
    if (t.lemma != t.lower) mark_at(context_by_first_word.Find(t.lemma), i);
  }
}

bool Cues::PhraseIn(const Phrase& phrase, const Document& doc, const Sentence& s, bool forms_only) {
  for (uint32_t i = s.first_token; i < s.last_token; ++i)
    if (PhraseAt(phrase, doc, s, i, forms_only)) return true;
  return false;
}

PhraseIndex::PhraseIndex(std::vector<Entry> entries) : entries_(std::move(entries)) {
  std::vector<std::pair<std::string, std::vector<uint32_t>>> firsts;
  for (uint32_t e = 0; e < entries_.size(); ++e) {
    const std::string& first = entries_[e].words.front();
    auto it = std::find_if(firsts.begin(), firsts.end(), [&](const auto& f) { return f.first == first; });
    if (it == firsts.end()) firsts.push_back({first, {e}});
    else it->second.push_back(e);
  }
  by_first_word_ = WordMap<std::vector<uint32_t>>(std::move(firsts));
}

template <typename Found>
void PhraseIndex::Scan(const Document& doc, const Sentence& s, uint32_t first, uint32_t last, Found found) const {
  for (uint32_t i = first; i < last; ++i)
    if (const std::vector<uint32_t>* starting = by_first_word_.Find(doc.tokens[i].lower))
      for (uint32_t e : *starting)
        if (i + entries_[e].words.size() <= last && Cues::PhraseAt(entries_[e].words, doc, s, i, /*forms_only=*/true) &&
            found(i, &entries_[e]))
          return;
}

std::vector<const PhraseIndex::Entry*> PhraseIndex::FindAll(const Document& doc, const Sentence& s) const {
  std::vector<const Entry*> all;
  Scan(doc, s, s.first_token, s.last_token, [&](uint32_t, const Entry* e) {
    all.push_back(e);
    return false;
  });
  return all;
}

const PhraseIndex::Entry* PhraseIndex::FindIn(const Document& doc, const Sentence& s, uint32_t first,
                                              uint32_t last) const {
  const Entry* first_found = nullptr;
  Scan(doc, s, first, last, [&](uint32_t, const Entry* e) {
    first_found = e;
    return true;
  });
  return first_found;
}

std::optional<std::pair<uint32_t, uint32_t>> PhraseIndex::SpanOfFirstIn(const Document& doc, const Sentence& s,
                                                                        uint32_t first, uint32_t last) const {
  std::optional<std::pair<uint32_t, uint32_t>> span;
  Scan(doc, s, first, last, [&](uint32_t i, const Entry* e) {
    span = std::make_pair(i, i + static_cast<uint32_t>(e->words.size()));
    return true;
  });
  return span;
}

}  // namespace sitrep
