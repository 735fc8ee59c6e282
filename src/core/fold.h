// Internal: text folding for comparisons, on utf8proc. Both sides of a comparison (a
// dictionary or gazetteer name and an article token) must go through the same function here,
// or a name matches in one spelling only.
#ifndef SITREP_SRC_CORE_FOLD_H_
#define SITREP_SRC_CORE_FOLD_H_

#include <string>
#include <string_view>

namespace sitrep::fold {

// Unicode case folding with NFC composition ("Équateur" -> "équateur"), the form of
// Token::lower. Invalid UTF-8 is lowered byte-wise for ASCII and otherwise kept.
std::string FoldCase(std::string_view s);
// FoldCase and diacritics stripped ("Équateur" -> "equateur", "Erdoğan" -> "erdogan").
// Letters without a decomposition ("ø", "ł", "ı") are kept.
std::string FoldAccents(std::string_view s);

}  // namespace sitrep::fold

#endif  // SITREP_SRC_CORE_FOLD_H_
