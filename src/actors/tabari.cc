// Import of TABARI / PETRARCH .actors dictionaries (CAMEO, Phoenix), and writing sitrep's format.
//
// TABARI records (PETRARCH docs "Actor Dictionary"; TABARI manual ch. 5):
//   AFGHANISTAN_  [AFG]                 primary phrase, words joined by '_' or ' ', optional code
//   +AFGHAN_                            synonym of the record above
//   HAMID_KARZAI_  [AFGGOV >011222]     dated codes inline (TABARI) ...
//       [AFGELI 620101-780427]          ... or on indented lines (PETRARCH)
//   # comment, ; comment, <!-- comment -->, <coder annotation> (ignored)
// Dates: YYMMDD (00-30 -> 20YY, else 19YY, as KEDS/TABARI), YYYYMMDD or D-MON-YYYY;
// restrictions "<date" (until), ">date" (from), "date-date".
//
// Mapping: each CAMEO code becomes one actor (AFG -> state AFG, AFGGOV -> AFG_GOV) whose aliases
// are the phrases coded with it; a record with dated codes becomes a person whose roles are
// those codes (TABARI codes a leader as his institution for the dates given). Real dictionaries
// have odd lines (seven-digit dates, price lists pasted after a code, the null code [---]): each is
// a warning naming file:line and is skipped, never the end of the import. FormatActorFile writes
// states as `country` blocks so that they compose ("the Calenardhon government" -> CLH_GOV).
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <set>

#include "core/calendar.h"
#include "internal.h"

namespace sitrep {

using namespace actors_internal;

namespace {

struct Agent {
  const char* suffix;  // CAMEO agent code
  const char* id_suffix;
  const char* type;
  const char* title;
};
constexpr Agent kAgents[] = {
    {"GOV", "_GOV", "government", "government"}, {"MIL", "_MIL", "military", "military"},
    {"COP", "_POL", "police", "police"},         {"REB", "_REB", "rebel group", "rebel"},
    {"INS", "_INS", "rebel group", "insurgent"}, {"OPP", "_OPP", "other", "opposition"},
    {"CVL", "_CVL", "civilians", "civilian"},    {"MED", "_MED", "media", "media"},
    {"BUS", "_BUS", "company", "business"},      {"ELI", "_ELI", "other", "elite"},
    {"LEG", "_LEG", "government", "legislator"}, {"JUD", "_JUD", "government", "judiciary"},
    {"SPY", "_SPY", "military", "intelligence"}, {"NGO", "_NGO", "NGO", "NGO"},
    {"IGO", "_IGO", "IGO", "IGO"},               {"PTY", "_PTY", "other", "party"},
    {"LAB", "_LAB", "other", "labour"},          {"EDU", "_EDU", "other", "education"},
    {"REF", "_REF", "civilians", "refugee"},     {"HLH", "_HLH", "other", "health"},
    {"AGR", "_AGR", "other", "agriculture"},     {"CRM", "_CRM", "other", "criminal"},
    {"UAF", "_UAF", "other", "armed"},           {"RAD", "_RAD", "other", "radical"}};

// CAMEO codes whose first three letters name a kind of organisation, not a country.
bool IsPrefixOrg(std::string_view p) {
  return p == "IGO" || p == "NGO" || p == "MNC" || p == "UNO" || p == "NGM" || p == "IMG";
}

struct CodeInfo {
  std::string id, type, country, title;
};

// CAMEO code -> our id, type and country ("USAGOV" -> "USA_GOV", government, USA).
CodeInfo MapCode(const std::string& code) {
  CodeInfo info;
  std::string c;
  for (char ch : code) c += std::isalnum(static_cast<unsigned char>(ch)) ? static_cast<char>(std::toupper(ch)) : '_';
  info.id = c;
  info.type = "other";
  info.title = "member";
  std::string prefix = c.substr(0, 3);
  if (IsPrefixOrg(prefix)) {
    info.type = prefix == "NGO" || prefix == "NGM" ? "NGO"
                : prefix == "MNC"                  ? "company"
                : prefix == "IMG"                  ? "rebel group"  // international militarized group
                                                   : "IGO";
    return info;
  }
  bool alpha3 = c.size() >= 3 && std::all_of(prefix.begin(), prefix.end(), [](char ch) { return std::isupper(ch); });
  if (!alpha3) return info;
  info.country = prefix;
  if (c.size() == 3) {
    info.type = "state";
    info.title = "national";
    return info;
  }
  if (c.size() == 6) {
    for (const Agent& a : kAgents) {
      if (c.compare(3, 3, a.suffix) == 0) {
        info.id = prefix + a.id_suffix;
        info.type = a.type;
        info.title = a.title;
        return info;
      }
    }
  }
  info.id = prefix + "_" + c.substr(3);
  return info;
}

// "AFGHANISTAN_" / "PAUL KAGAME" -> "Afghanistan" / "Paul Kagame". TABARI phrases carry no case,
// so every word is capitalised (which the matcher reads as "starts uppercase") and short
// function words are lowercased (which matches any case).
std::string PhraseToName(std::string_view phrase) {
  std::string out;
  std::string word;
  auto flush = [&]() {
    if (word.empty()) return;
    std::string lower = strings::AsciiLower(word);
    static constexpr std::string_view kSmall[] = {"of", "the", "and", "for", "de", "du", "des", "la", "le", "in", "on"};
    bool small = !out.empty() && std::find(std::begin(kSmall), std::end(kSmall), lower) != std::end(kSmall);
    if (!small) {
      bool start = true;
      for (char& ch : lower) {
        if (start && std::isalpha(static_cast<unsigned char>(ch))) ch = static_cast<char>(std::toupper(ch));
        start = ch == '-' || ch == '\'' || ch == '.';
      }
    }
    if (!out.empty()) out += ' ';
    out += lower;
    word.clear();
  };
  for (char ch : phrase) {
    if (ch == '_' || ch == ' ' || ch == '\t') flush();
    else word += ch;
  }
  flush();
  return out;
}

std::string PhraseToId(std::string_view phrase) {
  std::string id;
  for (char ch : phrase) {
    unsigned char u = ch;
    if (std::isalnum(u)) id += static_cast<char>(std::toupper(u));
    else if ((ch == '_' || ch == ' ' || ch == '-') && !id.empty() && id.back() != '_') id += '_';
  }
  while (!id.empty() && id.back() == '_') id.pop_back();
  return id;
}

// YYMMDD, YYYYMMDD or D-MON-YYYY -> "YYYY-MM-DD"; false when malformed.
bool ParseTabariDate(std::string_view s, std::string* out) {
  int y = 0, m = 0, d = 0;
  bool digits = !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
  if (digits && s.size() == 6) {
    int yy = std::stoi(std::string(s.substr(0, 2)));
    y = yy <= 30 ? 2000 + yy : 1900 + yy;
    m = std::stoi(std::string(s.substr(2, 2)));
    d = std::stoi(std::string(s.substr(4, 2)));
  } else if (digits && s.size() == 8) {
    y = std::stoi(std::string(s.substr(0, 4)));
    m = std::stoi(std::string(s.substr(4, 2)));
    d = std::stoi(std::string(s.substr(6, 2)));
  } else {
    auto parts = SplitList(s, '-');
    if (parts.size() != 3 || parts[0].size() > 2 || parts[2].size() != 4) return false;
    if (parts[1].size() == 3) m = calendar::MonthOfName(parts[1]);  // "NOV", "Nov"
    for (const auto& p : {parts[0], parts[2]})
      if (!std::all_of(p.begin(), p.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); })) return false;
    d = std::stoi(parts[0]);
    y = std::stoi(parts[2]);
  }
  if (!calendar::IsValidDate(y, m, d)) return false;
  *out = calendar::FormatIso(y, m, d);
  return true;
}

struct Restriction {
  std::string code, from, until;
  bool dated = false;
};

// "[USAGOV 090120-170120]" contents -> Restriction. Error text on failure.
bool ParseRestriction(std::string_view inside, Restriction* r, std::string* error) {
  auto words = SplitList(inside, ' ');
  if (words.empty()) {
    *error = "empty code []";
    return false;
  }
  r->code = words[0];
  if (words.size() == 1) return true;
  if (words.size() > 2) {
    *error = fmt::format("expected [CODE DATE-RESTRICTION], got [{}]", inside);
    return false;
  }
  std::string_view d = words[1];
  r->dated = true;
  auto bad = [&]() {
    *error = fmt::format("bad date restriction '{}' (use <DATE, >DATE or DATE-DATE; DATE is YYMMDD, YYYYMMDD or D-MON-YYYY)", d);
    return false;
  };
  if (d[0] == '<') return ParseTabariDate(d.substr(1), &r->until) || bad();
  if (d[0] == '>') return ParseTabariDate(d.substr(1), &r->from) || bad();
  // A range: split at the hyphen that leaves a valid date on both sides.
  for (size_t i = 1; i + 1 < d.size(); ++i) {
    if (d[i] != '-') continue;
    std::string a, b;
    if (ParseTabariDate(d.substr(0, i), &a) && ParseTabariDate(d.substr(i + 1), &b)) {
      if (a > b) {
        *error = fmt::format("date range '{}' ends before it starts", d);
        return false;
      }
      r->from = a, r->until = b;
      return true;
    }
  }
  return bad();
}

// One actor record: a primary phrase, its '+' synonyms and the codes of all its lines.
struct Record {
  std::string file;
  int line = 0;
  std::vector<std::string> phrases;  // primary first
  std::vector<Restriction> codes;
};

// The actors an import builds, each id once across all files read: one actor per CAMEO code, one
// person per dated record. Each actor keeps the file that first named it (Actor::file), so that a
// state and its institutions are written together whichever file's roles used them first.
class ActorTable {
 public:
  explicit ActorTable(TabariImportResult* out) : out_(out) {
    for (size_t i = 0; i < out_->actors.size(); ++i) by_id_[out_->actors[i].id] = i;
  }

  // Decides what a complete record becomes: skipped without a usable code, names of its code's
  // actor when undated, a person when any code is dated.
  void Add(Record rec) {
    DropNullCodes(&rec);
    if (rec.codes.empty()) {
      Warn(rec, fmt::format("'{}' has no actor code; skipped", rec.phrases[0]));
      return;
    }
    bool dated = std::any_of(rec.codes.begin(), rec.codes.end(), [](const Restriction& r) { return r.dated; });
    if (dated) AddPerson(std::move(rec));
    else AddNames(rec);
  }

 private:
  void Warn(const Record& rec, const std::string& msg) {
    out_->warnings.push_back(fmt::format("{}:{}: {}", rec.file, rec.line, msg));
  }

  // Removes the codes that name no actor: TABARI's null code [---] ("recognise, do not code") and
  // anything else that maps to no valid id.
  void DropNullCodes(Record* rec) {
    auto null_code = [&](const Restriction& r) {
      if (IsActorId(MapCode(r.code).id)) return false;
      Warn(*rec, fmt::format("code [{}] names no actor; ignored", r.code));
      return true;
    };
    rec->codes.erase(std::remove_if(rec->codes.begin(), rec->codes.end(), null_code), rec->codes.end());
  }

  // The actor a CAMEO code maps to, created on first use (named after the hint, else its id,
  // until a record names it).
  Actor& ForCode(const std::string& code, const std::string& name_hint, const Record& rec) {
    CodeInfo info = MapCode(code);
    auto it = by_id_.find(info.id);
    if (it != by_id_.end()) return out_->actors[it->second];
    Actor a;
    a.id = info.id;
    a.name = name_hint.empty() ? info.id : name_hint;
    a.type = info.type;
    a.country = info.country;
    a.file = rec.file;
    a.line = rec.line;
    by_id_[a.id] = out_->actors.size();
    out_->actors.push_back(std::move(a));
    return out_->actors.back();
  }

  // Undated: the phrases are names of the code's actor (the last code wins, as in TABARI).
  void AddNames(const Record& rec) {
    Actor& a = ForCode(rec.codes.back().code, PhraseToName(rec.phrases[0]), rec);
    if (a.name == a.id) {  // created by a role, unnamed so far: it belongs where it is first named
      a.name = PhraseToName(rec.phrases[0]);
      a.file = rec.file;
      a.line = rec.line;
    }
    for (const auto& p : rec.phrases) {
      std::string name = PhraseToName(p);
      if (!name.empty() && name != a.name && std::find(a.aliases.begin(), a.aliases.end(), name) == a.aliases.end())
        a.aliases.push_back(name);
    }
  }

  // Dated: a person (or office holder) whose roles are the codes, undated default last. Skipped
  // with a warning when the phrase gives no id or one already taken.
  void AddPerson(Record rec) {
    Actor person;
    person.id = PhraseToId(rec.phrases[0]);
    if (!IsActorId(person.id) || by_id_.count(person.id)) {
      Warn(rec, fmt::format("person id '{}' is empty or already used; skipped", person.id));
      return;
    }
    person.name = PhraseToName(rec.phrases[0]);
    person.type = "person";
    person.file = rec.file;
    person.line = rec.line;
    for (size_t i = 1; i < rec.phrases.size(); ++i) person.aliases.push_back(PhraseToName(rec.phrases[i]));
    std::stable_partition(rec.codes.begin(), rec.codes.end(), [](const Restriction& r) { return r.dated; });
    for (const auto& r : rec.codes) {
      CodeInfo info = MapCode(r.code);
      ForCode(r.code, "", rec);
      person.roles.push_back({info.title, info.id, r.from, r.until});
      if (person.country.empty()) person.country = info.country;
    }
    by_id_[person.id] = out_->actors.size();
    out_->actors.push_back(std::move(person));
  }

  TabariImportResult* out_;
  std::map<std::string, size_t> by_id_;  // id -> index in out_->actors
};

// Decides which text of a line is comment and removes it: <!-- ... --> (possibly over several
// lines: *in_xml_comment carries the state to the next line), then '#' and ';' to end of line.
void StripComments(std::string* line, bool* in_xml_comment) {
  for (;;) {
    if (*in_xml_comment) {
      size_t close = line->find("-->");
      if (close == std::string::npos) {
        line->clear();
        break;
      }
      line->erase(0, close + 3);
      *in_xml_comment = false;
    }
    size_t open = line->find("<!--");
    if (open == std::string::npos) break;
    size_t close = line->find("-->", open + 4);
    if (close == std::string::npos) {
      line->erase(open);
      *in_xml_comment = true;
      break;
    }
    line->erase(open, close + 3 - open);
  }
  if (size_t c = line->find_first_of("#;"); c != std::string::npos) line->erase(c);
}

// Decides which <...> are coder annotations ("<ab 02 Dec 2005>", "<KAGAME>") and removes them, as
// TABARI ignores them; a '<' inside a [code] is a date restriction and stays.
void StripAnnotations(std::string* line) {
  for (size_t open = line->find('<'); open != std::string::npos; open = line->find('<', open)) {
    size_t bracket = line->find('[');
    size_t close = line->find('>', open);
    if (close == std::string::npos) break;
    bool inside_code = bracket != std::string::npos && bracket < open && line->find(']', bracket) > open;
    if (inside_code) {
      open = close;
      continue;
    }
    line->erase(open, close + 1 - open);
  }
}

// Splits "PHRASE [CODE ...] [CODE ...]" into the phrase and its bracketed codes. Returns error
// text when the brackets do not pair (the line is unusable); a code that does not parse is left
// out and its error added to `bad_codes` (the rest of the line is kept).
bool SplitCodes(std::string_view text, std::string_view* phrase, std::vector<Restriction>* codes,
                std::vector<std::string>* bad_codes, std::string* error) {
  *phrase = text;
  size_t bracket = text.find('[');
  if (bracket == std::string_view::npos) {
    if (text.find(']') == std::string_view::npos) return true;
    *error = "']' without '['";
    return false;
  }
  *phrase = Trim(text.substr(0, bracket));
  std::string_view rest = text.substr(bracket);
  while (!rest.empty()) {
    if (rest[0] != '[') {
      *error = fmt::format("unexpected text '{}' after a code", rest);
      return false;
    }
    size_t close = rest.find(']');
    if (close == std::string_view::npos) {
      *error = "'[' without ']'";
      return false;
    }
    Restriction r;
    if (std::string code_error; ParseRestriction(rest.substr(1, close - 1), &r, &code_error))
      codes->push_back(std::move(r));
    else
      bad_codes->push_back(std::move(code_error));
    rest = Trim(rest.substr(close + 1));
  }
  return true;
}

// Reads the lines of TABARI files into an ActorTable. Nothing stops it: a line it cannot use is a
// warning naming file:line, and is skipped (with the rest of its record when it starts one).
class TabariReader {
 public:
  TabariReader(const std::string& file, ActorTable* table, std::vector<std::string>* warnings)
      : file_(file), table_(table), warnings_(warnings) {}

  void Read(std::string_view content) {
    size_t pos = 0;
    while (pos < content.size()) {
      size_t end = content.find('\n', pos);
      if (end == std::string_view::npos) end = content.size();
      std::string line(content.substr(pos, end - pos));
      pos = end + 1;
      ++line_no_;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      StripComments(&line, &in_xml_comment_);
      StripAnnotations(&line);
      bool indented = !line.empty() && (line[0] == ' ' || line[0] == '\t');
      if (std::string_view text = Trim(line); !text.empty()) ReadLine(text, indented);
    }
    EndRecord();
    if (in_xml_comment_) Warn("'<!--' comment not closed at the end of the file");
  }

 private:
  void Warn(const std::string& msg) { warnings_->push_back(fmt::format("{}:{}: {}", file_, line_no_, msg)); }

  void EndRecord() {
    if (rec_) table_->Add(std::move(*rec_));
    rec_.reset();
  }

  // A primary phrase starts a record; a '+' synonym or a code line without phrase continues it.
  void ReadLine(std::string_view text, bool indented) {
    std::string_view phrase;
    std::vector<Restriction> codes;
    std::vector<std::string> bad_codes;
    std::string error;
    bool structured = SplitCodes(text, &phrase, &codes, &bad_codes, &error);
    bool synonym = !phrase.empty() && phrase[0] == '+';
    bool continuation = phrase.empty() || synonym;
    if (!structured) return Skip(error, continuation);
    for (const auto& e : bad_codes) Warn(e + "; code ignored");
    if (continuation) return Continue(phrase, synonym, indented, &codes);
    if (phrase.find_first_of("<>{}") != std::string_view::npos)
      return Skip(fmt::format("unexpected character in actor phrase '{}'", phrase), false);
    EndRecord();
    skipping_record_ = false;
    rec_ = Record{file_, line_no_, {std::string(phrase)}, std::move(codes)};
  }

  // An unusable line: only itself when it continues a record, else its whole record.
  void Skip(const std::string& why, bool continuation) {
    if (continuation) {
      Warn(why + "; line skipped");
      return;
    }
    Warn(why + "; record skipped");
    EndRecord();
    skipping_record_ = true;
  }

  // A synonym ("+AFGHAN_") or code line ("    [AFGELI 620101-780427]") added to the open record.
  void Continue(std::string_view phrase, bool synonym, bool indented, std::vector<Restriction>* codes) {
    if (!rec_) {
      if (!skipping_record_) Warn(synonym ? "synonym '+' before any actor phrase; skipped" : "code line before any actor phrase; skipped");
      return;
    }
    if (!synonym && !indented) Warn("code line is not indented");
    if (synonym) {
      std::string_view syn = Trim(phrase.substr(1));
      if (syn.empty()) return Warn("empty synonym; skipped");
      rec_->phrases.emplace_back(syn);
    }
    for (auto& r : *codes) rec_->codes.push_back(std::move(r));
  }

  const std::string& file_;
  ActorTable* table_;
  std::vector<std::string>* warnings_;
  std::optional<Record> rec_;  // the record being read, complete when the next one starts
  bool skipping_record_ = false;  // the last primary line was unusable: its continuations go too
  bool in_xml_comment_ = false;
  int line_no_ = 0;
};

// A country's institution as the country block's government:/military:/police: names: only an
// imported actor that carries nothing else (no links, roles, other type).
const Actor* FoldableInstitution(const std::map<std::string_view, const Actor*>& by_id, const Actor& state,
                                 std::string_view suffix, std::string_view type) {
  auto it = by_id.find(state.id + std::string(suffix));
  if (it == by_id.end()) return nullptr;
  const Actor& a = *it->second;
  bool plain = a.type == type && a.country == state.id && a.links.empty() && a.roles.empty();
  return plain ? &a : nullptr;
}

// "key: NAME" (unless the name is the id placeholder) and "key: ALIAS" lines.
std::string NameLines(const char* key, const Actor& a) {
  std::string out;
  if (a.name != a.id) out += fmt::format("  {}: {}\n", key, a.name);
  for (const auto& alias : a.aliases) out += fmt::format("  {}: {}\n", key, alias);
  return out;
}

std::string FormatLinksAndRoles(const Actor& a) {
  std::string out;
  for (const auto& l : a.links) {
    out += fmt::format("  link: {} {}", l.relation, l.other_id);
    if (!l.from.empty()) out += " from " + l.from;
    if (!l.until.empty()) out += " until " + l.until;
    if (!l.source.empty()) out += " source " + l.source;
    out += '\n';
  }
  for (const auto& r : a.roles) {
    out += fmt::format("  role: {} {}", r.org_id, r.title);
    if (!r.from.empty()) out += " from " + r.from;
    if (!r.until.empty()) out += " until " + r.until;
    out += '\n';
  }
  return out;
}

bool IsCountryState(const Actor& a) {
  return a.type == "state" && a.id.size() == 3 && a.country == a.id && a.links.empty() && a.roles.empty();
}

}  // namespace

void ImportTabariActors(const std::vector<std::pair<std::string, std::string>>& files, TabariImportResult* out) {
  ActorTable table(out);
  for (const auto& [file, content] : files) TabariReader(file, &table, &out->warnings).Read(content);
}

std::string FormatActorFile(const std::vector<Actor>& actors) {
  std::map<std::string_view, const Actor*> by_id;
  for (const Actor& a : actors) by_id[a.id] = &a;
  struct Institution {
    const char* suffix;
    const char* type;
    const char* key;
  };
  static constexpr Institution kInstitutions[] = {
      {"_GOV", "government", "government"}, {"_MIL", "military", "military"}, {"_POL", "police", "police"}};
  std::set<const Actor*> folded;  // written inside their country's block
  std::string out;
  for (const Actor& a : actors) {
    if (!IsCountryState(a)) continue;
    out += fmt::format("country {}\n  name: {}\n", a.id, a.name);
    for (const auto& alias : a.aliases) out += fmt::format("  alias: {}\n", alias);
    for (const Institution& in : kInstitutions) {
      if (const Actor* inst = FoldableInstitution(by_id, a, in.suffix, in.type)) {
        out += NameLines(in.key, *inst);
        folded.insert(inst);
      }
    }
    out += '\n';
  }
  for (const Actor& a : actors) {
    if (IsCountryState(a) || folded.count(&a)) continue;
    out += fmt::format("actor {}\n  name: {}\n  type: {}\n", a.id, a.name, a.type);
    if (!a.country.empty()) out += fmt::format("  country: {}\n", a.country);
    for (const auto& alias : a.aliases) out += fmt::format("  alias: {}\n", alias);
    out += FormatLinksAndRoles(a) + '\n';
  }
  return out;
}

}  // namespace sitrep
