// ACLED-compatible rows of events (`--format acled-csv`): the code tables of data/output/acled.tsv and
// the country names of data/places/countries.tsv, and the mapping of one event to ACLED's columns.
// Internal to src/store (the public interface is sitrep/output.h).
#ifndef SITREP_SRC_STORE_ACLED_H_
#define SITREP_SRC_STORE_ACLED_H_

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "sitrep/event.h"
#include "sitrep/status.h"

namespace sitrep::acled {

class Codes {
 public:
  // Reads <data_dir>/output/acled.tsv and <data_dir>/places/countries.tsv; errors name file:line.
  static Status Load(const std::string& data_dir, Codes* out);

  // ACLED's values for `e`, one per AcledColumns() entry ("" where we have nothing).
  std::vector<std::string> Row(const Event& e) const;

 private:
  // "" when the table has no row for `key`.
  std::string Lookup(const std::string& table, const std::string& key) const;
  std::string InterCode(const ActorRef& actor) const;
  std::string CountryName(const Event& e) const;
  std::string DisorderType(const Event& e) const;

  std::map<std::pair<std::string, std::string>, std::string> table_;  // (table, key) -> value
  std::map<std::string, std::string> iso3_to_iso2_;
};

// ACLED's interaction code of two inter codes: the two digits, the smaller first ("17"); one actor
// alone gives "<code>0" ("20"); "" without inter1.
std::string Interaction(const std::string& inter1, const std::string& inter2);

}  // namespace sitrep::acled

#endif  // SITREP_SRC_STORE_ACLED_H_
