// BuildControlPeriods: who holds which place from when, from the territorial dataset events
// (docs/dataset.md "Territorial control").
//
// Per place, in date order: a take by X ends the period of another holder ("taken by X") and starts
// X's (a take by the holder only adds evidence); a leave by X ends X's period ("withdrawal", or
// "handover" when it names whom it goes to, who then starts one). A leave with nobody holding yet
// says X held it before: a period without a start.
#include <algorithm>
#include <map>

#include "core/fold.h"
#include "internal.h"

namespace sitrep {

using dataset_internal::ActorKey;
using dataset_internal::HasPlace;
using dataset_internal::PlaceKey;

namespace {

enum class Move { kNone, kTake, kLeave };

// "country", "admin1" or "admin2" when the place is that area itself (its name is its own admin name), else "".
std::string AreaLevel(const Location& l) {
  const std::string name = fold::FoldCase(l.name);
  if (l.admin1.empty() && l.precision == 3) return "country";
  if (!l.admin1.empty() && name == fold::FoldCase(l.admin1)) return "admin1";
  if (!l.admin2.empty() && name == fold::FoldCase(l.admin2)) return "admin2";
  return "";
}

Move MoveOf(const DatasetEvent& d, const DatasetRules& rules) {
  if (!d.event.date || !HasPlace(d.event.location) || d.event.actor1.empty()) return Move::kNone;
  if (rules.control_skip.count(AreaLevel(*d.event.location))) return Move::kNone;
  const std::string kind = KindOf(d.event, rules);
  const std::string& modality = d.event.modality;
  if (rules.take_kinds.count(kind) && rules.take_modalities.count(modality)) return Move::kTake;
  if (rules.leave_kinds.count(kind) && rules.leave_modalities.count(modality)) return Move::kLeave;
  return Move::kNone;
}

// One sentence reports both takings ("soldiers and militia fighters retook the town"): allies.
bool SameSentence(const DatasetEvent& a, const DatasetEvent& b) {
  for (const MentionRef& x : a.mentions)
    for (const MentionRef& y : b.mentions)
      if (x.article_id == y.article_id && x.evidence.start == y.evidence.start) return true;
  return false;
}

void AddEvidence(const DatasetEvent& d, ControlPeriod* p) {
  p->evidence.push_back(d.id);
  for (const MentionRef& m : d.mentions) {
    p->sentences.push_back(m.evidence);
    if (!m.source.empty()) p->according_to.push_back(m.source);
    if (!m.claimant.empty()) p->according_to.push_back(m.claimant + " (" + m.modality + ")");
    if (!m.claimant.empty() && m.modality == "claimed") p->claimed_by.push_back(m.claimant);
  }
}

ControlPeriod StartPeriod(const DatasetEvent& d, const ActorRef& holder) {
  ControlPeriod p;
  p.place = *d.event.location;
  p.holder = holder;
  p.start = d.event.date;
  AddEvidence(d, &p);
  return p;
}

// A report that only the holder's own word carries ("the M23 claimed it had seized Sake").
bool HolderClaim(const MentionRef& m, const ActorRef& holder) {
  if (m.modality != "claimed") return false;
  const std::string claimant = fold::FoldCase(m.claimant);
  auto names = [&](const std::string& s) { return !s.empty() && claimant.find(fold::FoldCase(s)) != std::string::npos; };
  return m.claimant.empty() || names(holder.id) || names(holder.name);
}

// contested: a report denies the taking; confirmed: a report in the article's own voice or someone
// else's; claimed: only the holder says so.
std::string ModalityOf(const std::vector<const DatasetEvent*>& takes, const ActorRef& holder) {
  bool confirmed = false, denied = false;
  for (const DatasetEvent* d : takes)
    for (const MentionRef& m : d->mentions) {
      confirmed |= m.modality == "asserted" || (m.modality == "claimed" && !HolderClaim(m, holder));
      denied |= m.modality == "denied";
    }
  if (denied) return "contested";
  return confirmed ? "confirmed" : "claimed";
}

void SortUnique(std::vector<std::string>* v) {
  std::sort(v->begin(), v->end());
  v->erase(std::unique(v->begin(), v->end()), v->end());
}

void Tidy(ControlPeriod* p) {
  SortUnique(&p->according_to);
  SortUnique(&p->claimed_by);
  std::vector<Evidence> unique;
  for (const Evidence& e : p->sentences)
    if (std::none_of(unique.begin(), unique.end(), [&](const Evidence& u) { return u.sentence == e.sentence; }))
      unique.push_back(e);
  p->sentences = std::move(unique);
}

// Two holders starting within `days` of each other contest both periods.
void MarkContested(std::vector<ControlPeriod>* periods, size_t first, const DatasetRules& rules) {
  for (size_t i = first + 1; i < periods->size(); ++i) {
    ControlPeriod& before = (*periods)[i - 1];
    ControlPeriod& after = (*periods)[i];
    if (!before.start || !after.start || ActorKey(before.holder) == ActorKey(after.holder)) continue;
    auto a = dataset_internal::DayNumber(*before.start), b = dataset_internal::DayNumber(*after.start);
    if (a && b && *b - *a <= rules.contest_days) before.modality = after.modality = "contested";
  }
}

class PlaceTimeline {
 public:
  explicit PlaceTimeline(std::vector<ControlPeriod>* out) : out_(out) {}

  void Apply(const DatasetEvent& d, Move move) {
    if (move == Move::kTake) Take(d, d.event.actor1);
    if (move == Move::kLeave) Leave(d);
  }

  void Finish() {
    if (open_) Close();
  }

 private:
  void Take(const DatasetEvent& d, const ActorRef& taker) {
    if (open_ && ActorKey(open_->holder) == ActorKey(taker)) {
      AddEvidence(d, &*open_);
      takes_.push_back(&d);
      return;
    }
    if (open_ && open_->start == d.event.date && SameSentence(*takes_.front(), d)) {
      open_->co_holders.push_back(taker);
      AddEvidence(d, &*open_);
      return;
    }
    if (open_) End(d, "taken by " + (taker.name.empty() ? taker.id : taker.name));
    open_ = StartPeriod(d, taker);
    takes_ = {&d};
  }

  void Leave(const DatasetEvent& d) {
    const bool handover = !d.event.actor2.empty();
    const std::string how = std::string(handover ? "handover" : "withdrawal") +
                            (d.event.modality == "asserted" || d.event.modality == "claimed" ? "" : " announced");
    if (open_ && ActorKey(open_->holder) == ActorKey(d.event.actor1)) {
      End(d, how);
    } else if (!open_) {  // it held the place before any report of its taking
      open_ = StartPeriod(d, d.event.actor1);
      open_->start.reset();
      takes_ = {&d};
      End(d, how);
    }
    if (handover) Take(d, d.event.actor2);
  }

  void End(const DatasetEvent& d, const std::string& how) {
    open_->end = d.event.date;
    open_->ended_by = how;
    AddEvidence(d, &*open_);
    Close();
  }

  void Close() {
    open_->modality = ModalityOf(takes_, open_->holder);
    Tidy(&*open_);
    out_->push_back(std::move(*open_));
    open_.reset();
  }

  std::vector<ControlPeriod>* out_;
  std::optional<ControlPeriod> open_;
  std::vector<const DatasetEvent*> takes_;
};

}  // namespace

void BuildControlPeriods(const std::vector<DatasetEvent>& events, const DatasetRules& rules,
                         std::vector<ControlPeriod>* out) {
  std::map<std::string, std::vector<std::pair<const DatasetEvent*, Move>>> by_place;
  for (const DatasetEvent& d : events)
    if (Move move = MoveOf(d, rules); move != Move::kNone) by_place[PlaceKey(*d.event.location)].push_back({&d, move});
  out->clear();
  for (auto& [place, moves] : by_place) {
    std::sort(moves.begin(), moves.end(), [](const auto& a, const auto& b) {
      return std::make_tuple(*a.first->event.date, a.second, a.first->id) <
             std::make_tuple(*b.first->event.date, b.second, b.first->id);
    });
    const size_t first = out->size();
    PlaceTimeline timeline(out);
    for (const auto& [d, move] : moves) timeline.Apply(*d, move);
    timeline.Finish();
    MarkContested(out, first, rules);
  }
}

}  // namespace sitrep
