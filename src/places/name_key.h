// Name normalisation shared by the index builder and the finder (internal).
#ifndef SITREP_SRC_PLACES_NAME_KEY_H_
#define SITREP_SRC_PLACES_NAME_KEY_H_

#include <string>
#include <string_view>

namespace sitrep::places_internal {

// Unicode case folding + NFC, as the text layer does for Token::lower.
std::string Fold(std::string_view s);
// Fold and strip diacritics: "Équateur" -> "equateur".
std::string FoldAscii(std::string_view s);
// Straight quotes/dashes for typographic ones, so names match normalised article text.
std::string Typography(std::string_view s);

}  // namespace sitrep::places_internal

#endif  // SITREP_SRC_PLACES_NAME_KEY_H_
