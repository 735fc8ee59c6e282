// Pass 3 (with roles and modality): the date a sentence gives an event (docs/events.md, "Dates").
#include <algorithm>

#include "passes.h"

namespace sitrep {
namespace {

uint32_t Distance(uint32_t a, uint32_t b) { return a > b ? a - b : b - a; }

// How far the verb at k is from token i for owning it: the word distance, plus penalties for what
// puts the verb in another phrase.
uint32_t OwnershipDistance(const SentenceView& v, uint32_t i, uint32_t k) {
  const Sentence& s = v.sentence();
  uint32_t d = Distance(k, i);
  // A participle modifying a noun ("12 women collecting firewood near Diffa on 11 October") owns
  // less than a finite verb.
  if (v.tok(k).tag == "VBG" && k > s.first_token && v.tok(k - 1).tag.rfind("NN", 0) == 0) d += 3;
  // A comma in between puts the verb in another phrase (", killing three soldiers"); so does a
  // subordinator before a later verb ("regained control ... on 22 August after fighting with HTS").
  for (uint32_t j = std::min(k, i); j < std::max(k, i); ++j)
    if (v.tok(j).norm == ",") {
      d += 6;
      break;
    }
  for (uint32_t j = i + 1; j < k; ++j)
    if (v.cues().dating_subordinators.Contains(v.tok(j).lower)) {
      d += 6;
      break;
    }
  return d;
}

bool IsReportingVerbAt(const SentenceView& v, uint32_t k) {
  return k != UINT32_MAX && v.cues().reporting_verbs.Contains(v.Lemma(k));
}

// Whether the time expression `t`, owned by the verb `owner`, dates the trigger `m` (whose own verb
// is `anchor`).
bool Dates(const SentenceView& v, const TimeSpan& t, uint32_t owner, const TriggerMatch& m, uint32_t anchor,
           bool background) {
  const Sentence& s = v.sentence();
  if (owner == m.head || owner == anchor || (owner >= m.first && owner < m.last)) return true;
  // "on Monday, claimed they have recaptured": the claim's date dates what it reports. A recalled
  // earlier event is not dated by the report that recalls it.
  if (!background && owner < m.head && IsReportingVerbAt(v, owner)) return true;
  // "Gunmen killed 9 villagers near Gusau on 7 August 2024, police said": a date between the event
  // and a trailing attribution dates the event, not the saying.
  if (!background && owner != UINT32_MAX && owner > m.head && t.first > m.head && t.last <= owner &&
      IsReportingVerbAt(v, owner))
    return true;
  // "On 11 March 2024, RSF fighters looted homes and killed 7 civilians": a date that opens the
  // sentence, set off by a comma, dates every event the sentence reports.
  if (!background && t.first == s.first_token && t.last + 1 < s.last_token && v.tok(t.last).norm == ",") return true;
  // "started on October 1, when fighting resumed": the when-clause shares the time.
  return t.last + 1 < s.last_token && v.tok(t.last).norm == "," && v.tok(t.last + 1).lower == "when" &&
         m.head > t.last;
}

}  // namespace

uint32_t NearestVerb(const SentenceView& v, uint32_t i, uint32_t skip_first, uint32_t skip_last) {
  const Sentence& s = v.sentence();
  uint32_t best = UINT32_MAX, best_d = UINT32_MAX;
  for (uint32_t k = s.first_token; k < s.last_token; ++k) {
    if (k >= skip_first && k < skip_last) continue;
    if (!v.IsVerb(k) || v.IsAux(k)) continue;
    if (v.ArgAt(k)) continue;  // a word of a name ("Sudanese Armed Forces") is no clause's verb
    const uint32_t d = OwnershipDistance(v, i, k);
    if (d < best_d) best_d = d, best = k;
  }
  return best;
}

const TimeSpan* DateFor(const SentenceView& v, std::span<const TimeSpan> times, const TriggerMatch& m, bool nominal,
                        bool background) {
  const Sentence& s = v.sentence();
  const uint32_t anchor = nominal ? NearestVerb(v, m.head, m.first, m.last) : m.head;
  const TimeSpan* best = nullptr;
  uint32_t best_d = UINT32_MAX;
  for (const TimeSpan& t : times) {
    if (t.first < s.first_token || t.last > s.last_token || t.vague || !t.date) continue;
    if (!Dates(v, t, NearestVerb(v, t.first, t.first, t.last), m, anchor, background)) continue;
    const uint32_t d = Distance(t.first, m.head);
    if (d < best_d) best_d = d, best = &t;
  }
  return best;
}

// A date that opens sentence `si` ("On 9 May 2020, JNIM...") or makes it whole ("09 November."),
// resolved to a day, month or year.
static const TimeSpan* OpeningDate(const ArticleView& article, size_t si) {
  const Sentence& s = article.sentence(si);
  for (const TimeSpan& t : article.Times(si)) {
    if (t.first > s.first_token + 1) break;
    // "On 9 May", "09 November": at most a preposition before it.
    if (t.vague || t.since || !t.date) continue;
    return &t;
  }
  return nullptr;
}

ReportDates::ReportDates(const ArticleView& article) : article_(article) {}

void ReportDates::EnterSentence(size_t si) {
  if (const TimeSpan* t = OpeningDate(article_, si)) opening_ = t;
}

void ReportDates::DateUndated(Event* e) const {
  if (opening_) {
    e->date = opening_->date;
    e->date_precision = opening_->precision;
  } else if (article_.analysis().article_date) {
    e->date = article_.analysis().article_date;
    e->date_precision = "report";
  }
}

}  // namespace sitrep
