// Gazetteer: read side of gazetteer.idx (mmap, no parsing at load).
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "core/fold.h"
#include "gazetteer_impl.h"
#include "index_format.h"
#include "name_key.h"
#include "sitrep/paths.h"
#include "sitrep/places.h"

namespace sitrep {

using namespace places_internal;

Gazetteer::Gazetteer() : impl_(new Impl) {}

Gazetteer::~Gazetteer() {
  if (impl_ && impl_->map) munmap(impl_->map, impl_->map_size);
}

std::string Gazetteer::DefaultPath() {
  const char* env = std::getenv("SITREP_GAZETTEER");
  if (env && *env) return env;
  return BuildDataDir() + "/gazetteer.idx";
}

Status Gazetteer::Open(const std::string& path, std::unique_ptr<Gazetteer>* out) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    return Status::IOError(path + ": cannot open gazetteer index: " + std::strerror(errno) +
                           " (build it with `sitrep gazetteer build` or scripts/build-data)");
  }
  struct stat st {};
  if (fstat(fd, &st) != 0 || st.st_size < static_cast<off_t>(sizeof(Header))) {
    ::close(fd);
    return Status::Corruption(path + ": not a gazetteer index (too small)");
  }
  size_t size = static_cast<size_t>(st.st_size);
  void* map = mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
  ::close(fd);
  if (map == MAP_FAILED) return Status::IOError(path + ": mmap failed: " + std::strerror(errno));

  std::unique_ptr<Gazetteer> g(new Gazetteer);
  Impl& m = *g->impl_;
  m.map = map;
  m.map_size = size;
  const char* base = static_cast<const char*>(map);
  m.header = reinterpret_cast<const Header*>(base);
  const Header& h = *m.header;
  if (std::memcmp(h.magic, kMagic, sizeof(kMagic)) != 0) return Status::Corruption(path + ": not a gazetteer index (bad magic)");
  if (h.version != kVersion) {
    return Status::Corruption(path + ": gazetteer index version " + std::to_string(h.version) + ", expected " +
                              std::to_string(kVersion) + "; rebuild it");
  }
  // Every section must lie inside the file, so a truncated or damaged index fails here and not later.
  auto fits = [&](uint64_t off, uint64_t count, uint64_t elem) {
    return off % 8 == 0 && off <= size && count <= (size - off) / (elem ? elem : 1);
  };
  if (h.file_size != size || !fits(h.off_places, h.num_places, sizeof(PlaceRec)) ||
      !fits(h.off_buckets, h.num_buckets, sizeof(Bucket)) || !fits(h.off_postings, h.num_postings, 4) ||
      !fits(h.off_admin, h.num_admin, sizeof(AdminRec)) || !fits(h.off_countries, h.num_countries, sizeof(CountryRec)) ||
      !fits(h.off_sources, h.num_sources, 4) || !fits(h.off_strings, h.strings_size, 1) || h.strings_size == 0 ||
      base[h.off_strings + h.strings_size - 1] != '\0' || (h.num_buckets & (h.num_buckets - 1)) != 0) {
    return Status::Corruption(path + ": gazetteer index is truncated or damaged; rebuild it");
  }
  m.places = reinterpret_cast<const PlaceRec*>(base + h.off_places);
  m.buckets = reinterpret_cast<const Bucket*>(base + h.off_buckets);
  m.postings = reinterpret_cast<const uint32_t*>(base + h.off_postings);
  m.admin = reinterpret_cast<const AdminRec*>(base + h.off_admin);
  m.countries = reinterpret_cast<const CountryRec*>(base + h.off_countries);
  m.sources = reinterpret_cast<const uint32_t*>(base + h.off_sources);
  m.strings = base + h.off_strings;
  *out = std::move(g);
  return Status::OK();
}

uint32_t Gazetteer::size() const { return impl_->header->num_places; }
uint32_t Gazetteer::max_name_tokens() const { return impl_->header->max_name_tokens; }

Place Gazetteer::place(uint32_t index) const {
  Place p;
  if (index >= size()) return p;
  const PlaceRec& r = impl_->places[index];
  p.index = index;
  p.geonames_id = r.geonames_id;
  p.name = impl_->Str(r.name);
  p.lat = r.lat;
  p.lon = r.lon;
  p.population = r.population;
  p.country_code = std::string_view(r.cc, r.cc[0] ? 2 : 0);
  p.admin1_code = impl_->Str(r.admin1);
  p.admin2_code = impl_->Str(r.admin2);
  p.feature_class = r.fclass;
  p.feature_code = impl_->Str(r.fcode);
  p.kind = static_cast<PlaceKind>(r.kind);
  return p;
}

PlaceMatch Gazetteer::DecodePosting(uint32_t posting) {
  return PlaceMatch{posting >> kPostingKindBits, static_cast<NameKind>(posting & ((1u << kPostingKindBits) - 1))};
}

uint32_t Gazetteer::EncodePosting(PlaceMatch match) {
  return (match.place << kPostingKindBits) | static_cast<uint32_t>(match.name_kind);
}

void Gazetteer::PrefetchHash(uint64_t key_hash) const {
  const Header& h = *impl_->header;
  if (h.num_buckets == 0) return;
  __builtin_prefetch(&impl_->buckets[static_cast<uint32_t>(key_hash) & (h.num_buckets - 1)]);
}

void Gazetteer::PrefetchPlace(uint32_t index) const {
  if (index < size()) __builtin_prefetch(&impl_->places[index]);
}

size_t Gazetteer::LookupHash(uint64_t key_hash, const uint32_t** out) const {
  const Header& h = *impl_->header;
  if (h.num_buckets == 0 || key_hash == 0) return 0;
  uint32_t mask = h.num_buckets - 1;
  for (uint32_t i = static_cast<uint32_t>(key_hash) & mask, probes = 0; probes < h.num_buckets;
       i = (i + 1) & mask, ++probes) {
    const Bucket& b = impl_->buckets[i];
    if (b.hash == 0) return 0;
    if (b.hash == key_hash) {
      // Checked here rather than at Open, so that opening stays O(1) for any index size.
      if (b.first > h.num_postings || b.count > h.num_postings - b.first) return 0;
      *out = impl_->postings + b.first;
      return b.count;
    }
  }
  return 0;
}

std::vector<PlaceMatch> Gazetteer::Lookup(std::string_view name) const {
  std::vector<PlaceMatch> r;
  const uint32_t* postings = nullptr;
  size_t n = LookupHash(NameKey(name), &postings);
  for (size_t i = 0; i < n; ++i) r.push_back(DecodePosting(postings[i]));
  if (r.empty()) {  // "Equateur" for "Équateur": the index also holds accent-free keys
    n = LookupHash(NameKey(fold::FoldAccents(name)), &postings);
    for (size_t i = 0; i < n; ++i) r.push_back(DecodePosting(postings[i]));
  }
  return r;
}

std::string_view Gazetteer::Admin1Name(std::string_view cc, std::string_view admin1) const {
  if (cc.empty() || admin1.empty()) return {};
  std::string code = std::string(cc) + "." + std::string(admin1);
  const AdminRec* r = impl_->FindAdmin(code);
  return r ? impl_->Str(r->name) : std::string_view();
}

std::string_view Gazetteer::Admin2Name(std::string_view cc, std::string_view admin1, std::string_view admin2) const {
  if (cc.empty() || admin1.empty() || admin2.empty()) return {};
  std::string code = std::string(cc) + "." + std::string(admin1) + "." + std::string(admin2);
  const AdminRec* r = impl_->FindAdmin(code);
  return r ? impl_->Str(r->name) : std::string_view();
}

std::optional<uint32_t> Gazetteer::Admin1Place(std::string_view cc, std::string_view admin1) const {
  const AdminRec* r = impl_->FindAdmin(std::string(cc) + "." + std::string(admin1));
  if (!r || r->place >= size()) return std::nullopt;
  return r->place;
}

std::optional<uint32_t> Gazetteer::Admin2Place(std::string_view cc, std::string_view admin1,
                                               std::string_view admin2) const {
  const AdminRec* r = impl_->FindAdmin(std::string(cc) + "." + std::string(admin1) + "." + std::string(admin2));
  if (!r || r->place >= size()) return std::nullopt;
  return r->place;
}

std::optional<uint32_t> Gazetteer::CountryPlace(std::string_view iso2) const {
  const CountryRec* r = impl_->FindCountry(iso2);
  if (!r || r->place >= size()) return std::nullopt;
  return r->place;
}

std::string_view Gazetteer::CountryIso3(std::string_view iso2) const {
  const CountryRec* r = impl_->FindCountry(iso2);
  return r ? std::string_view(r->iso3, 3) : std::string_view();
}

std::vector<std::pair<NameKind, std::string_view>> Gazetteer::Names(uint32_t index) const {
  std::vector<std::pair<NameKind, std::string_view>> r;
  if (index >= size()) return r;
  std::string_view all = impl_->Str(impl_->places[index].names);
  while (!all.empty()) {
    size_t end = all.find('\x1f');
    std::string_view one = all.substr(0, end);
    if (one.size() >= 2) r.emplace_back(static_cast<NameKind>(one[0] - '0'), one.substr(1));
    if (end == std::string_view::npos) break;
    all.remove_prefix(end + 1);
  }
  return r;
}

std::vector<std::string_view> Gazetteer::Sources() const {
  std::vector<std::string_view> r;
  for (uint32_t i = 0; i < impl_->header->num_sources; ++i) r.push_back(impl_->Str(impl_->sources[i]));
  return r;
}

Location Gazetteer::ToLocation(uint32_t index, int precision) const {
  Location loc;
  if (index >= size()) return loc;
  Place p = place(index);
  loc.name = std::string(p.name);
  loc.geonames_id = p.geonames_id;
  loc.lat = p.lat;
  loc.lon = p.lon;
  loc.country_code = std::string(p.country_code);
  if (p.kind != PlaceKind::kCountry) {
    loc.admin1 = std::string(Admin1Name(p.country_code, p.admin1_code));
    if (p.kind != PlaceKind::kAdmin1) loc.admin2 = std::string(Admin2Name(p.country_code, p.admin1_code, p.admin2_code));
  }
  loc.precision = precision;
  return loc;
}

}  // namespace sitrep
