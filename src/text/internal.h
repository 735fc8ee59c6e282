// The two passes behind AnalyzeText. Internal to src/text.
#ifndef SITREP_SRC_TEXT_INTERNAL_H_
#define SITREP_SRC_TEXT_INTERNAL_H_

#include <string_view>
#include <vector>

#include "sitrep/text.h"

namespace sitrep::text_internal {

// Appends the tokens of `text` (at most 4 GiB: offsets are 32-bit) to `tokens`.
void Tokenize(std::string_view text, std::vector<Token>* tokens);

// Appends the sentences of `text` given its `tokens`; every sentence has >= 1 token.
void SplitSentences(std::string_view text, const std::vector<Token>& tokens, std::vector<Sentence>* sentences);

}  // namespace sitrep::text_internal

#endif  // SITREP_SRC_TEXT_INTERNAL_H_
