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
// those codes (TABARI codes a leader as his institution for the dates given).
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>

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

bool IsPrefixOrg(std::string_view p) { return p == "IGO" || p == "NGO" || p == "MNC" || p == "UNO" || p == "NGM"; }

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
    info.type = prefix == "NGO" || prefix == "NGM" ? "NGO" : prefix == "MNC" ? "company" : "IGO";
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

}  // namespace

Status ImportTabariActors(std::string_view content, const std::string& file, TabariImportResult* out) {
  out->actors.clear();
  out->warnings.clear();
  std::map<std::string, size_t> by_id;  // id -> index in out->actors
  auto actor_for_code = [&](const std::string& code, const std::string& name_hint, int line) -> Actor& {
    CodeInfo info = MapCode(code);
    auto it = by_id.find(info.id);
    if (it != by_id.end()) return out->actors[it->second];
    Actor a;
    a.id = info.id;
    a.name = name_hint.empty() ? info.id : name_hint;
    a.type = info.type;
    a.country = info.country;
    a.file = file;
    a.line = line;
    by_id[a.id] = out->actors.size();
    out->actors.push_back(std::move(a));
    return out->actors.back();
  };

  // The record being read.
  struct Record {
    int line = 0;
    std::vector<std::string> phrases;  // primary first
    std::vector<Restriction> codes;
  } rec;
  bool have = false;
  auto flush = [&]() -> void {
    if (!have) return;
    have = false;
    bool dated = std::any_of(rec.codes.begin(), rec.codes.end(), [](const Restriction& r) { return r.dated; });
    if (rec.codes.empty()) {
      out->warnings.push_back(fmt::format("{}:{}: '{}' has no code; skipped", file, rec.line, rec.phrases[0]));
      return;
    }
    if (!dated) {
      // Undated: the phrases are names of the code's actor (the last code wins, as in TABARI).
      Actor& a = actor_for_code(rec.codes.back().code, PhraseToName(rec.phrases[0]), rec.line);
      for (const auto& p : rec.phrases) {
        std::string name = PhraseToName(p);
        if (name != a.name && std::find(a.aliases.begin(), a.aliases.end(), name) == a.aliases.end())
          a.aliases.push_back(name);
      }
      return;
    }
    // Dated: a person (or office holder) whose roles are the codes, undated default last.
    Actor person;
    person.id = PhraseToId(rec.phrases[0]);
    person.name = PhraseToName(rec.phrases[0]);
    person.type = "person";
    person.file = file;
    person.line = rec.line;
    for (size_t i = 1; i < rec.phrases.size(); ++i) person.aliases.push_back(PhraseToName(rec.phrases[i]));
    std::stable_partition(rec.codes.begin(), rec.codes.end(), [](const Restriction& r) { return r.dated; });
    for (const auto& r : rec.codes) {
      CodeInfo info = MapCode(r.code);
      actor_for_code(r.code, "", rec.line);
      person.roles.push_back({info.title, info.id, r.from, r.until});
      if (person.country.empty()) person.country = info.country;
    }
    if (person.id.empty() || by_id.count(person.id)) {
      out->warnings.push_back(fmt::format("{}:{}: person id '{}' is empty or already used; skipped", file, rec.line, person.id));
      return;
    }
    by_id[person.id] = out->actors.size();
    out->actors.push_back(std::move(person));
  };

  int line_no = 0;
  bool in_xml_comment = false;
  size_t pos = 0;
  while (pos < content.size()) {
    size_t end = content.find('\n', pos);
    if (end == std::string_view::npos) end = content.size();
    std::string line(content.substr(pos, end - pos));
    pos = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    // Comments: <!-- ... --> (possibly over several lines), then '#' and ';' to end of line.
    for (;;) {
      if (in_xml_comment) {
        size_t close = line.find("-->");
        if (close == std::string::npos) {
          line.clear();
          break;
        }
        line.erase(0, close + 3);
        in_xml_comment = false;
      }
      size_t open = line.find("<!--");
      if (open == std::string::npos) break;
      size_t close = line.find("-->", open + 4);
      if (close == std::string::npos) {
        line.erase(open);
        in_xml_comment = true;
        break;
      }
      line.erase(open, close + 3 - open);
    }
    if (size_t c = line.find_first_of("#;"); c != std::string::npos) line.erase(c);
    // Coder annotations outside the codes, "<ab 02 Dec 2005>" / "<KAGAME>": ignored, as TABARI does.
    for (size_t open = line.find('<'); open != std::string::npos; open = line.find('<', open)) {
      size_t bracket = line.find('[');
      size_t close = line.find('>', open);
      if (close == std::string::npos) break;
      bool inside_code = bracket != std::string::npos && bracket < open && line.find(']', bracket) > open;
      if (inside_code) {
        open = close;
        continue;
      }
      line.erase(open, close + 1 - open);
    }
    bool indented = !line.empty() && (line[0] == ' ' || line[0] == '\t');
    std::string_view text = Trim(line);
    if (text.empty()) continue;
    auto error = [&](const std::string& msg) {
      return Status::InvalidArgument(fmt::format("{}:{}: {}", file, line_no, msg));
    };
    // Split "PHRASE [CODE ...] [CODE ...]" into the phrase and its bracketed codes.
    std::string_view phrase = text;
    std::vector<Restriction> codes;
    size_t bracket = text.find('[');
    if (bracket != std::string_view::npos) {
      phrase = Trim(text.substr(0, bracket));
      std::string_view rest = text.substr(bracket);
      while (!rest.empty()) {
        if (rest[0] != '[') return error(fmt::format("unexpected text '{}' after a code", rest));
        size_t close = rest.find(']');
        if (close == std::string_view::npos) return error("'[' without ']'");
        Restriction r;
        std::string err;
        if (!ParseRestriction(rest.substr(1, close - 1), &r, &err)) return error(err);
        codes.push_back(std::move(r));
        rest = Trim(rest.substr(close + 1));
      }
    } else if (text.find(']') != std::string_view::npos) {
      return error("']' without '['");
    }
    if (phrase.empty()) {
      // A date restriction line belongs to the record above.
      if (!have) return error("code line before any actor phrase");
      if (!indented) out->warnings.push_back(fmt::format("{}:{}: code line is not indented", file, line_no));
      for (auto& r : codes) rec.codes.push_back(std::move(r));
      continue;
    }
    if (phrase[0] == '+') {
      if (!have) return error("synonym '+' before any actor phrase");
      std::string_view syn = Trim(phrase.substr(1));
      if (syn.empty()) return error("empty synonym");
      rec.phrases.emplace_back(syn);
      for (auto& r : codes) rec.codes.push_back(std::move(r));
      continue;
    }
    if (phrase.find_first_of("<>{}") != std::string_view::npos)
      return error(fmt::format("unexpected character in actor phrase '{}'", phrase));
    flush();
    rec = Record();
    rec.line = line_no;
    rec.phrases.emplace_back(phrase);
    rec.codes = std::move(codes);
    have = true;
  }
  flush();
  if (in_xml_comment) return Status::InvalidArgument(fmt::format("{}:{}: '<!--' comment not closed", file, line_no));
  return Status::OK();
}

std::string FormatActorFile(const std::vector<Actor>& actors) {
  std::string out;
  for (const Actor& a : actors) {
    out += fmt::format("actor {}\n  name: {}\n  type: {}\n", a.id, a.name, a.type);
    if (!a.country.empty()) out += fmt::format("  country: {}\n", a.country);
    for (const auto& alias : a.aliases) out += fmt::format("  alias: {}\n", alias);
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
    out += '\n';
  }
  return out;
}

}  // namespace sitrep
