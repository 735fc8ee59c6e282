// The pipeline: Open loads every stage's data once; Extract runs the stages (Analyze, in
// analyze.cc, whose order docs/architecture.md states) and then the event stage; Explain
// reports what each stage found.
#include "sitrep/pipeline.h"

#include "internal.h"
#include "sitrep/paths.h"
#include "sitrep/text.h"

namespace sitrep {

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
  if (!(s = ActorDictionary::Load(data + "/actors", options.dict_dirs, &im.actors)).ok()) return s;
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
  if (!(s = CapitalWords::Load(data + "/actors/capitals.txt", &im.capital_words)).ok()) return s;
  *out = std::move(p);
  return Status::OK();
}

const std::vector<std::string>& Pipeline::warnings() const { return impl_->actors->warnings(); }

namespace {

// Every event names the article it was read from: its source, url and title.
void CopyArticleReference(const Article& article, Event* e) {
  e->source = article.source;
  e->url = article.url;
  e->title = article.title;
}

}  // namespace

Status Pipeline::Extract(const Article& article, std::vector<Event>* events, Diagnostics* diag,
                         StageTimes* times) const {
  StageTimer timer{times};
  Document doc;
  ArticleAnalysis a;
  Analyze(*impl_, article, &doc, &a, diag, timer);
  const size_t first_new = events->size();
  impl_->extractor->Extract(a, events);
  for (size_t i = first_new; i < events->size(); ++i) CopyArticleReference(article, &(*events)[i]);
  timer.Lap(StageTimes::kEvents);
  return Status::OK();
}

void Pipeline::Learn(const Article& article, PlaceLessons* lessons) const {
  Document doc;
  AnalyzeText(article.text, &doc);
  impl_->places->Learn(doc, lessons);
}

void Pipeline::UsePlaceLessons(std::shared_ptr<const PlaceLessons> lessons) { impl_->place_lessons = std::move(lessons); }

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
  // Pass 0 of the events stage: is the article, and each sentence, about political violence at all?
  const ArticleTopic topic = impl_->extractor->ReadTopic(a);
  auto topic_line = [](const TopicDecision& d) {
    return std::string(d.political ? "political" : "not political") + (d.reason.empty() ? "" : ": " + d.reason);
  };
  r += "topic: " + topic_line(topic.article) + "\n";
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
    if (!topic.sentences[si].reason.empty()) r += "  topic  " + topic_line(topic.sentences[si]) + "\n";
    for (const ActorSpan& x : a.actors)
      if (x.first >= s.first_token && x.last <= s.last_token)
        r += "  actor  \"" + span_text(x.first, x.last) + "\" -> " + (x.actor.id.empty() ? "(unresolved)" : x.actor.id) +
             " (" + x.actor.type + (x.modifier_only ? ", modifier" : "") + ")\n";
    for (const PlaceSpan& x : a.places)
      if (x.first >= s.first_token && x.last <= s.last_token)
        r += "  place  \"" + span_text(x.first, x.last) + "\" -> " + x.loc.name + " " + x.loc.country_code + " " +
             x.loc.admin1 + " geonames:" + std::to_string(x.loc.geonames_id) + " precision " +
             std::to_string(x.loc.precision) + (x.is_demonym ? " (demonym)" : "") +
             (x.learned ? " (learned: another report's hint places it)" : "") + "\n";
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
  EventTrace trace;
  impl_->extractor->Extract(a, &events, &trace);
  ExplainEvents(doc, events, trace, &r);
  for (const Diagnostic& d : diag.all()) r += d.ToString() + "\n";
  if (diag.not_kept() > 0) r += std::to_string(diag.not_kept()) + " more diagnostics not kept\n";
  return Status::OK();
}

}  // namespace sitrep
