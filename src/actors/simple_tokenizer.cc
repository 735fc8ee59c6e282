// A small PTB-style tokenizer used when the text stage (sitrep_text) is not linked, and by
// tests to build Documents. It follows the rules of include/sitrep/text.h: words keep inner
// hyphens, apostrophes, slashes and periods ("Mai-Mai", "U.N.", "M23/AFC"); "'s" and
// punctuation are split off; sentences end at . ! ? followed by space and an uppercase letter
// or a newline.
#include <cctype>

#include "internal.h"

namespace sitrep::actors_internal {
namespace {

bool IsWordByte(unsigned char c) { return std::isalnum(c) || c >= 0x80; }

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Typographic apostrophe (U+2019) -> ASCII, as NormalizeText does.
std::string NormToken(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (i + 2 < s.size() + 0 && static_cast<unsigned char>(s[i]) == 0xE2 && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(s[i + 2]) == 0x99 || static_cast<unsigned char>(s[i + 2]) == 0x98)) {
      out += '\'';
      i += 2;
    } else if (i + 2 < s.size() && static_cast<unsigned char>(s[i]) == 0xE2 &&
               static_cast<unsigned char>(s[i + 1]) == 0x80 &&
               (static_cast<unsigned char>(s[i + 2]) == 0x9C || static_cast<unsigned char>(s[i + 2]) == 0x9D)) {
      out += '"';
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

// Length in bytes of an apostrophe at s[i] (ASCII or U+2018/U+2019), 0 if none.
size_t ApostropheLen(std::string_view s, size_t i) {
  if (s[i] == '\'') return 1;
  if (i + 2 < s.size() && static_cast<unsigned char>(s[i]) == 0xE2 && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
      (static_cast<unsigned char>(s[i + 2]) == 0x99 || static_cast<unsigned char>(s[i + 2]) == 0x98))
    return 3;
  return 0;
}

}  // namespace

void SimpleTokenize(std::string_view text, Document* doc) {
  doc->text = text;
  doc->tokens.clear();
  doc->sentences.clear();
  size_t i = 0;
  bool space = true;
  auto push = [&](size_t b, size_t e, TokenKind kind) {
    Token t;
    t.begin = static_cast<uint32_t>(b);
    t.end = static_cast<uint32_t>(e);
    t.kind = kind;
    t.norm = NormToken(text.substr(b, e - b));
    t.lower = AsciiLower(t.norm);
    t.space_before = space;
    space = false;
    doc->tokens.push_back(std::move(t));
  };
  while (i < text.size()) {
    unsigned char c = text[i];
    if (std::isspace(c)) {
      space = true;
      ++i;
      continue;
    }
    if (IsWordByte(c)) {
      size_t j = i;
      bool digits = true;
      while (j < text.size()) {
        unsigned char d = text[j];
        if (IsWordByte(d)) {
          // Curly quotes are bytes >= 0x80 but not letters: stop at them.
          if (d == 0xE2 && j + 1 < text.size() && static_cast<unsigned char>(text[j + 1]) == 0x80) break;
          if (!std::isdigit(d)) digits = false;
          ++j;
          continue;
        }
        // Inner joiners: - / . , (in numbers) and apostrophes not starting "'s".
        if ((d == '-' || d == '/' || d == '.' || (d == ',' && digits)) && j + 1 < text.size() &&
            IsWordByte(static_cast<unsigned char>(text[j + 1])) && !std::isspace(static_cast<unsigned char>(text[j + 1]))) {
          ++j;
          continue;
        }
        // A period after a single letter of an acronym: "U.N." keeps its final period.
        if (d == '.' && j >= 2 && text[j - 2] == '.' && std::isupper(static_cast<unsigned char>(text[j - 1]))) {
          ++j;
          break;
        }
        break;
      }
      // Split a trailing possessive: "Rwanda's" -> "Rwanda" "'s".
      push(i, j, digits ? TokenKind::kNumber : TokenKind::kWord);
      i = j;
      size_t al = i < text.size() ? ApostropheLen(text, i) : 0;
      if (al && i + al < text.size() && (text[i + al] == 's' || text[i + al] == 'S') &&
          (i + al + 1 == text.size() || !IsWordByte(static_cast<unsigned char>(text[i + al + 1])))) {
        push(i, i + al + 1, TokenKind::kWord);
        i += al + 1;
      } else if (al && (i + al == text.size() || !IsWordByte(static_cast<unsigned char>(text[i + al])))) {
        push(i, i + al, TokenKind::kPunct);  // "rebels'" plural possessive
        i += al;
      }
      continue;
    }
    size_t len = 1;
    if (c >= 0x80) {
      len = (c >= 0xF0) ? 4 : (c >= 0xE0) ? 3 : 2;
      if (i + len > text.size()) len = text.size() - i;
    }
    push(i, i + len, std::ispunct(c) || c == 0xE2 ? TokenKind::kPunct : TokenKind::kSymbol);
    i += len;
  }
  // Sentences: split after . ! ? when the next token starts uppercase or follows a newline.
  uint32_t first = 0;
  for (uint32_t k = 0; k < doc->tokens.size(); ++k) {
    const Token& t = doc->tokens[k];
    bool end = false;
    if (k + 1 == doc->tokens.size()) {
      end = true;
    } else {
      const Token& n = doc->tokens[k + 1];
      bool newline = text.substr(t.end, n.begin - t.end).find('\n') != std::string_view::npos;
      bool stop = t.norm == "." || t.norm == "!" || t.norm == "?";
      if (newline) end = true;
      if (stop && n.space_before && (std::isupper(static_cast<unsigned char>(n.norm[0])) || n.norm[0] == '"'))
        end = true;
    }
    if (end) {
      Sentence s;
      s.first_token = first;
      s.last_token = k + 1;
      s.begin = doc->tokens[first].begin;
      s.end = t.end;
      doc->sentences.push_back(s);
      first = k + 1;
    }
  }
}

}  // namespace sitrep::actors_internal
