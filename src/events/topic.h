// Pass 0 of the events stage: is the article, and each of its sentences, about political violence,
// protest or armed conflict at all (data/events/topic.txt, whose comments state the rules)? A sentence
// that is not codes no event with an ACLED type and no humanitarian figure; `sitrep explain` prints the
// decisions with their reasons.
#ifndef SITREP_SRC_EVENTS_TOPIC_H_
#define SITREP_SRC_EVENTS_TOPIC_H_

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/word_lists.h"
#include "cues.h"
#include "core/word_set.h"
#include "sitrep/events.h"
#include "sitrep/status.h"

namespace sitrep {

class ArticleView;
class SentenceView;
struct TriggerMatch;

class TopicRules {
 public:
  // Reads `path` (data/events/topic.txt); errors name the file and line. `cues` (kept, so it must outlive
  // this) says which verbs report.
  Status Load(const std::string& path, const Cues& cues);

  // The decisions for `article` and all its sentences (for `sitrep explain`).
  ArticleTopic Read(const ArticleView& article) const;
  // The article's decision (its metadata may name its section), and a sentence's given the article's:
  // the extractor asks only for the sentences that could code something.
  TopicDecision ForArticle(const ArticleView& article) const;
  // What pass 0 found in each sentence of one article (causes, denials), each sentence read once: a
  // sentence's decision reads its neighbours too.
  struct Memo {
    explicit Memo(size_t sentences) : cause(sentences), denial(sentences), read(sentences, false) {}
    std::vector<const PhraseIndex::Entry*> cause, denial;
    std::vector<bool> read;
  };
  TopicDecision ForSentence(const ArticleView& article, size_t si, const TopicDecision& in_article, Memo* memo) const;

  // "struck a deal", "expelled three EU diplomats": the head of the noun phrase the trigger governs is
  // one of nonviolent_objects.
  bool HasNonviolentObject(const SentenceView& v, const TriggerMatch& m) const;

 private:
  struct Domain {
    std::string name;
    OwnedWordSet words;
  };

  std::string SectionOf(const ArticleAnalysis& a) const;
  // The first actor of sentence `si` whose type is in `types`, as its text, or "".
  std::string FirstActorOfType(const ArticleView& article, size_t si, const OwnedWordSet& types) const;
  bool IsSource(const ArticleView& article, size_t si, const ActorSpan& a) const;
  // Finds sentence `si`'s non-violent cause and its denial of a link to the conflict, if not yet done.
  void ReadCauses(const ArticleView& article, size_t si, Memo* memo) const;

  OwnedWordSet section_fields_, sections_not_political_, conflict_words_, armed_words_, unrest_words_;
  // Every domain and conflict word, with what it counts for: the article pass looks each token up once.
  struct WordTopics {
    bool conflict = false;
    std::vector<uint32_t> domains;  // indices in domains_, ascending
  };
  WordMap<WordTopics> article_words_;
  OwnedWordSet armed_actor_types_, armed_actor_types_after_cause_, nonviolent_objects_;
  std::vector<Domain> domains_;
  PhraseIndex causes_;  // "cause NAME" phrases and the denials
  const Cues* cues_ = nullptr;
};

}  // namespace sitrep

#endif  // SITREP_SRC_EVENTS_TOPIC_H_
