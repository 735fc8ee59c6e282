#include "word_lists.h"

#include <algorithm>
#include <fstream>

#include <fmt/format.h>

#include "core/strings.h"

namespace sitrep {
namespace {

std::string TrimSpaces(std::string_view s) { return std::string(strings::Trim(s)); }

}  // namespace

std::vector<std::string> WordsOf(const std::string& body) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < body.size()) {
    if (body[i] == ' ' || body[i] == '\t') {
      ++i;
    } else if (body[i] == '"') {  // "rebel group": one value with a space
      const size_t end = body.find('"', i + 1);
      out.push_back(body.substr(i + 1, (end == std::string::npos ? body.size() : end) - i - 1));
      i = end == std::string::npos ? body.size() : end + 1;
    } else {
      const size_t end = body.find_first_of(" \t", i);
      out.push_back(body.substr(i, (end == std::string::npos ? body.size() : end) - i));
      i = end == std::string::npos ? body.size() : end;
    }
  }
  return out;
}

Status ReadListFile(const std::string& path, const std::vector<std::string>& keywords,
                    const std::function<Status(const ListLine&)>& on_line) {
  std::ifstream in(path);
  if (!in) return Status::NotFound(path + ": cannot open");
  std::string raw;
  for (int lineno = 1; std::getline(in, raw); ++lineno) {
    const std::string t = TrimSpaces(raw);
    if (t.empty() || t[0] == '#') continue;
    ListLine line;
    line.where = fmt::format("{}:{}", path, lineno);
    const size_t colon = t.find(':');
    if (colon == std::string::npos) return Status::Corruption(line.where + ": expected 'name: words'");
    std::vector<std::string> head = WordsOf(t.substr(0, colon));
    if (!keywords.empty() && head.size() == 2 &&
        std::find(keywords.begin(), keywords.end(), head[0]) != keywords.end()) {
      line.keyword = head[0];
      head.erase(head.begin());
    }
    if (head.size() != 1)
      return Status::Corruption(line.where + ": expected " + (keywords.empty() ? "" : "a keyword and ") +
                                "one name before ':'");
    line.name = head[0];
    line.body = TrimSpaces(t.substr(colon + 1));
    Status s = on_line(line);
    if (!s.ok()) return s;
  }
  return Status::OK();
}

Status WordListBinder::Add(const ListLine& line) {
  for (Slot& slot : slots_) {
    if (slot.name != line.name) continue;
    for (std::string& w : WordsOf(line.body)) slot.list->words.push_back(std::move(w));
    slot.seen = true;
    return Status::OK();
  }
  return Status::Corruption(line.where + ": unknown list '" + line.name + "'");
}

Status WordListBinder::CheckComplete(const std::string& path) {
  for (Slot& slot : slots_) {
    if (!slot.seen) return Status::Corruption(path + ": the list '" + slot.name + "' is missing");
    slot.list->set = WordSet(slot.list->words.begin(), slot.list->words.end());
  }
  return Status::OK();
}

}  // namespace sitrep
