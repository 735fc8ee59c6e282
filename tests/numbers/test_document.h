// Test helpers shared by tests/numbers and tests/time: text -> sitrep::Document with the real
// tokenizer (sitrep_text), spans as printed, sample files.
#ifndef SITREP_TESTS_NUMBERS_TEST_DOCUMENT_H_
#define SITREP_TESTS_NUMBERS_TEST_DOCUMENT_H_

#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

#include "sitrep/text.h"

namespace sitrep::testing {

inline void MakeDocument(std::string_view text, Document* doc) { AnalyzeText(text, doc); }

// The whole document as one sentence (for single-sentence tables).
inline Sentence Whole(const Document& doc) {
  Sentence s;
  s.first_token = 0;
  s.last_token = static_cast<uint32_t>(doc.tokens.size());
  s.begin = 0;
  s.end = static_cast<uint32_t>(doc.text.size());
  return s;
}

// Text of tokens [first, last) as printed.
inline std::string Span(const Document& doc, uint32_t first, uint32_t last) {
  if (first >= last) return "";
  return std::string(doc.text.substr(doc.tokens[first].begin, doc.tokens[last - 1].end - doc.tokens[first].begin));
}

inline std::string ReadFileOrEmpty(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace sitrep::testing

#endif  // SITREP_TESTS_NUMBERS_TEST_DOCUMENT_H_
