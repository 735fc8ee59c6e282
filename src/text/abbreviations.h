// The abbreviation list (data/text/abbreviations.txt, embedded at build time).
// Internal to src/text.
#ifndef SITREP_SRC_TEXT_ABBREVIATIONS_H_
#define SITREP_SRC_TEXT_ABBREVIATIONS_H_

#include <string_view>

namespace sitrep::text_internal {

enum class AbbrevKind { kNone, kPlain, kTitle };

// Looks up `word_with_period` (e.g. "Gen.", case-sensitive). kTitle entries always
// precede a name or number and so never end a sentence.
AbbrevKind LookupAbbreviation(std::string_view word_with_period);

}  // namespace sitrep::text_internal

#endif  // SITREP_SRC_TEXT_ABBREVIATIONS_H_
