// PlaceCues: loading data/places/cues.txt and matching its phrases on tokens.
#include "place_cues.h"

#include <algorithm>
#include <utility>

#include "core/strings.h"

namespace sitrep {
namespace {

Status TakePhrases(WordLists* lists, std::string_view name, PlaceCues::Phrases* out) {
  std::vector<WordLists::Entry> entries;
  if (Status s = lists->Take(name, &entries); !s.ok()) return s;
  std::vector<std::string> words;
  for (WordLists::Entry& e : entries) {
    if (e.words.size() == 1) words.push_back(std::move(e.words[0]));
    else out->phrases.push_back(std::move(e.words));
  }
  out->words = OwnedWordSet(std::move(words));
  std::vector<std::string> firsts, lasts;
  for (const std::vector<std::string>& phrase : out->phrases) {
    if (phrase.empty()) continue;  // entries have words: a list line is never empty
    firsts.push_back(phrase.front());
    lasts.push_back(phrase.back());
  }
  out->first_words = OwnedWordSet(std::move(firsts));
  out->last_words = OwnedWordSet(std::move(lasts));
  return Status::OK();
}

struct TypeList {
  const char* kind;  // as in the list name "type <kind> before"
  TypeCue type;
};

// The lists "type <kind> <side>" of `kinds`, as one map: a word may name one kind only.
Status TakeTypes(WordLists* lists, std::string_view side, std::initializer_list<TypeList> kinds,
                 WordMap<TypeCue>* out) {
  std::vector<std::pair<std::string, TypeCue>> entries;
  for (const TypeList& k : kinds) {
    const std::string name = "type " + std::string(k.kind) + " " + std::string(side);
    std::vector<WordLists::Entry> words;
    if (Status s = lists->Take(name, &words); !s.ok()) return s;
    for (WordLists::Entry& e : words) {
      const std::string where = lists->Where(e.line);
      if (e.words.size() != 1) return Status::InvalidArgument(where + "list '" + name + "' takes single words");
      for (const auto& [word, type] : entries)
        if (word == e.words[0])
          return Status::InvalidArgument(where + "'" + word + "' names two kinds of place " + std::string(side));
      entries.emplace_back(std::move(e.words[0]), k.type);
    }
  }
  *out = WordMap<TypeCue>(std::move(entries));
  return Status::OK();
}

// Whether the words of `phrase` are the lower-cased tokens from `first` on.
bool PhraseAt(const std::vector<Token>& tokens, size_t first, const std::vector<std::string>& phrase) {
  if (first + phrase.size() > tokens.size()) return false;
  for (size_t k = 0; k < phrase.size(); ++k)
    if (tokens[first + k].lower != phrase[k]) return false;
  return true;
}

}  // namespace

Status PlaceCues::Load(const std::string& path, std::unique_ptr<PlaceCues>* out) {
  WordLists lists;
  Status s = WordLists::Load(path, &lists);
  auto cues = std::make_unique<PlaceCues>();
  if (s.ok()) s = lists.TakeSet("direction", &cues->direction_);
  if (s.ok()) s = lists.TakeSet("locative", &cues->locative_);
  if (s.ok()) s = lists.TakeSet("origin", &cues->origin_);
  if (s.ok()) s = TakePhrases(&lists, "near before", &cues->near_before_);
  if (s.ok()) s = TakePhrases(&lists, "near after", &cues->near_after_);
  if (s.ok()) s = lists.TakeSet("route after", &cues->route_after_);
  if (s.ok()) {
    s = TakeTypes(&lists, "before",
                  {{"town", kTypeTown}, {"capital", kTypeCapital}, {"admin2", kTypeAdmin2}, {"admin1", kTypeAdmin1}},
                  &cues->type_before_);
  }
  if (s.ok()) {
    s = TakeTypes(&lists, "after", {{"town", kTypeTown}, {"admin2", kTypeAdmin2}, {"admin1", kTypeAdmin1}},
                  &cues->type_after_);
  }
  if (s.ok()) s = cues->TakeCountryWords(&lists);
  if (s.ok()) s = cues->TakeProvinceWords(&lists);
  if (s.ok()) s = cues->TakeNameParticles(&lists);
  if (s.ok()) s = lists.CheckAllTaken();
  if (s.ok()) *out = std::move(cues);
  return s;
}

// The list "name particle": lowercase words ending with a hyphen ("al-").
Status PlaceCues::TakeNameParticles(WordLists* lists) {
  std::vector<WordLists::Entry> entries;
  if (Status s = lists->Take("name particle", &entries); !s.ok()) return s;
  for (WordLists::Entry& e : entries) {
    if (e.words.size() != 1 || e.words[0].size() < 2 || e.words[0].back() != '-')
      return Status::InvalidArgument(lists->Where(e.line) + "a name particle is one word ending with '-' (\"al-\")");
    if (!e.words[0].empty()) particle_first_byte_[static_cast<unsigned char>(e.words[0][0])] = true;
    name_particles_.push_back(std::move(e.words[0]));
  }
  return Status::OK();
}

bool PlaceCues::StartsWithNameParticle(std::string_view word) const {
  if (word.empty() || !particle_first_byte_[static_cast<unsigned char>(word[0])]) return false;
  for (const std::string& p : name_particles_) {
    if (word.size() > p.size() && word.compare(0, p.size(), p) == 0) {
      const char next = word[p.size()];
      return next >= 'A' && next <= 'Z';
    }
  }
  return false;
}

namespace {

bool IsCountryCode(std::string_view cc) {
  return cc.size() == 2 && cc[0] >= 'A' && cc[0] <= 'Z' && cc[1] >= 'A' && cc[1] <= 'Z';
}

// "CD.11": a country code, a dot, an admin1 code.
bool IsAdmin1Code(std::string_view code) {
  return code.size() > 3 && code[2] == '.' && IsCountryCode(code.substr(0, 2));
}

// The entries of the lists named "<prefix><code>" (the code upper-cased and checked by `valid`; `want` says
// what a list name should be), each with its code, in file order, and the index of their first words.
Status TakeCodedLists(WordLists* lists, std::string_view prefix, bool (*valid)(std::string_view), const char* want,
                      std::vector<std::pair<std::vector<std::string>, std::string>>* entries,
                      WordMap<std::vector<uint32_t>>* first_words) {
  std::vector<std::pair<std::string, std::vector<uint32_t>>> first;
  for (const std::string& name : lists->Names()) {
    if (name.compare(0, prefix.size(), prefix) != 0) continue;
    std::vector<WordLists::Entry> taken;
    if (Status s = lists->Take(name, &taken); !s.ok()) return s;
    const std::string code = strings::AsciiUpper(std::string_view(name).substr(prefix.size()));
    if (!valid(code) && !taken.empty())
      return Status::InvalidArgument(lists->Where(taken[0].line) + "list '" + name + "': want " + want);
    for (WordLists::Entry& e : taken) {
      const uint32_t index = static_cast<uint32_t>(entries->size());
      auto it = std::find_if(first.begin(), first.end(), [&](const auto& f) { return f.first == e.words[0]; });
      if (it == first.end()) first.emplace_back(e.words[0], std::vector<uint32_t>{index});
      else it->second.push_back(index);
      entries->emplace_back(std::move(e.words), code);
    }
  }
  *first_words = WordMap<std::vector<uint32_t>>(std::move(first));
  return Status::OK();
}

}  // namespace

// The lists "country XX" (XX an ISO 3166-1 alpha-2 code): their names indexed by first word.
Status PlaceCues::TakeCountryWords(WordLists* lists) {
  std::vector<std::pair<std::vector<std::string>, std::string>> entries;
  if (Status s = TakeCodedLists(lists, "country ", IsCountryCode, "'country XX', XX a two-letter country code",
                                &entries, &country_first_);
      !s.ok())
    return s;
  for (auto& [words, cc] : entries) country_words_.push_back(CountryWord{std::move(words), cc});
  return Status::OK();
}

// The lists "province XX.A1": group names that act in one province.
Status PlaceCues::TakeProvinceWords(WordLists* lists) {
  std::vector<std::pair<std::vector<std::string>, std::string>> entries;
  if (Status s = TakeCodedLists(lists, "province ", IsAdmin1Code,
                                "'province XX.A1', XX a two-letter country code, A1 its admin1 code", &entries,
                                &province_first_);
      !s.ok())
    return s;
  for (auto& [words, code] : entries)
    province_words_.push_back(ProvinceWord{std::move(words), code.substr(0, 2), code.substr(3)});
  return Status::OK();
}

void PlaceCues::ProvinceWordsIn(const std::vector<Token>& tokens,
                                std::vector<std::pair<std::string_view, std::string_view>>* out) const {
  if (province_words_.empty()) return;
  for (uint32_t i = 0; i < tokens.size();) {
    const std::vector<uint32_t>* candidates = province_first_.Find(tokens[i].lower);
    uint32_t len = 0;
    const ProvinceWord* best = nullptr;
    if (candidates) {
      for (uint32_t k : *candidates) {
        const ProvinceWord& w = province_words_[k];
        const uint32_t n = static_cast<uint32_t>(w.words.size());
        if (n > len && PhraseAt(tokens, i, w.words)) len = n, best = &w;
      }
    }
    if (best) out->emplace_back(best->cc, best->a1);
    i += len > 0 ? len : 1;
  }
}

uint32_t PlaceCues::CountryWordAt(const std::vector<Token>& tokens, uint32_t i, std::vector<std::string_view>* ccs) const {
  const std::vector<uint32_t>* candidates = country_first_.Find(tokens[i].lower);
  if (!candidates) return 0;
  uint32_t len = 0;
  const size_t start = ccs->size();
  for (uint32_t k : *candidates) {
    const CountryWord& w = country_words_[k];
    const uint32_t n = static_cast<uint32_t>(w.words.size());
    if (n < len || !PhraseAt(tokens, i, w.words)) continue;
    if (n > len) ccs->resize(start), len = n;
    if (std::find(ccs->begin() + static_cast<std::ptrdiff_t>(start), ccs->end(), w.cc) == ccs->end()) ccs->push_back(w.cc);
  }
  return len;
}

bool PlaceCues::NearBefore(const std::vector<Token>& tokens, uint32_t first) const {
  if (first == 0) return false;
  if (first > tokens.size()) return false;
  const std::string& before = tokens[first - 1].lower;
  if (near_before_.words.Contains(before)) return true;
  if (!near_before_.last_words.Contains(before)) return false;
  for (const auto& phrase : near_before_.phrases)
    if (first >= phrase.size() && PhraseAt(tokens, first - phrase.size(), phrase)) return true;
  return false;
}

bool PlaceCues::NearAfter(const std::vector<Token>& tokens, uint32_t last) const {
  if (last >= tokens.size()) return false;
  const std::string& after = tokens[last].lower;
  if (near_after_.words.Contains(after)) return true;
  if (!near_after_.first_words.Contains(after)) return false;
  for (const auto& phrase : near_after_.phrases)
    if (PhraseAt(tokens, last, phrase)) return true;
  return false;
}

}  // namespace sitrep
