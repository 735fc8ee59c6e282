// Coding conventions (data/events/conventions.txt): which PLOVER and ACLED type an actor, target and
// trigger combination gets, which actors are recoded, and the named sets of types and roles the
// passes consult. The file's header documents its grammar; docs/events.md shows how to add a rule.
#ifndef SITREP_SRC_EVENTS_CONVENTIONS_H_
#define SITREP_SRC_EVENTS_CONVENTIONS_H_

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "patterns.h"
#include "sitrep/event.h"
#include "sitrep/events.h"
#include "sitrep/status.h"
#include "core/word_lists.h"

namespace sitrep {

class Conventions {
 public:
  // The named sets (each described in the file).
  OwnedWordSet violent_types, toll_types, coercive_types, casualty_roles, captive_roles, agentless_toll_roles, figure_roles, unrealised_modalities,
      protest_outcomes, separate_modes, captivity_modes, fight_outcome_types, incident_followup_modes, method_event_types, crowd_actor, verbal_types, unclaimed_actors, stand_in_actors, victim_roles, people_actor, implied_civilian_targets, implied_civilian_targets_unless_clash, state_force_types, civilian_types, armed_types, fighting_types, two_sided_event_types, insurgent_types, attributed_types;

  // Reads `path`; errors name the file and line.
  Status Load(const std::string& path);

  // Applies the rules in file order to `e` (recoding actors through `lookup`, which may be empty: then
  // no actor is recoded). Returns true when a rule set the ACLED type, which then stays whatever the
  // event's victims turn out to be.
  // `context(name)` answers "cue = NAME" conditions: whether a context phrase list of cues.txt occurs
  // around the event (may be empty: such conditions are then false).
  // `applied`, when given, receives each rule that held (Rule::Source(): "<path>:40 (state-forces)").
  using ContextTest = std::function<bool(std::string_view name)>;
  bool Apply(const EventExtractor::ActorLookup& lookup, const ContextTest& context, Event* e,
             std::vector<std::string>* applied = nullptr) const;
  // The context lists the rules name ("cue = NAME"), for checking them against cues.txt at load.
  std::vector<std::string> ContextNames() const;

  // The ACLED type of a pattern's event with these parties: its first rule whose condition holds
  // ("state": actor1 is a state's force; "civilians": actor2 is civilians; "armed": actor2 is an armed
  // party; "insurgent": actor1 is an insurgent group; "default").
  // `target`: what the text says was hit when it names no actor2: armed people or an armed post ("a police
  // officer", "a checkpoint"), a place where civilians live ("the village of Doka"), or nothing telling.
  enum class Target { kUnknown, kArmed, kCivilianPlace };
  const AcledRule* ChooseAcled(const Pattern& p, const ActorRef& actor1, const ActorRef& actor2,
                               Target target = Target::kUnknown) const;

  bool IsStateForce(const ActorRef& a) const { return state_force_types.Contains(a.type); }
  bool IsCivilians(const ActorRef& a) const { return civilian_types.Contains(a.type); }
  bool IsArmed(const ActorRef& a) const { return armed_types.Contains(a.type); }
  bool Fights(const ActorRef& a) const { return fighting_types.Contains(a.type); }

  // A rule as read from the file.
  enum class Field {
    kType, kMode, kActor1, kActor2, kActor1Type, kActor2Type, kActor1Country, kActor2Country,
    kActor1Head, kActor2Head,  // the last word of the words that named the party, lowercased ("herders")
    kCue,
  };
  struct Condition {
    enum class Op { kEq, kNe, kIn } op;
    Field field;
    std::optional<Field> other;       // compare with another field ("actor1 != actor2")
    std::vector<std::string> values;  // "-" read as ""
    bool Holds(const Event& e, const ContextTest& context) const;
  };

  struct Action {
    enum class Kind { kRecode1, kRecode2, kEvent, kAcled } kind;
    std::string id;                  // recode: the target id, "{country}" expanded
    bool keep_country = false;       // recode: the party keeps its country when the new actor has none
    std::string plover_type, plover_mode, cameo;
    AcledRule acled;
  };

  struct Rule {
    std::string where;  // "<path>:LINE: ", the prefix of error messages
    std::string name;   // "state-forces" (the file's "rule state-forces: ...")
    std::vector<Condition> when;
    std::vector<Action> then;
    // "<path>:LINE (name)", for `sitrep explain`.
    std::string Source() const {
      std::string at = where.ends_with(": ") ? where.substr(0, where.size() - 2) : where;
      return name.empty() ? at : at + " (" + name + ")";
    }
  };

 private:
  Status ParseRule(const std::vector<std::string>& words, const std::string& where);
  std::vector<Rule> rules_;
};

}  // namespace sitrep

#endif  // SITREP_SRC_EVENTS_CONVENTIONS_H_
