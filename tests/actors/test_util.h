// Helpers for the actor tests: the shipped dictionary, loaded once, and Documents built with
// the tokenizer the dictionary uses (the text stage's AnalyzeText).
#ifndef SITREP_TESTS_ACTORS_TEST_UTIL_H_
#define SITREP_TESTS_ACTORS_TEST_UTIL_H_

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "sitrep/actors.h"
#include "sitrep/text.h"

namespace sitrep::testing {

inline const ActorDictionary& Dict() {
  static std::unique_ptr<ActorDictionary> dict = [] {
    std::unique_ptr<ActorDictionary> d;
    Status s = ActorDictionary::Load(std::string(SITREP_TEST_SOURCE_DIR) + "/data/actors", &d);
    if (!s.ok()) {
      ADD_FAILURE() << s.ToString();
      std::abort();
    }
    return d;
  }();
  return *dict;
}

// A tokenised article: owns its text so the Document's views stay valid.
struct Text {
  explicit Text(std::string t) : text(std::move(t)) { AnalyzeText(text, &doc); }
  Text(const Text&) = delete;
  std::string text;
  Document doc;
  std::string Words(const ActorMention& m) const { return ToRef(Dict(), m, doc).text; }
};

// "text=ID" for every mention, resolved by coreference across the whole text.
inline std::vector<std::string> Describe(const std::string& input, bool coref = true) {
  Text t(input);
  std::vector<ActorMention> ms = Dict().MatchDocument(t.doc);
  if (coref) ResolveCoreference(Dict(), &ms);
  std::vector<std::string> out;
  for (const auto& m : ms) out.push_back(t.Words(m) + "=" + (m.actor_id.empty() ? "?" + m.generic_type : m.actor_id));
  return out;
}

}  // namespace sitrep::testing

#endif  // SITREP_TESTS_ACTORS_TEST_UTIL_H_
