// Tag-class helpers over Penn Treebank tags.
#include "sitrep/syntax.h"

namespace sitrep {

bool IsVerbTag(std::string_view t) { return t.size() >= 2 && t.substr(0, 2) == "VB"; }
bool IsNounTag(std::string_view t) { return t == "NN" || t == "NNS" || t == "NNP" || t == "NNPS"; }
bool IsProperNounTag(std::string_view t) { return t == "NNP" || t == "NNPS"; }
bool IsAdjectiveTag(std::string_view t) { return t == "JJ" || t == "JJR" || t == "JJS"; }
bool IsAdverbTag(std::string_view t) { return t == "RB" || t == "RBR" || t == "RBS" || t == "WRB"; }
bool IsPunctuationTag(std::string_view t) {
  return t == "." || t == "," || t == ":" || t == "``" || t == "''" || t == "-LRB-" || t == "-RRB-" || t == "HYPH" ||
         t == "NFP";
}

std::string_view UniversalTag(std::string_view t) {
  struct Map {
    std::string_view penn, upos;
  };
  // Follows the usual Penn -> UD conversion; see the header for what XPOS cannot decide.
  static constexpr Map kMap[] = {
      {"NN", "NOUN"},   {"NNS", "NOUN"},   {"NNP", "PROPN"}, {"NNPS", "PROPN"}, {"VB", "VERB"},   {"VBD", "VERB"},
      {"VBG", "VERB"},  {"VBN", "VERB"},   {"VBP", "VERB"},  {"VBZ", "VERB"},   {"MD", "AUX"},    {"JJ", "ADJ"},
      {"JJR", "ADJ"},   {"JJS", "ADJ"},    {"RB", "ADV"},    {"RBR", "ADV"},    {"RBS", "ADV"},   {"WRB", "ADV"},
      {"IN", "ADP"},    {"RP", "ADP"},     {"DT", "DET"},    {"PDT", "DET"},    {"WDT", "DET"},   {"PRP", "PRON"},
      {"PRP$", "PRON"}, {"WP", "PRON"},    {"WP$", "PRON"},  {"EX", "PRON"},    {"CC", "CCONJ"},  {"CD", "NUM"},
      {"TO", "PART"},   {"POS", "PART"},   {"UH", "INTJ"},   {".", "PUNCT"},    {",", "PUNCT"},   {":", "PUNCT"},
      {"``", "PUNCT"},  {"''", "PUNCT"},   {"-LRB-", "PUNCT"}, {"-RRB-", "PUNCT"}, {"HYPH", "PUNCT"}, {"NFP", "PUNCT"},
      {"$", "SYM"},     {"SYM", "SYM"},    {"ADD", "X"},     {"GW", "X"},       {"FW", "X"},      {"LS", "X"},
      {"AFX", "X"},
  };
  for (const Map& m : kMap)
    if (m.penn == t) return m.upos;
  return "X";
}

}  // namespace sitrep
