// A small stand-in for sitrep::AnalyzeText in the places tests: PTB-like tokens ("Rwanda's" ->
// "Rwanda" "'s", hyphenated words whole, "D.R." keeps its periods) and sentences split at . ! ?
#ifndef SITREP_TESTS_PLACES_DOC_UTIL_H_
#define SITREP_TESTS_PLACES_DOC_UTIL_H_

#include <cctype>
#include <string>

#include "core/strings.h"
#include "sitrep/text.h"

namespace sitrep::testing {

inline void SimpleAnalyze(std::string_view text, Document* doc) {
  doc->text = text;
  doc->tokens.clear();
  doc->sentences.clear();
  auto letter = [](unsigned char c) { return std::isalpha(c) || c >= 0x80; };
  size_t i = 0;
  while (i < text.size()) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (std::isspace(c)) { ++i; continue; }
    Token t;
    t.begin = static_cast<uint32_t>(i);
    t.space_before = i > 0 && std::isspace(static_cast<unsigned char>(text[i - 1]));
    if (letter(c)) {
      size_t j = i + 1;
      while (j < text.size()) {
        unsigned char d = static_cast<unsigned char>(text[j]);
        bool inner = (d == '-' || d == '.') && j + 1 < text.size() && letter(static_cast<unsigned char>(text[j + 1]));
        bool abbrev_dot = d == '.' && j >= 2 && text[j - 2] == '.';  // "D.R." keeps its final period
        if (letter(d) || inner || abbrev_dot) ++j;
        else break;
      }
      t.kind = TokenKind::kWord;
      t.end = static_cast<uint32_t>(j);
    } else if (std::isdigit(c)) {
      size_t j = i + 1;
      while (j < text.size() && (std::isalnum(static_cast<unsigned char>(text[j])) || text[j] == ',')) ++j;
      t.kind = TokenKind::kNumber;
      t.end = static_cast<uint32_t>(j);
    } else if (c == '\'' && i + 1 < text.size() && text[i + 1] == 's') {
      t.kind = TokenKind::kPunct;
      t.end = static_cast<uint32_t>(i + 2);
    } else {
      t.kind = TokenKind::kPunct;
      t.end = static_cast<uint32_t>(i + 1);
    }
    t.norm = std::string(text.substr(t.begin, t.end - t.begin));
    t.lower = strings::AsciiLower(t.norm);
    i = t.end;
    doc->tokens.push_back(std::move(t));
  }
  uint32_t start = 0;
  for (uint32_t k = 0; k < doc->tokens.size(); ++k) {
    const std::string& n = doc->tokens[k].norm;
    if (n == "." || n == "!" || n == "?" || k + 1 == doc->tokens.size()) {
      Sentence s;
      s.first_token = start;
      s.last_token = k + 1;
      s.begin = doc->tokens[start].begin;
      s.end = doc->tokens[k].end;
      doc->sentences.push_back(s);
      start = k + 1;
    }
  }
}

}  // namespace sitrep::testing

#endif  // SITREP_TESTS_PLACES_DOC_UTIL_H_
