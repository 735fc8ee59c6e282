// PlaceLessons: what the reports of a batch teach about places the gazetteer lacks (include/sitrep/places.h;
// PlaceFinder::Learn fills them, PlaceFinder::Find reads them).
#include <algorithm>

#include "sitrep/places.h"

namespace sitrep {

void PlaceLessons::Add(uint64_t key, std::string_view name, uint32_t province, int reports) {
  std::vector<Lesson>& said = by_key_[key];
  for (Lesson& l : said) {
    if (l.province == province) {
      l.count += reports;
      return;
    }
  }
  said.push_back(Lesson{std::string(name), province, reports});
}

const PlaceLessons::Lesson* PlaceLessons::Agreed(uint64_t key) const {
  auto it = by_key_.find(key);
  if (it == by_key_.end()) return nullptr;
  const Lesson* best = nullptr;
  int total = 0;
  for (const Lesson& l : it->second) {
    total += l.count;
    if (!best || l.count > best->count) best = &l;
  }
  return best->count * 3 >= total * 2 ? best : nullptr;
}

void PlaceLessons::Merge(const PlaceLessons& other) {
  for (const auto& [key, said] : other.by_key_)
    for (const Lesson& l : said) Add(key, l.name, l.province, l.count);
  for (const auto& [cc, n] : other.reports_by_country_) AddReportCountry(cc, n);
  reports_ += other.reports_;
}

std::string_view PlaceLessons::MainCountry() const {
  constexpr int kMinReports = 3;
  for (const auto& [cc, n] : reports_by_country_)
    if (n >= kMinReports && n * 3 >= reports_ * 2) return cc;
  return {};
}

void PlaceLessons::AddReportCountry(std::string_view cc, int reports) {
  auto it = reports_by_country_.find(cc);
  if (it == reports_by_country_.end()) it = reports_by_country_.emplace(std::string(cc), 0).first;
  it->second += reports;
  reports_with_country_ += reports;
}

std::vector<std::pair<std::string_view, double>> PlaceLessons::BatchCountries(double min_share) const {
  std::vector<std::pair<std::string_view, double>> out;
  for (const auto& [cc, n] : reports_by_country_) {
    const double share = static_cast<double>(n) / reports_with_country_;
    if (share >= min_share) out.emplace_back(cc, share);
  }
  return out;
}

std::vector<const PlaceLessons::Lesson*> PlaceLessons::AgreedLessons() const {
  std::vector<const Lesson*> out;
  for (const auto& [key, said] : by_key_)
    if (const Lesson* l = Agreed(key)) out.push_back(l);
  std::sort(out.begin(), out.end(), [](const Lesson* a, const Lesson* b) { return a->name < b->name; });
  return out;
}

}  // namespace sitrep
