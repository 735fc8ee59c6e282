// WordLists: parsing the "<list name>: entry | entry" files (format in word_lists.h).
#include "word_lists.h"

#include "core/strings.h"

#include <fstream>
#include <sstream>

namespace sitrep {

Status WordLists::Load(const std::string& path, WordLists* out, bool keep_case) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path + ": cannot open word list file");
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return Status::IOError(path + ": read error");
  return Parse(text.str(), path, out, keep_case);
}

Status WordLists::Parse(std::string_view text, const std::string& origin, WordLists* out, bool keep_case) {
  WordLists lists;
  lists.origin_ = origin;
  int line_no = 0;
  for (size_t pos = 0; pos <= text.size();) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    const std::string_view line = strings::Trim(text.substr(pos, nl - pos));
    pos = nl + 1;
    ++line_no;
    if (line.empty() || line.front() == '#') continue;
    const size_t colon = line.find(':');
    const std::string name =
        colon == std::string_view::npos ? std::string() : strings::JoinWords(strings::SplitWords(line.substr(0, colon), /*lower=*/true));
    if (name.empty()) return Status::InvalidArgument(lists.Where(line_no) + "expected '<list name>: word | word ...'");
    List* list = lists.FindList(name);
    if (!list) {
      lists.lists_.push_back(List{name, line_no, false, {}});
      list = &lists.lists_.back();
    }
    std::string_view body = line.substr(colon + 1);
    while (!body.empty()) {
      const size_t bar = body.find('|');
      Entry entry{strings::SplitWords(body.substr(0, bar), /*lower=*/!keep_case), line_no};
      body = bar == std::string_view::npos ? std::string_view() : body.substr(bar + 1);
      if (entry.words.empty())
        return Status::InvalidArgument(lists.Where(line_no) + "empty entry in list '" + name + "'");
      list->entries.push_back(std::move(entry));
    }
  }
  *out = std::move(lists);
  return Status::OK();
}

WordLists::List* WordLists::FindList(std::string_view name) {
  for (List& l : lists_)
    if (l.name == name) return &l;
  return nullptr;
}

Status WordLists::Take(std::string_view name, std::vector<Entry>* entries) {
  List* list = FindList(name);
  if (!list) return Status::NotFound(origin_ + ": no list '" + std::string(name) + "'");
  list->taken = true;
  *entries = list->entries;
  return Status::OK();
}

Status WordLists::TakeWords(std::string_view name, std::vector<std::string>* words) {
  std::vector<Entry> entries;
  if (Status s = Take(name, &entries); !s.ok()) return s;
  words->clear();
  for (Entry& e : entries) {
    if (e.words.size() != 1)
      return Status::InvalidArgument(Where(e.line) + "list '" + std::string(name) + "' takes single words, not '" +
                                     strings::JoinWords(e.words) + "'");
    words->push_back(std::move(e.words[0]));
  }
  return Status::OK();
}

Status WordLists::TakeSet(std::string_view name, OwnedWordSet* set) {
  std::vector<std::string> words;
  if (Status s = TakeWords(name, &words); !s.ok()) return s;
  *set = OwnedWordSet(std::move(words));
  return Status::OK();
}

Status WordLists::TakePhraseSet(std::string_view name, OwnedWordSet* set) {
  std::vector<Entry> entries;
  if (Status s = Take(name, &entries); !s.ok()) return s;
  std::vector<std::string> phrases;
  for (const Entry& e : entries) phrases.push_back(strings::JoinWords(e.words));
  *set = OwnedWordSet(std::move(phrases));
  return Status::OK();
}

std::vector<std::string> WordLists::Names() const {
  std::vector<std::string> names;
  for (const List& l : lists_) names.push_back(l.name);
  return names;
}

Status WordLists::CheckAllTaken() const {
  for (const List& l : lists_)
    if (!l.taken) return Status::InvalidArgument(Where(l.first_line) + "unknown list '" + l.name + "'");
  return Status::OK();
}

std::string WordLists::Where(int line) const { return origin_ + ":" + std::to_string(line) + ": "; }

}  // namespace sitrep
