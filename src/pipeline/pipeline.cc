// The pipeline: text -> syntax -> actors, places, times, counts -> events.
#include "sitrep/pipeline.h"

#include <algorithm>
#include <chrono>

#include "capitals.h"
#include "sitrep/actors.h"
#include "sitrep/events.h"
#include "sitrep/numbers.h"
#include "sitrep/paths.h"
#include "sitrep/places.h"
#include "sitrep/syntax.h"
#include "sitrep/temporal.h"
#include "sitrep/text.h"

namespace sitrep {

struct Pipeline::Impl {
  PipelineOptions options;
  std::unique_ptr<Tagger> tagger;
  std::unique_ptr<ActorDictionary> actors;
  std::unique_ptr<Gazetteer> gazetteer;
  std::unique_ptr<PlaceFinder> places;
  std::unique_ptr<EventExtractor> extractor;
};

const char* StageTimes::Name(int stage) {
  static const char* kNames[] = {"text", "syntax", "actors", "places", "time", "numbers", "events"};
  return stage >= 0 && stage < kCount ? kNames[stage] : "?";
}

Pipeline::Pipeline() : impl_(std::make_unique<Impl>()) {}
Pipeline::~Pipeline() = default;

Status Pipeline::Open(const PipelineOptions& options, std::unique_ptr<Pipeline>* out) {
  std::unique_ptr<Pipeline> p(new Pipeline());
  Impl& im = *p->impl_;
  im.options = options;
  const std::string data = options.data_dir.empty() ? DataDir() : options.data_dir;
  Status s = Tagger::Load(data + "/models/en_ewt_tagger.bin", &im.tagger);
  if (!s.ok()) return s;
  if (!(s = ActorDictionary::Load(data + "/actors", &im.actors)).ok()) return s;
  if (!(s = EventExtractor::Load(data, &im.extractor)).ok()) return s;
  {
    // The event stage looks actors up in the dictionary (agentless patterns, a state's military);
    // both live in Impl, the dictionary declared first, so it outlives the extractor.
    const ActorDictionary* dict = im.actors.get();
    s = im.extractor->BindActors([dict](const std::string& id) -> std::optional<ActorRef> {
      const Actor* a = dict->Find(id);
      if (!a) return std::nullopt;
      return ActorRef{a->name, a->id, a->type, a->country, ""};
    });
    if (!s.ok()) return s;
  }
  if (options.gazetteer_path != "none") {
    std::string path = options.gazetteer_path.empty() ? Gazetteer::DefaultPath() : options.gazetteer_path;
    s = Gazetteer::Open(path, &im.gazetteer);
    if (!s.ok()) return Status::NotFound(s.message() + " (run scripts/setup to build the gazetteer, or pass --gazetteer none)");
  }
  if (!(s = PlaceFinder::Load(im.gazetteer.get(), data + "/places/cues.txt", &im.places)).ok()) return s;
  *out = std::move(p);
  return Status::OK();
}

namespace {
using Clock = std::chrono::steady_clock;
struct StageTimer {
  StageTimes* times;
  Clock::time_point start = Clock::now();
  void Lap(int stage) {
    Clock::time_point now = Clock::now();
    if (times) times->seconds[stage] += std::chrono::duration<double>(now - start).count();
    start = now;
  }
};

// The tagger sometimes reads a progressive verb as a noun ("the army is no longer fighting/NN").
// An -ing word after a form of "be" (adverbs between) with no determiner before it is a verb.
void RepairProgressives(const Tagger& tagger, Document* doc, const Sentence& s) {
  for (uint32_t i = s.first_token + 1; i < s.last_token; ++i) {
    Token& t = doc->tokens[i];
    if (t.tag != "NN" || t.lower.size() < 5 || t.lower.compare(t.lower.size() - 3, 3, "ing") != 0) continue;
    uint32_t k = i;
    while (k > s.first_token && (doc->tokens[k - 1].tag == "RB" || doc->tokens[k - 1].tag == "RBR")) --k;
    if (k == s.first_token || doc->tokens[k - 1].lemma != "be") continue;
    t.tag = "VBG";
    t.lemma = tagger.Lemmatize(t.norm, "VBG");
  }
}

// Longest sentence the event stage reads (news sentences stay far below: 60 tokens is long).
constexpr uint32_t kMaxSentenceTokens = 400;

}  // namespace

// Runs every stage before event extraction; `doc` must outlive `a`.
static void Analyze(const Pipeline::Impl& im, const Article& article, Document* doc_out, ArticleAnalysis* a_out,
                    Diagnostics* diag, StageTimer& timer) {
  Document& doc = *doc_out;
  ArticleAnalysis& a = *a_out;
  AnalyzeText(article.text, &doc);
  timer.Lap(StageTimes::kText);

  // A "sentence" of thousands of tokens (a file without punctuation or line breaks) is not one:
  // reading roles in it would take time quadratic in its length. It is left out of event
  // analysis, and said so.
  std::vector<bool> too_long(doc.sentences.size());
  for (size_t i = 0; i < doc.sentences.size(); ++i) {
    const Sentence& s = doc.sentences[i];
    too_long[i] = s.last_token - s.first_token > kMaxSentenceTokens;
    if (too_long[i] && diag) {
      diag->Warn(article.origin.empty() ? article.id : article.origin, 0, s.begin,
                 "sentence of " + std::to_string(s.last_token - s.first_token) + " tokens not analysed for events (over " +
                     std::to_string(kMaxSentenceTokens) + "; byte offset in the article text)");
    }
  }
  std::vector<bool> relevant(doc.sentences.size());
  for (size_t i = 0; i < doc.sentences.size(); ++i) {
    if (too_long[i]) continue;
    for (const CountMention& c : FindCounts(doc, doc.sentences[i])) {
      a.counts.push_back(
          {c.first_token, c.last_token, c.role, c.estimate, c.subset, c.coordinated, c.noun_first, c.noun_last});
      relevant[i] = true;
    }
  }
  timer.Lap(StageTimes::kNumbers);

  a.article_id = article.id;
  a.article_date = article.date;
  a.doc = &doc;
  // Places first: the country of the article's places stands in for "the police", "the army"
  // when the article names no country's institution.
  std::vector<PlaceMention> places = im.places->Find(doc);
  std::string place_country;
  if (im.gazetteer) {
    if (std::optional<Location> main = im.places->MainPlace(places))
      place_country = std::string(im.gazetteer->CountryIso3(main->country_code));
  }
  timer.Lap(StageTimes::kPlaces);
  std::vector<ActorMention> mentions = im.actors->MatchDocument(doc);
  ResolveCoreference(*im.actors, &mentions, place_country);
  a.actors.reserve(mentions.size());
  for (const ActorMention& m : mentions) {
    ActorSpan span;
    span.first = m.first_token;
    span.last = m.last_token;
    span.actor = ToRef(*im.actors, m, doc);
    span.modifier_only = m.modifier != MentionModifier::kNone;
    a.actors.push_back(std::move(span));
  }
  timer.Lap(StageTimes::kActors);

  // A place name inside a longer actor name is part of that name, not a place: "Human" in "Human
  // Rights Watch", "Luanda" in a named agreement. (Demonyms stay: "Congolese army" says which country.)
  {
    std::vector<std::pair<uint32_t, uint32_t>> actor_spans;
    for (const ActorSpan& x : a.actors) actor_spans.emplace_back(x.first, x.last);
    std::sort(actor_spans.begin(), actor_spans.end());
    std::erase_if(places, [&](const PlaceMention& p) {
      if (p.kind == PlaceMention::kDemonym) return false;
      auto it = std::upper_bound(actor_spans.begin(), actor_spans.end(), std::make_pair(p.first_token, UINT32_MAX));
      for (int back = 0; back < 4 && it != actor_spans.begin(); ++back) {
        --it;
        bool inside = it->first <= p.first_token && p.last_token <= it->second;
        if (inside && it->second - it->first > p.last_token - p.first_token) return true;
      }
      return false;
    });
  }
  for (const PlaceMention& p : places) {
    PlaceSpan span;
    span.first = p.first_token;
    span.last = p.last_token;
    span.loc = p.loc;
    span.is_demonym = p.kind == PlaceMention::kDemonym;
    a.places.push_back(std::move(span));
  }
  a.main_place = im.places->MainPlace(places);
  const std::vector<CapitalMention> capitals =
      im.gazetteer ? FindCapitals(places, *im.gazetteer, *im.actors, doc) : std::vector<CapitalMention>();
  // The event stage splits mentions by sentence in one pass: it needs them in text order.
  auto by_first = [](const auto& x, const auto& y) { return x.first < y.first; };
  std::stable_sort(a.actors.begin(), a.actors.end(), by_first);
  std::stable_sort(a.places.begin(), a.places.end(), by_first);
  timer.Lap(StageTimes::kPlaces);

  // Only sentences that could report an event get tagged, tagging being the most expensive stage:
  // a count, or a trigger word with someone to act (an actor or a pronoun; an event without an
  // acting party is never kept, so a sentence without one cannot yield an event).
  std::vector<bool> has_party(doc.sentences.size(), false);
  {
    size_t si = 0;
    for (const ActorSpan& x : a.actors) {
      while (si < doc.sentences.size() && doc.sentences[si].last_token <= x.first) ++si;
      if (si < doc.sentences.size()) has_party[si] = true;
    }
    si = 0;
    for (const CapitalMention& c : capitals) {  // a capital may stand for its government
      while (si < doc.sentences.size() && doc.sentences[si].last_token <= c.first) ++si;
      if (si < doc.sentences.size() && MayStandForGovernment(doc, c.first)) has_party[si] = true;
    }
  }
  a.relevant.assign(doc.sentences.size(), false);
  for (size_t i = 0; i < doc.sentences.size(); ++i) {
    const Sentence& s = doc.sentences[i];
    a.relevant[i] = !too_long[i] && im.extractor->MayReport(doc, s, has_party[i]);
    relevant[i] = relevant[i] || a.relevant[i];
    if (relevant[i]) {
      im.tagger->Tag(&doc, s);
      RepairProgressives(*im.tagger, &doc, s);
    }
  }
  // Capitals that stand for their governments become actors (and stop being places), now that
  // their sentences are tagged.
  if (!capitals.empty()) {
    size_t si = 0;
    bool added = false;
    for (const CapitalMention& c : capitals) {
      while (si < doc.sentences.size() && doc.sentences[si].last_token <= c.first) ++si;
      if (si >= doc.sentences.size() || !relevant[si] ||
          !StandsForGovernment(doc, doc.sentences[si], c.first, c.last))
        continue;
      ActorSpan span;
      span.first = c.first;
      span.last = c.last;
      span.actor = c.government;
      a.actors.push_back(std::move(span));
      std::erase_if(a.places, [&](const PlaceSpan& p) { return p.first == c.first && p.last == c.last; });
      added = true;
    }
    if (added) std::stable_sort(a.actors.begin(), a.actors.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
  }
  timer.Lap(StageTimes::kSyntax);


  int unresolved = 0;
  for (size_t i = 0; i < doc.sentences.size(); ++i) {
    if (!relevant[i]) continue;
    for (const TimeMention& t : FindTimeMentions(doc, doc.sentences[i], article.date)) {
      if (t.future) continue;  // "next week": nothing that happened
      TimeSpan span;
      span.first = t.first_token;
      span.last = t.last_token;
      span.date = t.date;
      span.precision = t.precision;
      span.since = t.relation == TimeMention::Relation::kSince;
      span.vague = t.vague;
      if (!article.date && !t.date && t.relative) ++unresolved;
      a.times.push_back(std::move(span));
    }
  }
  if (article.date && !doc.sentences.empty()) {
    a.fallback_date = DateForEvent(doc, doc.sentences[0], {}, doc.sentences[0].first_token, article.date).date;
  }
  if (unresolved > 0 && diag) {
    diag->Warn(article.origin.empty() ? article.id : article.origin, 0, -1,
               std::to_string(unresolved) + " relative date(s) left unresolved: the article has no date (give --date)");
  }
  timer.Lap(StageTimes::kTime);
}

Status Pipeline::Extract(const Article& article, std::vector<Event>* events, Diagnostics* diag,
                         StageTimes* times) const {
  StageTimer timer{times};
  Document doc;
  ArticleAnalysis a;
  Analyze(*impl_, article, &doc, &a, diag, timer);
  impl_->extractor->Extract(a, events);
  timer.Lap(StageTimes::kEvents);
  return Status::OK();
}

Status Pipeline::Explain(const Article& article, std::string* report) const {
  StageTimer timer{nullptr};
  Document doc;
  ArticleAnalysis a;
  Diagnostics diag;
  Analyze(*impl_, article, &doc, &a, &diag, timer);
  std::string& r = *report;
  auto span_text = [&](uint32_t f, uint32_t l) {
    if (f >= l || l > doc.tokens.size()) return std::string();
    return std::string(doc.text.substr(doc.tokens[f].begin, doc.tokens[l - 1].end - doc.tokens[f].begin));
  };
  r += "article " + article.id + " date " + article.date.value_or("(none)") + "\n";
  for (size_t si = 0; si < doc.sentences.size(); ++si) {
    const Sentence& s = doc.sentences[si];
    r += "\n[" + std::to_string(si) + "] bytes " + std::to_string(s.begin) + "-" + std::to_string(s.end) + "\n  ";
    for (uint32_t i = s.first_token; i < s.last_token; ++i) {
      const Token& t = doc.tokens[i];
      r += t.norm;
      if (!t.tag.empty()) r += "/" + t.tag + (t.lemma != t.lower && !t.lemma.empty() ? "/" + t.lemma : "");
      r += " ";
    }
    r += "\n";
    for (const ActorSpan& x : a.actors)
      if (x.first >= s.first_token && x.last <= s.last_token)
        r += "  actor  \"" + span_text(x.first, x.last) + "\" -> " + (x.actor.id.empty() ? "(unresolved)" : x.actor.id) +
             " (" + x.actor.type + (x.modifier_only ? ", modifier" : "") + ")\n";
    for (const PlaceSpan& x : a.places)
      if (x.first >= s.first_token && x.last <= s.last_token)
        r += "  place  \"" + span_text(x.first, x.last) + "\" -> " + x.loc.name + " " + x.loc.country_code + " " +
             x.loc.admin1 + " geonames:" + std::to_string(x.loc.geonames_id) + " precision " +
             std::to_string(x.loc.precision) + (x.is_demonym ? " (demonym)" : "") + "\n";
    for (const TimeSpan& x : a.times)
      if (x.first >= s.first_token && x.last <= s.last_token)
        r += "  time   \"" + span_text(x.first, x.last) + "\" -> " + x.date.value_or("(unresolved)") + " " +
             x.precision + (x.since ? " since" : "") + (x.vague ? " vague" : "") + "\n";
    for (const CountSpan& x : a.counts)
      if (x.first >= s.first_token && x.last <= s.last_token)
        r += "  count  \"" + span_text(x.first, x.last) + "\" -> " + x.role + "\n";
  }
  if (a.main_place) r += "\nmain place: " + a.main_place->name + " " + a.main_place->country_code + "\n";
  std::vector<Event> events;
  impl_->extractor->Extract(a, &events);
  r += "\nevents:\n";
  for (const Event& e : events) r += EventToJson(e) + "\n";
  for (const Diagnostic& d : diag.all()) r += d.ToString() + "\n";
  return Status::OK();
}

}  // namespace sitrep
