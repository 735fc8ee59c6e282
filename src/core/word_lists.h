// WordLists: the text format of the word lists an analyst edits without touching C++
// (data/places/cues.txt, data/actors/capitals.txt, data/places/admin_names.txt), read once when a
// stage loads.
//
//   # A comment. Blank lines are ignored.
//   <list name>: <entry> | <entry> | ...
//
// An entry is a word or a phrase (words separated by spaces); words are lower-cased (ASCII), since
// they are matched on the tokens' `lower` or lemma, unless the loader keeps their case. A list may
// go on over several lines, each repeating its name. The stage that loads the file takes the lists
// it knows by name; a list it does not know (a misspelt name) is an error naming file:line, as is
// a missing one.
//
// Internal to the stages (src/); not part of the public API.
#ifndef SITREP_SRC_CORE_WORD_LISTS_H_
#define SITREP_SRC_CORE_WORD_LISTS_H_

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sitrep/status.h"
#include "core/word_set.h"

namespace sitrep {

// A WordSet that owns its words (a WordSet only views them), for lists loaded from a file.
// Movable, not copyable: moving the vector keeps its strings where the set's views point.
class OwnedWordSet {
 public:
  OwnedWordSet() = default;
  explicit OwnedWordSet(std::vector<std::string> words)
      : words_(std::move(words)), set_(words_.begin(), words_.end()) {}
  OwnedWordSet(const OwnedWordSet&) = delete;
  OwnedWordSet& operator=(const OwnedWordSet&) = delete;
  OwnedWordSet(OwnedWordSet&&) noexcept = default;
  OwnedWordSet& operator=(OwnedWordSet&&) noexcept = default;

  bool Contains(std::string_view w) const { return set_.Contains(w); }
  // The words in file order (for the few rules that walk a list).
  const std::vector<std::string>& words() const { return words_; }

 private:
  std::vector<std::string> words_;
  WordSet set_;
};

class WordLists {
 public:
  struct Entry {
    std::vector<std::string> words;  // one word, or a phrase's words in order
    int line = 0;
  };

  // Reads and parses the file at `path`: NotFound/IOError naming it, InvalidArgument naming
  // path:line for a malformed line. Entries are lower-cased unless `keep_case`.
  static Status Load(const std::string& path, WordLists* out, bool keep_case = false);
  // Parses `text`; `origin` names it in messages.
  static Status Parse(std::string_view text, const std::string& origin, WordLists* out, bool keep_case = false);

  // The entries of list `name` from all its lines, in file order. NotFound naming the file when
  // it has no such list.
  Status Take(std::string_view name, std::vector<Entry>* entries);
  // The same for a list of single words: InvalidArgument naming file:line for a phrase.
  Status TakeWords(std::string_view name, std::vector<std::string>* words);
  // The same, as a set.
  Status TakeSet(std::string_view name, OwnedWordSet* set);
  // A set whose entries may be phrases, each kept as its words joined by one space ("rebel group").
  Status TakePhraseSet(std::string_view name, OwnedWordSet* set);
  // The names of the lists, in file order (for files whose list names carry a keyword: "rule x").
  std::vector<std::string> Names() const;
  // After the caller has taken every list it knows: InvalidArgument naming file:line of the
  // first list nobody took.
  Status CheckAllTaken() const;

  // "origin:line: ", to start the messages of the caller's own checks.
  std::string Where(int line) const;

 private:
  struct List {
    std::string name;
    int first_line = 0;
    bool taken = false;
    std::vector<Entry> entries;
  };
  List* FindList(std::string_view name);

  std::string origin_;
  std::vector<List> lists_;
};

// A table parsed from a data file compiled into the binary (data/time/phrases.txt,
// data/numbers/quantity.txt), built on first use. The shipped files are checked by the tests; should
// one still be malformed, the process stops with its file:line message rather than run with a table
// missing.
template <typename T>
T* ParseBuiltinOrDie(std::string_view text, const std::string& origin,
                     Status (*parse)(std::string_view, const std::string&, T*)) {
  auto* table = new T();
  if (Status s = parse(text, origin, table); !s.ok()) {
    std::fprintf(stderr, "sitrep: %s\n", s.ToString().c_str());
    std::abort();
  }
  return table;
}

}  // namespace sitrep

#endif  // SITREP_SRC_CORE_WORD_LISTS_H_
