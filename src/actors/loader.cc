// Parser of sitrep's actor dictionary format (*.actors.txt, documented in docs/actors.md).
//
//   actor M23                      a block: indented "key: value" lines follow
//     name: March 23 Movement
//     type: rebel group
//     alias: M23; M23/AFC; AFC/M23
//     link: backed by RWA from 2022 source UN Group of Experts
//   country COD                    a state plus COD_GOV, COD_MIL, COD_POL
//   generic rebel group: the rebels; rebels*       one-line directives at column 0
//
// Errors are InvalidArgument "file:line: message". In a user dictionary (loaded after ours), a
// block whose id exists already extends that actor (ExtendActor) with a warning instead.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <initializer_list>

#include "internal.h"

namespace sitrep::actors_internal {

bool IsKnownType(std::string_view type) {
  static constexpr std::array<std::string_view, 14> kTypes = {
      "state", "government", "military", "police", "rebel group", "militia", "IGO",
      "NGO",   "company",    "person",   "civilians", "media", "mercenaries", "other"};
  for (auto t : kTypes)
    if (t == type) return true;
  return false;
}

namespace {

struct Parser {
  Parser(std::string_view c, const std::string& f, ActorDictionary::Impl* i, LoadState* s, bool u)
      : content(c), file(f), impl(i), state(s), user(u) {}
  std::string_view content;
  const std::string& file;
  ActorDictionary::Impl* impl;
  LoadState* state;
  bool user;  // a user dictionary file: an existing id is extended, not a duplicate
  int line_no = 0;

  // The block being read: an actor, or a country (state + derived institutions).
  enum class Block { kNone, kActor, kCountry } block = Block::kNone;
  Actor current;
  std::vector<std::string> gov, mil, pol, demonyms;

  Status Error(const std::string& msg) const {
    return Status::InvalidArgument(fmt::format("{}:{}: {}", file, line_no, msg));
  }

  // Strips a comment: '#' at the start or preceded by whitespace.
  static std::string_view StripComment(std::string_view line) {
    for (size_t i = 0; i < line.size(); ++i) {
      if (line[i] == '#' && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t')) return line.substr(0, i);
    }
    return line;
  }

  Status Run() {
    size_t pos = 0;
    while (pos <= content.size()) {
      size_t end = content.find('\n', pos);
      if (end == std::string_view::npos) end = content.size();
      std::string_view raw = content.substr(pos, end - pos);
      pos = end + 1;
      ++line_no;
      if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
      std::string_view line = StripComment(raw);
      if (Trim(line).empty()) {
        if (end == content.size()) break;
        continue;
      }
      bool indented = line[0] == ' ' || line[0] == '\t';
      Status s = indented ? BlockLine(Trim(line)) : TopLine(Trim(line));
      if (!s.ok()) return s;
      if (end == content.size()) break;
    }
    return EndBlock();
  }

  Status TopLine(std::string_view line) {
    Status s = EndBlock();
    if (!s.ok()) return s;
    size_t sp = line.find_first_of(" \t:");
    std::string_view word = line.substr(0, sp);
    std::string_view rest = sp == std::string_view::npos ? std::string_view() : Trim(line.substr(sp));
    if (word == "actor" || word == "country") {
      if (!IsActorId(rest)) return Error(fmt::format("'{}' needs an id in capitals, digits and '_', got '{}'", word, rest));
      if (impl->by_id.count(rest) && !user) {
        const Actor& prev = impl->actors[impl->by_id.find(rest)->second];
        return Error(fmt::format("duplicate id {} (first defined at {}:{})", rest, prev.file, prev.line));
      }
      current = Actor();
      current.id = std::string(rest);
      current.file = file;
      current.line = line_no;
      gov.clear(), mil.clear(), pol.clear(), demonyms.clear();
      if (word == "country") {
        if (rest.size() != 3) return Error(fmt::format("country id must be an ISO 3166-1 alpha-3 code, got '{}'", rest));
        block = Block::kCountry;
        current.type = "state";
        current.country = current.id;
      } else {
        block = Block::kActor;
      }
      return Status::OK();
    }
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) return Error(fmt::format("expected 'actor ID', 'country ISO3' or a directive, got '{}'", line));
    std::string_view head = Trim(line.substr(0, colon));
    std::string_view value = Trim(line.substr(colon + 1));
    size_t hs = head.find(' ');
    std::string_view directive = head.substr(0, hs);
    std::string_view arg = hs == std::string_view::npos ? std::string_view() : Trim(head.substr(hs));
    if (directive == "generic") return AddPhrases(TargetKind::kGeneric, arg, value, true);
    if (directive == "compose") {
      if (IsActorId(arg)) state->refs.push_back({std::string(arg), file, line_no});
      return AddPhrases(TargetKind::kCompose, arg, value, true);
    }
    if (directive == "head") {
      std::string types = "|";
      for (const auto& t : SplitList(arg, ',')) {
        if (!IsKnownType(t)) return Error(fmt::format("unknown actor type '{}'", t));
        types += t + "|";
      }
      return AddPhrases(TargetKind::kHead, types, value, false);
    }
    if (directive == "title") return AddPhrases(TargetKind::kTitle, "", value, false);
    if (directive == "cue") {
      if (!IsActorId(arg)) return Error("'cue' needs the id it votes for: 'cue COD: Kinshasa; Kivu'");
      state->refs.push_back({std::string(arg), file, line_no});
      return AddPhrases(TargetKind::kCue, arg, value, false);
    }
    if (directive == "ambiguous") return Ambiguous(value);
    return Error(fmt::format("unknown directive '{}'", directive));
  }

  Status AddPhrases(TargetKind kind, std::string_view label, std::string_view value, bool need_label) {
    if (need_label && label.empty()) return Error("directive needs a type: 'generic rebel group: the rebels'");
    auto items = SplitList(value);
    if (items.empty()) return Error("directive lists no phrases");
    for (std::string item : items) {
      const bool star = item.back() == '*', member = item.back() == '+';
      if (star || member) item = std::string(Trim(std::string_view(item).substr(0, item.size() - 1)));
      for (auto& toks : PhraseVariants(item)) {
        Phrase p;
        p.tokens = std::move(toks);
        p.kind = kind;
        p.label = std::string(label);
        p.bare_definite = star;
        p.member = member;
        p.file = file;
        p.line = line_no;
        state->phrases.push_back(std::move(p));
      }
    }
    return Status::OK();
  }

  // ambiguous: Congo; Congolese => COD COG default COD
  Status Ambiguous(std::string_view value) {
    size_t arrow = value.find("=>");
    if (arrow == std::string_view::npos) return Error("expected 'ambiguous: NAME; NAME => ID ID [default ID]'");
    Ambiguity a;
    a.names = SplitList(value.substr(0, arrow));
    auto words = SplitList(value.substr(arrow + 2), ' ');
    for (size_t i = 0; i < words.size(); ++i) {
      if (words[i] == "default") {
        if (i + 1 >= words.size()) return Error("'default' needs an id");
        a.default_id = words[++i];
      } else {
        a.choices.push_back(words[i]);
      }
    }
    if (a.names.empty() || a.choices.size() < 2) return Error("an ambiguous name needs at least two ids");
    if (a.default_id.empty()) a.default_id = a.choices[0];
    for (const auto& id : a.choices) state->refs.push_back({id, file, line_no});
    a.file = file;
    a.line = line_no;
    uint32_t index = static_cast<uint32_t>(impl->ambiguities.size());
    for (const auto& name : a.names) {
      for (auto& toks : PhraseVariants(name)) {
        Phrase p;
        p.tokens = std::move(toks);
        p.kind = TargetKind::kAmbiguous;
        p.index = index;
        p.file = file;
        p.line = line_no;
        state->phrases.push_back(std::move(p));
      }
    }
    impl->ambiguities.push_back(std::move(a));
    return Status::OK();
  }

  // Parses "[from D] [until D] [source TEXT]" at the end of a link/role.
  Status DatesAndSource(std::vector<std::string>& words, size_t start, std::string* from, std::string* until,
                        std::string* source) {
    for (size_t i = start; i < words.size(); ++i) {
      if (words[i] == "from" || words[i] == "until") {
        if (i + 1 >= words.size() || !IsPartialDate(words[i + 1]))
          return Error(fmt::format("'{}' needs a date YYYY, YYYY-MM or YYYY-MM-DD", words[i]));
        (words[i] == "from" ? *from : *until) = words[i + 1];
        ++i;
      } else if (words[i] == "source" && source) {
        for (size_t j = i + 1; j < words.size(); ++j) *source += (j > i + 1 ? " " : "") + words[j];
        if (source->empty()) return Error("'source' needs text");
        return Status::OK();
      } else {
        return Error(fmt::format("unexpected '{}' (expected from, until{})", words[i], source ? " or source" : ""));
      }
    }
    return Status::OK();
  }

  Status BlockLine(std::string_view line) {
    if (block == Block::kNone) return Error("indented line outside an 'actor' or 'country' block");
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) return Error(fmt::format("expected 'key: value', got '{}'", line));
    std::string_view key = Trim(line.substr(0, colon));
    std::string_view value = Trim(line.substr(colon + 1));
    if (value.empty()) return Error(fmt::format("'{}' has no value", key));
    if (key == "name") {
      current.name = std::string(value);
    } else if (key == "alias") {
      for (auto& a : SplitList(value)) current.aliases.push_back(a);
    } else if (key == "type") {
      if (block == Block::kCountry) return Error("a country block is always type state");
      if (!IsKnownType(value)) return Error(fmt::format("unknown type '{}' (see docs/actors.md)", value));
      current.type = std::string(value);
    } else if (key == "country") {
      if (value.size() != 3 || !IsActorId(value)) return Error(fmt::format("country must be ISO 3166-1 alpha-3, got '{}'", value));
      current.country = std::string(value);
    } else if (key == "link") {
      auto words = SplitList(value, ' ');
      size_t i = 0;
      std::string relation;
      while (i < words.size() && !IsActorId(words[i])) relation += (relation.empty() ? "" : " ") + words[i++];
      if (relation.empty() || i == words.size()) return Error("expected 'link: RELATION ID [from D] [until D] [source TEXT]'");
      ActorLink l;
      l.relation = relation;
      l.other_id = words[i];
      Status s = DatesAndSource(words, i + 1, &l.from, &l.until, &l.source);
      if (!s.ok()) return s;
      state->refs.push_back({l.other_id, file, line_no});
      current.links.push_back(std::move(l));
    } else if (key == "role") {
      auto words = SplitList(value, ' ');
      if (words.size() < 2 || !IsActorId(words[0])) return Error("expected 'role: ORG_ID TITLE [from D] [until D]'");
      ActorRole r;
      r.org_id = words[0];
      size_t i = 1;
      while (i < words.size() && words[i] != "from" && words[i] != "until") r.title += (r.title.empty() ? "" : " ") + words[i++];
      if (r.title.empty()) return Error("role needs a title: 'role: RWA_GOV President from 2000-04-22'");
      Status s = DatesAndSource(words, i, &r.from, &r.until, nullptr);
      if (!s.ok()) return s;
      state->refs.push_back({r.org_id, file, line_no});
      current.roles.push_back(std::move(r));
    } else if (key == "note") {
      // free text for editors
    } else if (block == Block::kCountry && key == "people") {
      // "Rwandans": people of the country, coded as CIVILIANS with the country as hint.
      state->refs.push_back({"CIVILIANS", file, line_no});
      for (auto& a : SplitList(value)) {
        for (auto& toks : PhraseVariants(a)) {
          Phrase ph;
          ph.tokens = std::move(toks);
          ph.kind = TargetKind::kActor;
          ph.label = current.id;  // resolved to CIVILIANS' index in FinishLoad
          ph.file = file;
          ph.line = line_no;
          state->phrases.push_back(std::move(ph));
        }
      }
    } else if (block == Block::kCountry && key == "demonym") {
      for (auto& a : SplitList(value)) demonyms.push_back(a);
    } else if (block == Block::kCountry && key == "government") {
      for (auto& a : SplitList(value)) gov.push_back(a);
    } else if (block == Block::kCountry && key == "military") {
      for (auto& a : SplitList(value)) mil.push_back(a);
    } else if (block == Block::kCountry && key == "police") {
      for (auto& a : SplitList(value)) pol.push_back(a);
    } else {
      return Error(fmt::format("unknown key '{}' in {} block", key, block == Block::kCountry ? "country" : "actor"));
    }
    return Status::OK();
  }

  void Add(Actor a) {
    impl->by_id[a.id] = static_cast<uint32_t>(impl->actors.size());
    impl->actors.push_back(std::move(a));
  }

  // A user entry for an id that exists: merged into it (ExtendActor), with one warning naming both
  // places; otherwise added.
  void AddOrExtend(Actor a) {
    auto it = impl->by_id.find(a.id);
    if (it == impl->by_id.end()) return Add(std::move(a));
    Actor& prev = impl->actors[it->second];
    impl->warnings.push_back(fmt::format("{}:{}: {} is already defined at {}:{}; this entry extends it", a.file, a.line,
                                         a.id, prev.file, prev.line));
    ExtendActor(std::move(a), &prev);
  }

  Status EndBlock() {
    if (block == Block::kNone) return Status::OK();
    Block b = block;
    block = Block::kNone;
    if (user && b == Block::kActor && impl->by_id.count(current.id)) {  // extends: every key optional
      AddOrExtend(std::move(current));
      return Status::OK();
    }
    if (current.name.empty())
      return Status::InvalidArgument(fmt::format("{}:{}: {} has no 'name:'", file, current.line, current.id));
    if (b == Block::kActor) {
      if (current.type.empty())
        return Status::InvalidArgument(fmt::format("{}:{}: {} has no 'type:'", file, current.line, current.id));
      Add(std::move(current));
      return Status::OK();
    }
    // A country: the state (names + demonyms) and its government, military and police, whose
    // first listed name (if any) is canonical.
    Actor state_actor = current;
    for (auto& d : demonyms) state_actor.aliases.push_back(d);
    std::string country_name = current.name;
    auto derived = [&](const char* suffix, const char* type, const char* fallback, std::vector<std::string>& names) {
      Actor a;
      a.id = current.id + suffix;
      a.type = type;
      a.country = current.id;
      a.file = file;
      a.line = current.line;
      a.name = names.empty() ? fmt::format("{} of {}", fallback, country_name) : names[0];
      for (size_t i = names.empty() ? 0 : 1; i < names.size(); ++i) a.aliases.push_back(names[i]);
      return a;
    };
    Actor g = derived("_GOV", "government", "Government", gov);
    Actor m = derived("_MIL", "military", "Military", mil);
    Actor p = derived("_POL", "police", "Police", pol);
    if (user) {
      AddOrExtend(std::move(state_actor));
      AddOrExtendInstitution(std::move(g), gov);
      AddOrExtendInstitution(std::move(m), mil);
      AddOrExtendInstitution(std::move(p), pol);
      return Status::OK();
    }
    for (const Actor* a : {&g, &m, &p}) {
      if (impl->by_id.count(a->id))
        return Status::InvalidArgument(fmt::format("{}:{}: duplicate id {}", file, current.line, a->id));
    }
    Add(std::move(state_actor));
    Add(std::move(g));
    Add(std::move(m));
    Add(std::move(p));
    return Status::OK();
  }

  // An institution of a user country block (its government, military, police): added, or extends ours;
  // an existing institution the block gives no names for is left as it is.
  void AddOrExtendInstitution(Actor institution, const std::vector<std::string>& names) {
    auto it = impl->by_id.find(institution.id);
    if (it == impl->by_id.end()) return Add(std::move(institution));
    if (!names.empty()) ExtendActor(std::move(institution), &impl->actors[it->second]);
  }
};

}  // namespace

Status ParseActorFile(std::string_view content, const std::string& file, ActorDictionary::Impl* impl,
                      LoadState* state, bool user) {
  Parser p(content, file, impl, state, user);
  return p.Run();
}

void ExtendActor(Actor extra, Actor* actor) {
  auto add_alias = [&](std::string name) {
    if (name != actor->name && std::find(actor->aliases.begin(), actor->aliases.end(), name) == actor->aliases.end())
      actor->aliases.push_back(std::move(name));
  };
  if (!extra.name.empty() && extra.name != actor->name) {
    std::string ours = std::move(actor->name);
    actor->name = std::move(extra.name);
    add_alias(std::move(ours));
  }
  if (!extra.type.empty()) actor->type = std::move(extra.type);
  if (!extra.country.empty()) actor->country = std::move(extra.country);
  for (auto& alias : extra.aliases) add_alias(std::move(alias));
  for (auto& l : extra.links) actor->links.push_back(std::move(l));
  for (auto& r : extra.roles) actor->roles.push_back(std::move(r));
}

}  // namespace sitrep::actors_internal
