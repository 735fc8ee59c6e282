// Passes 5 and 7: the tolls of events, in their sentence and in the next one.
#include <algorithm>

#include "passes.h"
#include "sitrep/numbers.h"

namespace sitrep {
namespace {

// Whether count `c` lies inside or right next to one of the event's named parties.
bool NearParty(const CountSpan& c, const RoleTuple& roles) {
  for (const Arg* party : {roles.actor1, roles.actor2}) {
    if (!party || party->pronoun) continue;
    if (c.first <= party->last + 1 && c.last + 3 >= party->first) return true;
  }
  return false;
}

// The dead and wounded are the toll of fighting, assaults and riots (conventions.txt toll_types);
// abductions and arrests may also be coercion's ("looted homes and killed 7": the 7 are not the looting's).
bool IsTollOf(const CountSpan& c, const Pattern& p, const Conventions& conventions) {
  return (conventions.casualty_roles.Contains(c.role) && conventions.toll_types.Contains(p.plover_type)) ||
         (conventions.captive_roles.Contains(c.role) && conventions.coercive_types.Contains(p.plover_type));
}

// Whether casualty count `c` is what a protest is about: a grievance phrase (cues.txt) in its clause before
// it, or starting it ("the killing of 3 miners"). The clause ends at the last comma or semicolon.
bool IsProtestGrievance(const ArticleView& article, size_t si, const CountSpan& c, const Cues& cues) {
  constexpr uint32_t kWindow = 8;
  const Document& doc = article.doc();
  const Sentence& s = article.sentence(si);
  uint32_t from = c.first > s.first_token + kWindow ? c.first - kWindow : s.first_token;
  for (uint32_t k = c.first; k > from; --k) {
    const std::string& w = doc.tokens[k - 1].norm;
    if (w == "," || w == ";") {
      from = k;
      break;
    }
  }
  const uint32_t to = std::min(c.first + 3, s.last_token);
  return cues.grievance_phrases.FindIn(doc, s, from, to) != nullptr;
}

// Whom a toll names: a group ("killing 8 civilians", "2 SDF fighters"), or people with no group
// ("killed 20 people", "three Palestinians", "one Iraqi" naming a state).
struct Victims {
  const ActorSpan* group = nullptr;
  bool people = false;
  std::string_view people_words;  // the words that counted them ("people", "Palestinians"): their evidence
};

void ReadVictims(const ArticleView& article, size_t si, const CountSpan& c, const Cues& cues, Victims* v) {
  const Document& doc = article.doc();
  if (!v->group && !v->people && c.noun_first < c.noun_last && cues.people_nouns.Contains(doc.tokens[c.noun_first].lower)) {
    v->people = true;
    v->people_words = Surface(doc, c.noun_first, c.noun_last);
  }
  if (!v->people) {
    for (const PlaceSpan& d : article.Places(si))
      if (d.is_demonym && d.first >= c.first && d.last <= c.last) {
        v->people = true;
        v->people_words = Surface(doc, d.first, d.last);
      }
  }
  if (v->group) return;
  for (const ActorSpan& x : article.Actors(si)) {
    if (x.actor.id.empty() || x.modifier_only || x.first < c.first || x.last > c.last) continue;
    // A state is no victim: "left one Iraqi dead", "killing three Palestinians" name people.
    if (x.actor.type == "state") {
      v->people = true;
      if (v->people_words.empty()) v->people_words = Surface(doc, x.first, x.last);
    } else {
      v->group = &x;
    }
  }
}

// "shelled the town, injuring 5 civilians", "a drone strike ..., killing 2 SDF fighters": whoever the
// toll names is the event's target when the text names no other; a toll of people counts civilians.
bool NameVictims(const Victims& victims, const EventRules& rules, Event* e) {
  if (!victims.group && victims.people && e->actor2.empty()) {
    ImplyCivilianTarget(rules.conventions, rules.lookup, e);
    if (!e->actor2.empty()) {
      e->actor2.text = std::string(victims.people_words);  // the toll named them
      return true;
    }
  }
  if (victims.group && e->actor2.empty() && e->actor1.id != victims.group->actor.id) {
    e->actor2 = victims.group->actor;
    return true;
  }
  return false;
}

// Whether a singular noun phrase's head follows from token j on: "elderly woman", "FARDC soldier",
// "17 year-old", "head of the household" (adjectives, numbers and noun modifiers before a singular noun;
// an age word may be the head).
bool SingularHeadFrom(const Document& doc, const Sentence& s, uint32_t j, const Cues& cues) {
  for (const uint32_t end = std::min(s.last_token, j + 5); j < end; ++j) {
    const Token& t = doc.tokens[j];
    const bool noun_follows = j + 1 < s.last_token && doc.tokens[j + 1].tag.rfind("NN", 0) == 0;
    if (t.tag.rfind("NN", 0) == 0 && noun_follows) continue;  // a modifier: "a FARDC soldier"
    if (t.tag == "NN" || t.tag == "NNP") return true;          // the singular head
    if (cues.age_words.Contains(t.lower)) {
      if (!noun_follows) return true;  // "a 17 year-old": the age is the person
      continue;
    }
    if (t.tag != "JJ" && t.tag != "CD" && t.tag != "HYPH" && t.norm != "-") return false;
  }
  return false;
}

// Whether a noun phrase of one person starts at token k: "a man", "an elderly woman", "the chief of
// Irango", "another", "him", "31yo man" (cues.txt one_victim_determiners, one_victim_pronouns, age_words).
bool OnePersonAt(const Document& doc, const Sentence& s, uint32_t k, const Cues& cues) {
  if (k >= s.last_token) return false;
  const Token& t = doc.tokens[k];
  const bool noun_follows = k + 1 < s.last_token && (doc.tokens[k + 1].tag.rfind("NN", 0) == 0 ||
                                                      doc.tokens[k + 1].tag == "JJ" || doc.tokens[k + 1].tag == "CD");
  if (cues.one_victim_pronouns.Contains(t.lower) && !noun_follows) return true;
  // A proper noun may head the phrase: titles ("the President of the association"), nationalities.
  if (cues.one_victim_determiners.Contains(t.lower)) return SingularHeadFrom(doc, s, k + 1, cues);
  // An age with no determiner: "killed 31yo man", "stabbed to death 69yo man".
  return t.tag == "CD" && k + 1 < s.last_token && cues.age_words.Contains(doc.tokens[k + 1].lower) &&
         SingularHeadFrom(doc, s, k + 1, cues);
}

// "abducted three boys ... and killed them": the last group of people the sentence counted before token k
// (a number before a plural noun), which a pronoun there stands for.
std::optional<int64_t> GroupCountedBefore(const Document& doc, const Sentence& s, uint32_t k,
                                          std::span<const ActorSpan> actors) {
  constexpr uint32_t kNounWithin = 3;
  // A number inside an actor's mention counts the killers ("three gunmen ... killed them"), not victims.
  auto in_actor = [&](uint32_t j) {
    return std::any_of(actors.begin(), actors.end(), [&](const ActorSpan& x) { return x.first <= j && j < x.last; });
  };
  for (uint32_t j = k; j > s.first_token;) {
    --j;
    if (doc.tokens[j].tag != "CD" || in_actor(j)) continue;
    const std::optional<int64_t> n = ParseCardinalToken(doc.tokens[j].lower);
    if (!n || *n < 2) continue;
    for (uint32_t h = j + 1; h < k && h <= j + kNounWithin; ++h)
      if (doc.tokens[h].tag == "NNS") return n;
  }
  return std::nullopt;
}

// How many people the lethal trigger's object at token k names when no number counts them: one, or the
// group a pronoun stands for ("them", cues.txt group_victim_pronouns).
std::optional<int64_t> VictimsNamedAt(const ArticleView& article, size_t si, uint32_t k, const Cues& cues) {
  const Document& doc = article.doc();
  const Sentence& s = article.sentence(si);
  if (OnePersonAt(doc, s, k, cues)) return 1;
  if (k < s.last_token && cues.group_victim_pronouns.Contains(doc.tokens[k].lower))
    return GroupCountedBefore(doc, s, k, article.Actors(si));
  return std::nullopt;
}

// "gunmen shot dead a man", "a soldier was killed by ...": a killing of one person named so is a toll
// of one, which no number says (cues.txt lethal_triggers).
void CountSingleVictim(const ArticleView& article, size_t si, const TriggerMatch& m, const Cues& cues, Event* e) {
  if (!e->counts.killed.empty() || !cues.lethal_triggers.Contains(e->trigger)) return;
  const Document& doc = article.doc();
  const Sentence& s = article.sentence(si);
  const uint32_t first = m.first;
  std::optional<int64_t> victims = VictimsNamedAt(article, si, m.last, cues);  // active: the object
  if (!victims) {
    // Passive: "a soldier was killed".
    uint32_t k = first;
    while (k > s.first_token && (doc.tokens[k - 1].lemma == "be" || doc.tokens[k - 1].tag == "RB")) --k;
    if (k < first) {
      for (uint32_t start = k > s.first_token + 5 ? k - 5 : s.first_token; start + 1 < k && !victims; ++start)
        if (OnePersonAt(doc, s, start, cues)) victims = 1;
    }
  }
  if (victims) e->counts.killed = Estimate{*victims, *victims, *victims};
}

// Whether count mention `c` of sentence `si` begins with a phrase that states the figure to use
// (cues.txt `context stated_toll`: "coded as one fatality per day").
bool IsStatedFigure(const ArticleView& article, size_t si, const Cues& cues, const CountMention& c) {
  const auto list = cues.context.find("stated_toll");
  if (list == cues.context.end()) return false;
  const Sentence& s = article.sentence(si);
  return std::any_of(list->second.phrases.begin(), list->second.phrases.end(), [&](const Cues::Phrase& p) {
    return Cues::PhraseAt(p, article.doc(), s, c.first_token, /*forms_only=*/false);
  });
}

// "Two soldiers were killed during the clashes, which lasted two days (coded as one fatality per day)": a
// figure the text states as the one to use replaces the others of its role, which MergeCounts would
// otherwise read as restatements and keep the larger of.
void KeepStatedFigures(const ArticleView& article, size_t si, const Cues& cues, std::vector<CountMention>* toll) {
  std::vector<bool> stated(toll->size());
  std::vector<std::string> stated_roles;
  for (size_t i = 0; i < toll->size(); ++i) {
    stated[i] = IsStatedFigure(article, si, cues, (*toll)[i]);
    if (stated[i]) stated_roles.push_back((*toll)[i].role);
  }
  if (stated_roles.empty()) return;
  std::vector<CountMention> kept;
  for (size_t i = 0; i < toll->size(); ++i) {
    const bool role_stated =
        std::find(stated_roles.begin(), stated_roles.end(), (*toll)[i].role) != stated_roles.end();
    if (stated[i] || !role_stated) kept.push_back(std::move((*toll)[i]));
  }
  *toll = std::move(kept);
}

}  // namespace

const ActorSpan* TollVictimGroup(const ArticleView& article, size_t si, const Pattern& p, const EventRules& rules) {
  Victims victims;
  for (const CountSpan& c : article.Counts(si))
    if (IsTollOf(c, p, rules.conventions) && rules.conventions.victim_roles.Contains(c.role))
      ReadVictims(article, si, c, rules.cues, &victims);
  return victims.group;
}

CountMention MentionOf(const CountSpan& c) {
  CountMention m;
  m.first_token = c.first;
  m.last_token = c.last;
  m.role = c.role;
  m.estimate = c.estimate;
  m.subset = c.subset;
  m.coordinated = c.coordinated;
  return m;
}

bool AttachToll(const ArticleView& article, size_t si, const RoleTuple& roles, const TriggerMatch& m,
                const EventRules& rules, std::vector<size_t>* counted_by_trigger, std::vector<size_t>* taken,
                Event* e) {
  const Sentence& s = article.sentence(si);
  const std::span<const CountSpan> counts = article.Counts(si);
  Victims victims;
  std::vector<CountMention> toll;  // in text order, for MergeCounts
  for (size_t i = 0; i < counts.size(); ++i) {
    const CountSpan& c = counts[i];
    const size_t ci = article.FirstCount(si) + i;
    if (c.last > s.last_token) continue;
    const bool violence = IsTollOf(c, *m.pattern, rules.conventions);
    // A protest's dead are its toll, unless they are what it protests.
    if (violence && !rules.conventions.violent_types.Contains(m.pattern->plover_type) &&
        IsProtestGrievance(article, si, c, rules.cues))
      continue;
    if (!violence && !NearParty(c, roles)) continue;
    if (violence && rules.conventions.victim_roles.Contains(c.role)) ReadVictims(article, si, c, rules.cues, &victims);
    // Coordinated agents of one trigger ("soldiers and mercenaries executed dozens") are one toll:
    // only the first of the trigger's events carries it, so sums do not double.
    if (std::find(counted_by_trigger->begin(), counted_by_trigger->end(), ci) != counted_by_trigger->end()) continue;
    // An event nobody is named for carries its toll to the last violent event (TollCarrier): a count
    // another event of the sentence took would be carried twice ("9 were killed ... 2 injured": kill
    // and injure).
    if (e->actor1.empty() && std::find(taken->begin(), taken->end(), ci) != taken->end()) continue;
    counted_by_trigger->push_back(ci);
    taken->push_back(ci);
    toll.push_back(MentionOf(c));
  }
  KeepStatedFigures(article, si, rules.cues, &toll);
  // Restatements and revisions of one figure keep the larger ("killed 35, revising an earlier toll
  // of 20"), coordinated groups add up, parts of a figure are skipped (include/sitrep/numbers.h).
  MergeCounts(toll, &e->counts);
  CountSingleVictim(article, si, m, rules.cues, e);
  return NameVictims(victims, rules, e);
}

bool TollCarrier::StatesToll(size_t si) const {
  return article_.HasContext("stated_toll", si);
}


void TollCarrier::AfterSentence(size_t si, size_t here_begin, std::vector<Event>* events) {
  std::vector<Event>& found = *events;
  // The toll may come in the next sentence, or the one after a sentence that coded nothing ("The clash
  // started at dawn. At least 3 people were killed.", "The FARDC repelled the attack. One soldier was killed.").
  // A stated figure belongs to the last violent event however far back (it says how that event was coded).
  const bool stated = last_violent_ != SIZE_MAX && StatesToll(si);
  // "Two soldiers were also killed in the exchange of fire": more dead, added to the toll told before.
  const bool additional = last_violent_ != SIZE_MAX && article_.HasContext("additional_toll", si);
  if (last_violent_ != SIZE_MAX && (si <= open_until_ || stated)) {
    // Figures of the one sentence add up ("killing about 30 assailants, while four soldiers died").
    const std::vector<std::string>& roles = conventions_.casualty_roles.words();
    std::vector<bool> filled_here(roles.size(), false);
    for (size_t k = here_begin; k < found.size();) {
      Event& e = found[k];
      bool moved = false;
      if (e.actor1.empty() && conventions_.violent_types.Contains(e.plover_type)) {
        for (size_t r = 0; r < roles.size(); ++r) {
          Estimate* from = e.counts.Find(roles[r]);
          Estimate* to = found[last_violent_].counts.Find(roles[r]);
          if (from && to && !from->empty() && (to->empty() || filled_here[r] || stated || additional)) {
            // A stated figure is the one to use: the sentence's other figures of the role ("Several
            // fatalities coded as 3": "several" and 3) do not add to it. Notes put the stated figure last
            // ("[coded as 10]", "(coded as 11 fatalities per location)"), and it may share a figure event
            // with the vague one, so the last figure of a stated sentence is kept.
            *to = to->empty() || stated ? *from : Sum(*to, *from);
            *from = Estimate();
            moved = true;
            filled_here[r] = true;
          }
        }
      }
      if (moved && e.plover_mode == "humanitarian-figure") {
        found.erase(found.begin() + static_cast<std::ptrdiff_t>(k));
        continue;
      }
      ++k;
    }
  }
  const bool coded_nothing = here_begin == found.size();
  if (si == open_until_ && coded_nothing && si == last_violent_sentence_ + 1) open_until_ = si + 1;
  for (size_t k = here_begin; k < found.size(); ++k) {
    if (!found[k].actor1.empty() && conventions_.toll_types.Contains(found[k].plover_type) &&
        found[k].plover_mode != "humanitarian-figure") {
      last_violent_ = k;
      last_violent_sentence_ = si;
      open_until_ = si + 1;
      // The sentence's first violent event takes the next sentence's toll ("FARDC clashed with FDLR and
      // Nyatura. 2 civilians were killed.": the clash is told once, led by its first reading).
      break;
    }
  }
}

std::optional<int64_t> TollCarrier::SplitParts() const {
  constexpr uint32_t kNumberWithin = 3;    // "split between the 3 events", "divided among 6"
  constexpr uint32_t kSubjectWithin = 4;   // "fatalities were reportedly split", "Fatality split"
  const Document& doc = article_.doc();
  const Cues& cues = article_.cues();
  for (size_t si = 0; si < article_.size(); ++si) {
    const Sentence& s = article_.sentence(si);
    const std::optional<std::pair<uint32_t, uint32_t>> phrase = cues.split_toll_phrases.SpanOfFirstIn(doc, s);
    if (!phrase) continue;
    const auto [phrase_first, after] = *phrase;
    // What is split must be the toll ("fatalities split between 3 events"; "fighting spread across 3
    // villages" divides nothing): a word of split_toll_subjects shortly before the phrase.
    bool toll_split = false;
    for (uint32_t k = phrase_first; k > s.first_token && k + kSubjectWithin >= phrase_first && !toll_split;) {
      --k;
      toll_split = cues.split_toll_subjects.Contains(doc.tokens[k].lower);
    }
    if (!toll_split) continue;
    for (uint32_t k = after; k < s.last_token && k < after + kNumberWithin; ++k)
      if (std::optional<int64_t> n = ParseCardinalToken(doc.tokens[k].lower); n && *n >= 2) return n;
  }
  return std::nullopt;
}

void TollCarrier::DivideSplitTolls(std::vector<Event>* events) const {
  if (std::none_of(events->begin(), events->end(), [](const Event& e) { return e.counts.killed.best.has_value(); }))
    return;  // most articles: nothing to divide, no sentence read
  const std::optional<int64_t> parts = SplitParts();
  if (!parts) return;
  auto share = [&](std::optional<int64_t>& v) {
    if (v) *v /= *parts;
  };
  for (Event& e : *events) {
    Estimate& killed = e.counts.killed;
    share(killed.low);
    share(killed.best);
    share(killed.high);
  }
}

}  // namespace sitrep
