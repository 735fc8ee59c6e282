// Evaluate: links predictions to gold articles, matches, and computes the metrics.
#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>

#include <fmt/format.h>

#include "internal.h"
#include "sitrep/eval.h"

namespace sitrep {
using namespace eval_internal;

namespace {

constexpr const char* kNone = "(none)";

// The gold article each predicted event belongs to ("" when none): its article_id when that is a
// gold article; otherwise, when the evidence sentences of that predicted article's events occur in
// exactly one gold article (in its text or a gold evidence sentence), that one, for all of them.
std::vector<std::string> LinkPredictions(const GoldSet& gold, const std::vector<Event>& pred) {
  std::set<std::string> ids;
  for (const Event& e : gold.events) ids.insert(e.article_id);
  // Texts to search: article texts (ACLED notes) and gold evidence sentences (JSON-lines gold).
  std::vector<std::pair<const std::string*, const std::string*>> texts;  // (article id, text)
  for (const Article& a : gold.articles) texts.emplace_back(&a.id, &a.text);
  for (const Event& e : gold.events) {
    if (!e.evidence.sentence.empty()) texts.emplace_back(&e.article_id, &e.evidence.sentence);
  }
  std::map<std::string, std::set<std::string>> hits;  // predicted article id -> gold articles hit
  for (const Event& p : pred) {
    if (ids.count(p.article_id)) continue;
    const std::string& sentence = p.evidence.sentence;
    if (sentence.size() < 20) continue;  // too short to identify an article
    std::set<std::string>& h = hits[p.article_id];
    for (auto [id, text] : texts) {
      if (text->find(sentence) != std::string::npos || sentence.find(*text) != std::string::npos) h.insert(*id);
    }
  }
  std::vector<std::string> out(pred.size());
  for (size_t i = 0; i < pred.size(); ++i) {
    if (ids.count(pred[i].article_id)) {
      out[i] = pred[i].article_id;
    } else if (auto it = hits.find(pred[i].article_id); it != hits.end() && it->second.size() == 1) {
      out[i] = *it->second.begin();
    }
  }
  return out;
}

std::string EventText(const Event& e, const GoldSet& gold) {
  if (!e.evidence.sentence.empty()) return Shorten(e.evidence.sentence, 300);
  for (const Article& a : gold.articles) {
    if (a.id == e.article_id) return Shorten(a.text, 300);
  }
  return "";
}

// Confusion labels come from one vocabulary per row: ACLED event types when the gold event has
// one, else PLOVER types (JSON-lines gold may give only a PLOVER type). `acled` picks it.
std::string TypeLabel(const Event& e, bool acled) {
  const std::string& t = acled ? e.acled_event_type : e.plover_type;
  return t.empty() ? "(untyped)" : t;
}
bool UseAcled(const Event& gold) { return !gold.acled_event_type.empty() || gold.plover_type.empty(); }
bool UseAcledForPred(const Event& pred) { return !pred.acled_event_type.empty() || pred.plover_type.empty(); }

// Field errors of a matched pair, for the worst-examples list.
std::vector<std::string> PairErrors(const Event& g, const Event& p, const EvalOptions& options) {
  std::vector<std::string> errors;
  if (!g.acled_sub_event_type.empty() && !EqualsIgnoreCase(g.acled_sub_event_type, p.acled_sub_event_type)) {
    errors.push_back("sub_event_type: gold '" + g.acled_sub_event_type + "' / pred '" + p.acled_sub_event_type + "'");
  }
  if (!SameActor(g.actor1, p.actor1, options)) {
    errors.push_back("actor1: gold '" + ActorKey(g.actor1, options) + "' / pred '" + ActorKey(p.actor1, options) + "'");
  }
  if (!SameActor(g.actor2, p.actor2, options)) {
    errors.push_back("actor2: gold '" + ActorKey(g.actor2, options) + "' / pred '" + ActorKey(p.actor2, options) + "'");
  }
  PairCheck c = CheckPair(g, p, options);
  if (c.date_diff_days && *c.date_diff_days != 0) errors.push_back(fmt::format("date {:+d}d", *c.date_diff_days));
  if (HasCoordinates(g)) {
    // The admin-area note says the pair still counts under "within 25 km or admin area".
    const char* admin_note = c.in_admin_area ? " (in the predicted admin area)" : "";
    if (!c.distance_km) {
      errors.push_back(fmt::format("place: no predicted coordinates{}", admin_note));
    } else if (*c.distance_km > 1) {
      errors.push_back(fmt::format("place {:.1f} km off{}", *c.distance_km, admin_note));
    }
  }
  if (g.counts.killed.best && p.counts.killed.best.value_or(0) != *g.counts.killed.best) {
    errors.push_back(fmt::format("fatalities: gold {} / pred {}", *g.counts.killed.best, p.counts.killed.best.value_or(0)));
  }
  return errors;
}

// What every scoring step reads: gold, predictions, and the gold article of each prediction.
struct Scoring {
  const GoldSet& gold;
  const std::vector<Event>& pred;
  const std::vector<std::string>& pred_article;  // "" = linked to no gold article
  const EvalOptions& options;
};

// The type-agnostic alignment as lookups by event.
struct LooseAlignment {
  std::vector<int> gold_to_pred;    // gold event -> its aligned predicted event, -1 for none
  std::vector<bool> pred_aligned;   // predicted event -> aligned to some gold event
};

// ACLED codes only events of its own types: a prediction without an ACLED type in an article of
// ACLED-style gold (one with text: a CSV row) is something ACLED does not annotate, neither right nor
// wrong there. Unlinks such predictions; returns how many.
int64_t SetAsideOutsideAcled(const GoldSet& gold, const std::vector<Event>& pred, std::vector<std::string>* pred_article) {
  std::set<std::string> acled_articles;
  for (const Article& a : gold.articles) acled_articles.insert(a.id);
  int64_t n = 0;
  for (size_t p = 0; p < pred.size(); ++p) {
    if ((*pred_article)[p].empty() || !pred[p].acled_event_type.empty()) continue;
    if (!acled_articles.count((*pred_article)[p])) continue;
    (*pred_article)[p].clear();
    ++n;
  }
  return n;
}

// Event and article counts. Events in articles that have no gold cannot be judged: they count
// neither way (unlinked_pred, not pred_events).
void CountEvents(const Scoring& s, EvalReport* r) {
  r->gold_events = static_cast<int64_t>(s.gold.events.size());
  std::set<std::string> gold_ids;
  for (const Event& e : s.gold.events) gold_ids.insert(e.article_id);
  r->gold_articles = static_cast<int64_t>(gold_ids.size());
  for (const std::string& a : s.pred_article) {
    if (a.empty()) ++r->unlinked_pred;
  }
  r->unlinked_pred -= r->outside_acled_pred;
  r->pred_events = static_cast<int64_t>(s.pred.size()) - r->unlinked_pred - r->outside_acled_pred;
}

// Detection precision, recall and F1 from the number of strictly matched pairs.
void ScoreDetection(int64_t matched, EvalReport* r) {
  r->matched = matched;
  r->precision = r->pred_events ? static_cast<double>(r->matched) / r->pred_events : 0;
  r->recall = r->gold_events ? static_cast<double>(r->matched) / r->gold_events : 0;
  r->f1 = r->precision + r->recall > 0 ? 2 * r->precision * r->recall / (r->precision + r->recall) : 0;
}

// Detection per ACLED event type and sub-event type: gold events of each, predictions linked to gold
// articles of each, and strict matches (for sub-event types, matches whose two sides agree on it).
void ScoreDetectionByType(const Scoring& s, const std::vector<MatchPair>& strict, EvalReport* r) {
  for (const Event& g : s.gold.events) {
    if (!g.acled_event_type.empty()) ++r->by_event_type[g.acled_event_type].labelled;
    if (!g.acled_sub_event_type.empty()) ++r->by_sub_event_type[g.acled_sub_event_type].labelled;
  }
  for (size_t p = 0; p < s.pred.size(); ++p) {
    if (s.pred_article[p].empty()) continue;
    const Event& e = s.pred[p];
    if (!e.acled_event_type.empty()) ++r->by_event_type[e.acled_event_type].predicted;
    if (!e.acled_sub_event_type.empty()) ++r->by_sub_event_type[e.acled_sub_event_type].predicted;
  }
  for (const MatchPair& m : strict) {
    const Event& g = s.gold.events[m.gold];
    const Event& e = s.pred[m.pred];
    if (!g.acled_event_type.empty()) ++r->by_event_type[g.acled_event_type].both;
    if (!g.acled_sub_event_type.empty() && EqualsIgnoreCase(g.acled_sub_event_type, e.acled_sub_event_type))
      ++r->by_sub_event_type[g.acled_sub_event_type].both;
  }
}

// The per-field metrics over the strictly matched pairs, each where gold has the field.
void ScoreMatchedFields(const Scoring& s, const std::vector<MatchPair>& strict, EvalReport* r) {
  double abs_error_sum = 0;
  for (const MatchPair& m : strict) {
    const Event& g = s.gold.events[m.gold];
    const Event& p = s.pred[m.pred];
    if (!g.acled_sub_event_type.empty()) {
      r->sub_event_type.Add(EqualsIgnoreCase(g.acled_sub_event_type, p.acled_sub_event_type));
    }
    const bool same_actor1 = SameActor(g.actor1, p.actor1, s.options);
    r->actor1.Add(same_actor1);
    r->actor1_either_order.Add(same_actor1 || (!g.actor1.empty() && !g.actor2.empty() &&
                                               SameActor(g.actor1, p.actor2, s.options) &&
                                               SameActor(g.actor2, p.actor1, s.options)));
    r->actor2.Add(SameActor(g.actor2, p.actor2, s.options));
    if (g.location && !g.location->admin1.empty()) {
      r->admin1.Add(p.location && AdminKey(p.location->admin1) == AdminKey(g.location->admin1));
    }
    PairCheck c = CheckPair(g, p, s.options);
    if (HasCoordinates(g)) {
      double km = c.distance_km.value_or(std::numeric_limits<double>::infinity());
      r->within_1km.Add(km <= 1);
      r->within_25km.Add(km <= 25);
      r->within_100km.Add(km <= 100);
      r->within_25km_or_admin.Add(km <= 25 || c.in_admin_area);
    }
    if (g.date && DayNumber(*g.date)) {
      r->date_exact.Add(c.date_diff_days && *c.date_diff_days == 0);
      r->date_within_3d.Add(c.date_diff_days && std::llabs(*c.date_diff_days) <= 3);
    }
    if (g.counts.killed.best) {
      // A prediction without a count says "none reported", as ACLED's 0 does.
      int64_t predicted = p.counts.killed.best.value_or(0);
      r->fatalities_exact.Add(predicted == *g.counts.killed.best);
      abs_error_sum += static_cast<double>(std::llabs(predicted - *g.counts.killed.best));
    }
  }
  if (r->fatalities_exact.total) r->fatalities_mae = abs_error_sum / static_cast<double>(r->fatalities_exact.total);
}

// The type-agnostic pairs as lookups by gold and by predicted event.
LooseAlignment AlignmentLookups(const std::vector<MatchPair>& loose, size_t gold_events, size_t pred_events) {
  LooseAlignment a{std::vector<int>(gold_events, -1), std::vector<bool>(pred_events)};
  for (const MatchPair& m : loose) {
    a.gold_to_pred[m.gold] = m.pred;
    a.pred_aligned[m.pred] = true;
  }
  return a;
}

// Event-type accuracy over the type-agnostic pairs, and the confusion table: those pairs, gold
// events with no counterpart, and linked predictions with no counterpart.
void ScoreTypes(const Scoring& s, const std::vector<MatchPair>& loose, const LooseAlignment& a, EvalReport* r) {
  for (const MatchPair& m : loose) {
    const Event& g = s.gold.events[m.gold];
    const Event& p = s.pred[m.pred];
    if (!g.acled_event_type.empty()) r->event_type.Add(EqualsIgnoreCase(g.acled_event_type, p.acled_event_type));
    if (!g.plover_type.empty()) r->plover_type.Add(EqualsIgnoreCase(g.plover_type, p.plover_type));
    ++r->confusion[{TypeLabel(g, UseAcled(g)), TypeLabel(p, UseAcled(g))}];
  }
  for (size_t g = 0; g < s.gold.events.size(); ++g) {
    if (a.gold_to_pred[g] < 0) ++r->confusion[{TypeLabel(s.gold.events[g], UseAcled(s.gold.events[g])), kNone}];
  }
  for (size_t p = 0; p < s.pred.size(); ++p) {
    if (!a.pred_aligned[p] && !s.pred_article[p].empty()) {
      ++r->confusion[{kNone, TypeLabel(s.pred[p], UseAcledForPred(s.pred[p]))}];
    }
  }
}

// Matched pairs with wrong fields, those with the most errors first.
std::vector<Example> MismatchedExamples(const Scoring& s, const std::vector<MatchPair>& strict) {
  std::vector<Example> mismatched;
  for (const MatchPair& m : strict) {
    const Event& g = s.gold.events[m.gold];
    std::vector<std::string> errors = PairErrors(g, s.pred[m.pred], s.options);
    if (errors.empty()) continue;
    mismatched.push_back({"mismatch", g.article_id, Summary(g, s.options), Summary(s.pred[m.pred], s.options),
                          std::move(errors), EventText(g, s.gold)});
  }
  std::stable_sort(mismatched.begin(), mismatched.end(),
                   [](const Example& a, const Example& b) { return a.errors.size() > b.errors.size(); });
  return mismatched;
}

// Why gold event g, aligned with no prediction, was missed: names the first same-type
// prediction of its article, if any, and what kept it out (date, place).
void ExplainUnaligned(const Scoring& s, size_t g, Example* ex) {
  ex->errors.push_back("no prediction in this article passes the date and place criteria");
  for (size_t p = 0; p < s.pred.size(); ++p) {
    if (s.pred_article[p] != s.gold.events[g].article_id) continue;
    PairCheck c = CheckPair(s.gold.events[g], s.pred[p], s.options);
    if (!c.type_ok) continue;
    ex->pred = Summary(s.pred[p], s.options);
    if (!c.date_ok) {
      ex->errors.push_back(c.date_diff_days ? fmt::format("first same-type prediction: date {:+d}d", *c.date_diff_days)
                                            : "first same-type prediction: no date");
    }
    if (!c.place_ok) ex->errors.push_back(fmt::format("first same-type prediction: {:.1f} km away", *c.distance_km));
    return;
  }
}

// Gold events no prediction matched: a wrong type when the type-agnostic alignment paired
// them, else explained by ExplainUnaligned.
std::vector<Example> MissedExamples(const Scoring& s, const std::vector<bool>& gold_matched, const LooseAlignment& a) {
  std::vector<Example> missed;
  for (size_t g = 0; g < s.gold.events.size(); ++g) {
    if (gold_matched[g]) continue;
    const Event& gold = s.gold.events[g];
    Example ex{"missed", gold.article_id, Summary(gold, s.options), "", {}, EventText(gold, s.gold)};
    if (a.gold_to_pred[g] >= 0) {
      const Event& p = s.pred[a.gold_to_pred[g]];
      ex.pred = Summary(p, s.options);
      bool acled = UseAcled(gold);
      ex.errors.push_back("type: gold '" + TypeLabel(gold, acled) + "' / pred '" + TypeLabel(p, acled) + "'");
    } else {
      ExplainUnaligned(s, g, &ex);
    }
    missed.push_back(std::move(ex));
  }
  return missed;
}

// Linked predictions neither matched nor aligned with any gold event.
std::vector<Example> SpuriousExamples(const Scoring& s, const std::vector<bool>& pred_matched,
                                      const LooseAlignment& a) {
  std::vector<Example> spurious;
  for (size_t p = 0; p < s.pred.size(); ++p) {
    if (pred_matched[p] || s.pred_article[p].empty() || a.pred_aligned[p]) continue;
    spurious.push_back({"spurious", s.pred_article[p], "", Summary(s.pred[p], s.options), {"no gold event"},
                        Shorten(s.pred[p].evidence.sentence, 300)});
  }
  return spurious;
}

// Worst examples: missed gold, wrong fields on matched pairs, spurious predictions, taken in
// turn (one of each kind per round) up to options.worst, so that one kind cannot crowd out the
// others.
std::vector<Example> WorstExamples(const Scoring& s, const std::vector<MatchPair>& strict, const LooseAlignment& a) {
  std::vector<bool> gold_matched(s.gold.events.size()), pred_matched(s.pred.size());
  for (const MatchPair& m : strict) gold_matched[m.gold] = pred_matched[m.pred] = true;
  std::vector<Example> mismatched = MismatchedExamples(s, strict);
  std::vector<Example> missed = MissedExamples(s, gold_matched, a);
  std::vector<Example> spurious = SpuriousExamples(s, pred_matched, a);

  return TakeInTurn({std::move(missed), std::move(mismatched), std::move(spurious)}, s.options.worst);
}

}  // namespace

namespace eval_internal {

std::string Shorten(const std::string& s, size_t max_bytes) {
  if (s.size() <= max_bytes) return s;
  size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;  // UTF-8 boundary
  return s.substr(0, cut) + "...";
}

std::string Summary(const Event& e, const EvalOptions& options) {
  std::string type = !e.acled_event_type.empty() ? e.acled_event_type : e.plover_type;
  if (!e.acled_sub_event_type.empty()) type += " / " + e.acled_sub_event_type;
  std::string s = type.empty() ? "(untyped)" : type;
  std::string a1 = ActorKey(e.actor1, options), a2 = ActorKey(e.actor2, options);
  if (!a1.empty() || !a2.empty()) s += " | " + (a1.empty() ? "?" : a1) + (a2.empty() ? "" : " vs " + a2);
  if (e.date) s += " | " + *e.date;
  if (e.location) {
    s += " | " + (e.location->name.empty() ? e.location->admin1 : e.location->name);
    if (HasCoordinates(e)) s += fmt::format(" ({:.3f},{:.3f})", e.location->lat, e.location->lon);
  }
  if (e.counts.killed.best) s += fmt::format(" | killed {}", *e.counts.killed.best);
  return s;
}

std::vector<Example> TakeInTurn(std::vector<std::vector<Example>> kinds, int limit) {
  std::vector<Example> out;
  std::vector<size_t> next(kinds.size());
  for (bool added = true; added && static_cast<int>(out.size()) < limit;) {
    added = false;
    for (size_t k = 0; k < kinds.size() && static_cast<int>(out.size()) < limit; ++k) {
      if (next[k] < kinds[k].size()) {
        out.push_back(std::move(kinds[k][next[k]++]));
        added = true;
      }
    }
  }
  return out;
}

}  // namespace eval_internal

EvalReport Evaluate(const GoldSet& gold, const std::vector<Event>& all_pred, const EvalOptions& options) {
  EvalReport r;
  r.options = options;
  // Predictions of snippet articles are scored by the snippets' rule only.
  std::vector<Event> event_pred;
  if (!gold.snippets.empty()) {
    r.snippets = EvaluateSnippets(gold.snippets, all_pred, options);
    std::set<std::string> snippet_ids;
    for (const Snippet& sn : gold.snippets) snippet_ids.insert(sn.article.id);
    for (const Event& e : all_pred) {
      if (!snippet_ids.count(e.article_id)) event_pred.push_back(e);
    }
  }
  const std::vector<Event>& pred = gold.snippets.empty() ? all_pred : event_pred;
  std::vector<std::string> pred_article = LinkPredictions(gold, pred);
  r.outside_acled_pred = SetAsideOutsideAcled(gold, pred, &pred_article);
  const Scoring s{gold, pred, pred_article, options};
  CountEvents(s, &r);

  // Detection (type required) and the per-field metrics over its pairs.
  const std::vector<MatchPair> strict = MatchEvents(gold.events, pred, pred_article, options, true);
  ScoreDetection(static_cast<int64_t>(strict.size()), &r);
  ScoreDetectionByType(s, strict, &r);
  ScoreMatchedFields(s, strict, &r);

  // Type-agnostic alignment: event-type accuracy and the confusion table.
  const std::vector<MatchPair> loose = MatchEvents(gold.events, pred, pred_article, options, false);
  const LooseAlignment alignment = AlignmentLookups(loose, gold.events.size(), pred.size());
  ScoreTypes(s, loose, alignment, &r);

  r.worst = WorstExamples(s, strict, alignment);
  return r;
}

}  // namespace sitrep
