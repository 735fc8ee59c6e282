#include "structure.h"

#include <algorithm>
#include <cstring>
#include "core/strings.h"
#include "core/word_set.h"

namespace sitrep {
namespace {

bool IsQuoteToken(const Token& t) {
  return t.kind == TokenKind::kPunct && (t.norm == "\"" || t.tag == "``" || t.tag == "''") && t.norm != "'";
}

}  // namespace


std::vector<bool> ComputeQuotes(const Document& doc) {
  std::vector<bool> in(doc.tokens.size(), false);
  bool open = false;
  uint32_t prev_end = 0;
  size_t next_sentence = 0;  // index into doc.sentences of the next sentence to start
  for (size_t i = 0; i < doc.tokens.size(); ++i) {
    const Token& t = doc.tokens[i];
    // A line break that ends a sentence closes any quote left open (unbalanced quotes must not
    // leak); a hard wrap inside a sentence does not.
    bool starts_sentence = false;
    while (next_sentence < doc.sentences.size() && doc.sentences[next_sentence].first_token <= i)
      starts_sentence = doc.sentences[next_sentence++].first_token == i;
    if (starts_sentence && t.begin > prev_end &&
        doc.text.substr(prev_end, t.begin - prev_end).find_first_of("\n\r\v\f") != std::string_view::npos)
      open = false;
    prev_end = t.end;
    if (IsQuoteToken(t)) {
      open = !open;
      in[i] = true;  // the quote marks belong to the quotation
      continue;
    }
    in[i] = open;
  }
  return in;
}

SentenceView::SentenceView(const ArticleAnalysis& a, const Sentence& s, const std::vector<bool>& in_quote,
                           const ActorSpan* previous_subject, std::span<const ActorSpan> actors,
                           std::span<const PlaceSpan> places, const Cues& cues, const Conventions& conventions)
    : a_(a), s_(s), in_quote_(in_quote), cues_(cues), conventions_(conventions), actors_(actors), places_(places) {
  ComputeFlags();
  BuildArgs(previous_subject);
}

const std::string& SentenceView::Lemma(uint32_t i) const {
  const Token& t = tok(i);
  return t.lemma.empty() ? t.lower : t.lemma;
}

// Word classes are computed once per token when the view is built: the role and modality rules
// ask the same questions of the same tokens many times.
void SentenceView::ComputeFlags() {
  flags_.assign(s_.last_token - s_.first_token, 0);
  for (uint32_t i = s_.first_token; i < s_.last_token; ++i) {
    const Token& t = tok(i);
    const std::string& tag = t.tag;
    const std::string& l = Lemma(i);
    uint8_t f = 0;
    // Penn tags by their letters: cheaper than string comparisons on every token of the view.
    const char c0 = tag.size() > 0 ? tag[0] : 0, c1 = tag.size() > 1 ? tag[1] : 0, c2 = tag.size() > 2 ? tag[2] : 0;
    const bool md = tag.size() == 2 && c0 == 'M' && c1 == 'D';
    if (c0 == 'V' && c1 == 'B') f |= kVerbFlag;
    if (md || (tag.size() == 3 && c0 == 'V' && c1 == 'B' && (c2 == 'D' || c2 == 'Z' || c2 == 'P'))) f |= kFiniteFlag;
    if (c0 == 'N' && c1 == 'N') f |= kNounFlag;
    if (tag.size() == 2 && ((c0 == 'I' && c1 == 'N') || (c0 == 'T' && c1 == 'O'))) f |= kPrepFlag;
    if (md || cues_.auxiliary_lemmas.Contains(l)) f |= kAuxFlag;
    const bool wh = (tag.size() == 3 && c0 == 'W' && c1 == 'D' && c2 == 'T') || (tag.size() == 2 && c0 == 'W' && c1 == 'P');
    if (t.kind == TokenKind::kPunct ? (t.norm == ";" || t.norm == ":")
                                     : (wh ||  // which, that (relative), who
                                        cues_.clause_subordinators.Contains(t.lower)))
      f |= kBoundaryFlag;
    flags_[i - s_.first_token] = f;
  }
}

bool SentenceView::IsPassive(uint32_t verb) const {
  if (tok(verb).tag != "VBN") return false;
  // "was captured", "were being committed", "had been taken over", "got killed"
  for (uint32_t k = verb; k > s_.first_token && verb - k < 4;) {
    --k;
    const std::string& l = Lemma(k);
    if (l == "be" || l == "get") return true;
    // "were reported killed", "were confirmed killed": a participle of reporting inside the chain
    // (cues.txt reporting_verbs).
    const bool reporting = tok(k).tag == "VBN" && cues_.reporting_verbs.Contains(l);
    if (!(tok(k).tag == "RB" || l == "been" || l == "being" || l == "have" || l == "also" || l == "not" || reporting))
      break;
  }
  // Reduced relative / participle with an agent: "the areas handed over to EACRF by the M23".
  for (uint32_t k = verb + 1; k < s_.last_token && k < verb + 8; ++k) {
    if (tok(k).lower == "by") return true;
    if (IsFiniteVerb(k) || tok(k).norm == "," || tok(k).norm == ";") break;
  }
  return false;
}

bool SentenceView::IsPluperfect(uint32_t verb) const {
  if (tok(verb).tag != "VBN") return false;
  for (uint32_t k = verb; k > s_.first_token && verb - k < 5;) {
    --k;
    const Token& t = tok(k);
    if (t.lower == "had" || t.lower == "'d") return true;
    if (!(t.tag == "RB" || t.lower == "been" || t.lower == "previously" || t.lower == "already" ||
          t.tag == "VBN"))
      break;
  }
  return false;
}

void SentenceView::Reindex() {
  std::sort(args_.begin(), args_.end(), [](const Arg& x, const Arg& y) { return x.first < y.first; });
  std::fill(arg_at_.begin(), arg_at_.end(), -1);
  for (size_t k = 0; k < args_.size(); ++k)
    for (uint32_t i = args_[k].first; i < args_[k].last; ++i) arg_at_[i - s_.first_token] = int(k);
}

void SentenceView::BuildArgs(const ActorSpan* previous_subject) {
  const uint32_t n = s_.last_token - s_.first_token;
  arg_at_.assign(n, -1);
  auto overlaps = [&](uint32_t f, uint32_t l) {
    for (uint32_t i = f; i < l; ++i)
      if (arg_at_[i - s_.first_token] >= 0) return true;
    return false;
  };
  auto add = [&](Arg arg) {
    if (arg.first < s_.first_token || arg.last > s_.last_token || arg.first >= arg.last) return;
    if (overlaps(arg.first, arg.last)) return;
    args_.push_back(arg);
    for (uint32_t i = arg.first; i < arg.last; ++i) arg_at_[i - s_.first_token] = int(args_.size() - 1);
  };
  // Places right after a locative preposition are places even when they also name a state.
  // Places right after a locative preposition are taken first (they win over an actor on the same
  // words), then actors, then the remaining places.
  auto add_places = [&](bool locative_only) {
    for (const PlaceSpan& p : places_) {
      if (p.is_demonym || p.first < s_.first_token || p.last > s_.last_token) continue;
      uint32_t k = p.first;
      while (k > s_.first_token && (tok(k - 1).tag == "DT" || tok(k - 1).tag == "JJ")) --k;
      bool locative = k > s_.first_token && cues_.locative_prepositions.Contains(tok(k - 1).lower) && tok(k - 1).lower != "of";
      if (locative_only && !locative) continue;
      Arg arg;
      arg.first = p.first;
      arg.last = p.last;
      arg.place = &p;
      add(arg);
    }
  };
  add_places(true);
  for (const ActorSpan& s : actors_) {
    if (s.first < s_.first_token || s.last > s_.last_token) continue;
    Arg arg;
    arg.first = s.first;
    arg.last = s.last;
    arg.actor = &s;
    add(arg);
  }
  add_places(false);
  Reindex();

  // Pronouns: resolved to an antecedent actor so that roles read through them.
  std::vector<Arg> pronouns;
  for (uint32_t i = s_.first_token; i < s_.last_token; ++i) {
    if (arg_at_[i - s_.first_token] >= 0) continue;
    const std::string& w = tok(i).lower;
    const ActorSpan* antecedent = nullptr;
    if (cues_.first_person_plural_pronouns.Contains(w) && InQuote(i)) {
      // "we" in a quotation is its speaker: "..." reads the statement shared by X / X said.
      for (uint32_t k = s_.first_token; k < s_.last_token && !antecedent; ++k) {
        if (InQuote(k) || tok(k).lower != "by") continue;
        for (const Arg& arg : args_)
          if (arg.first > k && arg.first <= k + 4 && arg.actor && !arg.actor->modifier_only) {
            antecedent = arg.actor;
            break;
          }
      }
      if (!antecedent) antecedent = previous_subject;
    } else if (cues_.third_person_pronouns.Contains(w)) {
      // Nearest actor before the pronoun with a verb in between (an actor in the pronoun's own
      // phrase cannot be its antecedent: "EU sanctions against them").
      bool verb_between = false;
      for (uint32_t k = i; k > s_.first_token && !antecedent;) {
        --k;
        if (IsVerb(k)) verb_between = true;
        int idx = arg_at_[k - s_.first_token];
        if (idx < 0) continue;
        const Arg& arg = args_[idx];
        k = arg.first;
        if (arg.actor && verb_between && !arg.actor->modifier_only &&
            (!conventions_.IsCivilians(arg.actor->actor) || cues_.object_pronouns.Contains(w)))
          antecedent = arg.actor;
      }
      if (!antecedent) antecedent = previous_subject;
    }
    if (antecedent) {
      Arg arg;
      arg.first = i;
      arg.last = i + 1;
      arg.actor = antecedent;
      arg.pronoun = true;
      arg.coref = true;
      pronouns.push_back(arg);
    }
  }
  for (const Arg& p : pronouns) {
    args_.push_back(p);
  }
  Reindex();
}

const Arg* SentenceView::ArgAt(uint32_t i) const {
  if (i < s_.first_token || i >= s_.last_token) return nullptr;
  int idx = arg_at_[i - s_.first_token];
  return idx < 0 ? nullptr : &args_[idx];
}

std::vector<const Arg*> SentenceView::WithConjunctsLeft(const Arg* arg) const {
  std::vector<const Arg*> out{arg};
  uint32_t k = arg->first;
  bool listed = false;  // past the list's "and": commas before it coordinate too ("A, B and C")
  while (k > s_.first_token) {
    uint32_t j = k - 1;
    // Modifiers the actor's span left out: "and Wagner mercenaries", "and the local militia", "and presumed
    // ADF fighters".
    while (j > s_.first_token && (In(tok(j).tag, {"DT", "JJ", "NNP", "NNPS"}) || cues_.hedge_words.Contains(tok(j).lower)) &&
           !ArgAt(j))
      --j;
    // Only "and" coordinates: a comma before an actor is as often an aside or a new clause
    // ("protecting the civilian population, we have driven out..."), unless it is a list's.
    const bool comma = tok(j).norm == ",";
    if (tok(j).lower == "and") {
      listed = true;
      if (j > s_.first_token && tok(j - 1).norm == ",") --j;  // "A, B, and C"
    } else if (!(listed && comma)) {
      break;
    }
    if (j == s_.first_token) break;
    uint32_t m = j - 1;
    const Arg* prev = ArgAt(m);
    // A member the dictionary does not know, between commas ("FARDC soldiers, DGM officers and police"): the
    // list goes on before it.
    if (!prev && listed) prev = ListMemberBefore(m);
    if (!prev || (prev->actor == nullptr) != (arg->actor == nullptr)) break;
    // Before a comma, a party that a verb or a preposition governs ends an opening clause, not a list
    // member: "After attacking civilians, the ADF and the FDLR clashed".
    if (comma && GovernedByWordBefore(*prev)) break;
    out.insert(out.begin(), prev);
    k = prev->first;
  }
  return out;
}

bool SentenceView::GovernedByWordBefore(const Arg& arg) const {
  uint32_t p = arg.first;
  while (p > s_.first_token && In(tok(p - 1).tag, {"DT", "JJ", "PRP$", "CD"})) --p;
  return p > s_.first_token && (IsVerb(p - 1) || tok(p - 1).tag == "IN");
}

const Arg* SentenceView::ListMemberBefore(uint32_t last) const {
  uint32_t q = last;
  int words = 0;
  while (q > s_.first_token && words < 4 && !ArgAt(q) && In(tok(q).tag, {"NN", "NNS", "NNP", "NNPS", "JJ", "DT"})) {
    --q;
    ++words;
  }
  if (words == 0 || tok(q).norm != "," || q == s_.first_token) return nullptr;
  return ArgAt(q - 1);
}

std::vector<const Arg*> SentenceView::WithConjunctsRight(const Arg* arg) const {
  std::vector<const Arg*> out{arg};
  uint32_t k = SkipNameTail(arg->last);
  while (k + 1 < s_.last_token) {
    uint32_t j = k;
    if (tok(j).lower != "and") break;
    ++j;
    while (j < s_.last_token && tok(j).tag == "DT") ++j;
    const Arg* next = ArgAt(j);
    if (!next || (next->actor == nullptr) != (arg->actor == nullptr)) break;
    out.push_back(next);
    k = SkipNameTail(next->last);
  }
  return out;
}

// Past the words of a name the actor stage did not take, from token k: a faction or leader the
// dictionary lacks ("Mayi-Mayi Kashumba", "Nyatura Love"), and the members' noun ("NDC-R fighters",
// "Sheikh Assani elements": cues.txt member_nouns). Capitalised words inside the sentence that no
// mention covers, at most three.
uint32_t SentenceView::SkipNameTail(uint32_t k) const {
  constexpr uint32_t kMaxWords = 3;
  const uint32_t start = k;
  while (k < s_.last_token && k < start + kMaxWords && !ArgAt(k)) {
    const Token& t = tok(k);
    const bool capitalised = strings::StartsAsciiUpper(t.norm);
    if (!(capitalised && (t.tag == "NNP" || t.tag == "NNPS")) && !cues_.member_nouns.Contains(t.lower)) break;
    ++k;
  }
  return k < s_.last_token && tok(k).lower == "and" ? k : start;
}

// "hundreds of protesters", "a group of soldiers": the actor after "of" a quantity noun (cues.txt
// quantity_nouns) is the head of the noun phrase, not a prepositional object.
bool SentenceView::AfterQuantityOf(uint32_t first) const {
  return first >= s_.first_token + 2 && tok(first - 1).lower == "of" &&
         cues_.quantity_nouns.Contains(tok(first - 2).lower);
}

uint32_t SentenceView::AuxChainStart(uint32_t i) const {
  while (i > s_.first_token && (tok(i - 1).tag == "RB" || IsAux(i - 1))) --i;
  return i;
}

std::vector<const Arg*> SentenceView::SubjectOf(uint32_t verb) const {
  // Walk left from the verb. Skip adverbials, auxiliaries, times and comma-delimited asides; an actor
  // inside a prepositional phrase ("backed by Y", "of the coalition") is not the subject.
  uint32_t k = verb;
  int commas = 0;
  const bool verb_quoted = InQuote(verb);
  // A verb right after "and" heads a coordinated verb phrase: "the Council condemned the offensive and
  // called for a ceasefire" shares the first verb's subject. So does a past form the tagger took for a
  // participle, with no auxiliary ("FARDC, supported by MONUSCO, defeated/VBN the militia and took ...").
  {
    const uint32_t j = AuxChainStart(verb);
    if (j > s_.first_token && tok(j - 1).lower == "and") {
      for (uint32_t m = j - 1; m > s_.first_token;) {
        --m;
        if (IsClauseBoundary(m)) break;
        if (IsFiniteVerb(m) && !IsAux(m)) return SubjectOf(m);
        const bool bare_past = tok(m).tag == "VBN" && AuxChainStart(m) == m && tok(verb).tag == "VBD" && j == verb;
        if (bare_past) {
          if (std::vector<const Arg*> subject = SubjectOf(m); !subject.empty()) return subject;
        }
      }
    }
  }
  while (k > s_.first_token) {
    --k;
    const Token& t = tok(k);
    if (!verb_quoted && InQuote(k)) return {};  // a quotation is not the subject of the verb after it
    if (const Arg* arg = ArgAt(k)) {
      k = arg->first;
      uint32_t p = arg->first;
      while (p > s_.first_token && (tok(p - 1).tag == "DT" || tok(p - 1).tag == "JJ" || tok(p - 1).tag == "CD" ||
                                    tok(p - 1).tag == "PRP$" || tok(p - 1).tag == "RB"))
        --p;
      // Right before the verb (only auxiliaries and adverbs between), a noun phrase after "IN" is
      // the subject of a subordinate clause ("after the rebels had vacated"), not a PP object.
      bool adjacent = true;
      for (uint32_t j = arg->last; j < verb && adjacent; ++j)
        adjacent = IsAux(j) || tok(j).tag == "RB" || tok(j).tag == "RBR" || tok(j).tag == "MD";
      bool in_pp = !adjacent && p > s_.first_token && IsPreposition(p - 1) && tok(p - 1).lower != "that" &&
                   !AfterQuantityOf(p);
      bool aside = commas % 2 == 1;  // between a pair of commas: apposition or aside
      if (!in_pp && !aside && arg->actor && !arg->actor->modifier_only) return WithConjunctsLeft(arg);
      continue;
    }
    if (t.norm == ",") {
      ++commas;
      continue;
    }
    if (t.tag == "WDT" || t.tag == "WP") {
      // Relative clause: the subject is the antecedent right before the relative pronoun.
      uint32_t j = k;
      while (j > s_.first_token && tok(j - 1).norm == ",") --j;
      if (j > s_.first_token) {
        if (const Arg* ante = ArgAt(j - 1); ante && ante->actor) return {ante};
      }
      return {};
    }
    if (IsClauseBoundary(k)) return {};
    // Subject control: "M23 threatened to capture Goma", "the army plans to retake it".
    if (IsVerb(k) && !IsAux(k) && k + 1 < verb && tok(k + 1).lower == "to") {
      bool only_to = true;
      for (uint32_t j = k + 2; j < verb; ++j) only_to = only_to && (tok(j).tag == "RB" || IsAux(j));
      if (only_to) return SubjectOf(k);
    }
    if (IsFiniteVerb(k) && !IsAux(k)) {
      // A verb before ours with no subject in between: a coordinated verb phrase or a matrix verb
      // ("M23 claimed they recaptured" stops at the pronoun before reaching here). Share its subject
      // only when joined by "and": "rebels captured X and seized Y".
      bool coordinated = false;
      for (uint32_t j = k + 1; j < verb; ++j) coordinated = coordinated || tok(j).lower == "and";
      if (coordinated) return SubjectOf(k);
      // A purpose infinitive with no actor between: "police fired live rounds to disperse the crowd"
      // (the police disperse it).
      if (verb > s_.first_token && tok(verb - 1).lower == "to" && tok(verb).tag == "VB") return SubjectOf(k);
      return {};
    }
  }
  return {};
}

std::vector<const Arg*> SentenceView::ObjectsAfter(uint32_t after) const {
  uint32_t k = after;
  int steps = 0;
  while (k < s_.last_token && steps < 10) {
    const Token& t = tok(k);
    if (const Arg* arg = ArgAt(k)) return WithConjunctsRight(arg);
    if (t.kind == TokenKind::kPunct && t.norm != "(" && t.norm != ")" && t.norm != "\"") return {};
    if (IsFiniteVerb(k) || IsClauseBoundary(k)) return {};
    // The object noun phrase ends at a preposition, except "of" inside it ("the town of Walikale")
    // and the prepositions of a quantity ("at least 20 civilians", "around 4,000 troops").
    if (IsPreposition(k) && t.lower != "of") {
      const Token* next = k + 1 < s_.last_token ? &tok(k + 1) : nullptr;
      bool quantity = next && (next->kind == TokenKind::kNumber || next->tag == "CD" || next->lower == "least" ||
                               next->lower == "most" || next->lower == "than");
      if (!quantity) return {};
    }
    ++k;
    ++steps;
  }
  return {};
}

std::vector<const Arg*> SentenceView::PrepObjects(uint32_t from, const char* prep) const {
  for (uint32_t k = from; k < s_.last_token; ++k) {
    // A parenthesis is an aside, commas and all: "recaptured Sake (Masisi, North Kivu) from the M23".
    if (tok(k).norm == "(") {
      uint32_t close = k + 1;
      while (close < s_.last_token && close < k + 12 && tok(close).norm != ")") ++close;
      if (close < s_.last_token && tok(close).norm == ")") {
        k = close;
        continue;
      }
    }
    // A verb ends the phrase: in "demonstrations were provoked by the US assault" the by-phrase
    // belongs to "provoked", not to "demonstrations".
    // A participle coordinated with the verb shares its agent: "was shot and wounded by gunmen".
    const bool coordinated_participle = tok(k).tag == "VBN" && k > from && tok(k - 1).lower == "and";
    if (IsClauseBoundary(k) || (IsVerb(k) && !coordinated_participle)) break;
    if (tok(k).norm == ",") {
      // A place and the area it is in ("killed in Mataba, Beni by suspected UPLC combatants") are one phrase.
      // The first may be a village the gazetteer lacks: a proper noun.
      if ((IsPlaceAt(k - 1) || (k > s_.first_token && tok(k - 1).tag == "NNP")) && IsPlaceAt(k + 1)) continue;
      break;
    }
    if (tok(k).lower != prep) continue;
    uint32_t j = k + 1;
    // A participle right after a determiner, or right after the preposition before a noun, modifies
    // the noun: "by a suspected Al Shabaab militant", "by suspected LRA rebels".
    auto attributive = [&](uint32_t i) {
      return In(tok(i).tag, {"VBN", "VBG"}) &&
             (In(tok(i - 1).tag, {"DT", "JJ"}) || (i == k + 1 && i + 1 < s_.last_token && tok(i + 1).tag.rfind("NN", 0) == 0));
    };
    // "by a group of residents", "by hundreds of youths": the quantity's "of" leads to the agent.
    auto quantity_of = [&](uint32_t i) { return tok(i).lower == "of" && cues_.quantity_nouns.Contains(tok(i - 1).lower); };
    while (j < s_.last_token && j < k + 6 && !ArgAt(j) && (!IsPreposition(j) || quantity_of(j)) &&
           (!IsVerb(j) || attributive(j)))
      ++j;
    if (const Arg* arg = ArgAt(j)) return WithConjunctsRight(arg);
  }
  return {};
}

bool SentenceView::IsPlaceAt(uint32_t k) const {
  if (k < s_.first_token || k >= s_.last_token) return false;
  const Arg* arg = ArgAt(k);
  return arg && arg->place;
}

const Arg* SentenceView::ModifierBefore(uint32_t i) const {
  uint32_t k = i;
  while (k > s_.first_token) {
    --k;
    const Token& t = tok(k);
    if (t.lower == "'s" || t.lower == "'" || t.tag == "POS") continue;
    if (const Arg* arg = ArgAt(k)) return arg->actor ? arg : nullptr;
    if (t.tag == "JJ" || t.tag == "VBN" || t.tag == "NN" || t.tag == "NNS" || t.norm == "\"") continue;
    return nullptr;
  }
  return nullptr;
}

bool SentenceView::IsLocative(const Arg& arg) const {
  // Walk back over the noun phrase the place sits in ("in eastern DR Congo's North Kivu province",
  // "near the town of Sake") to the preposition that introduces it.
  uint32_t p = arg.first;
  for (int steps = 0; p > s_.first_token && steps < 8; ++steps) {
    const Token& t = tok(p - 1);
    if (cues_.locative_prepositions.Contains(t.lower) && t.lower != "of") return true;
    // "residents of Goma marched", "on the outskirts of Sake": an "of" after a word for people or
    // for part of a place says where.
    if (t.lower == "of" && p - 1 > s_.first_token && cues_.where_nouns.Contains(tok(p - 2).lower)) return true;
    // Also through a parenthesised or comma-listed admin chain: "in Nyanzale (Rutshuru, North Kivu)".
    bool np_word = t.tag == "DT" || t.tag == "JJ" || t.tag == "POS" || t.tag == "NNP" || t.tag == "NN" ||
                   t.tag == "NNS" ||
                   t.lower == "of" || t.lower == "'s" || ArgAt(p - 1) != nullptr ||
                   ((t.norm == "(" || t.norm == ",") && p - 1 > s_.first_token &&
                    ((ArgAt(p - 2) && ArgAt(p - 2)->place) || tok(p - 2).tag == "NNP"));
    if (!np_word) return false;
    --p;
  }
  return false;
}

bool SentenceView::IsDirection(const Arg& arg) const {
  // "toward(s) the capital, Kinshasa" names a direction, not where the event happened.
  uint32_t p = arg.first;
  for (int steps = 0; p > s_.first_token && steps < 5; ++steps, --p) {
    const std::string& w = tok(p - 1).lower;
    if (w == "toward" || w == "towards") return true;
  }
  return false;
}

bool SentenceView::IsOrigin(const Arg& arg) const {
  uint32_t p = arg.first;
  if (p > s_.first_token && cues_.definite_determiners.Contains(tok(p - 1).lower)) --p;
  if (p <= s_.first_token || !cues_.origin_prepositions.Contains(tok(p - 1).lower)) return false;
  return !(p - 1 > s_.first_token && cues_.distance_words.Contains(tok(p - 2).lower));
}

const Arg* SentenceView::ClausePlace(uint32_t i, uint32_t allowed_verb) const {
  // The most specific place introduced by a locative preposition in the same clause as token i;
  // the nearest among equally specific ones. A verb between them other than the trigger's own
  // (or `allowed_verb`, the verb governing a nominal trigger) means another clause.
  // A place people came from ("IDPs expelled from Angola protested") is the event's only when the
  // sentence names no other: a place of the clause, else a locative place of the sentence beyond the
  // origin's verb ("in Kananga, IDPs expelled from Angola protested"). The area around the origin
  // leaves it ("students from Likasi in Haut-Katanga protested": Likasi).
  struct Best {
    const Arg* arg = nullptr;
    int precision = 99;
    uint32_t dist = UINT32_MAX;
    void Offer(const Arg* a, int p, uint32_t d) {
      if (p < precision || (p == precision && d < dist)) arg = a, precision = p, dist = d;
    }
  };
  Best place, origin_place, sentence_place;
  for (const Arg& arg : args_) {
    if (!arg.place || !IsLocative(arg) || IsDirection(arg)) continue;
    uint32_t lo = std::min(arg.first, i), hi = std::max(arg.last, i);
    bool crosses = false, crosses_clause = false;
    for (uint32_t k = lo; k < hi && !crosses_clause; ++k) {
      if (k == i || (k >= arg.first && k < arg.last)) continue;
      crosses_clause = IsClauseBoundary(k);
      crosses = crosses || crosses_clause || (IsVerb(k) && !IsAux(k) && k != allowed_verb) ||
                (tok(k).norm == "," && k + 1 < s_.last_token && (tok(k + 1).tag == "VBG" || tok(k + 1).tag == "VBN"));
    }
    const int precision = arg.place->loc.precision ? arg.place->loc.precision : 3;
    const bool origin = IsOrigin(arg);
    if (!origin && !crosses_clause) sentence_place.Offer(&arg, precision, hi - lo);
    if (crosses) continue;
    (origin ? origin_place : place).Offer(&arg, precision, hi - lo);
  }
  if (!origin_place.arg) return place.arg;
  // Whether `b`, a place less precise than the origin, is only the area around it.
  auto around_origin = [&](const Best& b) {
    const Location& o = origin_place.arg->place->loc;
    const Location& a = b.arg->place->loc;
    if (b.precision <= origin_place.precision) return false;
    return a.country_code == o.country_code && (a.admin1.empty() || a.admin1 == o.admin1) &&
           (b.precision >= 3 || a.admin2.empty() || a.admin2 == o.admin2);
  };
  if (place.arg && !around_origin(place)) return place.arg;
  if (sentence_place.arg && !around_origin(sentence_place)) return sentence_place.arg;
  return origin_place.arg;
}

}  // namespace sitrep
