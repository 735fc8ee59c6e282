// Internal structures of the actor dictionary, shared by the loader, matcher and coreference.
#ifndef SITREP_SRC_ACTORS_INTERNAL_H_
#define SITREP_SRC_ACTORS_INTERNAL_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/hash.h"
#include "core/strings.h"
#include "sitrep/actors.h"

namespace sitrep::actors_internal {

// Heterogeneous lookup so the matcher can probe with a string_view (no allocation per token).
struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
template <typename V>
using StringMap = std::unordered_map<std::string, V, StringHash, std::equal_to<>>;
using StringSet = std::unordered_set<std::string, StringHash, std::equal_to<>>;

// One token of a dictionary phrase, with the case rule it must satisfy in the article.
enum class CaseRule : uint8_t {
  kAny,          // lowercase in the dictionary: "civilians", "of"
  kCapitalized,  // first phrase token written capitalised: the article's must start uppercase
  kExact,        // acronym ("ADF", "EU", "US", "U.N."): the article must spell it the same
};
struct PhraseToken {
  std::string key;   // case and accents folded (fold::FoldAccents), as article tokens' keys
  std::string norm;  // as written (normalised), for kExact
  CaseRule rule = CaseRule::kAny;
};

enum class TargetKind : uint8_t {
  kActor,      // index into actors
  kAmbiguous,  // index into ambiguities
  kGeneric,    // generic mention of type `label`
  kTitle,      // a title before a person's name ("President", "Secretary of State")
  kCompose,    // after a state: "army" -> <ISO3>_MIL (label "military"), "armed group" -> generic
  kHead,       // after a named armed group: "rebels", "group", "movement"
  kCue,        // context cue for ambiguous names: label is the country id it votes for
};

struct Phrase {
  std::vector<PhraseToken> tokens;
  TargetKind kind = TargetKind::kActor;
  uint32_t index = 0;  // actor or ambiguity index
  std::string label;   // generic / compose type, cue country; for kActor a country hint
                       // ("Rwandans" -> CIVILIANS, hint RWA); a compose label may be an actor
                       // id ("Congolese civilians" -> CIVILIANS, hint COD)
  bool bare_definite = false;  // generic written with '*': "rebels" alone refers to a known group
  bool member = false;         // generic written with '+': "a soldier" is one of the forces meant
  std::string file;
  int line = 0;
};

// An index of phrases keyed by their first token's key, longest phrases first.
class PhraseIndex {
 public:
  void Add(Phrase p);
  void Finish();  // sorts candidate lists, longest first
  const std::vector<Phrase>* Candidates(std::string_view first_key) const;
  bool empty() const { return map_.empty(); }

 private:
  // Most article tokens start no phrase: a bit per hash of the first tokens (FNV-1a, 2^16 bits,
  // 8 KB, stays in cache) answers "no" before the hash map is touched.
  static uint32_t QuickHash(std::string_view s) { return hash::Fnv1a32(s) & 0xFFFF; }
  StringMap<std::vector<Phrase>> map_;
  std::vector<uint64_t> filter_ = std::vector<uint64_t>(1 << 10, 0);
};

struct Ambiguity {
  std::vector<std::string> names;    // as written
  std::vector<std::string> choices;  // actor ids
  std::string default_id;
  std::string file;
  int line = 0;
};

}  // namespace sitrep::actors_internal

namespace sitrep {

struct ActorDictionary::Impl {
  std::vector<Actor> actors;
  uint32_t first_user_actor = UINT32_MAX;  // actors from here on were defined by user dictionaries
  actors_internal::StringMap<uint32_t> by_id;
  std::vector<std::string> warnings;
  std::vector<actors_internal::Ambiguity> ambiguities;

  actors_internal::PhraseIndex main;     // actors, ambiguous names, generic phrases, titles
  actors_internal::PhraseIndex compose;  // after a state mention
  actors_internal::PhraseIndex heads;    // after a named armed group / IGO
  actors_internal::PhraseIndex cues;     // context cues for ambiguous names
  // Joined phrase keys -> actor id, for Normalize ("march 23 movement" -> "M23").
  actors_internal::StringMap<std::string> by_name;
  // Compose phrases usable before "of <country>" ("leaders of Congo"), joined keys -> label.
  actors_internal::StringMap<std::string> compose_before_of;

  const Actor* Get(std::string_view id) const {
    auto it = by_id.find(id);
    return it == by_id.end() ? nullptr : &actors[it->second];
  }
};

namespace actors_internal {

// The data files' list syntax: "a; b ;c" -> trimmed non-empty parts.
using strings::SplitList;
using strings::Trim;

// The key under which an article token is compared with dictionary phrases: its `lower` with
// accents stripped. Both sides fold alike, so "Erdoğan" in an article matches a dictionary's
// "Erdogan" and the other way round.
std::string TokenKey(std::string_view lower);
// Tokenises a dictionary phrase exactly as article text is tokenised (AnalyzeText).
std::vector<PhraseToken> TokenizePhrase(std::string_view phrase);
// Variants under which a phrase is indexed: as tokenised; with "/" split out ("M23/AFC" is one
// token or three depending on the tokenizer).
std::vector<std::vector<PhraseToken>> PhraseVariants(std::string_view phrase);
// Joined token keys: "the country 's army".
std::string JoinKeys(const std::vector<PhraseToken>& toks);
// "YYYY", "YYYY-MM", "YYYY-MM-DD".
bool IsPartialDate(std::string_view s);
bool IsActorId(std::string_view s);
// Whether an actor type is an armed non-state group (rebel group, militia).
inline bool IsArmedGroupType(std::string_view type) { return type == "rebel group" || type == "militia"; }

// State carried across the files of one Load: directive phrases and id references, checked
// and indexed once every file is read.
struct LoadState {
  struct Ref {
    std::string id, file;
    int line = 0;
  };
  std::vector<Phrase> phrases;  // generic, compose, head, title, cue, ambiguous phrases
  std::vector<Ref> refs;        // ids used by links, roles and ambiguities
};

// Parses one file of our format (docs/actors.md) into `impl` and `state` (loader.cc). In a `user`
// dictionary file an id that exists extends that actor, with a warning, instead of being an error.
Status ParseActorFile(std::string_view content, const std::string& file, ActorDictionary::Impl* impl,
                      LoadState* state, bool user);
// Merges a user entry into the actor of the same id: a name replaces ours (ours stays an alias),
// type and country replace ours when given, aliases, links and roles are added.
void ExtendActor(Actor extra, Actor* actor);
// Indexes every actor name/alias and directive phrase, checks references (dictionary.cc).
Status FinishLoad(ActorDictionary::Impl* impl, LoadState* state);
// Allowed actor types.
bool IsKnownType(std::string_view type);

}  // namespace actors_internal
}  // namespace sitrep

#endif  // SITREP_SRC_ACTORS_INTERNAL_H_
