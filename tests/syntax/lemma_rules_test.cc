// The spelling rules alone (no model): what unknown words get.
#include <map>
#include <string>

#include <gtest/gtest.h>

#include "../../src/syntax/lemma_rules.h"
#include "../../src/syntax/model_format.h"

namespace sitrep::syntax {
namespace {

class FakeLexicon : public LemmaLexicon {
 public:
  explicit FakeLexicon(std::map<std::string, uint32_t> m) : m_(std::move(m)) {}
  uint32_t Classes(std::string_view lemma) const override {
    auto it = m_.find(std::string(lemma));
    return it == m_.end() ? 0 : it->second;
  }

 private:
  std::map<std::string, uint32_t> m_;
};

std::string Rule(std::string_view word, std::string_view tag, const LemmaLexicon& lex) {
  char buf[64];
  return std::string(buf, static_cast<size_t>(RuleLemma(word, tag, lex, buf, sizeof buf)));
}

TEST(LemmaRules, UnknownWordsUseSpellingHeuristics) {
  const FakeLexicon empty({});
  struct Case {
    const char *word, *tag, *lemma;
  };
  const Case cases[] = {
      {"escalated", "VBD", "escalate"}, {"captured", "VBN", "capture"}, {"seized", "VBD", "seize"},
      {"stopped", "VBD", "stop"},       {"patrolled", "VBN", "patrol"}, {"shelled", "VBD", "shell"},
      {"carried", "VBD", "carry"},      {"visited", "VBD", "visit"},    {"opened", "VBD", "open"},
      {"invaded", "VBD", "invade"},     {"caused", "VBD", "cause"},     {"attacked", "VBD", "attack"},
      {"killing", "VBG", "kill"},       {"making", "VBG", "make"},      {"running", "VBG", "run"},
      {"casualties", "NNS", "casualty"}, {"churches", "NNS", "church"}, {"rebels", "NNS", "rebel"},
      {"status", "NNS", "status"},  // -us/-is words are left alone (so "Kivus" stays too)
      {"bigger", "JJR", "big"},       {"larger", "JJR", "large"},
      {"Congolese", "NNP", "Congolese"}, {"Americans", "NNPS", "American"},
      {"the", "DT", "the"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(std::string(c.word) + "/" + c.tag);
    EXPECT_EQ(Rule(c.word, c.tag, empty), c.lemma);
  }
}

TEST(LemmaRules, LexiconDecidesBetweenCandidates) {
  // "hoped" could be hop+ed or hope+d, "hopped" hop+p+ed: the lexicon settles it.
  const FakeLexicon hope({{"hope", kLemmaVerb}, {"hop", kLemmaVerb}});
  EXPECT_EQ(Rule("hoped", "VBD", hope), "hope");
  EXPECT_EQ(Rule("hopped", "VBD", hope), "hop");
  // A candidate seen with the wanted class beats one seen with another class.
  const FakeLexicon fire({{"fir", kLemmaNoun}, {"fire", kLemmaVerb}});
  EXPECT_EQ(Rule("firing", "VBG", fire), "fire");
  // Words longer than the buffer come back truncated, never overflowing it.
  const std::string long_word(100, 'a');
  char buf[16];
  EXPECT_EQ(RuleLemma(long_word + "ed", "VBD", fire, buf, sizeof buf), 16);
}

}  // namespace
}  // namespace sitrep::syntax
