#include <cstdint>
#include <limits>

#include "internal.h"
#include "sitrep/text.h"

namespace sitrep {

void AnalyzeText(std::string_view text, Document* doc) {
  doc->text = text;
  doc->tokens.clear();
  doc->sentences.clear();
  // Offsets are 32-bit; anything beyond 4 GiB is not analysed (no article is that long).
  constexpr size_t kMax = std::numeric_limits<uint32_t>::max();
  if (text.size() > kMax) text = text.substr(0, kMax);
  doc->tokens.reserve(text.size() / 5 + 1);  // English news: ~5.5 bytes per token
  text_internal::Tokenize(text, &doc->tokens);
  text_internal::SplitSentences(text, doc->tokens, &doc->sentences);
}

}  // namespace sitrep
