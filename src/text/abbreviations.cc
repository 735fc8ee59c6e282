#include "abbreviations.h"

#include <map>
#include <string>

#include "core/strings.h"

namespace sitrep::text_internal {

extern const std::string_view kEmbeddedAbbreviations;

namespace {

using strings::Trim;
using AbbrevMap = std::map<std::string, AbbrevKind, std::less<>>;

// Parses "Gen. title" / "etc." lines; '#' starts a comment.
AbbrevMap Parse(std::string_view text) {
  AbbrevMap map;
  while (!text.empty()) {
    size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
    if (size_t hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
    line = Trim(line);
    if (line.empty()) continue;
    size_t sp = line.find_first_of(" \t");
    std::string_view word = line.substr(0, sp);
    std::string_view flag = sp == std::string_view::npos ? std::string_view() : Trim(line.substr(sp));
    map[std::string(word)] = flag == "title" ? AbbrevKind::kTitle : AbbrevKind::kPlain;
  }
  return map;
}

const AbbrevMap& Abbreviations() {
  static const AbbrevMap* map = new AbbrevMap(Parse(kEmbeddedAbbreviations));
  return *map;
}

}  // namespace

AbbrevKind LookupAbbreviation(std::string_view word_with_period) {
  const AbbrevMap& map = Abbreviations();
  auto it = map.find(word_with_period);
  return it == map.end() ? AbbrevKind::kNone : it->second;
}

}  // namespace sitrep::text_internal
