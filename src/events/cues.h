// The events stage's cue lists (data/events/cues.txt): the words its rules read sentences with.
// Each member is one list of the file, named alike; the file's comments say what each decides.
#ifndef SITREP_SRC_EVENTS_CUES_H_
#define SITREP_SRC_EVENTS_CUES_H_

#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sitrep/status.h"
#include "sitrep/text.h"
#include "core/word_lists.h"
#include "core/word_set.h"

namespace sitrep {

// Phrases looked up by their first word, so that a span is read once whatever the number of phrases;
// matched as forms (Cues::PhraseAt).
class PhraseIndex {
 public:
  struct Entry {
    std::vector<std::string> words;
    std::string label;  // the list it came from ("disaster")
  };
  PhraseIndex() = default;
  explicit PhraseIndex(std::vector<Entry> entries);
  // The first phrase (in text order) that starts in tokens [first, last) of sentence `s` and ends by
  // `last`, or nullptr.
  const Entry* FindIn(const Document& doc, const Sentence& s, uint32_t first, uint32_t last) const;
  const Entry* FindIn(const Document& doc, const Sentence& s) const {
    return FindIn(doc, s, s.first_token, s.last_token);
  }
  // Every phrase that occurs in sentence `s`, in text order.
  std::vector<const Entry*> FindAll(const Document& doc, const Sentence& s) const;
  // The tokens [first, last) of the first phrase (in text order) of sentence `s`, or nullopt.
  std::optional<std::pair<uint32_t, uint32_t>> SpanOfFirstIn(const Document& doc, const Sentence& s) const {
    return SpanOfFirstIn(doc, s, s.first_token, s.last_token);
  }
  // The same for the phrases that start in tokens [first, last) and end by `last`.
  std::optional<std::pair<uint32_t, uint32_t>> SpanOfFirstIn(const Document& doc, const Sentence& s, uint32_t first,
                                                             uint32_t last) const;

 private:
  // Calls `found` with each phrase that starts in [first, last) and ends by `last`, in text order, until it
  // returns true.
  template <typename Found>
  void Scan(const Document& doc, const Sentence& s, uint32_t first, uint32_t last, Found found) const;

  std::vector<Entry> entries_;
  WordMap<std::vector<uint32_t>> by_first_word_;  // first word -> indices in entries_, in file order
};

struct Cues {
  Cues() = default;
  // Not copyable: the context index holds pointers into `context` (a copy would point into the original).
  Cues(const Cues&) = delete;
  Cues& operator=(const Cues&) = delete;

  // Who speaks.
  OwnedWordSet reporting_verbs, claim_verbs, deny_verbs, threat_verbs, intent_words, attempt_verbs, refusal_verbs, condition_words;
  OwnedWordSet possibility_modals, future_modals, earlier_adverbs, possibility_nouns;
  // Claims of responsibility.
  OwnedWordSet responsibility_fillers, responsibility_verbs, responsibility_nouns, attribution_words, attribution_doubts, target_words, definite_determiners;
  // Clauses.
  OwnedWordSet dating_subordinators, takeover_subordinators, circumstance_prepositions, clause_subordinators, auxiliary_lemmas;
  // Words after a protest verb that make it a complaint ("airlines protested that the fees were unfair").
  OwnedWordSet complaint_complements;
  // Tolls.
  OwnedWordSet toll_verbs, toll_verbs_of_violence, people_nouns, crowd_nouns, riot_crowd_nouns, quantity_nouns, armed_person_nouns, lethal_triggers;
  OwnedWordSet member_nouns, hedge_words, one_victim_determiners, one_victim_pronouns, group_victim_pronouns, age_words;
  // Roles.
  OwnedWordSet third_person_pronouns, object_pronouns, first_person_plural_pronouns, where_nouns, locative_prepositions;
  OwnedWordSet origin_prepositions, distance_words;
  OwnedWordSet listing_words, series_words, light_verbs, repel_verbs, response_verbs, response_followers, targeting_verbs, landmark_prepositions, oblique_prepositions, territory_nouns, ousting_verbs, outbreak_verbs, explosive_nouns, weapon_taking_verbs,
      performing_particles;

  // they/them/their/it/its... and we/us/our...: the pronouns the role rules resolve to an actor.
  bool IsPersonalPronoun(std::string_view w) const {
    return third_person_pronouns.Contains(w) || first_person_plural_pronouns.Contains(w);
  }
  // What an attack hit (phrases of lemmas or forms; nouns as forms): an armed post, a place civilians live.
  PhraseIndex armed_target_phrases;
  // What a protest is about (phrases of forms): a death told after one of these in its clause is the
  // grievance, not the protest's toll ("protested against the killing of a farmer").
  PhraseIndex grievance_phrases;
  // "fatalities split between 3 events" (phrases of forms, a number after them): cues.txt split_toll_phrases.
  PhraseIndex split_toll_phrases;
  OwnedWordSet split_toll_subjects;  // what is split: "fatalities", "deaths"
  OwnedWordSet civilian_target_nouns;
  // Context phrases ("context NAME: phrase | phrase"): lemma or word sequences the coding conventions
  // test around an event (conventions.txt's "cue = NAME"), e.g. what turns a protest violent.
  using Phrase = std::vector<std::string>;
  struct ContextList {
    std::vector<Phrase> phrases;
    size_t index = 0;  // its place in `context`'s order: lets an article remember answers per list
  };
  std::map<std::string, ContextList, std::less<>> context;
  // The phrases of every context list by first word, each with its list's index: a token is compared
  // only with the phrases it may start (by its form or its lemma), and one pass over a sentence
  // answers all lists. The phrases stay where `context` holds them (map nodes do not move).
  struct ContextPhrase {
    size_t list = 0;
    const Phrase* phrase = nullptr;
  };
  WordMap<std::vector<ContextPhrase>> context_by_first_word;
  // For every context list, whether some phrase of it occurs in sentence `s`: found[list.index]
  // becomes 2 when one does, 1 when none does (ArticleView::HasContext remembers the answers).
  void ContextsInSentence(const Document& doc, const Sentence& s, uint8_t* found) const;
  // Whether `phrase` occurs in sentence `s`: its words in order, as lemma or form (only as form when
  // `forms_only`: "storm" then is not "stormed"), with at most two other tokens before each later word
  // ("burned old tyres", "fired tear gas"), never inside a name.
  static bool PhraseIn(const Phrase& phrase, const Document& doc, const Sentence& s, bool forms_only);
  // The same, starting at token `i` of `s`.
  static bool PhraseAt(const Phrase& phrase, const Document& doc, const Sentence& s, uint32_t i, bool forms_only);

  // Every word the modality rules' backward scan reacts to, so that one lookup skips most words.
  WordSet modality_cues;

  // Reads `path` (data/events/cues.txt); errors name the file and line.
  Status Load(const std::string& path);
};

}  // namespace sitrep

#endif  // SITREP_SRC_EVENTS_CUES_H_
