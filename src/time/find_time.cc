// FindTimeMentions: a left-to-right scanner over a sentence's tokens. At each token it tries
//   [preposition] [period modifier] CORE
// where CORE is a relative phrase ("last week", "two days ago"), a calendar date ("Monday,
// November 6", "6 November 2023", "November 2022", "January"), a year after a preposition
// ("in 2022"), a weekday ("on Monday"), or a numeric date ("2023-11-06", "06/11/2023").
// The longest match wins; mentions never overlap.
#include <string_view>
#include <unordered_set>
#include <vector>

#include "calendar.h"
#include "core/calendar.h"
#include "core/strings.h"
#include "phrases.h"
#include "sitrep/numbers.h"
#include "sitrep/temporal.h"

namespace sitrep {
namespace {

using time_internal::CanStartWord;
using time_internal::Kind;
using time_internal::Modifier;
using time_internal::Phrases;
using time_internal::Prep;
using time_internal::Rel;
using time_internal::RelPhrase;
using time_internal::Ymd;

// The phrases of a table (prepositions, modifiers) by first word, each list in table order, so
// that a token is compared only with the phrases it starts (the first that matches wins).
template <typename T>
class FirstWordIndex {
 public:
  explicit FirstWordIndex(const std::vector<T>& phrases) {
    std::vector<std::string_view> words;
    for (const T& p : phrases) words.push_back(p.words[0]);
    first_ = time_internal::WordSet(words.begin(), words.end());
    by_slot_.resize(first_.slots());
    for (const T& p : phrases)
      if (!p.words[0].empty()) by_slot_[static_cast<size_t>(first_.IndexOf(p.words[0]))].push_back(&p);
  }
  const std::vector<const T*>* Starting(std::string_view word) const {
    const int slot = first_.IndexOf(word);
    return slot < 0 ? nullptr : &by_slot_[static_cast<size_t>(slot)];
  }

 private:
  time_internal::WordSet first_;
  std::vector<std::vector<const T*>> by_slot_;
};

// The relative phrases (data/time/phrases.txt) by first word: MatchRelative compares only the phrases that can
// match at a token (and the earlier of two equally long matches still wins).
const FirstWordIndex<RelPhrase>& RelPhrasesByFirstWord() {
  static const auto* index = new FirstWordIndex<RelPhrase>(Phrases().relative);
  return *index;
}
const FirstWordIndex<Prep>& PrepsByFirstWord() {
  static const auto* index = new FirstWordIndex<Prep>(Phrases().preps);
  return *index;
}
const FirstWordIndex<Modifier>& ModifiersByFirstWord() {
  static const auto* index = new FirstWordIndex<Modifier>(Phrases().modifiers);
  return *index;
}

class Scanner {
 public:
  Scanner(const Document& doc, const Sentence& s, std::optional<Ymd> article)
      : doc_(doc),
        begin_(s.first_token),
        end_(std::min<uint32_t>(s.last_token, static_cast<uint32_t>(doc.tokens.size()))),
        article_(article),
        tables_(Phrases()) {}

  std::vector<TimeMention> Run() {
    std::vector<TimeMention> out;
    uint32_t i = begin_;
    while (i < end_) {
      // "from October 1 to November 6": the second end of a range.
      TimeMention m;
      if (!out.empty() && out.back().last_token == i && out.back().relation == Rel::kSince &&
          (Is(i, "to") || Is(i, "and") || Is(i, "-")) && MatchAt(i + 1, &m)) {
        m.first_token = i;
        if (m.relation == Rel::kAt) m.relation = Rel::kUntil;
        i = m.last_token;
        out.push_back(std::move(m));
      } else if ((doc_.tokens[i].kind == TokenKind::kNumber || CanStartWord(L(i))) && MatchAt(i, &m)) {
        i = m.last_token;
        out.push_back(std::move(m));
      } else {
        ++i;
      }
    }
    return out;
  }

 private:
  const std::string& L(uint32_t i) const { return doc_.tokens[i].lower; }
  bool Is(uint32_t i, std::string_view w) const { return i < end_ && doc_.tokens[i].lower == w; }
  bool Capitalized(uint32_t i) const { return strings::StartsAsciiUpper(doc_.tokens[i].norm); }
  template <size_t N>
  uint32_t Words(uint32_t i, const std::string_view (&words)[N]) const {
    uint32_t n = 0;
    while (n < N && !words[n].empty()) {
      if (!Is(i + n, words[n])) return 0;
      ++n;
    }
    return n;
  }

  // ---- resolution helpers: each sets date/precision, or marks the mention unresolved or future.
  void SetPeriod(TimeMention* m, const Ymd& start, const char* precision) const {
    if (article_ && date::sys_days{start} > date::sys_days{*article_}) {
      m->future = true;
      m->date.reset();
      m->precision = "unknown";
      return;
    }
    m->date = time_internal::FormatIso(start);
    m->precision = precision;
  }
  // Relative expressions need the article date; without one they stay unresolved.
  bool NeedArticle(TimeMention* m) const {
    m->relative = true;
    if (article_) return true;
    m->date.reset();
    m->precision = "unknown";
    return false;
  }

  // A calendar date with an optional year and weekday (-1: none).
  void ResolveDate(TimeMention* m, int y, int mo, int d, int weekday) const {
    const bool year_inferred = y == 0;
    if (y == 0) {
      if (!NeedArticle(m)) return;
      y = static_cast<int>(article_->year());
      Ymd guess = time_internal::MakeYmd(y, mo, d);
      // Never after the article: a bare "December 30" in a January article is last year's.
      if (!guess.ok() || date::sys_days{guess} > date::sys_days{*article_}) --y;
    }
    Ymd ymd = time_internal::MakeYmd(y, mo, d);
    if (!ymd.ok()) {  // "February 30": keep the month
      SetPeriod(m, time_internal::MakeYmd(y, mo, 1), "month");
      return;
    }
    if (weekday >= 0 && static_cast<int>(time_internal::WeekdayOf(ymd)) != weekday) {
      // "Thursday, February 15" in a November 2023 article: February 15, 2024 is a Thursday,
      // so it is an announced date, not a past one.
      for (int ahead = 1; year_inferred && ahead <= 2; ++ahead) {
        Ymd later = time_internal::MakeYmd(y + ahead, mo, d);
        if (later.ok() && static_cast<int>(time_internal::WeekdayOf(later)) == weekday &&
            date::sys_days{later} > date::sys_days{*article_} &&
            date::sys_days{later} <= date::sys_days{*article_} + date::days{366}) {
          m->future = true;
          m->date.reset();
          m->precision = "unknown";
          return;
        }
      }
      // The weekday and the date disagree: one of them is wrong, so the week around it.
      SetPeriod(m, time_internal::AddDays(ymd, -3), "week");
      return;
    }
    SetPeriod(m, ymd, "day");
  }

  void ResolveMonth(TimeMention* m, int y, int mo) const {
    if (y == 0) {
      if (!NeedArticle(m)) return;
      y = static_cast<int>(article_->year());
      if (mo > static_cast<int>(static_cast<unsigned>(article_->month()))) --y;
    }
    SetPeriod(m, time_internal::MakeYmd(y, mo, 1), "month");
  }

  // ---- matchers

  bool MatchAt(uint32_t i, TimeMention* m) const {
    m->first_token = i;
    m->relation = Rel::kAt;
    uint32_t j = i;
    if (const std::vector<const Prep*>* preps = j < end_ ? PrepsByFirstWord().Starting(L(j)) : nullptr) {
      for (const Prep* p : *preps) {
        if (uint32_t n = Words(j, p->words)) {
          m->relation = p->relation;
          j += n;
          break;
        }
      }
    }
    const bool has_prep = j > i;
    bool has_modifier = false;
    if (const std::vector<const Modifier*>* mods = j < end_ ? ModifiersByFirstWord().Starting(L(j)) : nullptr) {
      for (const Modifier* mod : *mods) {
        if (uint32_t n = Words(j, mod->words)) {
          j += n;
          has_modifier = true;
          break;
        }
      }
    }
    const bool cued = has_prep || has_modifier;
    if (MatchRelative(j, m)) return true;  // also after a modifier: "late last year"
    if (MatchCalendar(j, cued, m)) return true;
    if (cued && MatchYear(j, m)) return true;
    if (!has_modifier && MatchWeekday(j, m)) return true;
    if (!has_modifier && MatchNumericDate(j, m)) return true;
    if (Is(i, "on") && !has_modifier && MatchOrdinalDay(j, m)) return true;
    return false;
  }

  bool MatchRelative(uint32_t j, TimeMention* m) const {
    const RelPhrase* best = nullptr;
    uint32_t best_len = 0;
    if (j < end_) {
      if (const std::vector<const RelPhrase*>* starting = RelPhrasesByFirstWord().Starting(L(j))) {
        for (const RelPhrase* p : *starting) {
          uint32_t n = Words(j, p->words);
          if (n > best_len) {
            best_len = n;
            best = p;
          }
        }
      }
    }
    int count = 0;
    if (best == nullptr) {
      // "two days ago", "3 weeks ago", "a month ago"; "two days later" is vague.
      if (j + 2 >= end_) return false;
      std::optional<int64_t> n = ParseCardinalToken(L(j));
      if (!n || *n <= 0 || *n > 1000) return false;
      std::string_view unit = L(j + 1);
      if (!unit.empty() && unit.back() == 's') unit.remove_suffix(1);
      if (unit != "day" && unit != "week" && unit != "month" && unit != "year") return false;
      std::string_view dir = L(j + 2);
      count = static_cast<int>(*n);
      m->last_token = j + 3;
      if (dir == "later" || dir == "after" || dir == "earlier" || dir == "before") {
        m->vague = true;
        if (m->relation == Rel::kAt) m->relation = (dir == "later" || dir == "after") ? Rel::kAfter : Rel::kBefore;
        return true;
      }
      if (dir != "ago") return false;
      if (!NeedArticle(m)) return true;
      if (unit == "day") SetPeriod(m, time_internal::AddDays(*article_, -count), "day");
      if (unit == "week") SetPeriod(m, time_internal::WeekStart(time_internal::AddDays(*article_, -7 * count)), "week");
      if (unit == "month") SetPeriod(m, time_internal::MonthStart(*article_, -count), "month");
      if (unit == "year")
        SetPeriod(m, time_internal::MakeYmd(static_cast<int>(article_->year()) - count, 1, 1), "year");
      return true;
    }
    m->last_token = j + best_len;
    if (best->relation != Rel::kAt && m->relation == Rel::kAt) m->relation = best->relation;
    switch (best->kind) {
      case Kind::kVague:
        m->vague = true;
        return true;
      case Kind::kFuture:
        m->future = true;
        m->relative = true;
        return true;
      default:
        break;
    }
    if (!NeedArticle(m)) return true;
    const Ymd& a = *article_;
    switch (best->kind) {
      case Kind::kDay:
        SetPeriod(m, time_internal::AddDays(a, best->n), "day");
        break;
      case Kind::kWeek:
        SetPeriod(m, time_internal::WeekStart(a, best->n), "week");
        break;
      case Kind::kMonth:
        SetPeriod(m, time_internal::MonthStart(a, best->n), "month");
        break;
      case Kind::kYear:
        SetPeriod(m, time_internal::MakeYmd(static_cast<int>(a.year()) + best->n, 1, 1), "year");
        break;
      case Kind::kPast7:
        SetPeriod(m, time_internal::AddDays(a, -7), "week");
        break;
      case Kind::kWeekend: {
        int back = (static_cast<int>(time_internal::WeekdayOf(a)) + 1) % 7;  // days since Saturday
        SetPeriod(m, time_internal::AddDays(a, -back), "week");
        break;
      }
      default:
        break;
    }
    return true;
  }

  // Month name at j (with "mid-November" and a split-off abbreviation period); 0 if none.
  int MonthAt(uint32_t j, bool cued, uint32_t* next) const {
    if (j >= end_) return 0;
    std::string_view w = L(j);
    size_t dash = w.find('-');
    if (dash != std::string_view::npos) {  // "mid-November"
      std::string_view pre = w.substr(0, dash);
      if (pre != "mid" && pre != "early" && pre != "late") return 0;
      w = w.substr(dash + 1);
      cued = true;
    } else if (!Capitalized(j)) {
      return 0;
    }
    int mo = calendar::MonthOfWord(w);
    if (mo == 0) return 0;
    *next = j + 1;
    // "Feb." split into "Feb" "." by the tokenizer.
    if (w.size() <= 4 && w != "june" && w != "july" && w != "may" && Is(j + 1, ".") &&
        !doc_.tokens[j + 1].space_before)
      ++*next;
    // "May" and "March" are also a verb and a noun, "Jan" a name: only after a preposition or
    // with a day or a year.
    if ((w == "may" || w == "march" || w.size() <= 4) && !cued) {
      uint32_t k = *next;
      if (k < end_ && (time_internal::DayNumber(L(k)) || time_internal::YearNumber(L(k)))) return mo;
      return 0;
    }
    return mo;
  }

  // Optional "2023" / ", 2023" / "of 2023" at k; returns the year or 0 and advances *k.
  int YearAfter(uint32_t* k) const {
    if (*k < end_ && time_internal::YearNumber(L(*k))) return time_internal::YearNumber(L((*k)++));
    // "November 6, 2023", "July of 1977"
    if ((Is(*k, ",") || Is(*k, "of")) && *k + 1 < end_ && time_internal::YearNumber(L(*k + 1))) {
      int y = time_internal::YearNumber(L(*k + 1));
      *k += 2;
      return y;
    }
    return 0;
  }

  bool MatchCalendar(uint32_t j, bool cued, TimeMention* m) const {
    // Optional weekday: "Monday, November 6" / "Monday 6 November".
    int weekday = -1;
    uint32_t k = j;
    if (k < end_ && Capitalized(k) && (weekday = time_internal::WeekdayNumber(L(k))) >= 0) {
      ++k;
      if (Is(k, ",")) ++k;
      if (Is(k, "the")) ++k;
    }
    uint32_t next = 0;
    // "last June" (the latest June before the article's month), "this June", "next June".
    if (weekday < 0 && (Is(k, "last") || Is(k, "this") || Is(k, "next"))) {
      int mo = MonthAt(k + 1, true, &next);
      if (mo == 0 || (next < end_ && time_internal::DayNumber(L(next)))) return false;
      m->last_token = next;
      if (Is(k, "next")) {
        m->future = true;
        m->relative = true;
        return true;
      }
      if (!NeedArticle(m)) return true;
      int y = static_cast<int>(article_->year());
      int am = static_cast<int>(static_cast<unsigned>(article_->month()));
      if (Is(k, "last") && mo >= am) --y;
      SetPeriod(m, time_internal::MakeYmd(y, mo, 1), "month");
      return true;
    }
    // Month first: "November 6", "November 6, 2023", "Feb. 4th, 2023", "November 2022", "January".
    if (int mo = MonthAt(k, cued || weekday >= 0, &next)) {
      uint32_t p = next;
      if (p < end_ && time_internal::DayNumber(L(p)) && !time_internal::YearNumber(L(p))) {
        int d = time_internal::DayNumber(L(p));
        ++p;
        int y = YearAfter(&p);
        m->last_token = p;
        ResolveDate(m, y, mo, d, weekday);
        return true;
      }
      if (weekday >= 0) return false;  // "Monday January": not a date we read
      int y = YearAfter(&p);
      if (y == 0 && Is(p, "last") && Is(p + 1, "year") && article_) {  // "November last year"
        m->last_token = p + 2;
        m->relative = true;
        SetPeriod(m, time_internal::MakeYmd(static_cast<int>(article_->year()) - 1, mo, 1), "month");
        return true;
      }
      if (y == 0 && Is(p, "this") && Is(p + 1, "year")) {
        m->last_token = p + 2;
        if (NeedArticle(m)) SetPeriod(m, time_internal::MakeYmd(static_cast<int>(article_->year()), mo, 1), "month");
        return true;
      }
      m->last_token = p;
      ResolveMonth(m, y, mo);
      return true;
    }
    // Day first: "6 November 2023", "the 4th of February".
    if (Is(k, "the") && k + 1 < end_ && time_internal::DayNumber(L(k + 1))) ++k;
    if (k < end_ && time_internal::DayNumber(L(k))) {
      int d = time_internal::DayNumber(L(k));
      uint32_t p = k + 1;
      if (Is(p, "of")) ++p;
      if (int mo = MonthAt(p, true, &next)) {
        p = next;
        int y = YearAfter(&p);
        m->last_token = p;
        ResolveDate(m, y, mo, d, weekday);
        return true;
      }
    }
    return false;
  }

  bool MatchYear(uint32_t j, TimeMention* m) const {
    if (j >= end_) return false;
    int y = time_internal::YearNumber(L(j));
    if (y == 0) return false;
    // "over 2000 people", "of 1500 soldiers": a count, not a year.
    if (j + 1 < end_) {
      const std::string& next = L(j + 1);
      if (next == "people" || next == "men" || next == "women" || next == "children" ||
          (next.size() > 2 && next.back() == 's' && !Capitalized(j + 1)))
        return false;
    }
    m->last_token = j + 1;
    SetPeriod(m, time_internal::MakeYmd(y, 1, 1), "year");
    return true;
  }

  // "on Monday", "Monday's statement", "last Friday", "this Tuesday", "next Monday".
  bool MatchWeekday(uint32_t j, TimeMention* m) const {
    int shift = 0;  // 0: on or before the article date; 1: strictly before; -1: future
    uint32_t k = j;
    if (Is(k, "last") || Is(k, "past")) {
      shift = 1;
      ++k;
    } else if (Is(k, "this")) {
      ++k;
    } else if (Is(k, "next") || Is(k, "coming")) {
      shift = -1;
      ++k;
    }
    if (k >= end_ || !Capitalized(k)) return false;
    int wd = time_internal::WeekdayNumber(L(k));
    if (wd < 0) return false;
    m->last_token = k + 1;
    if (shift < 0) {
      m->future = true;
      m->relative = true;
      return true;
    }
    if (!NeedArticle(m)) return true;
    int back = (static_cast<int>(time_internal::WeekdayOf(*article_)) - wd + 7) % 7;
    if (shift == 1 && back == 0) back = 7;
    SetPeriod(m, time_internal::AddDays(*article_, -back), "day");
    return true;
  }

  // "2023-11-06", "06/11/2023", "6.11.2023", "11/6/23".
  bool MatchNumericDate(uint32_t j, TimeMention* m) const {
    if (j >= end_ || doc_.tokens[j].kind != TokenKind::kNumber) return false;
    std::string_view w = L(j);
    char sep = 0;
    int parts[3] = {0, 0, 0};
    size_t lens[3] = {0, 0, 0};
    int n = 0;
    for (char c : w) {
      if (c >= '0' && c <= '9') {
        if (n >= 3 || lens[n] >= 4) return false;
        parts[n] = parts[n] * 10 + (c - '0');
        ++lens[n];
      } else if (c == '-' || c == '/' || c == '.') {
        if ((sep != 0 && c != sep) || lens[n] == 0) return false;
        sep = c;
        ++n;
      } else {
        return false;
      }
    }
    if (n != 2 || lens[2] == 0) return false;
    m->last_token = j + 1;
    if (lens[0] == 4) {  // ISO order
      Ymd d = time_internal::MakeYmd(parts[0], parts[1], parts[2]);
      if (!d.ok()) return false;
      SetPeriod(m, d, "day");
      return true;
    }
    if (lens[2] != 4 && lens[2] != 2) return false;
    // Two-digit years: this century unless that would be after the article ("09/16/99").
    int y = parts[2];
    if (lens[2] == 2) {
      int limit = article_ ? static_cast<int>(article_->year()) : 2069;
      y = 2000 + parts[2] <= limit ? 2000 + parts[2] : 1900 + parts[2];
    }
    Ymd dmy = time_internal::MakeYmd(y, parts[1], parts[0]), mdy = time_internal::MakeYmd(y, parts[0], parts[1]);
    if (!dmy.ok() && !mdy.ok()) return false;
    Ymd pick = dmy.ok() ? dmy : mdy;
    // Both readings valid (06/11/2023): the one closest on or before the article date;
    // day-month-year when that does not decide (most conflict reporting is not American).
    if (dmy.ok() && mdy.ok() && dmy != mdy && article_) {
      auto a = date::sys_days{*article_};
      auto dd = date::sys_days{dmy}, md = date::sys_days{mdy};
      bool dmy_ok = dd <= a, mdy_ok = md <= a;
      if (mdy_ok && (!dmy_ok || md > dd)) pick = mdy;
    }
    SetPeriod(m, pick, "day");
    return true;
  }

  // "on the 6th": day of the article's month (or the previous month when that is later).
  bool MatchOrdinalDay(uint32_t j, TimeMention* m) const {
    uint32_t k = j;
    if (Is(k, "the")) ++k;
    if (k >= end_ || !time_internal::IsOrdinalDay(L(k))) return false;
    if (k + 1 < end_ && (calendar::MonthOfWord(L(k + 1)) || Is(k + 1, "of"))) return false;
    int d = time_internal::DayNumber(L(k));
    m->last_token = k + 1;
    if (!NeedArticle(m)) return true;
    // The latest month, going back from the article's, that has that day on or before it.
    for (int back = 0; back < 3; ++back) {
      Ymd start = time_internal::MonthStart(*article_, -back);
      Ymd guess = time_internal::MakeYmd(static_cast<int>(start.year()), static_cast<unsigned>(start.month()), d);
      if (guess.ok() && date::sys_days{guess} <= date::sys_days{*article_}) {
        SetPeriod(m, guess, "day");
        return true;
      }
    }
    return false;
  }

  const Document& doc_;
  uint32_t begin_, end_;
  std::optional<Ymd> article_;
  const time_internal::PhraseTables& tables_;
};

}  // namespace

int PrecisionRank(const std::string& p) {
  if (p == "day") return 0;
  if (p == "week") return 1;
  if (p == "month") return 2;
  if (p == "year") return 3;
  return 4;
}

const char* RelationName(TimeMention::Relation r) {
  switch (r) {
    case Rel::kAt: return "at";
    case Rel::kSince: return "since";
    case Rel::kUntil: return "until";
    case Rel::kAfter: return "after";
    case Rel::kBefore: return "before";
  }
  return "at";
}

std::vector<TimeMention> FindTimeMentions(const Document& doc, const Sentence& s,
                                          const std::optional<std::string>& article_date) {
  std::optional<Ymd> article;
  if (article_date) article = time_internal::ParseIsoDate(*article_date);
  return Scanner(doc, s, article).Run();
}

}  // namespace sitrep
