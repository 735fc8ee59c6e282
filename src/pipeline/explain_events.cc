// The events part of `sitrep explain`: per event the pattern line, frame, roles and conventions that
// coded it, then every trigger that coded nothing with the reason (EventTrace, filled by the events
// stage when asked).
#include <algorithm>
#include <unordered_map>

#include "internal.h"

namespace sitrep {
namespace {

// The sentence holding token `t`.
size_t SentenceOfToken(const Document& doc, uint32_t t) {
  const auto it = std::upper_bound(doc.sentences.begin(), doc.sentences.end(), t,
                                   [](uint32_t tok, const Sentence& s) { return tok < s.first_token; });
  return it == doc.sentences.begin() ? 0 : static_cast<size_t>(it - doc.sentences.begin()) - 1;
}

// `[sentence] "words"` for a trigger.
std::string TriggerAt(const Document& doc, uint32_t first, uint32_t last) {
  // Appended piece by piece: GCC 12 at -O3 warns (a false -Wrestrict, bug 105329) on "[" + std::string.
  std::string out = "[";
  out += std::to_string(SentenceOfToken(doc, first));
  out += "] \"";
  out += Surface(doc, first, last);
  out += '"';
  return out;
}

// A line of the "triggers that coded no event" list, kept with its first token to sort the list.
using UnkeptLine = std::pair<uint32_t, std::string>;
UnkeptLine Unkept(const Document& doc, uint32_t first, uint32_t last, const std::string& pattern, const std::string& why) {
  return {first, "  " + TriggerAt(doc, first, last) + " (" + pattern + "): " + why + "\n"};
}

std::string Party(const char* role, const ActorRef& a) {
  if (a.empty()) return std::string(role) + " -";
  return std::string(role) + " " + (a.id.empty() ? "(unresolved)" : a.id) + " \"" + a.text + "\"";
}

// "frame attack: actor1 M23 "M23 rebels", actor2 -, place Goma": the roles the event fills.
std::string FrameLine(const EventTrace::Reading& r, const Event& e) {
  return "frame " + r.frame + ": " + Party("actor1", e.actor1) + ", " + Party("actor2", e.actor2) + ", place " +
         (e.location ? e.location->name : "-") + ", date " + e.date.value_or("-");
}

// The output event a reading ended in: itself, or the one it was merged into (following merges of
// merges); -1 when none (dropped).
int FinalEvent(const EventTrace& trace, const std::unordered_map<uint32_t, int>& event_of, uint32_t id) {
  for (size_t steps = 0; id != 0 && steps <= trace.readings.size(); ++steps) {
    if (auto it = event_of.find(id); it != event_of.end()) return it->second;
    id = trace.readings[id - 1].merged_into;
  }
  return -1;
}

void DescribeEvent(const Document& doc, const Event& e, const EventTrace& trace, std::string* r) {
  if (e.trace_id == 0) {
    *r += "  from the counts of its sentence (a humanitarian figure), or the toll of an event before\n";
    return;
  }
  const EventTrace::Reading& reading = trace.readings[e.trace_id - 1];
  *r += "  pattern " + reading.pattern + ", trigger " + TriggerAt(doc, reading.first, reading.last) + "\n";
  *r += "  " + FrameLine(reading, e) + "\n";
  std::string conventions;
  for (const std::string& c : reading.conventions) conventions += (conventions.empty() ? "" : "; ") + c;
  *r += "  conventions: " + (conventions.empty() ? std::string("none") : conventions) + "\n";
  for (const std::string& note : reading.notes) *r += "  " + note + "\n";
}

// The readings coded as events that are not events of the output: merged into one, or dropped by
// deduplication for naming no acting party.
void DescribeUnkept(const Document& doc, const EventTrace& trace, const std::unordered_map<uint32_t, int>& event_of,
                    std::vector<UnkeptLine>* lines) {
  for (uint32_t id = 1; id <= trace.readings.size(); ++id) {
    if (event_of.count(id)) continue;
    const EventTrace::Reading& reading = trace.readings[id - 1];
    const int into = FinalEvent(trace, event_of, reading.merged_into);
    std::string why = into >= 0 ? "merged into event " + std::to_string(into) + ": " + reading.merged_by
                                : reading.merged_by.empty() ? "names no acting party (dropped by deduplication)"
                                                            : reading.merged_by + ", in an event not kept";
    lines->push_back(Unkept(doc, reading.first, reading.last, reading.pattern, why));
  }
}

}  // namespace

void ExplainEvents(const Document& doc, const std::vector<Event>& events, const EventTrace& trace, std::string* r) {
  std::unordered_map<uint32_t, int> event_of;  // trace id -> index in `events`
  *r += "\nevents:\n";
  for (size_t i = 0; i < events.size(); ++i) {
    if (events[i].trace_id) event_of[events[i].trace_id] = static_cast<int>(i);
    *r += "event " + std::to_string(i) + " " + EventToJson(events[i]) + "\n";
    DescribeEvent(doc, events[i], trace, r);
  }
  std::vector<UnkeptLine> lines;
  DescribeUnkept(doc, trace, event_of, &lines);
  for (const EventTrace::Dropped& d : trace.dropped) lines.push_back(Unkept(doc, d.first, d.last, d.pattern, d.reason));
  std::stable_sort(lines.begin(), lines.end(), [](const UnkeptLine& a, const UnkeptLine& b) { return a.first < b.first; });
  *r += "\ntriggers that coded no event:\n";
  for (const auto& [first, line] : lines) *r += line;
}

}  // namespace sitrep
