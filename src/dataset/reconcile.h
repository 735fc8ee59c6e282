// Private: one dataset event from the mentions that report it (docs/dataset.md "Reconciling").
#ifndef SITREP_SRC_DATASET_RECONCILE_H_
#define SITREP_SRC_DATASET_RECONCILE_H_

#include <vector>

#include "sitrep/dataset.h"

namespace sitrep::dataset_internal {

// `members` is not empty; the result does not depend on their order.
DatasetEvent Reconcile(const std::vector<const Mention*>& members, const DatasetRules& rules);

}  // namespace sitrep::dataset_internal

#endif  // SITREP_SRC_DATASET_RECONCILE_H_
