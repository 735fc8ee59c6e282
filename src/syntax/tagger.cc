#include <cstdio>
#include <cstring>
#include <cerrno>
#include <vector>

#include "casefold.h"
#include "features.h"
#include "lemma_rules.h"
#include "model_format.h"
#include "sitrep/paths.h"
#include "sitrep/syntax.h"

namespace sitrep {
namespace {

using syntax::Entry;
using syntax::WordInfo;

// The model's known-lemma table as a LemmaLexicon for the spelling rules.
class ModelLexicon : public syntax::LemmaLexicon {
 public:
  explicit ModelLexicon(const TaggerModel& m) : m_(m) {}
  uint32_t Classes(std::string_view lemma) const override { return m_.LemmaClasses(syntax::HashBytes(lemma)); }

 private:
  const TaggerModel& m_;
};

bool ProperTag(std::string_view tag) { return tag == "NNP" || tag == "NNPS"; }

}  // namespace

Tagger::Tagger() = default;
Tagger::~Tagger() = default;

Status Tagger::Load(const std::string& path, std::unique_ptr<Tagger>* out) {
  FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) {
    const int err = errno;
    if (err == ENOENT) return Status::NotFound(path + ": tagger model not found (train it with sitrep-train-tagger)");
    return Status::IOError(path + ": cannot open tagger model: " + std::strerror(err));
  }
  std::string bytes;
  std::fseek(f, 0, SEEK_END);
  const long size = std::ftell(f);
  std::fseek(f, 0, SEEK_SET);
  if (size < 0) {
    std::fclose(f);
    return Status::IOError(path + ": cannot determine size of tagger model");
  }
  bytes.resize(static_cast<size_t>(size));
  const size_t got = std::fread(bytes.data(), 1, bytes.size(), f);
  std::fclose(f);
  if (got != bytes.size()) return Status::IOError(path + ": short read of tagger model");

  std::unique_ptr<TaggerModel> model;
  Status s = TaggerModel::Parse(path, bytes, &model);
  if (!s.ok()) return s;
  std::unique_ptr<Tagger> t(new Tagger);
  t->tag_names_ = model->tag_names();
  t->model_ = std::move(model);
  *out = std::move(t);
  return Status::OK();
}

void Tagger::Tag(Document* doc, const Sentence& s) const {
  if (s.last_token <= s.first_token || s.last_token > doc->tokens.size()) return;
  const int n = static_cast<int>(s.last_token - s.first_token);
  Token* toks = doc->tokens.data() + s.first_token;
  // Per-thread scratch: grows to the longest sentence seen, then tagging allocates nothing.
  thread_local std::vector<WordInfo> words;
  thread_local std::vector<int32_t> scores;
  if (words.size() < static_cast<size_t>(n)) words.resize(static_cast<size_t>(n));
  const int num_tags = model_->num_tags();
  scores.resize(static_cast<size_t>(num_tags));
  for (int i = 0; i < n; ++i) {
    // The sentence start counts as whitespace, as in training.
    WordInfo& w = words[static_cast<size_t>(i)];
    syntax::ComputeWordInfo(toks[i].norm, toks[i].lower, i == 0 || toks[i].space_before, &w);
    model_->LookupWord(&w);
  }
  uint64_t feats[syntax::kMaxFeatures];
  char lemma[64];
  int p1 = syntax::kStartTag1, p2 = syntax::kStartTag2;
  for (int i = 0; i < n; ++i) {
    int best = words[static_cast<size_t>(i)].dict_tag;
    if (best < 0) {
      std::fill(scores.begin(), scores.end(), 0);
      const int nf = syntax::ExtractFeatures(words.data(), n, i, p1, p2, feats);
      int32_t* sc = scores.data();
      for (int f = 0; f < nf; ++f) {
        int count;
        const Entry* row = model_->FindFeature(feats[f], &count);
        for (int e = 0; e < count; ++e) sc[row[e].tag] += row[e].weight;
      }
      best = 0;
      for (int t = 1; t < num_tags; ++t)
        if (sc[t] > sc[best]) best = t;
    }
    Token& tok = toks[i];
    tok.tag = tag_names_[static_cast<size_t>(best)];
    if (tok.lower.size() + 4 < sizeof lemma) {
      const int len = LemmatizeInto(tok.norm, tok.lower, best, lemma, sizeof lemma);
      tok.lemma.assign(lemma, static_cast<size_t>(len));
    } else {
      tok.lemma = ProperTag(tok.tag) ? tok.norm : tok.lower;  // URLs and the like: not inflected
    }
    p2 = p1;
    p1 = best;
  }
}

void Tagger::TagAll(Document* doc) const {
  for (const Sentence& s : doc->sentences) Tag(doc, s);
}

int Tagger::LemmatizeInto(std::string_view norm, std::string_view lower, int tag, char* buf, int cap) const {
  const std::string& tag_name = tag_names_[static_cast<size_t>(tag)];
  std::string_view lemma;
  if (model_->FindLemma(syntax::LemmaKey(syntax::HashBytes(lower), tag), &lemma)) {
    const int n = static_cast<int>(std::min<size_t>(lemma.size(), static_cast<size_t>(cap)));
    std::memcpy(buf, lemma.data(), static_cast<size_t>(n));
    return n;
  }
  // Prefixed irregulars the data lacks: "overran" -> "over" + "run", "withdrew" -> "with" + "draw".
  static constexpr std::string_view kPrefixes[] = {"over", "under", "with", "out", "re", "mis", "up", "fore"};
  if (!ProperTag(tag_name)) {
    for (std::string_view p : kPrefixes) {
      if (lower.size() < p.size() + 3 || lower.substr(0, p.size()) != p) continue;
      std::string_view rest = lower.substr(p.size());
      if (model_->FindLemma(syntax::LemmaKey(syntax::HashBytes(rest), tag), &lemma) &&
          p.size() + lemma.size() <= static_cast<size_t>(cap)) {
        std::memcpy(buf, p.data(), p.size());
        std::memcpy(buf + p.size(), lemma.data(), lemma.size());
        return static_cast<int>(p.size() + lemma.size());
      }
    }
  }
  return syntax::RuleLemma(ProperTag(tag_name) ? norm : lower, tag_name, ModelLexicon(*model_), buf, cap);
}

std::string Tagger::Lemmatize(std::string_view norm, std::string_view tag) const {
  int id = -1;
  for (size_t t = 0; t < tag_names_.size(); ++t)
    if (tag_names_[t] == tag) id = static_cast<int>(t);
  std::string lower = syntax::FoldForTagger(norm);
  if (id < 0) return ProperTag(tag) ? std::string(norm) : lower;
  if (lower.size() + 4 >= 256) return ProperTag(tag) ? std::string(norm) : lower;
  char buf[256];
  return std::string(buf, static_cast<size_t>(LemmatizeInto(norm, lower, id, buf, sizeof buf)));
}

std::string DefaultTaggerModelPath() { return DataDir() + "/models/en_ewt_tagger.bin"; }

}  // namespace sitrep
