// On-disk layout of gazetteer.idx (internal). Little-endian, fixed-size records, one string
// pool; every array is 8-byte aligned so the file can be used in place after mmap.
//
//   Header | PlaceRec[num_places] | Bucket[num_buckets] | uint32 posting[num_postings]
//          | AdminRec[num_admin] (sorted by code) | CountryRec[num_countries] (sorted by iso2)
//          | uint32 source[num_sources] | string pool (NUL-terminated strings)
#ifndef SITREP_SRC_PLACES_INDEX_FORMAT_H_
#define SITREP_SRC_PLACES_INDEX_FORMAT_H_

#include <cstdint>

namespace sitrep::places_internal {

inline constexpr char kMagic[8] = {'S', 'R', 'G', 'A', 'Z', 'I', 'X', '1'};
inline constexpr uint32_t kVersion = 2;  // 2: a hyphen is hashed as a space (NameKeyHash)

struct Header {
  char magic[8];
  uint32_t version;
  uint32_t max_name_tokens;
  uint32_t num_places, num_buckets, num_postings, num_admin, num_countries, num_sources;
  uint64_t off_places, off_buckets, off_postings, off_admin, off_countries, off_sources, off_strings;
  uint64_t strings_size;
  uint64_t file_size;
};

struct PlaceRec {
  int64_t geonames_id;
  double lat, lon;
  int64_t population;
  uint32_t name;      // string offset
  uint32_t names;     // string offset: entries "<kind digit><name>" separated by \x1f
  uint32_t admin1;    // string offset, "" when none
  uint32_t admin2;
  uint32_t fcode;     // string offset
  char cc[2];
  char fclass;
  uint8_t kind;       // PlaceKind
  uint8_t synthesized;  // 1: made from an admin code table, not a GeoNames row
  uint8_t pad[3];
};

// Open addressing on the 64-bit name-key hash; hash 0 marks an empty bucket.
struct Bucket {
  uint64_t hash;
  uint32_t first;  // into postings
  uint32_t count;
};

// A posting is (place index << 2) | NameKind.
inline constexpr uint32_t kPostingKindBits = 2;

struct AdminRec {
  uint32_t code;   // "CD.11" or "CD.11.11"
  uint32_t name;   // "North Kivu"
  uint32_t place;  // index of its PlaceRec, or UINT32_MAX
  uint32_t pad;
};

struct CountryRec {
  char iso2[2];
  char iso3[3];
  char pad[3];
  uint32_t place;
  uint32_t pad2;
};

}  // namespace sitrep::places_internal

#endif  // SITREP_SRC_PLACES_INDEX_FORMAT_H_
