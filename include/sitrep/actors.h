// Actors: the actor dictionary (data/actors/*.actors.txt, format in docs/actors.md), the
// matcher that finds actor mentions in tokenised text, coreference of generic mentions
// ("the rebels" -> M23) and the importer for TABARI/PETRARCH .actors dictionaries.
//
// Typical use (one dictionary per process, shared by threads; every call is const):
//
//   std::unique_ptr<sitrep::ActorDictionary> dict;
//   sitrep::Status s = sitrep::ActorDictionary::Load(sitrep::DefaultActorDir(), &dict);
//   std::vector<sitrep::ActorMention> mentions = dict->MatchDocument(doc);  // all sentences
//   sitrep::ResolveCoreference(*dict, &mentions);
//   sitrep::ActorRef ref = sitrep::ToRef(*dict, mentions[0], doc);
#ifndef SITREP_ACTORS_H_
#define SITREP_ACTORS_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sitrep/event.h"
#include "sitrep/status.h"
#include "sitrep/text.h"

namespace sitrep {

// A dated relation to another actor: "WAZALENDO ally COD_MIL from 2022 source ...".
// Dates are "YYYY", "YYYY-MM" or "YYYY-MM-DD"; empty means open-ended.
struct ActorLink {
  std::string relation;  // "ally", "backs", "backed by", "member of", "part of", "led by", ...
  std::string other_id;
  std::string from, until;
  std::string source;    // who says so, e.g. "UN Group of Experts (S/2023/431)"
};

// A time-bounded role of a person: Kagame, "President" of RWA_GOV from 2000-04-22.
struct ActorRole {
  std::string title;   // "President", "Secretary of State"
  std::string org_id;  // the institution the person acts for, e.g. "RWA_GOV"
  std::string from, until;
};

struct Actor {
  std::string id;       // "COD_MIL", "M23", "RWA_KAGAME"
  std::string name;     // canonical name, "March 23 Movement"
  std::string type;     // state, government, military, police, rebel group, militia, IGO, NGO,
                        // company, person, civilians, media, other
  std::string country;  // ISO 3166-1 alpha-3, empty when none
  std::vector<std::string> aliases;  // as written in the file (the name is matched too)
  std::vector<ActorLink> links;
  std::vector<ActorRole> roles;
  std::string file;     // where it was defined, for error messages
  int line = 0;
};

// How an "<actor>-backed" / "<actor>-led" token relates its actor to the noun that follows:
// in "Rwanda-backed M23 rebels" the mention of RWA has kBackedBy: M23 is backed by RWA.
enum class MentionModifier : uint8_t { kNone, kBackedBy, kLedBy, kAlliedWith };

struct ActorMention {
  uint32_t first_token = 0, last_token = 0;  // token range [first_token, last_token) in the Document
  std::string actor_id;      // empty for an unresolved generic mention
  bool generic = false;      // "the rebels", "the army", "the country's armed forces"
  std::string generic_type;  // for generic mentions: "rebel group", "militia", "armed group",
                             // "military", "government", "police"
  std::string country_hint;  // "the Congolese armed group" -> "COD"
  bool definite = false;     // generic with "the"/"this"/"these"/a demonym, or a bare "rebels":
                             // only definite generic mentions are resolved by coreference
  bool coreferent = false;   // actor_id was filled in by ResolveCoreference
  bool refers_to_recent = false;  // "the country's army": the most recently mentioned country
  bool possessive = false;   // "its troops", "their forces": the forces of the actor named last
  bool ambiguous = false;    // the name was ambiguous ("Congo"); actor_id is the context's choice
  MentionModifier modifier = MentionModifier::kNone;
};

class ActorDictionary {
 public:
  // (file name for messages, content) pairs.
  using Files = std::vector<std::pair<std::string, std::string>>;

  // Loads every *.actors.txt file under `dir` (not recursive, in name order). Errors name the
  // file and line ("data/actors/x.actors.txt:12: unknown type 'rebel'").
  static Status Load(const std::string& dir, std::unique_ptr<ActorDictionary>* out);
  // Loads `dir`, then the user dictionary folders `user_dirs` in order (--dict DIR,
  // $SITREP_DICT_PATH: UserDictPathFromEnv()), whose *.actors.txt files may be absent. A user
  // entry whose id exists extends that actor (its name becomes canonical, ours stays an alias;
  // type, country replace ours; aliases, links, roles are added) and a user name that is ours
  // moves to the user's actor: each with one warning "file:line: ...", never an error.
  //
  //   std::vector<std::string> dirs = sitrep::UserDictPathFromEnv();
  //   dirs.push_back("sitrep-dict");
  //   sitrep::Status s = sitrep::ActorDictionary::Load(sitrep::DefaultActorDir(), dirs, &dict);
  //   for (const std::string& w : dict->warnings()) std::cerr << w << "\n";
  static Status Load(const std::string& dir, const std::vector<std::string>& user_dirs,
                     std::unique_ptr<ActorDictionary>* out);
  // Loads from in-memory files; `user_files` as the user folders' files of Load. For tests and tools.
  static Status LoadFromStrings(const Files& files, std::unique_ptr<ActorDictionary>* out);
  static Status LoadFromStrings(const Files& files, const Files& user_files, std::unique_ptr<ActorDictionary>* out);
  ~ActorDictionary();

  const Actor* Find(std::string_view id) const;
  size_t size() const;
  // All actors, in load order.
  const std::vector<Actor>& actors() const;
  // Non-fatal problems found at load time (e.g. one alias given to two actors), "file:line: ...".
  const std::vector<std::string>& warnings() const;

  // Mentions in one sentence, left to right, longest match first. Ambiguous names ("Congo",
  // "Congolese") are resolved with cues from the whole document; prefer MatchDocument when
  // matching every sentence (it computes those cues once).
  std::vector<ActorMention> Match(const Document& doc, const Sentence& s) const;
  // Mentions in every sentence of `doc`, in order.
  std::vector<ActorMention> MatchDocument(const Document& doc) const;

  // Name -> id through names and aliases, for normalising gold data: "FARDC" -> "COD_MIL",
  // "Military Forces of the Democratic Republic of Congo (2019-)" -> "COD_MIL",
  // "Civilians (Democratic Republic of Congo)" -> "CIVILIANS". Empty when unknown.
  std::string Normalize(std::string_view name) const;

  // The role `person_id` holds on `date` ("YYYY-MM-DD"; empty: the latest role), or nullptr.
  const ActorRole* RoleOn(std::string_view person_id, std::string_view date) const;
  // The institution a person acts for on `date` (RoleOn()->org_id); for a non-person, its own
  // id; empty when the id is unknown.
  std::string CodeAs(std::string_view id, std::string_view date) const;

  struct Impl;  // internal, see src/actors/

 private:
  ActorDictionary();
  std::unique_ptr<Impl> impl_;
};

// Resolves generic mentions across one article (all its mentions, in text order): a definite
// "the rebels" / "the insurgent coalition" / "the armed group" gets the most salient armed group
// of the article (most mentioned, then most recently mentioned before it), only if one exists;
// "the army" / "government forces" gets <country>_MIL of the article's most mentioned country
// ("the country's ..." uses the most recently mentioned country); when the article names no
// country's institution at all, `place_country` (ISO3, the country of the article's places, may be
// empty) stands in: "Police arrested 12 protesters in Nairobi" -> KEN_POL. See docs/actors.md.
void ResolveCoreference(const ActorDictionary& dict, std::vector<ActorMention>* article_mentions,
                        std::string_view place_country = {});

// The event-record form of a mention; `text` is the mention's words as printed in the article.
ActorRef ToRef(const ActorDictionary& dict, const ActorMention& m, const Document& doc);

// DataDir() + "/actors".
std::string DefaultActorDir();
// The user dictionary folders of $SITREP_DICT_PATH ("dir1:dir2", as PATH; empty parts dropped).
std::vector<std::string> UserDictPathFromEnv();

// ---- TABARI / PETRARCH import ------------------------------------------------------------

struct TabariImportResult {
  std::vector<Actor> actors;          // one per CAMEO code, plus one per person with dated codes;
                                      // Actor::file is the input file that first named it
  std::vector<std::string> warnings;  // "file:line: ..." for what was skipped or ignored
};

// Reads TABARI/PETRARCH .actors files ((name for messages, content) pairs, e.g. the Phoenix
// Countries, International and MilNonState files) into one table, appended to `out`: primary
// phrases with optional [CODE], '+' synonyms, dated codes on the same or following lines
// ([USAGOV 090120-170120], [RWAGOV >000422], [X <991231], YYMMDD, YYYYMMDD or D-MON-YYYY),
// '#' ';' and <!-- --> comments. Nothing is fatal: a line it cannot use (unpaired brackets, a bad
// date, the null code [---]) is a warning naming file:line and is skipped, the rest is kept.
//
//   sitrep::TabariImportResult r;
//   sitrep::ImportTabariActors({{"Phoenix.Countries.actors.txt", content}}, &r);
//   std::string ours = sitrep::FormatActorFile(r.actors);  // a user dictionary file
void ImportTabariActors(const std::vector<std::pair<std::string, std::string>>& files, TabariImportResult* out);

// Writes actors in sitrep's own format (docs/actors.md), loadable by ActorDictionary::Load. A
// state whose id is its ISO3 code is written as a `country` block, with its imported government,
// military and police folded in, so that "the <state> government" composes to <ISO3>_GOV.
std::string FormatActorFile(const std::vector<Actor>& actors);

}  // namespace sitrep

#endif  // SITREP_ACTORS_H_
