// Pass 0: is the article, and each sentence, about political violence at all (topic.h)?
#include "topic.h"

#include <algorithm>
#include <unordered_map>

#include "article_view.h"
#include "core/strings.h"
#include "patterns.h"
#include "structure.h"

namespace sitrep {
namespace {

// An article without a section is about one domain when that domain's words number at least this
// many and at least kDomainOverConflict times its conflict words (docs/events.md): a sports report
// has dozens, an ACLED note about a market protest three or four.
constexpr int kMinDomainWords = 5;
constexpr int kDomainOverConflict = 2;
// The label of the denials among the phrases of causes_ (a cause is labelled with its list's name).
constexpr const char* kDenial = "denial of a link";
// The sentences one incident's telling spans: a cause or a denial reaches this far.
constexpr size_t kIncidentSentences = 3;

// A metadata value as its text: JSON strings lose their quotes, arrays their brackets ("[\"sport\"]").
std::string MetadataText(std::string value) {
  std::erase_if(value, [](char c) { return c == '"' || c == '[' || c == ']'; });
  return strings::AsciiLower(value);
}

TopicDecision Decide(bool political, std::string reason) { return TopicDecision{political, std::move(reason)}; }

}  // namespace

Status TopicRules::Load(const std::string& path, const Cues& cues) {
  cues_ = &cues;
  WordLists lists;
  if (Status s = WordLists::Load(path, &lists); !s.ok()) return s;
  const std::pair<const char*, OwnedWordSet*> word_sets[] = {
      {"section_fields", &section_fields_},   {"sections_not_political", &sections_not_political_},
      {"conflict_words", &conflict_words_},   {"armed_words", &armed_words_},
      {"unrest_words", &unrest_words_},       {"nonviolent_objects", &nonviolent_objects_},
  };
  for (const auto& [name, set] : word_sets)
    if (Status s = lists.TakeSet(name, set); !s.ok()) return s;
  if (Status s = lists.TakePhraseSet("armed_actor_types", &armed_actor_types_); !s.ok()) return s;
  if (Status s = lists.TakePhraseSet("armed_actor_types_after_cause", &armed_actor_types_after_cause_); !s.ok())
    return s;
  std::vector<WordLists::Entry> denials;
  if (Status s = lists.Take("denials", &denials); !s.ok()) return s;
  std::vector<PhraseIndex::Entry> cause_entries;
  for (WordLists::Entry& e : denials) cause_entries.push_back({std::move(e.words), kDenial});
  for (const std::string& name : lists.Names()) {
    if (name.rfind("domain ", 0) == 0) {
      Domain d{name.substr(7), {}};
      if (Status s = lists.TakeSet(name, &d.words); !s.ok()) return s;
      domains_.push_back(std::move(d));
    } else if (name.rfind("cause ", 0) == 0) {
      std::vector<WordLists::Entry> entries;
      if (Status s = lists.Take(name, &entries); !s.ok()) return s;
      for (WordLists::Entry& e : entries) cause_entries.push_back({std::move(e.words), name.substr(6)});
    }
  }
  causes_ = PhraseIndex(std::move(cause_entries));
  if (domains_.empty()) return Status::Corruption(path + ": no 'domain NAME:' list");
  std::vector<std::pair<std::string, WordTopics>> topics;
  std::unordered_map<std::string, size_t> at;  // word -> index in topics
  auto topics_of = [&](const std::string& w) -> WordTopics& {
    auto [it, added] = at.try_emplace(w, topics.size());
    if (added) topics.emplace_back(w, WordTopics{});
    return topics[it->second].second;
  };
  for (const std::string& w : conflict_words_.words()) topics_of(w).conflict = true;
  for (uint32_t d = 0; d < domains_.size(); ++d)
    for (const std::string& w : domains_[d].words.words()) {
      std::vector<uint32_t>& in = topics_of(w).domains;
      if (in.empty() || in.back() != d) in.push_back(d);
    }
  article_words_ = WordMap<WordTopics>(std::move(topics));
  return lists.CheckAllTaken();
}

std::string TopicRules::SectionOf(const ArticleAnalysis& a) const {
  if (!a.metadata) return "";
  for (const std::string& field : section_fields_.words())
    if (auto it = a.metadata->find(field); it != a.metadata->end()) return MetadataText(it->second);
  return "";
}

TopicDecision TopicRules::ForArticle(const ArticleView& article) const {
  // One pass over the article's words; most are in no list, which one lookup tells.
  int conflict = 0;
  std::vector<int> in_domain(domains_.size(), 0);
  for (const Token& t : article.doc().tokens) {
    const WordTopics* topics = article_words_.Find(t.lower);
    if (!topics) continue;
    conflict += topics->conflict;
    for (uint32_t d : topics->domains) ++in_domain[d];
  }
  const std::string section = SectionOf(article.analysis());
  const Domain* best = nullptr;
  int best_count = 0;
  for (size_t d = 0; d < domains_.size(); ++d) {
    const int n = in_domain[d];
    if (n > best_count || (section == domains_[d].name && n == best_count)) best = &domains_[d], best_count = n;
  }
  const std::string counts = (best ? std::to_string(best_count) + " " + best->name : std::string("no domain")) +
                             " words, " + std::to_string(conflict) + " conflict words";
  if (!section.empty() && sections_not_political_.Contains(section)) {
    if (conflict > best_count) return Decide(true, "section '" + section + "', but " + counts);
    return Decide(false, "section '" + section + "', " + counts);
  }
  if (best_count >= kMinDomainWords && best_count >= kDomainOverConflict * conflict)
    return Decide(false, "about " + best->name + ": " + counts);
  return Decide(true, counts);
}

std::string TopicRules::FirstActorOfType(const ArticleView& article, size_t si, const OwnedWordSet& types) const {
  for (const ActorSpan& a : article.Actors(si))
    if (!a.modifier_only && types.Contains(a.actor.type) && !IsSource(article, si, a))
      return a.actor.text.empty() ? a.actor.id : a.actor.text;
  return "";
}

// "..., police said", "according to the army": who reports the incident is no party to it.
bool TopicRules::IsSource(const ArticleView& article, size_t si, const ActorSpan& a) const {
  const Sentence& s = article.sentence(si);
  const std::vector<Token>& tokens = article.doc().tokens;
  if (a.last < s.last_token) {
    const Token& next = tokens[a.last];
    if (cues_->reporting_verbs.Contains(next.lemma.empty() ? next.lower : next.lemma)) return true;
  }
  uint32_t k = a.first;
  if (k > s.first_token && In(tokens[k - 1].lower, {"the", "a"})) --k;
  return k >= s.first_token + 2 && tokens[k - 1].lower == "to" && tokens[k - 2].lower == "according";
}

void TopicRules::ReadCauses(const ArticleView& article, size_t si, Memo* memo) const {
  if (memo->read[si]) return;
  memo->read[si] = true;
  // One index holds both kinds of phrase: a sentence is read once.
  for (const PhraseIndex::Entry* e : causes_.FindAll(article.doc(), article.sentence(si))) {
    const bool denial = e->label == kDenial;
    if (denial && !memo->denial[si]) memo->denial[si] = e;
    if (!denial && !memo->cause[si]) memo->cause[si] = e;
  }
}

TopicDecision TopicRules::ForSentence(const ArticleView& article, size_t si, const TopicDecision& in_article,
                                      Memo* memo) const {
  if (!in_article.political) {
    std::string armed(article.FirstWordIn(si, armed_words_));
    if (armed.empty()) armed = FirstActorOfType(article, si, armed_actor_types_);
    if (!armed.empty()) return Decide(true, "names armed parties (\"" + armed + "\")");
    return Decide(false, "names no armed party in an article that is not political");
  }
  // A denial speaks of the incident the sentences before it told; a cause, of what the next ones tell
  // ("Explosions tore through an industrial area where toxic chemicals were stored. The blasts killed 50").
  for (size_t j = si; j < std::min(article.size(), si + kIncidentSentences); ++j) {
    ReadCauses(article, j, memo);
    if (const PhraseIndex::Entry* denial = memo->denial[j])
      return Decide(false, "denies a link to the conflict (\"" + strings::JoinWords(denial->words) + "\")");
  }
  const PhraseIndex::Entry* cause = nullptr;
  for (size_t j = si + 1; j-- > 0 && j + kIncidentSentences > si && !cause;) {
    ReadCauses(article, j, memo);
    cause = memo->cause[j];
  }
  if (!cause) return Decide(true, "");
  const std::string why = cause->label + " (\"" + strings::JoinWords(cause->words) + "\")";
  std::string violence(article.FirstWordIn(si, armed_words_));
  if (violence.empty()) violence = FirstActorOfType(article, si, armed_actor_types_after_cause_);
  if (violence.empty()) violence = article.FirstWordIn(si, unrest_words_);
  if (!violence.empty()) return Decide(true, "gives a cause, " + why + ", but names \"" + violence + "\"");
  return Decide(false, "gives a non-violent cause: " + why);
}

ArticleTopic TopicRules::Read(const ArticleView& article) const {
  ArticleTopic t;
  t.article = ForArticle(article);
  t.sentences.reserve(article.size());
  Memo memo(article.size());
  for (size_t si = 0; si < article.size(); ++si) t.sentences.push_back(ForSentence(article, si, t.article, &memo));
  return t;
}

bool TopicRules::HasNonviolentObject(const SentenceView& v, const TriggerMatch& m) const {
  const Sentence& s = v.sentence();
  // The noun phrase right after the trigger: determiners, numbers, adjectives, names and nouns; its
  // head is the last common noun of its first run of nouns ("three EU diplomats", "a cost-cutting deal";
  // "expels diplomats Russia's ministry says" ends at "diplomats").
  uint32_t head = UINT32_MAX;
  bool common = false;
  for (uint32_t k = m.last; k < s.last_token && k < m.last + 8; ++k) {
    const std::string& tag = v.tok(k).tag;
    if (tag == "NN" || tag == "NNS") {
      head = k, common = true;
    } else if (tag == "NNP" || tag == "NNPS") {
      if (common) break;
      head = k;
    } else if (head != UINT32_MAX || !In(tag, {"DT", "CD", "JJ", "PRP$", "POS", "$", "HYPH", "VBN", "VBG"})) {
      break;
    }
  }
  return head != UINT32_MAX && nonviolent_objects_.Contains(v.tok(head).lower);
}

}  // namespace sitrep
