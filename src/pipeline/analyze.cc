// Analyze: the stages before event extraction, in the order they run (docs/architecture.md).
// Each step below is one function that decides one thing; Analyze reads top to bottom.
#include <algorithm>
#include <string>
#include <vector>

#include "internal.h"
#include "sitrep/numbers.h"
#include "sitrep/temporal.h"
#include "sitrep/text.h"

namespace sitrep {
namespace {

// Longest sentence the event stage reads (news sentences stay far below: 60 tokens is long).
constexpr uint32_t kMaxSentenceTokens = 400;

const std::string& Origin(const Article& article) { return article.origin.empty() ? article.id : article.origin; }

// A "sentence" of thousands of tokens (a file without punctuation or line breaks) is not one:
// reading roles in it would take time quadratic in its length. It is left out of event analysis,
// and said so.
std::vector<bool> MarkOverlongSentences(const Article& article, const Document& doc, Diagnostics* diag) {
  std::vector<bool> too_long(doc.sentences.size());
  for (size_t i = 0; i < doc.sentences.size(); ++i) {
    const Sentence& s = doc.sentences[i];
    too_long[i] = s.last_token - s.first_token > kMaxSentenceTokens;
    if (too_long[i] && diag) {
      diag->Warn(Origin(article), 0, s.begin,
                 "sentence of " + std::to_string(s.last_token - s.first_token) + " tokens not analysed for events (over " +
                     std::to_string(kMaxSentenceTokens) + "; byte offset in the article text)");
    }
  }
  return too_long;
}

// Numbers: the counts of each sentence that is not too long. A sentence with a count is worth
// tagging (`tagged`).
void FindAllCounts(const Document& doc, const std::vector<bool>& too_long, ArticleAnalysis* a,
                   std::vector<bool>* tagged) {
  for (size_t i = 0; i < doc.sentences.size(); ++i) {
    if (too_long[i]) continue;
    for (const CountMention& c : FindCounts(doc, doc.sentences[i])) {
      a->counts.push_back(
          {c.first_token, c.last_token, c.role, c.estimate, c.subset, c.coordinated, c.noun_first, c.noun_last});
      (*tagged)[i] = true;
    }
  }
}

// The ISO3 code of the country of the article's main place, else of the one country its groups act
// in, empty when none: it stands in for "the police", "the army" when the article names no country's
// institution.
std::string MainPlaceCountry(const Pipeline::Impl& im, const Document& doc, const std::vector<PlaceMention>& places) {
  if (!im.gazetteer) return std::string();
  std::optional<Location> main = im.places->MainPlace(places);
  std::string cc = main ? main->country_code : im.places->CountryOfGroups(doc);
  // Nothing in the report names a country, not even one its places contest: the batch's main country
  // (PlaceLessons::MainCountry: "Police dispersed a march" in a batch on the DR Congo is the Congolese
  // police).
  auto names_a_country = [&places] {
    return std::any_of(places.begin(), places.end(), [](const PlaceMention& m) { return !m.loc.country_code.empty(); });
  };
  if (cc.empty() && im.place_lessons && !names_a_country()) cc = std::string(im.place_lessons->MainCountry());
  return cc.empty() ? std::string() : std::string(im.gazetteer->CountryIso3(cc));
}

// Actors: dictionary matches over the whole document, coreference resolved.
void FindActors(const Pipeline::Impl& im, const Document& doc, const std::string& place_country, ArticleAnalysis* a) {
  std::vector<ActorMention> mentions = im.actors->MatchDocument(doc);
  ResolveCoreference(*im.actors, &mentions, place_country);
  a->actors.reserve(mentions.size());
  for (const ActorMention& m : mentions) {
    ActorSpan span;
    span.first = m.first_token;
    span.last = m.last_token;
    span.actor = ToRef(*im.actors, m, doc);
    span.modifier_only = m.modifier != MentionModifier::kNone;
    a->actors.push_back(std::move(span));
  }
}

// A place name inside a longer actor name is part of that name, not a place: "Human" in "Human
// Rights Watch", "Luanda" in a named agreement. (Demonyms stay: "Congolese army" says which country.)
void DropPlacesInsideActorNames(const std::vector<ActorSpan>& actors, std::vector<PlaceMention>* places) {
  std::vector<std::pair<uint32_t, uint32_t>> actor_spans;
  for (const ActorSpan& x : actors) actor_spans.emplace_back(x.first, x.last);
  std::sort(actor_spans.begin(), actor_spans.end());
  std::erase_if(*places, [&](const PlaceMention& p) {
    if (p.kind == PlaceMention::kDemonym) return false;
    // A place no words name (the province of the groups a note names, PlaceFinder) lies inside no name.
    if (p.first_token == p.last_token) return false;
    auto it = std::upper_bound(actor_spans.begin(), actor_spans.end(), std::make_pair(p.first_token, UINT32_MAX));
    for (int back = 0; back < 4 && it != actor_spans.begin(); ++back) {
      --it;
      bool inside = it->first <= p.first_token && p.last_token <= it->second;
      if (inside && it->second - it->first > p.last_token - p.first_token) return true;
    }
    return false;
  });
}

void AddPlaceSpans(const std::vector<PlaceMention>& places, ArticleAnalysis* a) {
  for (const PlaceMention& p : places) {
    PlaceSpan span;
    span.first = p.first_token;
    span.last = p.last_token;
    span.loc = p.loc;
    span.is_demonym = p.kind == PlaceMention::kDemonym;
    span.learned = p.learned;
    a->places.push_back(std::move(span));
  }
}

// The index of the sentence holding token `first`, for mentions visited in text order.
struct SentenceCursor {
  const Document& doc;
  size_t si = 0;
  size_t At(uint32_t first) {
    while (si < doc.sentences.size() && doc.sentences[si].last_token <= first) ++si;
    return si;  // doc.sentences.size() when past the last sentence
  }
};

// Per sentence: does it name someone who could act, an actor or a capital that may stand for
// its government?
std::vector<bool> SentencesNamingAParty(const Document& doc, const std::vector<ActorSpan>& actors,
                                        const std::vector<CapitalMention>& capitals, const CapitalWords& words) {
  std::vector<bool> has_party(doc.sentences.size(), false);
  SentenceCursor by_actor{doc};
  for (const ActorSpan& x : actors)
    if (size_t si = by_actor.At(x.first); si < doc.sentences.size()) has_party[si] = true;
  SentenceCursor by_capital{doc};
  for (const CapitalMention& c : capitals)
    if (size_t si = by_capital.At(c.first); si < doc.sentences.size() && words.MayStandForGovernment(doc, c.first))
      has_party[si] = true;
  return has_party;
}

// Syntax, only for sentences that could report an event, tagging being the most expensive stage:
// a count, or a trigger word with someone to act (an event without an acting party is never kept,
// so a sentence without one cannot yield an event). The event stage's MayReport decides the
// latter (`a->relevant`); tagged sentences get the tagger's repairs too.
void TagSentencesThatMayReport(const Pipeline::Impl& im, const std::vector<CapitalMention>& capitals,
                               const std::vector<bool>& too_long, Document* doc, ArticleAnalysis* a,
                               std::vector<bool>* tagged) {
  const std::vector<bool> has_party = SentencesNamingAParty(*doc, a->actors, capitals, *im.capital_words);
  a->relevant.assign(doc->sentences.size(), false);
  for (size_t i = 0; i < doc->sentences.size(); ++i) {
    const Sentence& s = doc->sentences[i];
    a->relevant[i] = !too_long[i] && im.extractor->MayReport(*doc, s, has_party[i]);
    (*tagged)[i] = (*tagged)[i] || a->relevant[i];
    if ((*tagged)[i]) {
      im.tagger->Tag(doc, s);
      RepairTags(*im.tagger, doc, s);
    }
  }
}

// Capitals that stand for their governments become actors (and stop being places), now that
// their sentences are tagged.
void TurnCapitalsIntoGovernments(const CapitalWords& words, const std::vector<CapitalMention>& capitals,
                                 const Document& doc, const std::vector<bool>& tagged, ArticleAnalysis* a) {
  SentenceCursor cursor{doc};
  bool added = false;
  for (const CapitalMention& c : capitals) {
    const size_t si = cursor.At(c.first);
    if (si >= doc.sentences.size() || !tagged[si] || !words.StandsForGovernment(doc, doc.sentences[si], c.first, c.last))
      continue;
    ActorSpan span;
    span.first = c.first;
    span.last = c.last;
    span.actor = c.government;
    a->actors.push_back(std::move(span));
    std::erase_if(a->places, [&](const PlaceSpan& p) { return p.first == c.first && p.last == c.last; });
    added = true;
  }
  if (added) {
    std::stable_sort(a->actors.begin(), a->actors.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
  }
}

// Time: the time expressions of the tagged sentences ("next week" left out: nothing that
// happened), and the date of events their sentence does not date.
void FindTimes(const Article& article, const Document& doc, const std::vector<bool>& tagged, ArticleAnalysis* a,
               Diagnostics* diag) {
  int unresolved = 0;
  for (size_t i = 0; i < doc.sentences.size(); ++i) {
    if (!tagged[i]) continue;
    for (const TimeMention& t : FindTimeMentions(doc, doc.sentences[i], article.date)) {
      if (t.future) continue;
      TimeSpan span;
      span.first = t.first_token;
      span.last = t.last_token;
      span.date = t.date;
      span.precision = t.precision;
      span.since = t.relation == TimeMention::Relation::kSince;
      span.vague = t.vague;
      if (!article.date && !t.date && t.relative) ++unresolved;
      a->times.push_back(std::move(span));
    }
  }
  if (article.date && !doc.sentences.empty()) {
    a->fallback_date = DateForEvent(doc, doc.sentences[0], {}, doc.sentences[0].first_token, article.date).date;
  }
  if (unresolved > 0 && diag) {
    diag->Warn(Origin(article), 0, -1,
               std::to_string(unresolved) + " relative date(s) left unresolved: the article has no date (give --date)");
  }
}

}  // namespace

void Analyze(const Pipeline::Impl& im, const Article& article, Document* doc_out, ArticleAnalysis* a_out,
             Diagnostics* diag, StageTimer& timer) {
  Document& doc = *doc_out;
  ArticleAnalysis& a = *a_out;
  a.article_id = article.id;
  a.article_date = article.date;
  a.metadata = &article.metadata;
  a.doc = &doc;

  AnalyzeText(article.text, &doc);
  timer.Lap(StageTimes::kText);

  const std::vector<bool> too_long = MarkOverlongSentences(article, doc, diag);
  std::vector<bool> tagged(doc.sentences.size());  // the sentences the syntax stage tags
  FindAllCounts(doc, too_long, &a, &tagged);
  timer.Lap(StageTimes::kNumbers);

  // Places before actors: the country of the article's places helps resolve the actors.
  std::vector<PlaceMention> places = im.places->Find(doc, im.place_lessons.get());
  const std::string place_country = MainPlaceCountry(im, doc, places);
  timer.Lap(StageTimes::kPlaces);

  FindActors(im, doc, place_country, &a);
  timer.Lap(StageTimes::kActors);

  DropPlacesInsideActorNames(a.actors, &places);
  AddPlaceSpans(places, &a);
  a.main_place = im.places->MainPlace(places, /*country_point=*/false);
  const std::vector<CapitalMention> capitals =
      im.gazetteer ? FindCapitals(places, *im.gazetteer, *im.actors, doc) : std::vector<CapitalMention>();
  // The event stage splits mentions by sentence in one pass: it needs them in text order.
  auto by_first = [](const auto& x, const auto& y) { return x.first < y.first; };
  std::stable_sort(a.actors.begin(), a.actors.end(), by_first);
  std::stable_sort(a.places.begin(), a.places.end(), by_first);
  timer.Lap(StageTimes::kPlaces);

  TagSentencesThatMayReport(im, capitals, too_long, &doc, &a, &tagged);
  TurnCapitalsIntoGovernments(*im.capital_words, capitals, doc, tagged, &a);
  timer.Lap(StageTimes::kSyntax);

  FindTimes(article, doc, tagged, &a, diag);
  timer.Lap(StageTimes::kTime);
}

}  // namespace sitrep
