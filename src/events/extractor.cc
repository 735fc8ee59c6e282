// The event extractor's driver: triggers -> roles -> modality, date, place, counts -> dedup.
#include <algorithm>
#include <cmath>
#include <span>

#include "dedup.h"
#include "modality.h"
#include "patterns.h"
#include "roles.h"
#include "sitrep/events.h"
#include "structure.h"

namespace sitrep {
namespace {

ActorRef RefOf(const Arg* a) {
  if (!a || !a->actor) return {};
  return a->actor->actor;
}

const AcledRule* ChooseAcled(const Pattern& p, const ActorRef& a1, const ActorRef& a2) {
  for (const AcledRule& r : p.acled) {
    if (r.condition == "state" && IsStateForce(a1)) return &r;
    if (r.condition == "civilians" && IsCivilians(a2)) return &r;
    if (r.condition == "default") return &r;
  }
  return nullptr;
}

// The verb a token hangs from for dating purposes: the nearest non-auxiliary verb.
uint32_t NearestVerb(const SentenceView& v, uint32_t i, uint32_t skip_first, uint32_t skip_last) {
  const Sentence& s = v.sentence();
  uint32_t best = UINT32_MAX, best_d = UINT32_MAX;
  for (uint32_t k = s.first_token; k < s.last_token; ++k) {
    if (k >= skip_first && k < skip_last) continue;
    if (!v.IsVerb(k) || v.IsAux(k)) continue;
    if (v.ArgAt(k)) continue;  // a word of a name ("Sudanese Armed Forces") is no clause's verb
    uint32_t d = k > i ? k - i : i - k;
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
      if (In(v.tok(j).lower, {"after", "before", "while", "when", "since", "as", "because", "until"})) {
        d += 6;
        break;
      }
    if (d < best_d) best_d = d, best = k;
  }
  return best;
}

bool IsReportingVerb(const std::string& l) {
  return In(l, {"claim", "say", "allege", "assert", "announce", "report", "state", "add", "insist", "estimate",
                "accord"});  // "according to Monday's statement"
}

// The date the sentence gives for the trigger, if any (docs/events.md, "Dates").
const TimeSpan* DateFor(const SentenceView& v, std::span<const TimeSpan> times, const TriggerMatch& m,
                        bool nominal, bool background) {
  const Sentence& s = v.sentence();
  const uint32_t anchor = nominal ? NearestVerb(v, m.head, m.first, m.last) : m.head;
  const TimeSpan* best = nullptr;
  uint32_t best_d = UINT32_MAX;
  for (const TimeSpan& t : times) {
    if (t.first < s.first_token || t.last > s.last_token || t.vague || !t.date) continue;
    uint32_t owner = NearestVerb(v, t.first, t.first, t.last);
    bool ok = owner == m.head || owner == anchor || (owner >= m.first && owner < m.last);
    // "on Monday, claimed they have recaptured": the claim's date dates what it reports.
    // A recalled earlier event is not dated by the report that recalls it.
    if (!ok && !background && owner != UINT32_MAX && owner < m.head && IsReportingVerb(v.Lemma(owner))) ok = true;
    // "Gunmen killed 9 villagers near Gusau on 7 August 2024, police said": a date between the event
    // and a trailing attribution dates the event, not the saying.
    if (!ok && !background && owner != UINT32_MAX && owner > m.head && t.first > m.head && t.last <= owner &&
        IsReportingVerb(v.Lemma(owner)))
      ok = true;
    // "On 11 March 2024, RSF fighters looted homes and killed 7 civilians": a date that opens the
    // sentence, set off by a comma, dates every event the sentence reports.
    if (!ok && !background && t.first == s.first_token && t.last + 1 < s.last_token && v.tok(t.last).norm == ",")
      ok = true;
    // "started on October 1, when fighting resumed": the when-clause shares the time.
    if (!ok && t.last + 1 < s.last_token && v.tok(t.last).norm == "," && v.tok(t.last + 1).lower == "when" &&
        m.head > t.last)
      ok = true;
    if (!ok) continue;
    uint32_t d = t.first > m.head ? t.first - m.head : m.head - t.first;
    if (d < best_d) best_d = d, best = &t;
  }
  return best;
}

// Adds a figure to another of the same toll, bound by bound (a bound one side lacks stays unknown).
void AddEstimate(Estimate* to, const Estimate& from) {
  auto add = [](std::optional<int64_t>& x, const std::optional<int64_t>& y) {
    if (x && y) *x += *y;
  };
  add(to->low, from.low);
  add(to->best, from.best);
  add(to->high, from.high);
}

// Codes `party` as the dictionary's actor `id`, keeping the words that named it; false (and
// `party` unchanged) without a dictionary or when it lacks the id.
bool Recode(const EventExtractor::ActorLookup& lookup, ActorRef* party, const std::string& id) {
  std::optional<ActorRef> ref = lookup ? lookup(id) : std::nullopt;
  if (!ref) return false;
  ref->text = party->text;
  *party = std::move(*ref);
  return true;
}

double Confidence(const RoleTuple& r, bool nominal, bool dated, const std::string& modality) {
  double c = 0.45;
  if (r.actor1 && !r.actor1->coref) c += 0.15;
  else if (r.actor1) c += 0.08;
  if (r.actor2) c += 0.05;
  if (r.place) c += 0.1;
  if (dated) c += 0.1;
  if (!nominal) c += 0.1;
  if (modality == "claimed") c -= 0.1;
  return std::clamp(c, 0.05, 0.95);
}

// For mentions sorted by first token: the [begin, end) index range of those starting in each sentence.
template <typename Span>
std::vector<std::pair<size_t, size_t>> RangesBySentence(const Document& doc, const std::vector<Span>& spans) {
  std::vector<std::pair<size_t, size_t>> out(doc.sentences.size());
  size_t k = 0;
  for (size_t si = 0; si < doc.sentences.size(); ++si) {
    const Sentence& s = doc.sentences[si];
    while (k < spans.size() && spans[k].first < s.first_token) ++k;
    size_t begin = k;
    while (k < spans.size() && spans[k].first < s.last_token) ++k;
    out[si] = {begin, k};
  }
  return out;
}

bool IsVerbalType(const std::string& t) {
  return In(t, {"CONSULT", "SANCTION", "ACCUSE", "DISAPPROVE", "REQUEST", "THREATEN", "AID", "REJECT", "AGREE", "SUPPORT"});
}

void SetEvidence(const Document& doc, const Sentence& s, uint32_t first, uint32_t last, const std::string& text,
                 Event* e) {
  e->evidence.sentence = text;
  e->evidence.start = s.begin;
  e->evidence.end = s.end;
  e->evidence.trigger_start = doc.tokens[first].begin;
  e->evidence.trigger_end = doc.tokens[last - 1].end;
}

void FillLocation(const Arg* place, Event* e) {
  if (place && place->place) e->location = place->place->loc;
}

}  // namespace

EventExtractor::EventExtractor() = default;
EventExtractor::~EventExtractor() = default;

Status EventExtractor::Load(const std::string& data_dir, std::unique_ptr<EventExtractor>* out) {
  std::unique_ptr<EventExtractor> x(new EventExtractor());
  x->patterns_ = std::make_unique<Patterns>();
  Status s = x->patterns_->Load(data_dir);
  if (!s.ok()) return s;
  *out = std::move(x);
  return Status::OK();
}

bool EventExtractor::MayHaveTrigger(const Document& doc, const Sentence& s) const {
  return patterns_->MayMatch(doc, s);
}

bool EventExtractor::MayReport(const Document& doc, const Sentence& s, bool names_an_actor) const {
  bool party = names_an_actor;
  // A pronoun may name the party; a trigger that needs none ("protesters marched", "a bomb went
  // off") stands for one.
  for (uint32_t t = s.first_token; t < s.last_token && !party; ++t) {
    const Token& tok = doc.tokens[t];
    // A capitalised form inside a sentence is a name, not the trigger: "March", "Rally Road".
    const bool capitalised = t > s.first_token && !tok.norm.empty() && tok.norm[0] >= 'A' && tok.norm[0] <= 'Z';
    party = IsPersonalPronoun(tok.lower) || (!capitalised && patterns_->agentless_forms.Contains(tok.lower));
  }
  return party && MayHaveTrigger(doc, s);
}

std::vector<std::string> EventExtractor::AgentlessActorIds() const {
  std::vector<std::string> ids;
  for (const Pattern& p : patterns_->patterns)
    if (!p.agentless.id.empty() && std::find(ids.begin(), ids.end(), p.agentless.id) == ids.end())
      ids.push_back(p.agentless.id);
  return ids;
}

Status EventExtractor::BindActors(ActorLookup lookup) {
  for (Pattern& p : patterns_->patterns) {
    if (p.agentless.id.empty()) continue;
    std::optional<ActorRef> ref = lookup(p.agentless.id);
    if (!ref)
      return Status::Corruption(p.source + ": agentless actor '" + p.agentless.id + "' is not in the actor dictionary");
    p.agentless = *ref;
    p.agentless.text.clear();
  }
  lookup_ = std::move(lookup);
  return Status::OK();
}

void EventExtractor::Extract(const ArticleAnalysis& a, std::vector<Event>* events) const {
  const Document& doc = *a.doc;
  const size_t n = doc.sentences.size();
  const std::vector<bool> quotes = ComputeQuotes(doc);

  // The subject a pronoun falls back on: the first acting party of the latest sentence that has one.
  std::vector<const ActorSpan*> previous_subject(n, nullptr);
  {
    const ActorSpan* last = nullptr;
    size_t k = 0;
    for (size_t si = 0; si < n; ++si) {
      previous_subject[si] = last;
      const Sentence& s = doc.sentences[si];
      const ActorSpan* first_here = nullptr;
      for (; k < a.actors.size() && a.actors[k].first < s.last_token; ++k) {
        const ActorSpan& x = a.actors[k];
        if (!first_here && x.first >= s.first_token && !x.modifier_only && !IsCivilians(x.actor)) first_here = &x;
      }
      if (first_here) last = first_here;
    }
  }
  // Each sentence's share of the article's mentions, found in one pass: per-sentence work must not
  // scan the whole article (a 10 MB report has tens of thousands of sentences).
  const auto actor_range = RangesBySentence(doc, a.actors);
  const auto place_range = RangesBySentence(doc, a.places);
  const auto time_range = RangesBySentence(doc, a.times);
  const auto count_range = RangesBySentence(doc, a.counts);
  auto in_sentence = [](const auto& all, const std::pair<size_t, size_t>& r) {
    return std::span(all).subspan(r.first, r.second - r.first);
  };
  // Sentence views are built only where something can be coded (a trigger or a count).
  std::vector<std::unique_ptr<SentenceView>> views(n);
  auto view = [&](size_t si) -> const SentenceView& {
    if (!views[si])
      views[si] = std::make_unique<SentenceView>(a, doc.sentences[si], quotes, previous_subject[si],
                                                 in_sentence(a.actors, actor_range[si]),
                                                 in_sentence(a.places, place_range[si]));
    return *views[si];
  };
  std::vector<bool> has_count(n, false);
  for (size_t si = 0; si < n; ++si) has_count[si] = count_range[si].second > count_range[si].first;

  std::vector<Event> found;
  found.reserve(2 * n);  // Event is large: growing the vector would move every event again
  std::vector<size_t> first_event_of_sentence(n, 0);  // index in `found` of each sentence's first event
  // The last violent event with an agent, and its sentence: a toll in the next sentence is its own.
  size_t last_violent = SIZE_MAX, last_violent_sentence = SIZE_MAX;
  std::vector<std::vector<size_t>> used_counts(n);
  for (size_t si = 0; si < n; ++si) {
    const Sentence& s = doc.sentences[si];
    const size_t here_begin = found.size();
    // "Islamic State claimed responsibility.": the group that claims an attack nobody was named for
    // in this sentence or the one before becomes its actor.
    for (const ActorSpan& x : in_sentence(a.actors, actor_range[si])) {
      if (x.actor.id.empty() || x.modifier_only || IsCivilians(x.actor)) continue;
      uint32_t k = x.last;
      while (k < s.last_token && In(doc.tokens[k].lower, {"has", "have", "later", "quickly", "reportedly"})) ++k;
      if (k + 1 >= s.last_token || !In(doc.tokens[k].lower, {"claimed", "claims", "claim"}) ||
          doc.tokens[k + 1].lower != "responsibility")
        continue;
      const size_t from = si > 0 ? first_event_of_sentence[si - 1] : 0;
      for (size_t j = from; j < found.size(); ++j)
        if (found[j].actor1.id == "UNIDENTIFIED_ARMED_GROUP") found[j].actor1 = x.actor;
      break;
    }
    first_event_of_sentence[si] = found.size();
    const bool may_trigger = a.relevant.empty() ? patterns_->MayMatch(doc, s) : a.relevant[si];
    if (!may_trigger && !has_count[si]) continue;
    std::vector<TriggerMatch> matches;
    if (may_trigger) matches = patterns_->Find(doc, s);
    if (matches.empty() && !has_count[si]) continue;
    const SentenceView& v = view(si);
    const FollowingViews following = [&](size_t k) -> const SentenceView* {
      return si + k < n ? &view(si + k) : nullptr;
    };
    const std::string sentence_text(doc.text.substr(s.begin, s.end - s.begin));
    // A consultation in the same sentence turns a withdrawal into walking out of talks.
    bool talks_context = false;
    for (const TriggerMatch& m : matches) talks_context = talks_context || m.pattern->frame == Frame::kConsult;

    // "HTS seized Saraqib after government troops pulled out": a withdrawal in a clause subordinate
    // to a takeover is how the loser lost it, not an event of its own; its agent is the takeover's
    // second party.
    std::vector<bool> absorbed(matches.size(), false);
    std::vector<const Arg*> loser_of(matches.size(), nullptr);
    for (size_t j = 0; j < matches.size(); ++j) {
      if (matches[j].pattern->frame != Frame::kRetreat) continue;
      for (size_t i = 0; i < j; ++i) {
        if (matches[i].pattern->frame != Frame::kTerritory) continue;
        bool subordinate = false;
        for (uint32_t k = matches[i].last; k < matches[j].first && !subordinate; ++k)
          subordinate = In(doc.tokens[k].lower, {"after", "as", "when", "once"});
        if (!subordinate) continue;
        absorbed[j] = true;
        for (const RoleTuple& r : ReadRoles(v, matches[j], false))
          if (r.actor1 && !loser_of[i]) loser_of[i] = r.actor1;
        break;
      }
    }

    for (size_t mi = 0; mi < matches.size(); ++mi) {
      const TriggerMatch& m = matches[mi];
      if (absorbed[mi]) continue;
      const Pattern* p = m.pattern;
      if (p->frame == Frame::kBlock) continue;
      if (v.ArgAt(m.head)) continue;  // part of a name: "the Luanda Agreement" as an actor/place
      const Token& head = doc.tokens[m.head];
      // An attributive participle describes, it does not report: "the occupied territories".
      if ((head.tag == "VBN" || head.tag == "JJ") && m.last < s.last_token && m.head > s.first_token &&
          doc.tokens[m.last].tag.rfind("NN", 0) == 0 &&
          In(doc.tokens[m.head - 1].tag, {"DT", "JJ", "PRP$", "POS"}))
        continue;
      // ", killing 12 people", ", injuring five", "attacked civilians ... and killed 6 people": the
      // toll of a violent event before it in the sentence (its counts go to that event), not an
      // event of its own.
      if (m.first > s.first_token && In(p->words.front(), {"kill", "injure", "wound", "maim"}) &&
          ((head.tag == "VBG" && doc.tokens[m.first - 1].norm == ",") || doc.tokens[m.first - 1].lower == "and")) {
        bool after_violence = false;
        for (const TriggerMatch& earlier : matches)
          after_violence = after_violence || (earlier.head < m.head && earlier.pattern->frame != Frame::kBlock &&
                                              In(earlier.pattern->plover_type, {"FIGHT", "ASSAULT"}));
        if (after_violence) continue;
      }
      // "an Israeli airstrike on a house in Rafah killed 8 people", "Fighting between X and Y killed
      // five": a killing whose subject is a violent event is that event's toll.
      if (In(p->words.front(), {"kill", "injure", "wound", "maim", "leave"}) && !head.tag.empty() &&
          head.tag[0] == 'V') {
        bool subject_is_violence = false;
        for (const TriggerMatch& earlier : matches) {
          if (earlier.head >= m.head || earlier.pattern->frame == Frame::kBlock ||
              !In(earlier.pattern->plover_type, {"FIGHT", "ASSAULT"}))
            continue;
          const Token& eh = doc.tokens[earlier.head];
          const bool noun = eh.tag.rfind("NN", 0) == 0 || eh.tag == "VBG";
          bool verb_between = false;
          for (uint32_t k = earlier.last; k < m.head && !verb_between; ++k)
            verb_between = v.IsVerb(k) && !v.IsAux(k);
          subject_is_violence = subject_is_violence || (noun && !verb_between);
        }
        if (subject_is_violence) continue;
      }
      // A gerund heading a noun phrase is a noun: "Fighting between M23 and Wazalendo killed five".
      const bool gerund_np = head.tag == "VBG" && m.last < s.last_token &&
                             doc.tokens[m.last].lower == "between";
      const bool nominal = head.tag.rfind("NN", 0) == 0 || (head.tag.empty() && !p->verb) || gerund_np;
      // A trigger noun modifying another noun names a kind of thing, not an event: "battle field",
      // "attack helicopters", "protest songs".
      // (A "noun" followed by a determiner is a mistagged verb: "a roadside bomb struck a minibus".)
      if (nominal && m.last < s.last_token &&
          (doc.tokens[m.last].tag == "NN" || doc.tokens[m.last].tag == "NNS") && !v.ArgAt(m.last) &&
          !(m.last + 1 < s.last_token && In(doc.tokens[m.last + 1].tag, {"DT", "PRP$"})))
        continue;
      if (p->frame == Frame::kRetreat && talks_context && patterns_->walkout) p = patterns_->walkout;
      TriggerMatch mm = m;
      mm.pattern = p;
      ModalityReading mod = ReadModality(v, m.first, m.last, nominal, following);
      const TimeSpan* when = DateFor(v, in_sentence(a.times, time_range[si]), m, nominal, mod.modality == "background");
      std::vector<size_t> counted_by_trigger;
      for (const RoleTuple& r : ReadRoles(v, mm, nominal)) {
        RoleTuple roles = r;
        // Talks and agreements take two parties; one alone is not a consultation an analyst codes.
        if ((p->frame == Frame::kConsult || p->frame == Frame::kAgree) && (!roles.actor1 || !roles.actor2)) continue;
        if (roles.actor1 && roles.actor2 && roles.actor1->actor->actor.id == roles.actor2->actor->actor.id &&
            !roles.actor1->actor->actor.id.empty())
          roles.actor2 = nullptr;
        if (!roles.actor2 && loser_of[mi] && loser_of[mi] != roles.actor1) roles.actor2 = loser_of[mi];
        if (!roles.place) roles.place = v.ClausePlace(m.head, nominal ? NearestVerb(v, m.head, m.first, m.last) : m.head);
        if (roles.place && roles.place->actor) roles.place = nullptr;
        Event e;
        e.article_id = a.article_id;
        e.plover_type = p->plover_type;
        e.plover_mode = p->plover_mode;
        e.cameo_code = p->cameo;
        e.actor1 = RefOf(roles.actor1);
        e.actor2 = RefOf(roles.actor2);
        // "Hundreds of teachers protested", "an IED exploded near a market": nobody named, and the
        // pattern says who such events are coded to.
        if (e.actor1.empty() && !p->agentless.id.empty() && !(roles.actor2 && roles.actor2->actor &&
                                                                roles.actor2->actor->actor.id == p->agentless.id)) {
          // Only where the sentence says where or what it cost: "a blast of payments", "in protest
          // at his trial", "his involvement in the blasts" are no events to code.
          bool has_toll = false;
          for (size_t ci = count_range[si].first; ci < count_range[si].second; ++ci)
            has_toll = has_toll || In(a.counts[ci].role, {"killed", "wounded", "abducted"});
          const Arg* where = roles.place ? roles.place
                                         : v.ClausePlace(m.head, nominal ? NearestVerb(v, m.head, m.first, m.last) : m.head);
          if (!has_toll && !(where && where->place)) continue;
          e.actor1 = p->agentless;
        }
        // A state fights through its army: "Russian artillery shelled", "an Israeli airstrike" name
        // the state; ACLED and PLOVER code its military (<ISO3>_MIL).
        if (lookup_ && In(p->plover_type, {"FIGHT", "ASSAULT"})) {
          for (ActorRef* party : {&e.actor1, &e.actor2}) {
            if (party->type != "state" || party->country.empty()) continue;
            if (party == &e.actor2 && p->plover_type != "FIGHT") continue;  // an assault's target state is its people
            Recode(lookup_, party, party->country + "_MIL");
          }
        }
        // Civilians who demonstrate are protesters (ACLED's "Protesters (country)"; data/actors/generic.actors.txt).
        if (p->plover_type == "PROTEST" && e.actor1.id == "CIVILIANS") {
          e.actor1.id = "PROTESTERS";
          e.actor1.name = "Protesters";
        }
        // Violence by rioters, protesters or a crowd of civilians ("angry residents set fire to a
        // police station") is a riot: one PROTEST/riot event by rioters, ACLED "Riots / Violent
        // demonstration", however many things the crowd did.
        const bool crowd_violence = In(e.actor1.id, {"RIOTERS", "PROTESTERS", "CIVILIANS"}) &&
                                    In(p->plover_type, {"FIGHT", "ASSAULT", "COERCE"}) && e.actor1.id != e.actor2.id;
        if (crowd_violence && e.actor1.id == "CIVILIANS") Recode(lookup_, &e.actor1, "RIOTERS");
        if (crowd_violence) {
          e.plover_type = "PROTEST";
          e.plover_mode = "riot";
          e.cameo_code = "145";
        }
        if (crowd_violence) {
          // A crowd that beats or kills a person is mob violence; one that burns and attacks places
          // or the police, a violent demonstration.
          e.acled_event_type = "Riots";
          e.acled_sub_event_type = p->plover_type == "ASSAULT" ? "Mob violence" : "Violent demonstration";
        } else if (const AcledRule* rule = ChooseAcled(*p, e.actor1, e.actor2)) {
          e.acled_event_type = rule->event_type;
          e.acled_sub_event_type = rule->sub_event_type;
        }
        FillLocation(roles.place, &e);
        e.modality = mod.modality;
        e.claimant = mod.claimant;
        if (when) {
          e.date = when->date;
          e.date_precision = when->precision;
        } else if (e.modality != "background" && a.fallback_date) {
          // No date of its own: reported in this article, so within the week ending at its date.
          e.date = a.fallback_date;
          e.date_precision = "week";
        }
        SetEvidence(doc, s, m.first, m.last, sentence_text, &e);
        e.trigger = p->words.front();
        for (size_t w = 1; w < p->words.size(); ++w) e.trigger += " " + p->words[w];
        e.confidence = Confidence(roles, nominal, when != nullptr, e.modality);
        // Counts that belong to this event: inside or right next to one of its parties, or, for
        // violence, anywhere in its clause.
        const ActorSpan* victims = nullptr;  // who the event's toll names ("killing 8 civilians")
        bool victims_are_people = false;     // the toll counts people, naming no group ("killed 20 people")
        for (size_t ci = count_range[si].first; ci < count_range[si].second; ++ci) {
          const CountSpan& c = a.counts[ci];
          if (c.last > s.last_token) continue;
          bool near_party = false;
          for (const Arg* party : {roles.actor1, roles.actor2}) {
            if (!party || party->pronoun) continue;
            near_party = near_party || (c.first <= party->last + 1 && c.last + 3 >= party->first);
          }
          // The dead and wounded are the toll of fighting and assaults; abductions and arrests may
          // also be coercion's ("looted homes and killed 7": the 7 are not the looting's).
          bool violence = (In(c.role, {"killed", "wounded"}) && In(p->plover_type, {"FIGHT", "ASSAULT"})) ||
                          (In(c.role, {"abducted", "arrested"}) && In(p->plover_type, {"FIGHT", "ASSAULT", "COERCE"}));
          if (!near_party && !violence) continue;
          if (violence && c.role != "arrested" && !victims && !victims_are_people && c.noun_first < c.noun_last &&
              In(doc.tokens[c.noun_first].lower, {"people", "persons", "person", "individuals", "villagers"}))
            victims_are_people = true;
          // "killing three Palestinians": people named by their nationality.
          if (violence && c.role != "arrested" && !victims_are_people) {
            for (const PlaceSpan& d : in_sentence(a.places, place_range[si]))
              if (d.is_demonym && d.first >= c.first && d.last <= c.last) victims_are_people = true;
          }
          if (violence && c.role != "arrested" && !victims) {
            for (const ActorSpan& x : in_sentence(a.actors, actor_range[si]))
              if (!x.actor.id.empty() && !x.modifier_only && x.first >= c.first && x.last <= c.last) {
                // A state is no victim: "left one Iraqi dead", "killing three Palestinians" name people.
                if (x.actor.type == "state") victims_are_people = true;
                else victims = &x;
              }
          }
          // Coordinated agents of one trigger ("soldiers and mercenaries executed dozens") are one
          // toll: only the first of the trigger's events carries it, so sums do not double.
          if (std::find(counted_by_trigger.begin(), counted_by_trigger.end(), ci) != counted_by_trigger.end())
            continue;
          counted_by_trigger.push_back(ci);
          used_counts[si].push_back(ci);
          if (c.subset) continue;  // already inside another figure of the event
          Estimate* est = e.counts.Find(c.role);
          if (!est) continue;
          if (c.coordinated && !est->empty()) {
            AddEstimate(est, c.estimate);
          } else {
            *est = c.estimate;
          }
        }
        // "shelled the town, injuring 5 civilians", "a drone strike ..., killing 2 SDF fighters":
        // whoever the toll names is the event's target when the text names no other.
        // A toll of "people" with no group named counts civilians, as ACLED codes them.
        std::optional<ActorRef> people;
        if (!victims && victims_are_people && lookup_ && e.actor2.empty() && e.actor1.id != "CIVILIANS")
          people = lookup_("CIVILIANS");
        if ((victims && e.actor2.empty() && e.actor1.id != victims->actor.id) || people) {
          e.actor2 = people ? *people : victims->actor;
          if (crowd_violence) {
            // still a riot, whoever its victims
          } else if (const AcledRule* rule = ChooseAcled(*p, e.actor1, e.actor2)) {
            e.acled_event_type = rule->event_type;
            e.acled_sub_event_type = rule->sub_event_type;
          }
        }
        found.push_back(std::move(e));
      }
    }

    // Standalone figures ("over 7 million displaced") become humanitarian-figure events.
    for (size_t ci = count_range[si].first; ci < count_range[si].second; ++ci) {
      const CountSpan& c = a.counts[ci];
      if (c.last > s.last_token) continue;
      if (std::find(used_counts[si].begin(), used_counts[si].end(), ci) != used_counts[si].end()) continue;
      if (!In(c.role, {"killed", "wounded", "displaced", "abducted"})) continue;
      Event e;
      e.article_id = a.article_id;
      e.plover_type = c.role == "displaced" ? "COERCE" : "ASSAULT";
      e.plover_mode = "humanitarian-figure";
      e.trigger = c.role;
      if (Estimate* est = e.counts.Find(c.role)) *est = c.estimate;
      ModalityReading mod = ReadModality(v, c.first, c.last, /*nominal=*/true, following);
      e.modality = mod.modality;
      e.claimant = mod.claimant;
      FillLocation(v.ClausePlace(c.first), &e);
      if (a.fallback_date) {
        e.date = a.fallback_date;
        e.date_precision = "week";
      }
      SetEvidence(doc, s, c.first, c.last, sentence_text, &e);
      e.confidence = 0.5;
      found.push_back(std::move(e));
    }

    // "JNIM ambushed a convoy near Boni. 10 soldiers were killed.": a toll in the sentence right
    // after a violent event, with nobody named to have caused it, is that event's toll (ACLED notes
    // and wire copy often give the dead in a sentence of their own).
    if (last_violent != SIZE_MAX && last_violent_sentence + 1 == si) {
      // Figures of the one sentence add up ("killing about 30 assailants, while four soldiers died").
      bool filled_here[2] = {false, false};
      for (size_t k = here_begin; k < found.size();) {
        Event& e = found[k];
        bool moved = false;
        if (e.actor1.empty() && In(e.plover_type, {"FIGHT", "ASSAULT"})) {
          int r = 0;
          for (const char* role : {"killed", "wounded"}) {
            Estimate* from = e.counts.Find(role);
            Estimate* to = found[last_violent].counts.Find(role);
            if (from && to && !from->empty() && (to->empty() || filled_here[r])) {
              if (to->empty()) {
                *to = *from;
              } else {
                AddEstimate(to, *from);
              }
              *from = Estimate();
              moved = true;
              filled_here[r] = true;
            }
            ++r;
          }
        }
        if (moved && e.plover_mode == "humanitarian-figure") {
          found.erase(found.begin() + static_cast<std::ptrdiff_t>(k));
          continue;
        }
        ++k;
      }
    }
    for (size_t k = here_begin; k < found.size(); ++k) {
      if (!found[k].actor1.empty() && In(found[k].plover_type, {"FIGHT", "ASSAULT"}) &&
          found[k].plover_mode != "humanitarian-figure") {
        last_violent = k;
        last_violent_sentence = si;
      }
    }
  }

  // Events whose text names no place inherit the article's main place at precision 3, after
  // deduplication so that an inherited place never makes two mentions look alike. Talk, threats,
  // sanctions and support happen wherever their speakers are: they inherit nothing.
  std::vector<Event> merged = MergeDuplicates(std::move(found));
  events->reserve(events->size() + merged.size());
  for (Event& e : merged) {
    if (!e.location && a.main_place && !IsVerbalType(e.plover_type)) {
      e.location = *a.main_place;
      e.location->precision = 3;
    }
    e.event_id = ComputeEventId(e);
    events->push_back(std::move(e));
  }
}

}  // namespace sitrep
