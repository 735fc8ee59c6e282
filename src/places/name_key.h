// Name normalisation shared by the index builder and the finder (internal). Case and accent
// folding are core/fold.h's, as for every other comparison of names.
#ifndef SITREP_SRC_PLACES_NAME_KEY_H_
#define SITREP_SRC_PLACES_NAME_KEY_H_

#include <string>
#include <string_view>

namespace sitrep::places_internal {

// Straight quotes/dashes for typographic ones, so names match normalised article text.
std::string Typography(std::string_view s);

}  // namespace sitrep::places_internal

#endif  // SITREP_SRC_PLACES_NAME_KEY_H_
