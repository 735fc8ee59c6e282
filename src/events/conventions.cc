#include "conventions.h"

#include "core/strings.h"

#include <optional>

namespace sitrep {

namespace {

using Field = Conventions::Field;

std::optional<Field> ParseField(const std::string& w) {
  static const std::pair<const char*, Field> kFields[] = {
      {"type", Field::kType},           {"mode", Field::kMode},
      {"actor1", Field::kActor1},       {"actor2", Field::kActor2},
      {"actor1.type", Field::kActor1Type}, {"actor2.type", Field::kActor2Type},
      {"actor1.country", Field::kActor1Country}, {"actor2.country", Field::kActor2Country},
      {"actor1.head", Field::kActor1Head}, {"actor2.head", Field::kActor2Head},
      {"cue", Field::kCue},
  };
  for (const auto& [name, f] : kFields)
    if (w == name) return f;
  return std::nullopt;
}

const std::string& FieldOf(const Event& e, Field f) {
  switch (f) {
    case Field::kType: return e.plover_type;
    case Field::kMode: return e.plover_mode;
    case Field::kActor1: return e.actor1.id;
    case Field::kActor2: return e.actor2.id;
    case Field::kActor1Type: return e.actor1.type;
    case Field::kActor2Type: return e.actor2.type;
    case Field::kActor1Country: return e.actor1.country;
    case Field::kActor2Country: return e.actor2.country;
    case Field::kActor1Head:
    case Field::kActor2Head:
    case Field::kCue: break;  // not fields of the event: Condition::Holds computes them
  }
  return e.plover_type;
}

// The last word of the words that named a party, lowercased: "armed Fulani herdsmen" -> "herdsmen".
std::string HeadWord(const ActorRef& a) {
  const size_t end = a.text.find_last_not_of(" .,;:'\"");
  if (end == std::string::npos) return "";
  const size_t space = a.text.find_last_of(' ', end);
  const size_t begin = space == std::string::npos ? 0 : space + 1;
  return strings::AsciiLower(std::string_view(a.text).substr(begin, end + 1 - begin));
}

// Splits "a and b and c" at the word "and".
std::vector<std::vector<std::string>> SplitAtAnd(const std::vector<std::string>& words) {
  std::vector<std::vector<std::string>> parts(1);
  for (const std::string& w : words) {
    if (w == "and") parts.emplace_back();
    else parts.back().push_back(w);
  }
  return parts;
}

// The words of a rule, with a quoted value of several words as one ("rebel group").
std::vector<std::string> JoinQuoted(const std::vector<std::string>& words) {
  std::vector<std::string> out;
  bool open = false;
  for (const std::string& w : words) {
    if (open) {
      out.back() += " " + w;
    } else {
      out.push_back(w);
    }
    if (!open && w.size() > 1 && w.front() == '"' && w.back() == '"') {
      out.back() = w.substr(1, w.size() - 2);
    } else if (!open && !w.empty() && w.front() == '"') {
      open = true;
      out.back() = w.substr(1);
    } else if (open && !w.empty() && w.back() == '"') {
      open = false;
      out.back().pop_back();
    }
  }
  return out;
}


// Codes `party` as the dictionary's actor `id`, keeping the words that named it (and, if asked, its
// country when the actor has none); false (and `party` unchanged) without a dictionary or when it
// lacks the id.
bool Recode(const EventExtractor::ActorLookup& lookup, ActorRef* party, const std::string& id, bool keep_country) {
  std::optional<ActorRef> ref = lookup ? lookup(id) : std::nullopt;
  if (!ref) return false;
  ref->text = party->text;
  if (keep_country && ref->country.empty()) ref->country = party->country;
  *party = std::move(*ref);
  return true;
}

}  // namespace

bool Conventions::Condition::Holds(const Event& e, const ContextTest& context) const {
  if (field == Field::kCue) {
    bool found = false;
    for (const std::string& v : values) found = found || (context && context(v));
    return op == Op::kNe ? !found : found;
  }
  const bool head = field == Field::kActor1Head || field == Field::kActor2Head;
  const std::string head_word = head ? HeadWord(field == Field::kActor1Head ? e.actor1 : e.actor2) : std::string();
  const std::string& x = head ? head_word : FieldOf(e, field);
  if (other) return (op == Op::kEq) == (x == FieldOf(e, *other));
  bool in = false;
  for (const std::string& v : values) in = in || x == v;
  return op == Op::kNe ? !in : in;
}

namespace {

Status ParseCondition(const std::vector<std::string>& w, const std::string& where, Conventions::Condition* c) {
  using Op = Conventions::Condition::Op;
  const auto field = w.empty() ? std::nullopt : ParseField(w[0]);
  if (!field || w.size() < 3)
    return Status::Corruption(where + "a condition reads 'FIELD = VALUE', 'FIELD != VALUE' or 'FIELD in VALUES'");
  c->field = *field;
  if (w[1] == "=") c->op = Op::kEq;
  else if (w[1] == "!=") c->op = Op::kNe;
  else if (w[1] == "in") c->op = Op::kIn;
  else return Status::Corruption(where + "unknown comparison '" + w[1] + "'");
  if (c->op != Op::kIn && w.size() != 3) return Status::Corruption(where + "'" + w[1] + "' takes one value");
  if (c->op != Op::kIn) c->other = ParseField(w[2]);
  for (size_t i = 2; i < w.size(); ++i) c->values.push_back(w[i] == "-" ? "" : w[i]);
  return Status::OK();
}

Status ParseAction(const std::vector<std::string>& w, const std::string& where, Conventions::Action* a) {
  using Kind = Conventions::Action::Kind;
  if (w.size() < 3 || w[1] != ":=") return Status::Corruption(where + "an action reads 'WHAT := VALUE'");
  if (w[0] == "actor1" || w[0] == "actor2") {
    a->keep_country = w.size() == 5 && w[3] == "keeping" && w[4] == "country";
    if (w.size() != 3 && !a->keep_country)
      return Status::Corruption(where + "'" + w[0] + " :=' takes an actor id, optionally followed by 'keeping country'");
    a->kind = w[0] == "actor1" ? Kind::kRecode1 : Kind::kRecode2;
    a->id = w[2];
    return Status::OK();
  }
  if (w[0] == "event") {
    const size_t slash = w.size() == 4 ? w[2].find('/') : std::string::npos;
    if (slash == std::string::npos) return Status::Corruption(where + "'event :=' takes TYPE/mode CAMEO");
    a->kind = Kind::kEvent;
    a->plover_type = w[2].substr(0, slash);
    a->plover_mode = w[2].substr(slash + 1);
    a->cameo = w[3];
    return Status::OK();
  }
  if (w[0] == "acled") {
    const std::string text = strings::JoinWords(std::span(w).subspan(2));
    const size_t slash = text.find(" / ");
    if (slash == std::string::npos) return Status::Corruption(where + "'acled :=' takes 'Event type / Sub-event type'");
    a->kind = Kind::kAcled;
    a->acled = {"", text.substr(0, slash), text.substr(slash + 3)};
    return Status::OK();
  }
  return Status::Corruption(where + "unknown action '" + w[0] + "'");
}

// "{country}_MIL" for a party of country COD: "COD_MIL"; empty when the party has no country.
std::string ExpandId(const std::string& id, const ActorRef& party) {
  const size_t at = id.find("{country}");
  if (at == std::string::npos) return id;
  if (party.country.empty()) return "";
  return id.substr(0, at) + party.country + id.substr(at + 9);
}

}  // namespace

Status Conventions::ParseRule(const std::vector<std::string>& words, const std::string& where) {
  size_t then = 0;
  while (then < words.size() && words[then] != "then") ++then;
  if (words.empty() || words[0] != "when" || then == words.size())
    return Status::Corruption(where + "a rule reads 'when CONDITIONS then ACTIONS'");
  Rule rule;
  rule.where = where;
  for (const auto& part : SplitAtAnd({words.begin() + 1, words.begin() + then})) {
    Condition c;
    Status s = ParseCondition(part, where, &c);
    if (!s.ok()) return s;
    rule.when.push_back(std::move(c));
  }
  for (const auto& part : SplitAtAnd({words.begin() + then + 1, words.end()})) {
    Action a;
    Status s = ParseAction(part, where, &a);
    if (!s.ok()) return s;
    rule.then.push_back(std::move(a));
  }
  rules_.push_back(std::move(rule));
  return Status::OK();
}

Status Conventions::Load(const std::string& path) {
  WordLists lists;
  if (Status s = WordLists::Load(path, &lists, /*keep_case=*/true); !s.ok()) return s;
  const std::pair<const char*, OwnedWordSet*> sets[] = {
      {"violent_types", &violent_types},       {"toll_types", &toll_types},
      {"coercive_types", &coercive_types},
      {"casualty_roles", &casualty_roles},     {"captive_roles", &captive_roles},
      {"agentless_toll_roles", &agentless_toll_roles}, {"figure_roles", &figure_roles}, {"unrealised_modalities", &unrealised_modalities},
      {"victim_roles", &victim_roles},         {"people_actor", &people_actor},
      {"implied_civilian_targets", &implied_civilian_targets},
      {"implied_civilian_targets_unless_clash", &implied_civilian_targets_unless_clash},
      {"protest_outcomes", &protest_outcomes}, {"separate_modes", &separate_modes}, {"captivity_modes", &captivity_modes}, {"fight_outcome_types", &fight_outcome_types}, {"incident_followup_modes", &incident_followup_modes}, {"method_event_types", &method_event_types}, {"crowd_actor", &crowd_actor}, {"verbal_types", &verbal_types},         {"unclaimed_actors", &unclaimed_actors}, {"stand_in_actors", &stand_in_actors},
      {"state_force_types", &state_force_types},
      {"civilian_types", &civilian_types},     {"armed_types", &armed_types},
      {"fighting_types", &fighting_types},
      {"two_sided_event_types", &two_sided_event_types},
      {"insurgent_types", &insurgent_types},   {"attributed_types", &attributed_types},
  };
  for (const auto& [name, set] : sets)
    if (Status s = lists.TakePhraseSet(std::string("set ") + name, set); !s.ok()) return s;
  for (const std::string& name : lists.Names()) {
    if (name.rfind("rule ", 0) != 0) continue;
    std::vector<WordLists::Entry> entries;
    if (Status s = lists.Take(name, &entries); !s.ok()) return s;
    for (const WordLists::Entry& e : entries)
      if (Status s = ParseRule(JoinQuoted(e.words), lists.Where(e.line)); !s.ok()) return s;
    for (size_t r = rules_.size() - entries.size(); r < rules_.size(); ++r) rules_[r].name = name.substr(5);
  }
  return lists.CheckAllTaken();
}

std::vector<std::string> Conventions::ContextNames() const {
  std::vector<std::string> names;
  for (const Rule& rule : rules_)
    for (const Condition& c : rule.when)
      if (c.field == Field::kCue) names.insert(names.end(), c.values.begin(), c.values.end());
  return names;
}

bool Conventions::Apply(const EventExtractor::ActorLookup& lookup, const ContextTest& context, Event* e,
                        std::vector<std::string>* applied) const {
  bool acled_fixed = false;
  for (const Rule& rule : rules_) {
    bool holds = true;
    for (size_t i = 0; i < rule.when.size() && holds; ++i) holds = rule.when[i].Holds(*e, context);
    if (!holds) continue;
    if (applied) applied->push_back(rule.Source());
    for (const Action& a : rule.then) {
      switch (a.kind) {
        case Action::Kind::kRecode1:
        case Action::Kind::kRecode2: {
          ActorRef* party = a.kind == Action::Kind::kRecode1 ? &e->actor1 : &e->actor2;
          const std::string id = ExpandId(a.id, *party);
          if (!id.empty()) Recode(lookup, party, id, a.keep_country);
          break;
        }
        case Action::Kind::kEvent:
          e->plover_type = a.plover_type;
          e->plover_mode = a.plover_mode;
          e->cameo_code = a.cameo;
          break;
        case Action::Kind::kAcled:
          e->acled_event_type = a.acled.event_type;
          e->acled_sub_event_type = a.acled.sub_event_type;
          acled_fixed = true;
          break;
      }
    }
  }
  return acled_fixed;
}

const AcledRule* Conventions::ChooseAcled(const Pattern& p, const ActorRef& a1, const ActorRef& a2,
                                          Target target) const {
  for (const AcledRule& r : p.acled) {
    if (r.condition == "state" && IsStateForce(a1)) return &r;
    if (r.condition == "civilians" && (IsCivilians(a2) || (a2.empty() && target == Target::kCivilianPlace))) return &r;
    if (r.condition == "armed" && (IsArmed(a2) || (a2.empty() && target == Target::kArmed))) return &r;
    if (r.condition == "insurgent" && insurgent_types.Contains(a1.type)) return &r;
    if (r.condition == "default") return &r;
  }
  return nullptr;
}

}  // namespace sitrep
