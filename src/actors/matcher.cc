// The actor matcher: longest dictionary match over a sentence's tokens, then a few local
// rules (docs/actors.md "Matching"):
//   - "<state> army/troops/forces" -> <ISO3>_MIL, "<state> government" -> _GOV, "... police" -> _POL;
//     "leaders of Congo and Rwanda", "Congolese and Rwandan leaders" share the head noun;
//   - "<state> armed group" -> a generic armed group with a country hint;
//   - "Maasai and Kikuyu militias", "Hawiye, Darod and Marehan clan militias": the named groups of a list
//     share the last one's head noun ("Maasai militias" is a mention of its own);
//   - "M23 rebels", "the M23 group": the head noun joins the named group's span;
//   - "US Secretary of State Antony Blinken": country and title join the person's span;
//   - "Rwanda-backed": the prefix is matched and the mention carries kBackedBy;
//   - "East African Regional Force (EACRF)": a name and its bracketed acronym are one mention;
//   - "Congo", "Congolese": resolved by cues from the whole document (Kinshasa, Kivu -> COD).
// The hot path probes hash maps with the tokens' own strings: no allocation per ASCII token
// (only the others are folded, see TokenKeys).
#include <algorithm>
#include <cctype>
#include <unordered_map>

#include "internal.h"

namespace sitrep {

using namespace actors_internal;

namespace {

bool StartsUpper(std::string_view s) {
  return !s.empty() && (std::isupper(static_cast<unsigned char>(s[0])) || static_cast<unsigned char>(s[0]) >= 0x80);
}

// The article tokens' keys (TokenKey): an ASCII token's key is its `lower` itself; the others
// are folded once per matcher, when first compared.
class TokenKeys {
 public:
  explicit TokenKeys(const std::vector<Token>& toks) : toks_(toks), ascii_(toks.size(), kUnknown) {}
  std::string_view operator[](uint32_t i) {
    const std::string& lower = toks_[i].lower;
    // Whether the token is ASCII is asked once per token, not once per phrase compared with it.
    if (ascii_[i] == kUnknown) ascii_[i] = strings::IsAscii(lower) ? kAscii : kOther;
    if (ascii_[i] == kAscii) return lower;
    auto [it, inserted] = folded_.try_emplace(i);
    if (inserted) it->second = TokenKey(lower);
    return it->second;
  }

 private:
  enum : signed char { kUnknown = -1, kOther = 0, kAscii = 1 };
  const std::vector<Token>& toks_;
  std::vector<signed char> ascii_;
  std::unordered_map<uint32_t, std::string> folded_;
};

// Whether the token's case fits the phrase token's rule (its key being equal).
bool CaseFits(const PhraseToken& pt, std::string_view norm) {
  switch (pt.rule) {
    case CaseRule::kAny: return true;
    case CaseRule::kCapitalized: return StartsUpper(norm);
    case CaseRule::kExact: return norm == pt.norm;
  }
  return false;
}

bool TokenFits(const PhraseToken& pt, std::string_view key, std::string_view norm) {
  return key == pt.key && CaseFits(pt, norm);
}

// Whether candidate `p` of the index (found by keys[i], so its first key is keys[i]: only its case rule is
// left to test there) matches the tokens from `i`, before `end`.
bool CandidateFits(const Phrase& p, const std::vector<Token>& toks, TokenKeys& keys, uint32_t i, uint32_t end) {
  if (i + p.tokens.size() > end || !CaseFits(p.tokens[0], toks[i].norm)) return false;
  for (size_t k = 1; k < p.tokens.size(); ++k)
    if (!TokenFits(p.tokens[k], keys[i + k], toks[i + k].norm)) return false;
  return true;
}

const Phrase* Longest(const PhraseIndex& index, const std::vector<Token>& toks, TokenKeys& keys, uint32_t i,
                      uint32_t end) {
  if (i >= end) return nullptr;
  const auto* cands = index.Candidates(keys[i]);
  if (!cands) return nullptr;
  for (const Phrase& p : *cands)
    if (CandidateFits(p, toks, keys, i, end)) return &p;
  return nullptr;
}

// Nouns for what an army or the police holds: "an army post", "a police station".
bool IsFacilityNoun(std::string_view lower) {
  static constexpr std::string_view kWords[] = {"post", "posts", "base", "bases", "position", "positions", "convoy",
                                                "patrol", "camp", "barracks", "checkpoint", "station", "outpost",
                                                "headquarters", "vehicle", "vehicles"};
  for (auto w : kWords)
    if (lower == w) return true;
  return false;
}

bool IsDeterminer(std::string_view lower) {
  return lower == "the" || lower == "this" || lower == "that" || lower == "these" || lower == "those";
}

// Words before a bare plural that make it indefinite: "some rebels", "100 rebels".
bool IsQuantifier(const Token& t) {
  if (t.kind == TokenKind::kNumber) return true;
  static constexpr std::string_view kWords[] = {"a", "an", "some", "several", "many", "other", "few", "numerous",
                                                "two", "three", "dozens", "hundreds", "thousands", "any", "no"};
  for (auto w : kWords)
    if (t.lower == w) return true;
  return false;
}

MentionModifier ModifierFor(std::string_view suffix) {
  if (suffix == "backed" || suffix == "supported" || suffix == "sponsored") return MentionModifier::kBackedBy;
  if (suffix == "led") return MentionModifier::kLedBy;
  if (suffix == "allied" || suffix == "aligned") return MentionModifier::kAlliedWith;
  return MentionModifier::kNone;
}

const char* SuffixFor(std::string_view label) {
  if (label == "military") return "_MIL";
  if (label == "government") return "_GOV";
  if (label == "police") return "_POL";
  return nullptr;
}

// A candidate mention while a sentence is processed.
struct Raw {
  uint32_t first = 0, last = 0;
  TargetKind kind = TargetKind::kActor;
  const Actor* actor = nullptr;  // resolved actor (kActor / kAmbiguous)
  ActorMention m;
  std::string state_country;  // set when the mention was a bare state name / demonym
  bool composed = false, composed_left = false;
  std::string compose_label;
  bool removed = false;
};

// Cue votes per country id, from the whole document.
struct Votes {
  bool computed = false;
  StringMap<int> count;
};

class SentenceMatcher {
 public:
  SentenceMatcher(const ActorDictionary::Impl& impl, const Document& doc, Votes* votes)
      : impl_(impl), toks_(doc.tokens), keys_(doc.tokens), votes_(votes) {}

  void Run(uint32_t begin, uint32_t end, std::vector<ActorMention>* out) {
    begin_ = begin;
    end_ = end;
    raws_.clear();
    Scan();
    ShareHeadNouns();
    MergeParentheses();
    ComposeLeft();
    Coordinate();
    MergeTitles();
    for (auto& r : raws_) {
      if (r.removed || r.kind == TargetKind::kTitle) continue;
      r.m.first_token = r.first;
      r.m.last_token = r.last;
      out->push_back(std::move(r.m));
    }
  }

 private:
  void Scan() {
    uint32_t i = begin_;
    while (i < end_) {
      const Phrase* p = Longest(impl_.main, toks_, keys_, i, end_);
      if (p) {
        Accept(*p, i, i + static_cast<uint32_t>(p->tokens.size()), MentionModifier::kNone);
        i = raws_.empty() ? i + 1 : std::max(i + 1, raws_.back().last);
        continue;
      }
      if (TryHyphenated(i)) {
        i = raws_.back().last;
        continue;
      }
      ++i;
    }
  }

  // "Nyatura-Delta", "Twiganeho-Banyamulenge": a group's one-token name joined by a hyphen to a faction, leader
  // or community the dictionary lacks is that group (a named armed group, not a state, people or a crowd:
  // "Kenya-Ethiopia border", "Civilian-JTF"); so is a joint force of two named ones ("FARDC-MONUSCO troops").
  bool TryFactionCompound(uint32_t i) {
    const Token& t = toks_[i];
    const size_t dash = keys_[i].find('-'), ndash = t.norm.find('-');
    if (dash == std::string::npos || dash == 0 || ndash == std::string::npos || !StartsUpper(t.norm)) return false;
    const Phrase* p = OneTokenName(keys_[i].substr(0, dash), std::string_view(t.norm).substr(0, ndash),
                                   /*allow_ambiguous=*/false);
    if (!p) return false;
    if (!IsArmedGroupType(impl_.actors[p->index].type) && !IsJointForce(*p, keys_[i].substr(dash + 1), t.norm.substr(ndash + 1)))
      return false;
    Accept(*p, i, i + 1, MentionModifier::kNone);
    return true;
  }

  // "joint FARDC-MONUSCO troops", "FARDC-UPDF operations": forces of two named parties that act together,
  // the first named leading (a state's forces, or a group, then another force).
  bool IsJointForce(const Phrase& first, std::string_view rest, std::string_view rest_norm) const {
    const auto armed = [](const std::string& type) {
      return type == "military" || type == "police" || type == "IGO" || IsArmedGroupType(type);
    };
    if (!armed(impl_.actors[first.index].type)) return false;
    const Phrase* second = OneTokenName(rest, rest_norm, /*allow_ambiguous=*/false);
    return second && armed(impl_.actors[second->index].type);
  }

  // The dictionary's one-token actor (or, with `allow_ambiguous`, ambiguous) name `name` written `norm`.
  const Phrase* OneTokenName(std::string_view name, std::string_view norm, bool allow_ambiguous) const {
    const auto* cands = impl_.main.Candidates(name);
    if (!cands) return nullptr;
    for (const Phrase& p : *cands) {
      const bool kind_ok = p.kind == TargetKind::kActor || (allow_ambiguous && p.kind == TargetKind::kAmbiguous);
      if (p.tokens.size() == 1 && kind_ok && TokenFits(p.tokens[0], name, norm)) return &p;
    }
    return nullptr;
  }

  // "Rwanda-backed": match the part before the last hyphen as a one-token name.
  bool TryHyphenated(uint32_t i) {
    const Token& t = toks_[i];
    const std::string_view key = keys_[i];
    size_t dash = key.rfind('-');
    if (dash == std::string::npos || dash == 0) return false;
    MentionModifier mod = ModifierFor(key.substr(dash + 1));
    if (mod == MentionModifier::kNone) return TryFactionCompound(i);
    std::string_view name = key.substr(0, dash);
    size_t ndash = t.norm.rfind('-');
    std::string_view norm = std::string_view(t.norm).substr(0, ndash == std::string::npos ? t.norm.size() : ndash);
    const Phrase* p = OneTokenName(name, norm, /*allow_ambiguous=*/true);
    if (!p) return false;
    Accept(*p, i, i + 1, mod);
    return true;
  }

  void Accept(const Phrase& p, uint32_t first, uint32_t last, MentionModifier mod) {
    Raw r;
    r.first = first;
    r.last = last;
    r.kind = p.kind;
    r.m.modifier = mod;
    switch (p.kind) {
      case TargetKind::kActor:
        r.actor = &impl_.actors[p.index];
        r.m.country_hint = p.label;
        break;
      case TargetKind::kAmbiguous: r.actor = impl_.Get(Resolve(p.index)); r.m.ambiguous = true; break;
      case TargetKind::kGeneric:
        AcceptGeneric(p, &r);
        // "issues of military aggression": an indefinite institution noun names nobody.
        if (!r.m.definite && (p.label == "military" || p.label == "government" || p.label == "police")) return;
        raws_.push_back(std::move(r));
        return;
      case TargetKind::kTitle: raws_.push_back(std::move(r)); return;
      default: return;
    }
    if (!r.actor) return;
    r.m.actor_id = r.actor->id;
    if (mod == MentionModifier::kNone) {
      if (r.actor->type == "state") {
        r.state_country = r.actor->country;
        ComposeRight(&r);
      } else {
        ExtendHead(&r);
      }
    }
    raws_.push_back(std::move(r));
  }

  void AcceptGeneric(const Phrase& p, Raw* r) {
    r->m.generic = true;
    r->m.generic_type = p.label;
    const std::string& first_word = p.tokens[0].key;
    r->m.refers_to_recent = p.tokens.size() > 2 && p.tokens[1].key == "country" && p.tokens[2].key == "'s";
    r->m.possessive = first_word == "its" || first_word == "their";
    // "an army post", "a military base", "a police station": the institution that holds it.
    const bool facility = r->last < end_ && IsFacilityNoun(toks_[r->last].lower) &&
                          (p.label == "military" || p.label == "police");
    // "a soldier", "a police officer": one member of the forces the text means, as "soldiers" is.
    if (IsDeterminer(first_word) || r->m.possessive || facility || p.member) {
      r->m.definite = true;
    } else if (r->first > begin_ && IsDeterminer(toks_[r->first - 1].lower) && !Consumed(r->first - 1)) {
      r->first -= 1;
      r->m.definite = true;
    } else if (p.bare_definite) {
      r->m.definite = r->first == begin_ || !IsQuantifier(toks_[r->first - 1]);
    }
  }

  bool Consumed(uint32_t token) const { return !raws_.empty() && raws_.back().last > token; }

  // "<state> army" -> <ISO3>_MIL; "<state> armed group" -> generic armed group with a hint.
  void ComposeRight(Raw* r) {
    uint32_t j = r->last;
    // "the (DR Congo) Government coalition forces"
    bool bracketed = r->first > begin_ && toks_[r->first - 1].norm == "(" && j < end_ && toks_[j].norm == ")";
    if (bracketed) ++j;
    const Phrase* p = Longest(impl_.compose, toks_, keys_, j, end_);
    // "Sudan's army", "Rwanda's government": an institution the state possesses. (Only the
    // institutions: "Congo's civilians" stays the state and the civilians.)
    if (!p && j + 1 < end_ && (toks_[j].lower == "'s" || toks_[j].lower == "'")) {
      const Phrase* q = Longest(impl_.compose, toks_, keys_, j + 1, end_);
      if (q && SuffixFor(q->label)) {
        p = q;
        ++j;
      }
    }
    if (!p) return;
    uint32_t last = j + static_cast<uint32_t>(p->tokens.size());
    if (IsActorId(p->label)) {  // "Congolese civilians" -> CIVILIANS, hint COD
      const Actor* target = impl_.Get(p->label);
      if (!target) return;
      r->m.country_hint = r->actor->country;
      r->actor = target;
      r->m.actor_id = target->id;
      r->state_country.clear();
      r->last = last;
      return;
    }
    if (const char* suffix = SuffixFor(p->label)) {
      const Actor* derived = impl_.Get(r->actor->country + suffix);
      if (!derived) return;
      r->actor = derived;
      r->m.actor_id = derived->id;
      r->composed = true;
      r->compose_label = p->label;
      r->last = last;
      return;
    }
    r->m.generic = true;
    r->m.generic_type = p->label;
    r->m.country_hint = r->actor->country;
    r->m.actor_id.clear();
    r->m.ambiguous = false;
    r->actor = nullptr;
    r->state_country.clear();
    r->last = last;
    if (r->first > begin_ && IsDeterminer(toks_[r->first - 1].lower) && !Consumed(r->first - 1)) {
      r->first -= 1;
      r->m.definite = true;
    }
  }

  // "M23 rebels", "U.N. experts": a head noun the actor's type allows joins the span.
  // A noun may be the head of several types ("elements" of rebel groups and of armies: one "head" line
  // each), so every candidate is tried, longest first.
  void ExtendHead(Raw* r) {
    if (r->last >= end_) return;
    const auto* cands = impl_.heads.Candidates(keys_[r->last]);
    if (!cands) return;
    const std::string key = "|" + r->actor->type + "|";
    for (const Phrase& p : *cands) {
      if (p.label.find(key) == std::string::npos || !CandidateFits(p, toks_, keys_, r->last, end_)) continue;
      r->last += static_cast<uint32_t>(p.tokens.size());
      return;
    }
  }

  std::string Resolve(uint32_t ambiguity) {
    const Ambiguity& a = impl_.ambiguities[ambiguity];
    if (!votes_->computed) CountVotes();
    std::string best = a.default_id;
    int best_votes = 0;
    bool tie = false;
    for (const auto& choice : a.choices) {
      auto it = votes_->count.find(choice);
      int v = it == votes_->count.end() ? 0 : it->second;
      if (v > best_votes) {
        best = choice, best_votes = v, tie = false;
      } else if (v == best_votes && v > 0) {
        tie = true;
      }
    }
    return tie ? a.default_id : best;
  }

  void CountVotes() {
    votes_->computed = true;
    uint32_t n = static_cast<uint32_t>(toks_.size());
    for (uint32_t i = 0; i < n;) {
      const Phrase* p = Longest(impl_.cues, toks_, keys_, i, n);
      if (p) {
        ++votes_->count[p->label];
        i += static_cast<uint32_t>(p->tokens.size());
      } else {
        ++i;
      }
    }
  }

  // "East African Regional Force (EACRF)", "the country's armed forces (FARDC)".
  void MergeParentheses() {
    for (size_t k = 0; k + 1 < raws_.size(); ++k) {
      Raw& a = raws_[k];
      Raw& b = raws_[k + 1];
      if (a.removed || b.removed || b.kind != TargetKind::kActor || !b.actor) continue;
      if (a.last + 1 != b.first || toks_[a.last].norm != "(" || b.last >= end_ || toks_[b.last].norm != ")") continue;
      bool same = a.actor == b.actor;
      bool names_generic = a.m.generic && a.m.actor_id.empty() &&
                           (a.m.generic_type == b.actor->type ||
                            (a.m.generic_type == "armed group" && IsArmedGroupType(b.actor->type)));
      if (!same && !names_generic) continue;
      a.last = b.last + 1;
      a.actor = b.actor;
      a.m.actor_id = b.actor->id;
      a.m.generic = false;
      a.m.generic_type.clear();
      b.removed = true;
    }
  }

  // "leaders of Congo", "the army of Rwanda": a head noun before "of <state>".
  void ComposeLeft() {
    for (size_t k = 0; k < raws_.size(); ++k) {
      Raw& r = raws_[k];
      if (r.removed || r.state_country.empty() || r.composed || r.m.modifier != MentionModifier::kNone) continue;
      uint32_t of = r.first;
      if (of > begin_ && toks_[of - 1].lower == "the") --of;
      if (of <= begin_ || toks_[of - 1].lower != "of") continue;
      uint32_t limit = k > 0 ? raws_[k - 1].last : begin_;
      std::string joined;
      for (uint32_t n = 1; n <= 3 && of - 1 >= limit + n; ++n) {
        uint32_t start = of - 1 - n;
        joined = std::string(keys_[start]) + (joined.empty() ? "" : " " + joined);
        auto it = impl_.compose_before_of.find(joined);
        if (it == impl_.compose_before_of.end()) continue;
        const Actor* derived = impl_.Get(r.state_country + SuffixFor(it->second));
        if (!derived) break;
        r.actor = derived;
        r.m.actor_id = derived->id;
        r.composed = r.composed_left = true;
        r.compose_label = it->second;
        r.first = start;
        break;
      }
    }
  }

  // "Maasai and Kikuyu militias clashed": a name joined by "and", "or" or a comma to a named group's mention
  // is a group of its own when the name with the mention's words after its first ("Maasai" + "militias") is
  // a dictionary actor. Walks left through a list ("Bembe, Bafuliru and Nyindu ethnic militias"). A name of
  // one or two words, not part of another mention.
  void ShareHeadNouns() {
    for (size_t k = 0; k < raws_.size(); ++k) {
      const Raw& b = raws_[k];
      if (b.kind != TargetKind::kActor || !b.actor || b.m.modifier != MentionModifier::kNone ||
          b.last - b.first < 2 || !StartsUpper(toks_[b.first].norm))
        continue;
      // The mention's words after its first ("militias"), kept as indices: inserting before `b` moves it.
      const uint32_t head_first = b.first + 1, head_end = b.last;
      uint32_t conj = b.first;  // the separator before the mention or name reached so far
      const size_t at = k;      // each name found, further left, goes before the ones found before it
      while (conj > begin_ + 1 && IsListSeparator(toks_[conj - 1].lower)) {
        const Phrase* p = nullptr;
        uint32_t name_first = conj - 1;
        for (uint32_t words = 1; words <= 2 && !p && conj >= begin_ + 1 + words; ++words) {
          name_first = conj - 1 - words;
          if (NameFitsBefore(name_first, conj - 1)) p = SharedHeadPhrase(name_first, conj - 1, head_first, head_end);
        }
        if (!p) break;
        Raw r;
        r.first = name_first;
        r.last = conj - 1;
        r.kind = TargetKind::kActor;
        r.actor = &impl_.actors[p->index];
        r.m.country_hint = p->label;
        r.m.actor_id = r.actor->id;
        raws_.insert(raws_.begin() + static_cast<std::ptrdiff_t>(at), std::move(r));
        ++k;  // b moved one place right
        conj = name_first;
      }
    }
  }

  static bool IsListSeparator(std::string_view lower) { return lower == "and" || lower == "or" || lower == ","; }

  // Whether tokens [first, end) may be a name of a list: capitalised words that no mention holds.
  bool NameFitsBefore(uint32_t first, uint32_t end) const {
    for (uint32_t i = first; i < end; ++i) {
      if (!StartsUpper(toks_[i].norm) || IsListSeparator(toks_[i].lower)) return false;
      for (const Raw& r : raws_)
        if (!r.removed && r.first <= i && i < r.last) return false;
    }
    return true;
  }

  // The dictionary actor named by tokens [first, end) followed by tokens [head_first, head_end), or null.
  const Phrase* SharedHeadPhrase(uint32_t first, uint32_t end, uint32_t head_first, uint32_t head_end) {
    const uint32_t name_words = end - first, tail_words = head_end - head_first;
    const auto* cands = impl_.main.Candidates(keys_[first]);
    if (!cands) return nullptr;
    for (const Phrase& p : *cands) {
      if (p.kind != TargetKind::kActor || p.tokens.size() != name_words + tail_words) continue;
      bool fits = CaseFits(p.tokens[0], toks_[first].norm);
      for (uint32_t w = 1; fits && w < name_words; ++w) fits = TokenFits(p.tokens[w], keys_[first + w], toks_[first + w].norm);
      for (uint32_t w = 0; fits && w < tail_words; ++w)
        fits = TokenFits(p.tokens[name_words + w], keys_[head_first + w], toks_[head_first + w].norm);
      if (fits) return &p;
    }
    return nullptr;
  }

  // "Congolese and Rwandan leaders", "leaders of Congo and Rwanda".
  void Coordinate() {
    auto is_conj = [&](uint32_t from, uint32_t to) {
      if (to != from + 1) return false;
      const std::string& w = toks_[from].lower;
      return w == "and" || w == "or" || w == ",";
    };
    for (size_t k = 0; k + 1 < raws_.size(); ++k) {
      Raw& a = raws_[k];
      Raw& b = raws_[k + 1];
      if (a.removed || b.removed || a.state_country.empty() || b.state_country.empty()) continue;
      if (!is_conj(a.last, b.first)) continue;
      Raw* bare = nullptr;
      const Raw* headed = nullptr;
      if (b.composed && !b.composed_left && !a.composed) bare = &a, headed = &b;
      if (a.composed_left && !b.composed) bare = &b, headed = &a;
      if (!bare) continue;
      const Actor* derived = impl_.Get(bare->state_country + SuffixFor(headed->compose_label));
      if (!derived) continue;
      bare->actor = derived;
      bare->m.actor_id = derived->id;
      bare->composed = true;
      bare->compose_label = headed->compose_label;
    }
  }

  // "President Paul Kagame", "US Secretary of State Antony Blinken".
  void MergeTitles() {
    for (size_t k = 1; k < raws_.size(); ++k) {
      Raw& person = raws_[k];
      if (person.removed || !person.actor || person.actor->type != "person") continue;
      Raw& title = raws_[k - 1];
      if (title.removed || title.kind != TargetKind::kTitle || title.last != person.first) continue;
      person.first = title.first;
      title.removed = true;
      if (k >= 2) {
        Raw& org = raws_[k - 2];
        bool org_type = org.actor && !org.composed &&
                        (org.actor->type == "state" || org.actor->type == "IGO" || org.actor->type == "rebel group");
        if (!org.removed && org_type && org.last == person.first && org.m.modifier == MentionModifier::kNone) {
          person.first = org.first;
          org.removed = true;
        }
      }
    }
  }

  const ActorDictionary::Impl& impl_;
  const std::vector<Token>& toks_;
  TokenKeys keys_;
  Votes* votes_;
  uint32_t begin_ = 0, end_ = 0;
  std::vector<Raw> raws_;
};

}  // namespace

std::vector<ActorMention> ActorDictionary::Match(const Document& doc, const Sentence& s) const {
  Votes votes;
  std::vector<ActorMention> out;
  SentenceMatcher m(*impl_, doc, &votes);
  m.Run(s.first_token, std::min<uint32_t>(s.last_token, static_cast<uint32_t>(doc.tokens.size())), &out);
  return out;
}

std::vector<ActorMention> ActorDictionary::MatchDocument(const Document& doc) const {
  Votes votes;
  std::vector<ActorMention> out;
  SentenceMatcher m(*impl_, doc, &votes);
  for (const Sentence& s : doc.sentences)
    m.Run(s.first_token, std::min<uint32_t>(s.last_token, static_cast<uint32_t>(doc.tokens.size())), &out);
  return out;
}

}  // namespace sitrep
