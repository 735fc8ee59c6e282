// Named word lists in analyst-editable text files (data/events/cues.txt, data/events/conventions.txt):
// one list per line, "name: word word ...". A name given twice extends its list. Errors name the
// file and line.
#ifndef SITREP_SRC_EVENTS_WORD_LISTS_H_
#define SITREP_SRC_EVENTS_WORD_LISTS_H_

#include <functional>
#include <string>
#include <vector>

#include "sitrep/status.h"
#include "sitrep/word_set.h"

namespace sitrep {

// A list as written in its file (order kept, for the few rules that walk it) and as a set.
// Not copyable: the set points into the words.
struct WordList {
  WordList() = default;
  WordList(const WordList&) = delete;
  WordList& operator=(const WordList&) = delete;
  WordList(WordList&&) = default;
  WordList& operator=(WordList&&) = default;
  std::vector<std::string> words;
  WordSet set;
  bool Contains(std::string_view w) const { return set.Contains(w); }
};

// One line of a list file: its keyword ("" when none), list name and words, and where it stands.
struct ListLine {
  std::string keyword;  // a leading word before the name when the file uses them ("set", "rule")
  std::string name;
  std::string body;     // everything after the colon, trimmed
  std::string where;    // "path:line", for error messages
};

// Reads every non-comment line of `path` as "[keyword] name: body" and hands it to `on_line`; the
// first error (from the file or from `on_line`) stops the reading. `keywords` lists the leading
// words the file may use (empty: none).
Status ReadListFile(const std::string& path, const std::vector<std::string>& keywords,
                    const std::function<Status(const ListLine&)>& on_line);

// The whitespace-separated words of `body`; a value in double quotes may hold spaces ("rebel group").
std::vector<std::string> WordsOf(const std::string& body);

// Binds list names to WordList slots: fills them from ListLines and checks that every bound list
// was given (a missing list is an error naming the file, so an analyst's typo cannot silently
// empty a rule).
class WordListBinder {
 public:
  void Bind(const std::string& name, WordList* slot) { slots_.push_back({name, slot, false}); }
  Status Add(const ListLine& line);       // unknown name: an error naming the line
  Status CheckComplete(const std::string& path);  // also freezes the sets

 private:
  struct Slot {
    std::string name;
    WordList* list;
    bool seen;
  };
  std::vector<Slot> slots_;
};

}  // namespace sitrep

#endif  // SITREP_SRC_EVENTS_WORD_LISTS_H_
