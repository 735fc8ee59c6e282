// CountLexicon: parsing data/numbers/roles.txt and matching its phrases on tokens.
#include "lexicon.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "core/strings.h"
#include "core/word_lists.h"

namespace sitrep {
namespace {

using strings::Trim;


int RoleIndex(std::string_view name) {
  const std::vector<std::string>& roles = Counts::Roles();
  for (size_t i = 0; i < roles.size(); ++i)
    if (roles[i] == name) return static_cast<int>(i);
  return -1;
}

}  // namespace

CountLexicon::CountLexicon() : impl_(std::make_unique<Impl>()) {}
CountLexicon::~CountLexicon() = default;

Status CountLexicon::Parse(std::string_view text, const std::string& origin, std::unique_ptr<CountLexicon>* out) {
  std::unique_ptr<CountLexicon> lex(new CountLexicon());
  Impl& impl = *lex->impl_;
  int line_no = 0;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = Trim(text.substr(pos, nl - pos));
    pos = nl + 1;
    ++line_no;
    if (line.empty() || line.front() == '#') continue;
    const std::string where = origin + ":" + std::to_string(line_no) + ": ";
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) return Status::InvalidArgument(where + "expected '<kind> [<role>]: phrases'");
    std::vector<std::string> head = strings::SplitWords(line.substr(0, colon), /*lower=*/true);
    if (head.empty() || head.size() > 2) return Status::InvalidArgument(where + "expected '<kind> [<role>]:'");
    const std::string& kind = head[0];
    std::vector<std::vector<std::string>> phrases;
    std::string_view body = line.substr(colon + 1);
    while (!body.empty()) {
      size_t bar = body.find('|');
      std::string_view item = Trim(body.substr(0, bar));
      body = bar == std::string_view::npos ? std::string_view() : body.substr(bar + 1);
      if (item.empty()) return Status::InvalidArgument(where + "empty phrase");
      phrases.push_back(strings::SplitWords(item, /*lower=*/true));
    }
    if (kind == "glue" || kind == "filler" || kind == "object" || kind == "unit" || kind == "one" ||
        kind == "person" || kind == "place_preposition" || kind == "passive_glue") {
      if (head.size() != 1) return Status::InvalidArgument(where + "'" + kind + "' takes no role");
      auto& set = kind == "glue"     ? impl.glue
                  : kind == "filler" ? impl.filler
                  : kind == "object" ? impl.object
                  : kind == "unit"   ? impl.unit
                  : kind == "one"    ? impl.one
                  : kind == "person" ? impl.person
                  : kind == "place_preposition" ? impl.place_preposition
                                     : impl.passive_glue;
      for (auto& p : phrases) {
        if (p.size() != 1) return Status::InvalidArgument(where + "'" + kind + "' entries are single words");
        if (kind == "one") impl.longest_one = std::max(impl.longest_one, p[0].size());
        set.insert(p[0]);
      }
      continue;
    }
    if (kind != "after" && kind != "before" && kind != "noun")
      return Status::InvalidArgument(where + "unknown kind '" + kind + "'");
    if (head.size() != 2) return Status::InvalidArgument(where + "'" + kind + "' needs a role");
    int role = RoleIndex(head[1]);
    if (role < 0) return Status::InvalidArgument(where + "unknown role '" + head[1] + "'");
    Impl::Index& index = kind == "after" ? impl.after : kind == "noun" ? impl.noun : impl.before;
    for (auto& p : phrases) {
      std::string key = kind == "before" ? p.back() : p.front();
      index[key].push_back({std::move(p), role});
    }
  }
  *out = std::move(lex);
  return Status::OK();
}

Status CountLexicon::Load(const std::string& path, std::unique_ptr<CountLexicon>* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError(path + ": cannot open");
  std::stringstream ss;
  ss << in.rdbuf();
  return Parse(ss.str(), path, out);
}

const CountLexicon& CountLexicon::Default() {
  // The compiled-in roles.txt is checked by the tests; should it still be malformed, the process stops with
  // its file:line message rather than count with an empty lexicon.
  // The holder stays reachable from this static for the process's life (no leak to report).
  static const std::unique_ptr<CountLexicon>* lex = ParseBuiltinOrDie<std::unique_ptr<CountLexicon>>(
      kBuiltinRolesText, "data/numbers/roles.txt",
      [](std::string_view text, const std::string& origin, std::unique_ptr<CountLexicon>* out) {
        return CountLexicon::Parse(text, origin, out);
      });
  return **lex;
}

uint32_t CountLexicon::Impl::MatchForward(const Index& index, const Document& doc, uint32_t i, uint32_t end,
                                          int* role) const {
  if (i >= end) return 0;
  auto it = index.find(doc.tokens[i].lower);
  if (it == index.end()) return 0;
  uint32_t best = 0;
  for (const Phrase& p : it->second) {
    uint32_t n = static_cast<uint32_t>(p.words.size());
    if (n <= best || i + n > end) continue;
    bool ok = true;
    for (uint32_t k = 1; k < n && ok; ++k) ok = doc.tokens[i + k].lower == p.words[k];
    if (ok) {
      best = n;
      *role = p.role;
    }
  }
  return best;
}

uint32_t CountLexicon::Impl::MatchBackward(const Document& doc, uint32_t j, uint32_t begin, int* role) const {
  auto it = before.find(doc.tokens[j].lower);
  if (it == before.end()) return 0;
  uint32_t best = 0;
  for (const Phrase& p : it->second) {
    uint32_t n = static_cast<uint32_t>(p.words.size());
    if (n <= best || j + 1 < begin + n) continue;
    bool ok = true;
    for (uint32_t k = 1; k < n && ok; ++k) ok = doc.tokens[j - k].lower == p.words[n - 1 - k];
    if (ok) {
      best = n;
      *role = p.role;
    }
  }
  return best;
}

}  // namespace sitrep
