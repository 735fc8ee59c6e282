// Test helper shared by tests/numbers and tests/time: turns text into a sitrep::Document.
// Uses sitrep::AnalyzeText when sitrep_text is built (SITREP_TEST_HAVE_TEXT), otherwise a
// small PTB-style tokenizer that follows the conventions of include/sitrep/text.h
// ("4,000", "7.2", "2023-11-06", "20th" one token; "Monday's" -> "Monday" "'s").
#ifndef SITREP_TESTS_NUMBERS_TEST_DOCUMENT_H_
#define SITREP_TESTS_NUMBERS_TEST_DOCUMENT_H_

#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

#include "sitrep/text.h"

namespace sitrep::testing {

inline bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool IsDigit(char c) { return c >= '0' && c <= '9'; }

inline void SimpleTokenize(std::string_view text, Document* doc) {
  doc->text = text;
  doc->tokens.clear();
  doc->sentences.clear();
  size_t i = 0;
  bool space = false;
  auto push = [&](size_t b, size_t e, TokenKind kind, std::string norm) {
    Token t;
    t.begin = static_cast<uint32_t>(b);
    t.end = static_cast<uint32_t>(e);
    t.kind = kind;
    t.norm = norm;
    for (char& c : norm) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    t.lower = std::move(norm);
    t.space_before = space;
    doc->tokens.push_back(std::move(t));
    space = false;
  };
  while (i < text.size()) {
    char c = text[i];
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = true;
      ++i;
      continue;
    }
    // Curly quotes and dashes (3-byte UTF-8) -> ASCII; other multi-byte chars are symbols.
    if (static_cast<unsigned char>(c) >= 0x80) {
      size_t n = (static_cast<unsigned char>(c) >= 0xF0) ? 4 : (static_cast<unsigned char>(c) >= 0xE0) ? 3 : 2;
      std::string_view ch = text.substr(i, n);
      std::string norm(ch);
      TokenKind kind = TokenKind::kSymbol;
      if (ch == "\u2019" || ch == "\u2018") norm = "'", kind = TokenKind::kPunct;
      if (ch == "\u201c" || ch == "\u201d") norm = "\"", kind = TokenKind::kPunct;
      if (ch == "\u2013" || ch == "\u2014") norm = "-", kind = TokenKind::kPunct;
      if (ch == "\u00a0") {
        space = true;
        i += n;
        continue;
      }
      // "’s" after a word: possessive token.
      if (norm == "'" && i + n < text.size() && (text[i + n] == 's' || text[i + n] == 'S') &&
          (i + n + 1 >= text.size() || !IsAsciiLetter(text[i + n + 1])) && !space && !doc->tokens.empty()) {
        push(i, i + n + 1, TokenKind::kWord, "'s");
        i += n + 1;
        continue;
      }
      push(i, i + n, kind, norm);
      i += n;
      continue;
    }
    size_t j = i;
    if (IsDigit(c)) {
      while (j < text.size() && (IsDigit(text[j]) || ((text[j] == ',' || text[j] == '.' || text[j] == ':' ||
                                                        text[j] == '/' || text[j] == '-') &&
                                                       j + 1 < text.size() && IsDigit(text[j + 1]))))
        ++j;
      while (j < text.size() && IsAsciiLetter(text[j])) ++j;  // "20th"
      push(i, j, TokenKind::kNumber, std::string(text.substr(i, j - i)));
      i = j;
      continue;
    }
    if (IsAsciiLetter(c)) {
      bool inner_period = false;
      while (j < text.size()) {
        char d = text[j];
        if (IsAsciiLetter(d) || IsDigit(d)) {
          ++j;
        } else if (d == '\'' && j + 1 < text.size() && (text[j + 1] == 's' || text[j + 1] == 'S') &&
                   (j + 2 >= text.size() || !IsAsciiLetter(text[j + 2]))) {
          break;  // possessive
        } else if ((d == '-' || d == '\'') && j + 1 < text.size() && IsAsciiLetter(text[j + 1])) {
          ++j;
        } else if (d == '.' && j + 1 < text.size() && IsAsciiLetter(text[j + 1]) && j - i == 1) {
          inner_period = true;  // "U.N."
          ++j;
        } else if (d == '.' && inner_period) {
          ++j;
          break;
        } else {
          break;
        }
      }
      push(i, j, TokenKind::kWord, std::string(text.substr(i, j - i)));
      i = j;
      continue;
    }
    if (c == '\'' && i + 1 < text.size() && (text[i + 1] == 's' || text[i + 1] == 'S') && !space &&
        (i + 2 >= text.size() || !IsAsciiLetter(text[i + 2]))) {
      push(i, i + 2, TokenKind::kWord, "'s");
      i += 2;
      continue;
    }
    bool punct = std::string_view(".,;:!?()\"'-[]").find(c) != std::string_view::npos;
    push(i, i + 1, punct ? TokenKind::kPunct : TokenKind::kSymbol, std::string(1, c));
    ++i;
  }
  // Sentences: end at . ! ? followed by a capital letter or a quote, or at a blank line.
  Sentence s;
  for (uint32_t k = 0; k < doc->tokens.size(); ++k) {
    const Token& t = doc->tokens[k];
    bool last = k + 1 == doc->tokens.size();
    bool split = last;
    if (!last && (t.norm == "." || t.norm == "!" || t.norm == "?")) {
      const Token& n = doc->tokens[k + 1];
      split = (n.norm[0] >= 'A' && n.norm[0] <= 'Z') || n.norm == "\"";
    }
    if (split) {
      s.last_token = k + 1;
      s.begin = doc->tokens[s.first_token].begin;
      s.end = t.end;
      doc->sentences.push_back(s);
      s = Sentence();
      s.first_token = k + 1;
    }
  }
}

inline void MakeDocument(std::string_view text, Document* doc) {
#ifdef SITREP_TEST_HAVE_TEXT
  AnalyzeText(text, doc);
#else
  SimpleTokenize(text, doc);
#endif
}

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
