// Modality of an event mention: asserted, claimed (with its claimant), denied, negated,
// threatened, intended, hypothetical or background, read from cues around the trigger.
#ifndef SITREP_SRC_EVENTS_MODALITY_H_
#define SITREP_SRC_EVENTS_MODALITY_H_

#include <functional>
#include <string>

#include "structure.h"

namespace sitrep {

struct ModalityReading {
  std::string modality = "asserted";
  std::string claimant;
  bool reported = false;  // inside a claim or quotation: pluperfect there is tense backshift, not background
};

// `following(k)` gives the k-th sentence after this one (nullptr past the end or the window), so a
// quotation that closes in a later sentence can find its speaker; views are built only when asked.
using FollowingViews = std::function<const SentenceView*(size_t k)>;
ModalityReading ReadModality(const SentenceView& v, uint32_t first, uint32_t last, bool nominal,
                             const FollowingViews& following);

// Merge preference when one event is reported several times: lower is more factual.
int ModalityRank(const std::string& modality);
// Whether two mentions with these modalities may describe the same event.
bool ModalitiesCompatible(const std::string& a, const std::string& b);

}  // namespace sitrep

#endif  // SITREP_SRC_EVENTS_MODALITY_H_
