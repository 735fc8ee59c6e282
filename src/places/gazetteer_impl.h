// Gazetteer::Impl, shared by the reader and the builder (which re-reads an index to extend it).
#ifndef SITREP_SRC_PLACES_GAZETTEER_IMPL_H_
#define SITREP_SRC_PLACES_GAZETTEER_IMPL_H_

#include <algorithm>
#include <string_view>

#include "index_format.h"
#include "sitrep/places.h"

namespace sitrep {

struct Gazetteer::Impl {
  void* map = nullptr;
  size_t map_size = 0;
  const places_internal::Header* header = nullptr;
  const places_internal::PlaceRec* places = nullptr;
  const places_internal::Bucket* buckets = nullptr;
  const uint32_t* postings = nullptr;
  const places_internal::AdminRec* admin = nullptr;
  const places_internal::CountryRec* countries = nullptr;
  const uint32_t* sources = nullptr;
  const char* strings = nullptr;

  std::string_view Str(uint32_t off) const {
    if (off >= header->strings_size) return {};
    return std::string_view(strings + off);  // the pool is NUL-terminated (checked at Open)
  }
  const places_internal::AdminRec* FindAdmin(std::string_view code) const {
    const places_internal::AdminRec* end = admin + header->num_admin;
    const places_internal::AdminRec* it = std::lower_bound(admin, end, code, [&](const places_internal::AdminRec& r, std::string_view c) {
      return Str(r.code) < c;
    });
    return (it != end && Str(it->code) == code) ? it : nullptr;
  }
  const places_internal::CountryRec* FindCountry(std::string_view iso2) const {
    if (iso2.size() != 2) return nullptr;
    const places_internal::CountryRec* end = countries + header->num_countries;
    const places_internal::CountryRec* it = std::lower_bound(countries, end, iso2, [](const places_internal::CountryRec& r, std::string_view c) {
      return std::string_view(r.iso2, 2) < c;
    });
    return (it != end && std::string_view(it->iso2, 2) == iso2) ? it : nullptr;
  }
};

}  // namespace sitrep

#endif  // SITREP_SRC_PLACES_GAZETTEER_IMPL_H_
