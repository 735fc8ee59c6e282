// Helpers shared by the text tests.
#ifndef SITREP_TESTS_TEXT_TEST_UTIL_H_
#define SITREP_TESTS_TEXT_TEST_UTIL_H_

#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/text.h"

namespace sitrep::testing {

// Token norms joined by " | ", e.g. "Rwanda | 's | army".
inline std::string JoinNorms(const Document& doc) {
  std::string out;
  for (const Token& t : doc.tokens) {
    if (!out.empty()) out += " | ";
    out += t.norm;
  }
  return out;
}

inline std::string Tokens(std::string_view text) {
  Document doc;
  AnalyzeText(text, &doc);
  return JoinNorms(doc);
}

// The original surface of every sentence.
inline std::vector<std::string> Sentences(std::string_view text) {
  Document doc;
  AnalyzeText(text, &doc);
  std::vector<std::string> out;
  for (const Sentence& s : doc.sentences) out.emplace_back(text.substr(s.begin, s.end - s.begin));
  return out;
}

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline std::vector<std::string> SampleTexts() {
  const std::string dir = std::string(SITREP_TEST_SHARED_DIR) + "/samples/";
  return {ReadFile(dir + "000_faa27aeaf128c5a5.txt"), ReadFile(dir + "001_560bd95e9cff5d9e.txt")};
}

}  // namespace sitrep::testing

#endif  // SITREP_TESTS_TEXT_TEST_UTIL_H_
