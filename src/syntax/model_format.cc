#include "model_format.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdio>
#include <cstring>

#include "core/hash.h"

namespace sitrep {
namespace syntax {
namespace {

static_assert(std::endian::native == std::endian::little, "model files are little-endian");

constexpr char kMagic[8] = {'S', 'R', 'T', 'A', 'G', 'G', 'E', 'R'};
constexpr size_t kTagNameBytes = 8;

struct Header {
  char magic[8];
  uint32_t version;
  uint32_t num_tags;
  uint32_t feat_slots, num_entries, dict_slots, lemma_slots, known_slots, pool_bytes;
  float weight_scale;
  uint32_t dense_rows;
  uint64_t checksum;  // Checksum() of every byte after the header
};
static_assert(sizeof(Header) == 56);

// Eight bytes a step, then FNV-1a over the tail. The seed is the FNV offset basis with its
// halves swapped (a different hash from HashBytes), and part of the model format.
uint64_t Checksum(const char* p, size_t n) {
  uint64_t h = 0x84222325cbf29ce4ULL;
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t w;
    std::memcpy(&w, p + i, 8);
    h = Mix(h ^ w);
  }
  h = hash::Fnv1a(std::string_view(p + i, n - i), h);
  return Mix(h ^ n);
}

// Smallest power of two holding `n` keys at a load factor of at most 0.7 (linear probes stay
// short, there is always an empty slot, and a smaller table stays warmer in cache).
size_t TableSize(size_t n) { return std::bit_ceil(std::max<size_t>(n * 10 / 7 + 1, 4)); }

// Inserts (key, val) unless a key with the same slot chain and fingerprint is already there
// (a 64-bit hash collision: the first one wins). Returns false on such a collision.
bool Insert(std::vector<Slot>* table, uint64_t key, uint32_t val) {
  const size_t mask = table->size() - 1;
  const uint32_t fp = Fingerprint(key);
  for (size_t i = key & mask;; i = (i + 1) & mask) {
    Slot& s = (*table)[i];
    if (s.fp == fp) return false;
    if (s.fp == 0) {
      s.fp = fp;
      s.val = val;
      return true;
    }
  }
}

template <typename T>
void Append(std::string* out, const std::vector<T>& v) {
  out->append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T));
}

// Copies `count` items of T from `bytes` at `*pos` into `out`, advancing `*pos`.
template <typename T>
void Take(std::string_view bytes, size_t* pos, size_t count, std::vector<T>* out) {
  out->resize(count);
  std::memcpy(out->data(), bytes.data() + *pos, count * sizeof(T));
  *pos += count * sizeof(T);
}

bool ValidTable(const std::vector<Slot>& t) {
  if (t.empty() || !std::has_single_bit(t.size())) return false;
  return std::any_of(t.begin(), t.end(), [](const Slot& s) { return s.fp == 0; });
}

}  // namespace

Status WriteModel(const ModelData& data, const std::string& path) {
  if (data.tag_names.empty() || data.tag_names.size() > kMaxTags)
    return Status::InvalidArgument(path + ": bad tag count " + std::to_string(data.tag_names.size()));
  // Quantise weights to int16 with one global scale set by the largest weight.
  float max_abs = 0;
  for (const auto& [key, row] : data.features)
    for (const auto& [tag, w] : row) max_abs = std::max(max_abs, std::fabs(w));
  const float scale = max_abs > 0 ? 32000.0f / max_abs : 1.0f;

  std::vector<Slot> features(TableSize(data.features.size()));
  std::vector<Entry> entries;
  std::vector<int16_t> dense;
  const size_t width = DenseWidth(data.tag_names.size());
  for (const auto& [key, row] : data.features) {
    const size_t offset = entries.size();
    for (const auto& [tag, w] : row) {
      const long q = std::lround(w * scale);
      if (q != 0) entries.push_back({static_cast<uint16_t>(tag), static_cast<int16_t>(q)});
    }
    const size_t count = entries.size() - offset;
    if (count == 0) continue;
    if (count >= kDenseMinTags) {
      const size_t index = dense.size() / width;
      dense.resize(dense.size() + width, 0);
      for (size_t e = offset; e < entries.size(); ++e) dense[index * width + entries[e].tag] = entries[e].weight;
      entries.resize(offset);
      if (index >= (1u << 24)) return Status::InvalidArgument(path + ": too many dense rows");
      if (!Insert(&features, key, static_cast<uint32_t>(index << 8 | kDenseRow))) dense.resize(index * width);
      continue;
    }
    if (offset >= (1u << 24)) return Status::InvalidArgument(path + ": too many weights");
    if (!Insert(&features, key, static_cast<uint32_t>(offset << 8 | count))) entries.resize(offset);
  }
  std::vector<Slot> dict(TableSize(data.lexicon.size()));
  for (const auto& [key, val] : data.lexicon) Insert(&dict, key, val);
  std::string pool;
  std::vector<Slot> lemmas(TableSize(data.lemma_exceptions.size()));
  for (const auto& [key, lemma] : data.lemma_exceptions) {
    if (lemma.size() > 255 || pool.size() >= (1u << 24)) continue;
    if (Insert(&lemmas, key, static_cast<uint32_t>(pool.size() << 8 | lemma.size()))) pool += lemma;
  }
  std::vector<Slot> known(TableSize(data.known_lemmas.size()));
  for (const auto& [key, bits] : data.known_lemmas) Insert(&known, key, bits);

  std::string body;
  for (const std::string& name : data.tag_names) {
    std::string padded = name.substr(0, kTagNameBytes - 1);
    padded.resize(kTagNameBytes, '\0');
    body += padded;
  }
  Append(&body, features);
  Append(&body, entries);
  Append(&body, dense);
  Append(&body, dict);
  Append(&body, lemmas);
  Append(&body, known);
  body += pool;

  Header h{};
  std::memcpy(h.magic, kMagic, sizeof kMagic);
  h.version = kModelVersion;
  h.num_tags = static_cast<uint32_t>(data.tag_names.size());
  h.feat_slots = static_cast<uint32_t>(features.size());
  h.num_entries = static_cast<uint32_t>(entries.size());
  h.dict_slots = static_cast<uint32_t>(dict.size());
  h.lemma_slots = static_cast<uint32_t>(lemmas.size());
  h.known_slots = static_cast<uint32_t>(known.size());
  h.pool_bytes = static_cast<uint32_t>(pool.size());
  h.weight_scale = scale;
  h.dense_rows = static_cast<uint32_t>(dense.size() / width);
  h.checksum = Checksum(body.data(), body.size());

  FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) return Status::IOError(path + ": cannot open for writing: " + std::strerror(errno));
  bool ok = std::fwrite(&h, sizeof h, 1, f) == 1 && std::fwrite(body.data(), 1, body.size(), f) == body.size();
  ok = (std::fclose(f) == 0) && ok;
  if (!ok) return Status::IOError(path + ": write failed");
  return Status::OK();
}

}  // namespace syntax

Status TaggerModel::Parse(const std::string& path, std::string_view bytes, std::unique_ptr<TaggerModel>* out) {
  using namespace syntax;
  auto corrupt = [&](const std::string& what) { return Status::Corruption(path + ": not a valid tagger model: " + what); };
  Header h;
  if (bytes.size() < sizeof h) return corrupt("file is " + std::to_string(bytes.size()) + " bytes, shorter than the header");
  std::memcpy(&h, bytes.data(), sizeof h);
  if (std::memcmp(h.magic, kMagic, sizeof kMagic) != 0) return corrupt("bad magic (expected SRTAGGER)");
  if (h.version != kModelVersion)
    return corrupt("model version " + std::to_string(h.version) + ", this build reads version " +
                   std::to_string(kModelVersion) + " (retrain with sitrep-train-tagger)");
  if (h.num_tags == 0 || h.num_tags > kMaxTags) return corrupt("bad tag count " + std::to_string(h.num_tags));
  const uint64_t expected = sizeof h + uint64_t{h.num_tags} * kTagNameBytes +
                            (uint64_t{h.feat_slots} + h.dict_slots + h.lemma_slots + h.known_slots) * sizeof(Slot) +
                            uint64_t{h.num_entries} * sizeof(Entry) +
                            uint64_t{h.dense_rows} * DenseWidth(h.num_tags) * sizeof(int16_t) + h.pool_bytes;
  if (bytes.size() != expected)
    return corrupt("size is " + std::to_string(bytes.size()) + " bytes, header says " + std::to_string(expected) +
                   " (truncated or damaged)");
  if (Checksum(bytes.data() + sizeof h, bytes.size() - sizeof h) != h.checksum) return corrupt("checksum mismatch");
  if (!(h.weight_scale > 0) || !std::isfinite(h.weight_scale)) return corrupt("bad weight scale");

  std::unique_ptr<TaggerModel> m(new TaggerModel);
  size_t pos = sizeof h;
  for (uint32_t t = 0; t < h.num_tags; ++t, pos += kTagNameBytes) {
    std::string_view name = bytes.substr(pos, kTagNameBytes);
    m->tag_names_.emplace_back(name.substr(0, std::min(name.find('\0'), name.size())));
  }
  Take(bytes, &pos, h.feat_slots, &m->features_);
  m->features_mask_ = m->features_.size() - 1;
  Take(bytes, &pos, h.num_entries, &m->entries_);
  m->dense_width_ = DenseWidth(h.num_tags);
  Take(bytes, &pos, size_t{h.dense_rows} * m->dense_width_, &m->dense_);
  Take(bytes, &pos, h.dict_slots, &m->dict_);
  Take(bytes, &pos, h.lemma_slots, &m->lemmas_);
  Take(bytes, &pos, h.known_slots, &m->known_);
  m->pool_.assign(bytes.substr(pos, h.pool_bytes));
  m->weight_scale_ = h.weight_scale;

  // Every offset is checked once here so lookups never need to.
  for (const auto* t : {&m->features_, &m->dict_, &m->lemmas_, &m->known_})
    if (!ValidTable(*t)) return corrupt("hash table size is not a power of two or has no empty slot");
  for (const Slot& s : m->features_) {
    if (s.fp == 0) continue;
    ++m->num_features_;
    if ((s.val & 0xff) == kDenseRow) {
      if ((s.val >> 8) >= h.dense_rows) return corrupt("dense feature row out of range");
    } else if ((s.val >> 8) + (s.val & 0xff) > h.num_entries) {
      return corrupt("feature row out of range");
    }
  }
  for (const Entry& e : m->entries_)
    if (e.tag >= h.num_tags) return corrupt("weight for tag id " + std::to_string(e.tag) + " out of range");
  for (const Slot& s : m->dict_)
    if (s.fp != 0 && (s.val & 0xff) >= h.num_tags && (s.val & 0xff) != kNoDictTag)
      return corrupt("word lexicon entry out of range");
  for (const Slot& s : m->lemmas_)
    if (s.fp != 0 && (s.val >> 8) + (s.val & 0xff) > h.pool_bytes) return corrupt("lemma out of range");
  *out = std::move(m);
  return Status::OK();
}

}  // namespace sitrep
