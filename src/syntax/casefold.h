// Case folding for the tagger's own use (training data, Tagger::Lemmatize), so the trainer
// and the runtime fold words identically without depending on the text stage.
#ifndef SITREP_SRC_SYNTAX_CASEFOLD_H_
#define SITREP_SRC_SYNTAX_CASEFOLD_H_

#include <string>
#include <string_view>

namespace sitrep::syntax {

// Unicode case folding with NFC composition (utf8proc); ASCII fast path. Invalid UTF-8 is
// lowercased byte-wise for ASCII and otherwise kept.
std::string FoldForTagger(std::string_view s);

}  // namespace sitrep::syntax

#endif  // SITREP_SRC_SYNTAX_CASEFOLD_H_
