// ActorDictionary: loading, indexing, lookup by id and name, roles by date.
#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "internal.h"
#include "sitrep/paths.h"

namespace sitrep {

using namespace actors_internal;

ActorDictionary::ActorDictionary() : impl_(std::make_unique<Impl>()) {}
ActorDictionary::~ActorDictionary() = default;

std::string DefaultActorDir() { return DataDir() + "/actors"; }

std::vector<std::string> UserDictPathFromEnv() {
  const char* path = std::getenv("SITREP_DICT_PATH");
  return path ? strings::SplitList(path, ':') : std::vector<std::string>();
}

namespace {

// The contents of every *.actors.txt file in `dir`, in name order. `need_files`: none is an error.
Status ReadDictionaryDir(const std::string& dir, bool need_files, std::vector<std::pair<std::string, std::string>>* files) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return Status::NotFound(fmt::format("{}: actor dictionary directory not found", dir));
  std::vector<std::string> paths;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    std::string name = entry.path().filename().string();
    if (entry.is_regular_file() && name.size() > 11 && name.ends_with(".actors.txt")) paths.push_back(entry.path().string());
  }
  if (ec) return Status::IOError(fmt::format("{}: {}", dir, ec.message()));
  if (paths.empty() && need_files) return Status::NotFound(fmt::format("{}: no *.actors.txt files", dir));
  std::sort(paths.begin(), paths.end());
  for (const auto& p : paths) {
    std::ifstream in(p, std::ios::binary);
    if (!in) return Status::IOError(fmt::format("{}: cannot open", p));
    std::ostringstream ss;
    ss << in.rdbuf();
    files->emplace_back(p, ss.str());
  }
  return Status::OK();
}

}  // namespace

Status ActorDictionary::Load(const std::string& dir, std::unique_ptr<ActorDictionary>* out) {
  return Load(dir, {}, out);
}

Status ActorDictionary::Load(const std::string& dir, const std::vector<std::string>& user_dirs,
                             std::unique_ptr<ActorDictionary>* out) {
  Files ours, user;
  Status s = ReadDictionaryDir(dir, true, &ours);
  for (size_t i = 0; s.ok() && i < user_dirs.size(); ++i) s = ReadDictionaryDir(user_dirs[i], false, &user);
  if (!s.ok()) return s;
  return LoadFromStrings(ours, user, out);
}

Status ActorDictionary::LoadFromStrings(const Files& files, std::unique_ptr<ActorDictionary>* out) {
  return LoadFromStrings(files, {}, out);
}

Status ActorDictionary::LoadFromStrings(const Files& files, const Files& user_files,
                                        std::unique_ptr<ActorDictionary>* out) {
  std::unique_ptr<ActorDictionary> dict(new ActorDictionary());
  Impl* impl = dict->impl_.get();
  LoadState state;
  for (const auto& [name, content] : files) {
    Status s = ParseActorFile(content, name, impl, &state, false);
    if (!s.ok()) return s;
  }
  impl->first_user_actor = static_cast<uint32_t>(impl->actors.size());
  for (const auto& [name, content] : user_files) {
    Status s = ParseActorFile(content, name, impl, &state, true);
    if (!s.ok()) return s;
  }
  Status s = FinishLoad(impl, &state);
  if (!s.ok()) return s;
  *out = std::move(dict);
  return Status::OK();
}

namespace actors_internal {
namespace {

// User dictionaries' actors first, then ours, each in load order.
std::vector<uint32_t> NameClaimOrder(const ActorDictionary::Impl& impl) {
  const uint32_t n = static_cast<uint32_t>(impl.actors.size());
  const uint32_t first_user = std::min(impl.first_user_actor, n);
  std::vector<uint32_t> order;
  order.reserve(n);
  for (uint32_t i = first_user; i < n; ++i) order.push_back(i);
  for (uint32_t i = 0; i < first_user; ++i) order.push_back(i);
  return order;
}

// `name` of actor `loser` is already a name of actor `owner`: said at the user entry when a user
// dictionary's name overrides ours, else at the second claim.
std::string NameClashWarning(const ActorDictionary::Impl& impl, uint32_t owner, uint32_t loser, const std::string& name) {
  const Actor& o = impl.actors[owner];
  const Actor& l = impl.actors[loser];
  if (owner >= impl.first_user_actor && loser < impl.first_user_actor)
    return fmt::format("{}:{}: '{}' of {} overrides the same name of {} ({}:{})", o.file, o.line, name, o.id, l.id,
                       l.file, l.line);
  return fmt::format("{}:{}: '{}' of {} is already a name of {}; ignored", l.file, l.line, name, l.id, o.id);
}

}  // namespace

Status FinishLoad(ActorDictionary::Impl* impl, LoadState* state) {
  for (const auto& r : state->refs) {
    if (!impl->by_id.count(r.id)) return Status::InvalidArgument(fmt::format("{}:{}: unknown actor id {}", r.file, r.line, r.id));
  }
  // Names handled by an 'ambiguous' directive are not indexed for any single actor.
  StringSet ambiguous_names;
  for (const auto& p : state->phrases)
    if (p.kind == TargetKind::kAmbiguous) ambiguous_names.insert(JoinKeys(p.tokens));
  // Which actor first claimed a phrase: a second claim is a warning and is ignored. User
  // dictionaries' actors claim first, so their names override ours.
  StringMap<uint32_t> owner;
  for (uint32_t i : NameClaimOrder(*impl)) {
    const Actor& a = impl->actors[i];
    std::vector<std::string> names = {a.name};
    names.insert(names.end(), a.aliases.begin(), a.aliases.end());
    for (const auto& name : names) {
      auto variants = PhraseVariants(name);
      for (size_t v = 0; v < variants.size(); ++v) {
        std::string key = JoinKeys(variants[v]);
        if (key.empty() || ambiguous_names.count(key)) continue;
        // Phrases differing in case rules ("US"/"us", "Civilians"/"civilians") are different keys.
        std::string owner_key = key;
        for (const auto& t : variants[v])
          owner_key += t.rule == CaseRule::kExact ? "|E" : t.rule == CaseRule::kCapitalized ? "|C" : "|";
        auto [it, inserted] = owner.emplace(owner_key, i);
        if (!inserted) {
          if (it->second != i) impl->warnings.push_back(NameClashWarning(*impl, it->second, i, name));
          continue;
        }
        impl->by_name.emplace(key, a.id);
        Phrase p;
        p.tokens = std::move(variants[v]);
        p.kind = TargetKind::kActor;
        p.index = i;
        p.file = a.file;
        p.line = a.line;
        impl->main.Add(std::move(p));
      }
    }
  }
  for (auto& p : state->phrases) {
    switch (p.kind) {
      case TargetKind::kCompose:
        if (p.label == "military" || p.label == "government" || p.label == "police")
          impl->compose_before_of.emplace(JoinKeys(p.tokens), p.label);
        impl->compose.Add(std::move(p));
        break;
      case TargetKind::kHead: impl->heads.Add(std::move(p)); break;
      case TargetKind::kCue: impl->cues.Add(std::move(p)); break;
      case TargetKind::kActor:  // a country's "people:" names
        p.index = impl->by_id.find("CIVILIANS")->second;
        impl->main.Add(std::move(p));
        break;
      default: impl->main.Add(std::move(p)); break;
    }
  }
  impl->main.Finish();
  impl->compose.Finish();
  impl->heads.Finish();
  impl->cues.Finish();
  return Status::OK();
}

}  // namespace actors_internal

const Actor* ActorDictionary::Find(std::string_view id) const { return impl_->Get(id); }
size_t ActorDictionary::size() const { return impl_->actors.size(); }
const std::vector<Actor>& ActorDictionary::actors() const { return impl_->actors; }
const std::vector<std::string>& ActorDictionary::warnings() const { return impl_->warnings; }

namespace {

// Compares partial dates by their common precision: "2025" covers all of 2025.
bool OnOrAfter(std::string_view date, std::string_view from) {
  return from.empty() || date.substr(0, from.size()) >= from;
}
bool OnOrBefore(std::string_view date, std::string_view until) {
  return until.empty() || date.substr(0, until.size()) <= until;
}

}  // namespace

const ActorRole* ActorDictionary::RoleOn(std::string_view person_id, std::string_view date) const {
  const Actor* a = Find(person_id);
  if (!a || a->roles.empty()) return nullptr;
  if (date.empty()) {
    const ActorRole* best = nullptr;
    for (const auto& r : a->roles) {
      if (r.until.empty()) return &r;
      if (!best || r.until > best->until) best = &r;
    }
    return best;
  }
  for (const auto& r : a->roles)
    if (OnOrAfter(date, r.from) && OnOrBefore(date, r.until)) return &r;
  return nullptr;
}

std::string ActorDictionary::CodeAs(std::string_view id, std::string_view date) const {
  const Actor* a = Find(id);
  if (!a) return "";
  if (a->type == "person") {
    const ActorRole* r = RoleOn(id, date);
    return r ? r->org_id : "";
  }
  return a->id;
}

std::string ActorDictionary::Normalize(std::string_view name) const {
  std::string s(Trim(name));
  if (s.empty()) return "";
  auto lookup = [&](std::string_view text) -> std::string {
    std::string key = JoinKeys(TokenizePhrase(text));
    if (key.starts_with("the ")) key.erase(0, 4);
    auto it = impl_->by_name.find(key);
    if (it != impl_->by_name.end()) return it->second;
    for (const auto& amb : impl_->ambiguities)
      for (const auto& n : amb.names)
        if (JoinKeys(TokenizePhrase(n)) == key) return amb.default_id;
    return "";
  };
  if (std::string id = lookup(s); !id.empty()) return id;
  // "Military Forces of X (2019-)", "Civilians (Democratic Republic of Congo)": drop a final
  // parenthetical, remembering it (it may name the country).
  std::string paren;
  if (s.back() == ')') {
    size_t open = s.rfind('(');
    if (open != std::string::npos) {
      paren = std::string(Trim(std::string_view(s).substr(open + 1, s.size() - open - 2)));
      s = std::string(Trim(std::string_view(s).substr(0, open)));
      if (std::string id = lookup(s); !id.empty()) return id;
    }
  }
  // ACLED "M23: March 23 Movement".
  if (size_t colon = s.find(':'); colon != std::string::npos) {
    if (std::string id = lookup(Trim(std::string_view(s).substr(0, colon))); !id.empty()) return id;
    if (std::string id = lookup(Trim(std::string_view(s).substr(colon + 1))); !id.empty()) return id;
  }
  // ACLED institution names: "<Institution> of <Country>".
  static const std::pair<const char*, const char*> kInstitutions[] = {
      {"military forces of ", "_MIL"}, {"police forces of ", "_POL"}, {"government of ", "_GOV"},
      {"armed forces of ", "_MIL"},    {"army of ", "_MIL"},          {"police of ", "_POL"}};
  std::string lower = FoldCase(NormalizeText(s));
  for (const auto& [prefix, suffix] : kInstitutions) {
    if (lower.starts_with(prefix)) {
      std::string country = lookup(std::string_view(s).substr(std::char_traits<char>::length(prefix)));
      const Actor* c = Find(country);
      if (c && !c->country.empty() && Find(c->country + suffix)) return c->country + suffix;
    }
  }
  // Last resort: the matcher, when one mention covers every word of the name.
  std::string text = s;
  Document doc;
  AnalyzeText(text, &doc);
  if (doc.sentences.empty()) return "";
  std::vector<ActorMention> mentions = MatchDocument(doc);
  uint32_t words = 0;
  for (const auto& t : doc.tokens) words += t.kind != TokenKind::kPunct;
  if (mentions.size() == 1 && !mentions[0].actor_id.empty()) {
    uint32_t covered = 0;
    for (uint32_t i = mentions[0].first_token; i < mentions[0].last_token; ++i) covered += doc.tokens[i].kind != TokenKind::kPunct;
    if (covered == words) return mentions[0].actor_id;
  }
  return "";
}

}  // namespace sitrep
