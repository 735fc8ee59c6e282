// Text layer: Unicode-aware normalisation, tokenisation and sentence splitting.
// Every token and sentence keeps byte offsets into the original text, so evidence
// can always be shown exactly as the article printed it.
#ifndef SITREP_TEXT_H_
#define SITREP_TEXT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sitrep {

enum class TokenKind : uint8_t {
  kWord,    // letters, possibly with inner hyphens/apostrophes/periods: "Mai-Mai", "U.N.", "D.R."
  kNumber,  // digits with separators: "4,000", "7.2", "2023-11-06", "20th"
  kPunct,   // . , ; : ! ? ( ) " ' - and the like (normalised to ASCII in `norm`)
  kSymbol,  // anything else: %, $, emoji...
};

struct Token {
  uint32_t begin = 0, end = 0;  // byte offsets into the original text
  TokenKind kind = TokenKind::kWord;
  std::string norm;   // NFC, curly quotes/apostrophes -> ' ", dashes -> -, NBSP removed
                      // (em dash -> "--", ellipsis -> "..."; conventions in docs/text.md)
  std::string lower;  // case-folded `norm`
  // Filled by the syntax stage (tagger): Penn Treebank tag ("NNP", "VBD", ...) and lemma.
  std::string tag;
  std::string lemma;
  bool space_before = false;  // whitespace precedes this token in the original
};

struct Sentence {
  uint32_t begin = 0, end = 0;              // byte offsets into the original text
  uint32_t first_token = 0, last_token = 0;  // token index range [first_token, last_token)
};

struct Document {
  std::string_view text;  // not owned: the Article text
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
};

// The original bytes of a token or sentence (evidence exactly as the article printed it).
inline std::string_view Surface(const Document& doc, const Token& t) {
  return doc.text.substr(t.begin, t.end - t.begin);
}
inline std::string_view Surface(const Document& doc, const Sentence& s) {
  return doc.text.substr(s.begin, s.end - s.begin);
}
// The original bytes of tokens [first_token, last_token): "M23 rebels", "Walikale territory". Empty when
// the range holds no token of `doc`.
inline std::string_view Surface(const Document& doc, uint32_t first_token, uint32_t last_token) {
  if (first_token >= last_token || last_token > doc.tokens.size()) return {};
  const size_t b = doc.tokens[first_token].begin, e = doc.tokens[last_token - 1].end;
  if (e > doc.text.size() || b > e) return {};
  return doc.text.substr(b, e - b);
}

// Tokenises and sentence-splits `text` into `doc` (cleared first). `text` must be valid UTF-8
// (ingest repairs it); `doc->text` points at it, so it must outlive `doc`.
void AnalyzeText(std::string_view text, Document* doc);

// Normalises one UTF-8 string: NFC, typographic quotes/apostrophes/dashes to ASCII,
// non-breaking and other spaces to ' '. Exposed for dictionaries so that their entries are
// normalised exactly as article tokens are.
std::string NormalizeText(std::string_view s);

// Case folding (Unicode-aware) of a normalised string.
std::string FoldCase(std::string_view s);

}  // namespace sitrep

#endif  // SITREP_TEXT_H_
