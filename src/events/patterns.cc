#include "patterns.h"

#include <algorithm>
#include <string_view>
#include <utility>
#include <fstream>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "core/strings.h"

namespace sitrep {

using namespace std::string_view_literals;  // tags compared as views of known length
namespace {

using strings::Trim;

using strings::SplitWords;

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// Regular inflections of an English verb or noun; a superset is fine (used only to pre-filter).
void AddInflections(const std::string& w, std::unordered_set<std::string>* out) {
  out->insert(w);
  if (w.size() < 2) return;
  char last = w.back();
  std::string stem_e = last == 'e' ? w.substr(0, w.size() - 1) : w;
  out->insert(w + "s");
  out->insert(w + "es");
  out->insert(stem_e + "ed");
  out->insert(stem_e + "ing");
  if (last == 'y' && !IsVowel(w[w.size() - 2])) {
    std::string stem = w.substr(0, w.size() - 1);
    out->insert(stem + "ies");
    out->insert(stem + "ied");
  }
  // Consonant doubling: "ship" -> "shipped", "ban" -> "banning".
  if (!IsVowel(last) && last != 'w' && last != 'x' && last != 'y' && IsVowel(w[w.size() - 2])) {
    out->insert(w + last + "ed");
    out->insert(w + last + "ing");
  }
}

bool HasNounTag(const Token& t) { return t.tag.starts_with("NN"sv); }

// Tokens that may sit between the words of a multiword trigger: "held a 'productive call' with".
bool IsGapToken(const Token& t) {
  if (t.kind == TokenKind::kPunct) return t.norm == "\"" || t.norm == "'"sv || t.norm == "`"sv;
  // A perfect auxiliary in a passive told from the thing's side: "weapons have been seized".
  if (t.lemma == "have"sv && t.tag.starts_with("VB"sv)) return true;
  if (!t.tag.empty()) {
    // Numbers too: "fired two mortars at", "fired 82mm mortars at".
    return t.tag == "DT"sv || t.tag == "JJ"sv || t.tag == "JJR"sv || t.tag == "JJS"sv || t.tag == "PRP$"sv ||
           t.tag == "RB"sv || t.tag == "CD"sv || t.tag == "``"sv || t.tag == "''"sv || t.tag == "NN"sv;
  }
  return t.lower == "a"sv || t.lower == "an"sv || t.lower == "the"sv || t.lower == "their"sv || t.lower == "its"sv;
}

bool WordMatches(const std::string& w, const Token& t) { return w == t.lemma || w == t.lower; }

// "and" or "," between two numbers: "120mm and 82mm".
bool JoinsNumbers(const Document& doc, const Sentence& s, uint32_t pos) {
  const Token& t = doc.tokens[pos];
  if (t.lower != "and"sv && t.lower != ","sv && t.lower != "or"sv) return false;
  return pos > s.first_token && pos + 1 < s.last_token && doc.tokens[pos - 1].tag == "CD"sv && doc.tokens[pos + 1].tag == "CD"sv;
}

// Whether the token at `pos` may stand between two words of a multiword trigger, counting it in
// `*words`: up to 3 words, not counting numbers and their coordination ("fired 120mm and 82mm mortars
// at" is "fire mortar at"), and at most 8 tokens in all (`*tokens`).
// A quantity told as "a noun of" ("an unspecified number of arms", "several types of weapons", "a
// large cache of ammunition"): the noun and its "of" count as one word.
bool QuantityOf(const Document& doc, const Sentence& s, uint32_t pos) {
  const Token& t = doc.tokens[pos];
  if ((t.tag == "NN"sv || t.tag == "NNS"sv) && pos + 1 < s.last_token) return doc.tokens[pos + 1].lower == "of"sv;
  return t.lower == "of"sv && pos > s.first_token && (doc.tokens[pos - 1].tag == "NN"sv || doc.tokens[pos - 1].tag == "NNS"sv);
}

bool SkipInGap(const Document& doc, const Sentence& s, uint32_t pos, uint32_t* words, uint32_t* tokens) {
  const Token& t = doc.tokens[pos];
  const bool joins = JoinsNumbers(doc, s, pos);
  const bool quantity = QuantityOf(doc, s, pos);
  if (*tokens >= 8 || !(IsGapToken(t) || joins || quantity)) return false;
  const bool counts = t.tag != "CD" && !joins && t.lower != "of";
  if (counts && *words >= 3) return false;
  if (counts) ++*words;
  ++*tokens;
  return true;
}

// SkipInGap with its per-token tests (may the token stand in a gap? does it count as a word there?)
// worked out once per token of the sentence: every candidate pattern of every trigger word asks them again.
class GapTokens {
 public:
  GapTokens(const Document& doc, const Sentence& s) : doc_(doc), s_(s), state_(s.last_token - s.first_token, 0) {}
  bool Skip(uint32_t pos, uint32_t* words, uint32_t* tokens) {
    const uint8_t state = StateOf(pos);
    if (*tokens >= 8 || !(state & kGap)) return false;
    const bool counts = state & kCounts;
    if (counts && *words >= 3) return false;
    if (counts) ++*words;
    ++*tokens;
    return true;
  }

 private:
  enum : uint8_t { kKnown = 1, kGap = 2, kCounts = 4 };
  uint8_t StateOf(uint32_t pos) {
    uint8_t& state = state_[pos - s_.first_token];
    if (state == 0) {
      const Token& t = doc_.tokens[pos];
      const bool joins = JoinsNumbers(doc_, s_, pos);
      const bool gap = IsGapToken(t) || joins || QuantityOf(doc_, s_, pos);
      const bool counts = t.tag != "CD"sv && !joins && t.lower != "of"sv;
      state = kKnown | (gap ? kGap : 0) | (counts ? kCounts : 0);
    }
    return state;
  }
  const Document& doc_;
  const Sentence& s_;
  std::vector<uint8_t> state_;  // per token of the sentence: 0 not yet worked out
};

}  // namespace

static const struct {
  const char* name;
  Frame frame;
} kFrames[] = {
    {"territory", Frame::kTerritory}, {"fall", Frame::kFall},         {"clash", Frame::kClash},
    {"attack", Frame::kAttack},       {"transfer", Frame::kTransfer}, {"retreat", Frame::kRetreat},
    {"consult", Frame::kConsult},     {"communicate", Frame::kCommunicate}, {"support", Frame::kSupport},
    {"coerce", Frame::kCoerce},       {"displace", Frame::kDisplace}, {"protest", Frame::kProtest},
    {"mobilize", Frame::kMobilize},   {"agree", Frame::kAgree},       {"reject", Frame::kReject},
    {"block", Frame::kBlock},
};

Status ParseFrame(const std::string& name, Frame* out) {
  for (const auto& f : kFrames) {
    if (name == f.name) {
      *out = f.frame;
      return Status::OK();
    }
  }
  return Status::InvalidArgument("unknown frame '" + name + "'");
}

const char* FrameName(Frame frame) {
  for (const auto& f : kFrames)
    if (f.frame == frame) return f.name;
  return "?";
}

namespace {

// The 7th field: "agentless: ACTOR_ID", the party when the text names none ("an IED exploded"), or
// "agentless if toll: ACTOR_ID", only when the sentence also gives a toll ("clashes left 5 dead"), or
// "agentless anywhere: ACTOR_ID", even where the sentence says neither where nor what it cost ("two
// pistols were seized": the seizure is the event, wherever it was), or "agentless unless toll:
// ACTOR_ID", only without a toll ("shops were looted" is an event; in "five were killed and houses
// set ablaze" the burning is part of the killing's).
Status ParseAgentless(const std::string& field, const std::string& where, Pattern* p) {
  using When = Pattern::AgentlessWhen;
  static constexpr std::pair<std::string_view, When> kForms[] = {{"agentless:", When::kPlaceOrToll},
                                                                  {"agentless if toll:", When::kIfToll},
                                                                  {"agentless anywhere:", When::kAnywhere},
                                                                  {"agentless unless toll:", When::kUnlessToll}};
  for (const auto& [prefix, when] : kForms) {
    if (field.rfind(prefix, 0) != 0 || Trim(field.substr(prefix.size())).empty()) continue;
    p->agentless_when = when;
    p->agentless.id = std::string(Trim(field.substr(prefix.size())));
    return Status::OK();
  }
  return Status::Corruption(where + ": the 7th field must read 'agentless: ACTOR_ID', 'agentless if toll: ACTOR_ID', "
                                    "'agentless anywhere: ACTOR_ID' or 'agentless unless toll: ACTOR_ID'");
}

// The 6th field: "condition: Event type / Sub-event type; ..." or "-".
Status ParseAcledRules(const std::string& field, const std::string& where, Pattern* p) {
  if (field == "-") return Status::OK();
  for (const std::string& rule : strings::SplitTrimmed(field, ';')) {
    const size_t colon = rule.find(':');
    const size_t slash = rule.find(" / ");
    if (colon == std::string::npos || slash == std::string::npos || slash < colon)
      return Status::Corruption(where + ": ACLED rule must read 'condition: Event type / Sub-event type'");
    AcledRule r{std::string(Trim(rule.substr(0, colon))), std::string(Trim(rule.substr(colon + 1, slash - colon - 1))),
                std::string(Trim(rule.substr(slash + 3)))};
    if (r.condition != "state" && r.condition != "civilians" && r.condition != "armed" &&
        r.condition != "insurgent" && r.condition != "default")
      return Status::Corruption(where + ": unknown ACLED condition '" + r.condition + "'");
    p->acled.push_back(r);
  }
  return Status::OK();
}

// One line's fields (all but the lemmas) into the pattern every lemma sequence of the line shares.
Status ParseFields(const std::vector<std::string>& f, const std::string& where, Pattern* proto) {
  if (f.size() == 7)
    if (Status s = ParseAgentless(std::string(Trim(f[6])), where, proto); !s.ok()) return s;
  for (const std::string& pos : SplitWords(f[1])) {
    if (pos == "V") proto->verb = true;
    else if (pos == "N") proto->noun = true;
    else return Status::Corruption(fmt::format("{}: part of speech must be V or N, not '{}'", where, pos));
  }
  if (Status s = ParseFrame(f[2], &proto->frame); !s.ok()) return Status::Corruption(where + ": " + s.message());
  if (proto->frame == Frame::kBlock) return Status::OK();
  const size_t slash = f[3].find('/');
  if (slash == std::string::npos) return Status::Corruption(where + ": PLOVER field must be TYPE/mode");
  proto->plover_type = Trim(f[3].substr(0, slash));
  proto->plover_mode = Trim(f[3].substr(slash + 1));
  proto->cameo = f[4];
  return ParseAcledRules(f[5], where, proto);
}

// data/events/patterns.txt: one pattern per lemma sequence of each line.
Status ReadPatterns(const std::string& path, std::vector<Pattern>* out) {
  std::ifstream in(path);
  if (!in) return Status::NotFound(path + ": cannot open event patterns");
  std::string line;
  for (int lineno = 1; std::getline(in, line); ++lineno) {
    const std::string t(Trim(line));
    if (t.empty() || t[0] == '#') continue;
    const std::string where = fmt::format("{}:{}", path, lineno);
    const std::vector<std::string> f = strings::SplitTrimmed(t, '|');
    if (f.size() != 6 && f.size() != 7)
      return Status::Corruption(fmt::format("{}: expected 6 or 7 '|'-separated fields, found {}", where, f.size()));
    Pattern proto;
    proto.source = where;
    if (Status s = ParseFields(f, where, &proto); !s.ok()) return s;
    for (const std::string& alt : strings::SplitTrimmed(f[0], ',')) {
      Pattern p = proto;
      p.words = SplitWords(alt);
      if (p.words.empty()) return Status::Corruption(where + ": empty trigger in lemma list");
      out->push_back(std::move(p));
    }
  }
  return Status::OK();
}

// data/events/irregular_verbs.txt ("lemma: form form"): irregular form -> lemma, for the lemmas some
// pattern starts with.
template <typename Known>
Status ReadIrregularForms(const std::string& path, const Known& first_lemma,
                          std::unordered_map<std::string, std::string>* irregular) {
  std::ifstream in(path);
  if (!in) return Status::NotFound(path + ": cannot open");
  std::string line;
  for (int lineno = 1; std::getline(in, line); ++lineno) {
    const std::string t(Trim(line));
    if (t.empty() || t[0] == '#') continue;
    const size_t colon = t.find(':');
    if (colon == std::string::npos) return Status::Corruption(fmt::format("{}:{}: expected 'lemma: forms'", path, lineno));
    const std::string lemma(Trim(t.substr(0, colon)));
    if (!first_lemma.count(lemma)) continue;
    for (const std::string& form : SplitWords(t.substr(colon + 1))) irregular->emplace(form, lemma);
  }
  return Status::OK();
}

template <typename Map>
auto Freeze(Map& map) {
  using V = typename Map::mapped_type;
  std::vector<std::pair<std::string, V>> entries(std::make_move_iterator(map.begin()), std::make_move_iterator(map.end()));
  return WordMap<V>(std::move(entries));
}

}  // namespace

Status EventExtractor::Patterns::Load(const std::string& dir) {
  std::vector<Pattern> loaded;
  if (Status s = ReadPatterns(dir + "/events/patterns.txt", &loaded); !s.ok()) return s;
  patterns = std::move(loaded);
  // Built in ordinary maps, then frozen into WordMaps (the lookups run on every token).
  std::unordered_map<std::string, std::vector<const Pattern*>> first_lemma;
  std::unordered_map<std::string, std::unordered_set<std::string>> seconds;  // lemma -> telling later words
  for (const Pattern& p : patterns) {
    if (p.frame == Frame::kReject && !walkout) walkout = &p;
    first_lemma[p.words[0]].push_back(&p);
    // The longest later word is the most telling one ("call" in "hold a call").
    std::string telling;
    for (size_t w = 1; w < p.words.size(); ++w)
      if (p.words[w].size() > telling.size()) telling = p.words[w];
    seconds[p.words[0]].insert(telling);
  }
  std::unordered_map<std::string, std::string> irregular;
  if (Status s = ReadIrregularForms(dir + "/events/irregular_verbs.txt", first_lemma, &irregular); !s.ok()) return s;
  BuildPreFilter(seconds, irregular);
  IndexBySecondWord(first_lemma);
  by_first_lemma = Freeze(first_lemma);
  irregular_lemma = Freeze(irregular);
  return Status::OK();
}

void EventExtractor::Patterns::IndexBySecondWord(
    const std::unordered_map<std::string, std::vector<const Pattern*>>& first_lemma) {
  std::unordered_map<std::string, std::vector<uint32_t>> second, singles;
  for (const auto& [first, list] : first_lemma) {
    if (list.size() < kIndexedCandidates) continue;
    std::vector<uint32_t>& one = singles[first];
    for (uint32_t k = 0; k < list.size(); ++k) {
      if (list[k]->words.size() == 1) one.push_back(k);
      else second[first + " " + list[k]->words[1]].push_back(k);
    }
  }
  by_first_second = Freeze(second);
  single_words = Freeze(singles);
}

// The pre-filter's tables: every inflected or irregular form of a first lemma -> the telling words
// its multiword patterns need nearby; the forms of the patterns that need no named party.
void EventExtractor::Patterns::BuildPreFilter(
    const std::unordered_map<std::string, std::unordered_set<std::string>>& seconds,
    const std::unordered_map<std::string, std::string>& irregular) {
  std::unordered_map<std::string, std::vector<std::string>> forms_need;
  auto add_form = [&](const std::string& lemma, const std::string& form) {
    std::vector<std::string>& need = forms_need[form];
    for (const std::string& w : seconds.at(lemma))
      if (std::find(need.begin(), need.end(), w) == need.end()) need.push_back(w);
  };
  for (const auto& [lemma, unused] : seconds) {
    std::unordered_set<std::string> forms;
    AddInflections(lemma, &forms);
    for (const std::string& f : forms) add_form(lemma, f);
  }
  for (const auto& [form, lemma] : irregular) add_form(lemma, form);
  surface_forms = Freeze(forms_need);

  std::unordered_set<std::string> lemmas, forms;
  // A pattern that needs a toll to stand without a party needs a count, and a sentence with a count is
  // tagged anyway: only the others make a sentence worth tagging on their own.
  for (const Pattern& p : patterns)
    if (!p.agentless.id.empty() && p.agentless_when != Pattern::AgentlessWhen::kIfToll) lemmas.insert(p.words.front());
  for (const std::string& l : lemmas) AddInflections(l, &forms);
  for (const auto& [form, lemma] : irregular)
    if (lemmas.count(lemma)) forms.insert(form);
  std::vector<std::pair<std::string, char>> entries;
  for (const std::string& f : forms) entries.emplace_back(f, 1);
  agentless_forms = WordMap<char>(std::move(entries));
}

bool EventExtractor::Patterns::MayMatch(const Document& doc, const Sentence& s) const {
  for (uint32_t i = s.first_token; i < s.last_token; ++i) {
    const std::vector<std::string>* need = surface_forms.Find(doc.tokens[i].lower);
    if (!need) continue;
    for (const std::string& second : *need) {
      if (second.empty()) return true;
      // The telling word (a particle or noun, rarely inflected) within a few tokens; the prefix test
      // lets "talks" satisfy "talk" and "sanctions" satisfy "sanction".
      for (uint32_t j = i + 1; j < s.last_token && j <= i + 9; ++j)
        if (doc.tokens[j].lower.rfind(second, 0) == 0) return true;
    }
  }
  return false;
}

// The indices, in file order, of the patterns starting with `first` that can match at token i: the
// one-word ones, and those whose second word is a token within reach (the next token, or one after
// gap tokens only, as Find's matching allows). The others would fail; trying them costs the most
// where generated alternatives are many ("fire mortar at", "seize weapons"...).
void EventExtractor::Patterns::PickBySecondWord(const Document& doc, const Sentence& s, uint32_t i,
                                                const std::string& first, std::vector<uint32_t>* out) const {
  out->clear();
  if (const std::vector<uint32_t>* one = single_words.Find(first)) out->assign(one->begin(), one->end());
  std::string key = first + " ";
  const size_t stem = key.size();
  for (uint32_t pos = i + 1, gap_words = 0, gap_tokens = 0; pos < s.last_token; ++pos) {
    const Token& t = doc.tokens[pos];
    for (const std::string* form : {&t.lemma, &t.lower}) {
      if (form->empty() || (form == &t.lower && t.lower == t.lemma)) continue;
      key.resize(stem);
      key += *form;
      if (const std::vector<uint32_t>* with = by_first_second.Find(key)) out->insert(out->end(), with->begin(), with->end());
    }
    if (!SkipInGap(doc, s, pos, &gap_words, &gap_tokens)) break;
  }
  std::sort(out->begin(), out->end());
  out->erase(std::unique(out->begin(), out->end()), out->end());
}

std::vector<TriggerMatch> EventExtractor::Patterns::Find(const Document& doc, const Sentence& s) const {
  std::vector<TriggerMatch> out;
  GapTokens gaps(doc, s);
  std::vector<uint32_t> picked;
  for (uint32_t i = s.first_token; i < s.last_token; ++i) {
    const Token& t = doc.tokens[i];
    const bool tagged = !t.tag.empty();
    // A participle the tagger read as an adjective ("was beaten/JJ to death") may still be the verb;
    // SelectTriggers drops those that only describe a noun ("the occupied territories").
    const bool is_verb = !tagged || t.tag.starts_with("VB"sv) || (t.tag == "JJ"sv && strings::HasParticipleEnding(t.lower));
    const bool is_noun = !tagged || t.tag.starts_with("NN"sv);
    TriggerMatch best;
    auto consider = [&](const std::string& key) {
      const std::vector<const Pattern*>* candidates = by_first_lemma.Find(key);
      if (!candidates) return;
      const bool indexed = candidates->size() >= kIndexedCandidates;
      if (indexed) PickBySecondWord(doc, s, i, key, &picked);
      const size_t n = indexed ? picked.size() : candidates->size();
      for (size_t c = 0; c < n; ++c) {
        const Pattern* p = (*candidates)[indexed ? picked[c] : c];
        const bool first_fits = (p->verb && is_verb) || (p->noun && is_noun);
        // A multiword noun is a noun by its head: "chemical/JJ attack", "improvised/VBN explosive device".
        const bool head_may_fit = p->noun && p->words.size() > 1;
        if (!first_fits && !head_may_fit) continue;
        uint32_t pos = i + 1;
        bool ok = true;
        for (size_t w = 1; w < p->words.size() && ok; ++w) {
          uint32_t gap_words = 0, gap_tokens = 0;
          while (pos < s.last_token && !WordMatches(p->words[w], doc.tokens[pos]) &&
                 gaps.Skip(pos, &gap_words, &gap_tokens))
            ++pos;
          ok = pos < s.last_token && WordMatches(p->words[w], doc.tokens[pos]);
          ++pos;
        }
        if (!ok) continue;
        if (!first_fits && !HasNounTag(doc.tokens[pos - 1])) continue;
        bool longer = !best.pattern || p->words.size() > best.pattern->words.size();
        if (longer) best = TriggerMatch{p, i, pos, first_fits ? i : pos - 1};
      }
    };
    if (!t.lemma.empty()) consider(t.lemma);
    if (t.lower != t.lemma) consider(t.lower);
    if (const std::string* irr = irregular_lemma.Find(t.lower); irr && *irr != t.lemma) consider(*irr);
    if (best.pattern) {
      out.push_back(best);
      i = best.last - 1;
    }
  }
  return out;
}

}  // namespace sitrep
