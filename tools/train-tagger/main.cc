// sitrep-train-tagger: trains the averaged-perceptron POS tagger and lemmatiser on UD
// English EWT (CoNLL-U), picks the iteration count on dev, writes the model file and reports
// accuracy on test. Deterministic: the same data, seed and options give the same bytes.
//
//   sitrep-train-tagger --ud-dir ../shared/ud/en_ewt --out data/models/en_ewt_tagger.bin
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <map>
#include <tuple>
#include <string>
#include <unordered_map>
#include <vector>

#include <CLI/CLI.hpp>

#include "sitrep/syntax.h"
#include "syntax/training.h"

namespace {

using sitrep::syntax::WordInfo;

struct Word {
  std::string norm, lower, lemma;
  int tag = -1;
  bool space_before = true;
};
using Sentence = std::vector<Word>;

// Typographic quotes and dashes to ASCII, as the text stage normalises article tokens.
std::string NormalizeForm(const std::string& form) {
  static const std::pair<const char*, const char*> kMap[] = {
      {"\u201c", "\""}, {"\u201d", "\""}, {"\u201e", "\""}, {"\u2018", "'"}, {"\u2019", "'"},
      {"\u2013", "-"},  {"\u2014", "-"},  {"\u00a0", ""},
  };
  std::string s = form;
  for (const auto& [from, to] : kMap) {
    for (size_t pos = 0; (pos = s.find(from, pos)) != std::string::npos;) {
      s.replace(pos, std::strlen(from), to);
      pos += std::strlen(to);
    }
  }
  return s;
}

// Reads a CoNLL-U file: word lines only (no multiword-token "1-2" or empty-node "1.1" lines).
// Tag names go into `tag_ids` (when `add_tags`); ids are resolved later by ResolveTags.
bool ReadConllu(const std::string& path, std::map<std::string, int>* tag_ids, bool add_tags,
                std::vector<Sentence>* out) {
  std::ifstream in(path);
  if (!in) {
    std::fprintf(stderr, "sitrep-train-tagger: cannot read %s\n", path.c_str());
    return false;
  }
  std::string line;
  Sentence sent;
  bool space_after_prev = true;
  int64_t lineno = 0;
  while (std::getline(in, line)) {
    ++lineno;
    if (line.empty()) {
      if (!sent.empty()) out->push_back(std::move(sent));
      sent.clear();
      space_after_prev = true;
      continue;
    }
    if (line[0] == '#') continue;
    const auto fields = sitrep::strings::Split(line, '\t');
    const std::vector<std::string> cols(fields.begin(), fields.end());
    if (cols.size() != 10) {
      std::fprintf(stderr, "%s:%lld: expected 10 columns\n", path.c_str(), static_cast<long long>(lineno));
      return false;
    }
    if (cols[0].find_first_of("-.") != std::string::npos) continue;
    Word w;
    w.norm = NormalizeForm(cols[1]);
    w.lower = sitrep::fold::FoldCase(w.norm);
    w.lemma = NormalizeForm(cols[2]);
    auto it = tag_ids->find(cols[4]);
    if (it == tag_ids->end()) {
      if (!add_tags) {
        std::fprintf(stderr, "%s:%lld: tag %s not in training data\n", path.c_str(), static_cast<long long>(lineno),
                     cols[4].c_str());
        return false;
      }
      it = tag_ids->emplace(cols[4], 0).first;
    }
    w.tag = -1;  // resolved after all tags are known (ids are assigned in sorted order)
    w.lemma += '\t' + cols[4];
    w.space_before = sent.empty() || space_after_prev;
    space_after_prev = cols[9].find("SpaceAfter=No") == std::string::npos;
    sent.push_back(std::move(w));
  }
  if (!sent.empty()) out->push_back(std::move(sent));
  return true;
}

void ResolveTags(const std::map<std::string, int>& ids, std::vector<Sentence>* sents) {
  for (Sentence& s : *sents) {
    for (Word& w : s) {
      const size_t tab = w.lemma.rfind('\t');
      w.tag = ids.at(w.lemma.substr(tab + 1));
      w.lemma.resize(tab);
    }
  }
}

std::vector<WordInfo> Infos(const Sentence& s) {
  std::vector<WordInfo> v(s.size());
  for (size_t i = 0; i < s.size(); ++i) sitrep::syntax::ComputeWordInfo(s[i].norm, s[i].lower, s[i].space_before, &v[i]);
  return v;
}

// Averaged perceptron with sparse rows: feature -> [(tag, weight, total, last update)].
class Perceptron {
 public:
  explicit Perceptron(int num_tags) : num_tags_(num_tags) {}

  int Predict(const uint64_t* feats, int nf, std::vector<float>* scores) const {
    std::fill(scores->begin(), scores->end(), 0.0f);
    for (int f = 0; f < nf; ++f) {
      auto it = index_.find(feats[f]);
      if (it == index_.end()) continue;
      for (const Param& p : rows_[it->second]) (*scores)[static_cast<size_t>(p.tag)] += p.w;
    }
    int best = 0;
    for (int t = 1; t < num_tags_; ++t)
      if ((*scores)[static_cast<size_t>(t)] > (*scores)[static_cast<size_t>(best)]) best = t;
    return best;
  }

  void Update(int truth, int guess, const uint64_t* feats, int nf) {
    ++now_;
    if (truth == guess) return;
    for (int f = 0; f < nf; ++f) {
      auto [it, added] = index_.emplace(feats[f], static_cast<uint32_t>(rows_.size()));
      if (added) rows_.emplace_back();
      std::vector<Param>& row = rows_[it->second];
      Touch(&row, truth, 1.0f);
      Touch(&row, guess, -1.0f);
    }
  }

  // Averaged weights, dropping those with |w| < prune.
  void Export(float prune, sitrep::syntax::ModelData* data) const {
    data->features.clear();
    for (const auto& [key, idx] : index_) {
      std::vector<std::pair<int, float>> row;
      for (const Param& p : rows_[idx]) {
        const double total = p.total + static_cast<double>(now_ - p.ts) * p.w;
        const float avg = static_cast<float>(total / static_cast<double>(now_));
        if (std::fabs(avg) >= prune) row.emplace_back(p.tag, avg);
      }
      std::sort(row.begin(), row.end());
      if (!row.empty()) data->features.emplace_back(key, std::move(row));
    }
    std::sort(data->features.begin(), data->features.end());
  }

  size_t num_features() const { return rows_.size(); }

 private:
  struct Param {
    int tag;
    float w;
    double total;  // sum of w over all updates so far, as of step `ts`
    int64_t ts;
  };
  void Touch(std::vector<Param>* row, int tag, float delta) {
    for (Param& p : *row) {
      if (p.tag == tag) {
        p.total += static_cast<double>(now_ - p.ts) * p.w;
        p.ts = now_;
        p.w += delta;
        return;
      }
    }
    row->push_back({tag, delta, 0.0, now_});
  }

  int num_tags_;
  int64_t now_ = 0;
  std::unordered_map<uint64_t, uint32_t> index_;
  std::vector<std::vector<Param>> rows_;
};

uint64_t NextRandom(uint64_t* state) {
  *state += 0x9e3779b97f4a7c15ULL;
  return sitrep::syntax::Mix(*state);
}

// Lemma lexicon used while training (same lookups as the model's known-lemma table).
class MapLexicon : public sitrep::syntax::LemmaLexicon {
 public:
  explicit MapLexicon(const std::unordered_map<uint64_t, uint32_t>& m) : m_(m) {}
  uint32_t Classes(std::string_view lemma) const override {
    auto it = m_.find(sitrep::syntax::HashBytes(lemma));
    return it == m_.end() ? 0 : it->second;
  }

 private:
  const std::unordered_map<uint64_t, uint32_t>& m_;
};

uint32_t ClassOfTag(const std::string& t) {
  if (sitrep::IsVerbTag(t)) return sitrep::syntax::kLemmaVerb;
  if (t == "NN" || t == "NNS") return sitrep::syntax::kLemmaNoun;
  if (sitrep::IsAdjectiveTag(t)) return sitrep::syntax::kLemmaAdj;
  if (t == "RB" || t == "RBR" || t == "RBS") return sitrep::syntax::kLemmaAdv;
  return 0;
}

bool IsProper(const std::string& t) { return t == "NNP" || t == "NNPS"; }

// Tag dictionary, lemma exceptions and lemma vocabulary from the training data.
struct Options {
  int amb_min_count = 5;
  double amb_share = 0.02;
  std::string irregulars = "tools/train-tagger/irregular_verbs.txt";
};

// Reads irregular_verbs.txt: "base past participle", alternatives joined by '/'.
// Returns (form, tag, lemma) triples.
bool ReadIrregulars(const std::string& path, std::vector<std::tuple<std::string, std::string, std::string>>* out) {
  std::ifstream in(path);
  if (!in) {
    std::fprintf(stderr, "sitrep-train-tagger: cannot read %s\n", path.c_str());
    return false;
  }
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    const auto fields = sitrep::strings::Split(line, ' ');
    const std::vector<std::string> cols(fields.begin(), fields.end());
    if (cols.size() != 3) {
      std::fprintf(stderr, "%s: bad line: %s\n", path.c_str(), line.c_str());
      return false;
    }
    for (std::string_view f : sitrep::strings::Split(cols[1], '/')) out->emplace_back(f, "VBD", cols[0]);
    for (std::string_view f : sitrep::strings::Split(cols[2], '/')) out->emplace_back(f, "VBN", cols[0]);
  }
  return true;
}

bool BuildLexicalTables(const Options& opts, const std::vector<Sentence>& train, const std::vector<std::string>& tag_names,
                        const std::vector<std::vector<WordInfo>>& infos, sitrep::syntax::ModelData* data) {
  using namespace sitrep::syntax;
  // Word lexicon. Ambiguity class: the set of tags a word had in training (tags under
  // `amb_share` of its uses dropped as noise), for words seen at least `amb_min_count` times.
  // Tag dictionary: words seen >= 20 times with one tag >= 97% of the time (Honnibal's
  // thresholds) skip the perceptron altogether.
  std::unordered_map<uint64_t, std::vector<int>> tag_counts;
  for (size_t s = 0; s < train.size(); ++s) {
    for (size_t i = 0; i < train[s].size(); ++i) {
      auto& c = tag_counts[infos[s][i].word];
      c.resize(tag_names.size());
      ++c[static_cast<size_t>(train[s][i].tag)];
    }
  }
  std::map<std::pair<uint64_t, uint64_t>, std::pair<int, uint64_t>> by_word;  // word -> (dict tag, tag set)
  std::map<uint64_t, uint32_t> amb_ids;                                          // tag set -> id (1..)
  for (const auto& [word, counts] : tag_counts) {
    int total = 0, best = 0;
    for (size_t t = 0; t < counts.size(); ++t) {
      total += counts[t];
      if (counts[t] > counts[static_cast<size_t>(best)]) best = static_cast<int>(t);
    }
    const int dict_tag = (total >= 20 && counts[static_cast<size_t>(best)] >= 0.97 * total) ? best : -1;
    uint64_t set = 0;
    if (total >= opts.amb_min_count) {
      for (size_t t = 0; t < counts.size(); ++t)
        if (counts[t] > 0 && counts[t] >= opts.amb_share * total) set |= uint64_t{1} << t;
      amb_ids.emplace(set, 0);
    }
    if (set != 0 || dict_tag >= 0) by_word[{word, 0}] = {dict_tag, set};
  }
  uint32_t next_id = 1;
  for (auto& [set, id] : amb_ids) id = next_id++;
  for (const auto& [key, v] : by_word)
    data->lexicon.emplace_back(key.first, LexiconValue(v.second ? amb_ids[v.second] : 0, v.first));
  std::sort(data->lexicon.begin(), data->lexicon.end());

  // Lemma vocabulary with word classes, for the spelling rules.
  std::unordered_map<uint64_t, uint32_t> known;
  std::map<std::string, uint32_t> known_sorted;
  for (const Sentence& s : train) {
    for (const Word& w : s) {
      const uint32_t cls = ClassOfTag(tag_names[static_cast<size_t>(w.tag)]);
      if (cls == 0) continue;
      known_sorted[sitrep::fold::FoldCase(w.lemma)] |= cls;
    }
  }
  for (const auto& [lemma, cls] : known_sorted) {
    known[HashBytes(lemma)] |= cls;
    data->known_lemmas.emplace_back(HashBytes(lemma), cls);
  }
  std::sort(data->known_lemmas.begin(), data->known_lemmas.end());

  // Most frequent lemma per (lowercased form, tag); stored only where the rules disagree.
  std::map<std::pair<std::string, int>, std::map<std::string, int>> lemma_counts;
  std::map<std::pair<std::string, int>, std::map<std::string, int>> form_counts;
  for (const Sentence& s : train) {
    for (const Word& w : s) {
      ++lemma_counts[{w.lower, w.tag}][w.lemma];
      ++form_counts[{w.lower, w.tag}][w.norm];
    }
  }
  MapLexicon lex(known);
  char buf[512];
  for (const auto& [key, counts] : lemma_counts) {
    const auto best = std::max_element(counts.begin(), counts.end(),
                                       [](const auto& a, const auto& b) { return a.second < b.second; });
    const std::string& tag = tag_names[static_cast<size_t>(key.second)];
    std::string input = key.first;
    if (IsProper(tag)) {
      const auto& forms = form_counts[key];
      input = std::max_element(forms.begin(), forms.end(),
                               [](const auto& a, const auto& b) { return a.second < b.second; })->first;
    }
    if (input.size() + 4 >= 64) continue;  // the runtime does not lemmatise such long tokens
    const int n = RuleLemma(input, tag, lex, buf, sizeof buf);
    if (std::string(buf, static_cast<size_t>(n)) != best->first)
      data->lemma_exceptions.emplace_back(LemmaKey(HashBytes(key.first), key.second), best->first);
  }
  // Irregular verb forms the training data never showed with that tag.
  std::vector<std::tuple<std::string, std::string, std::string>> irregulars;
  if (!ReadIrregulars(opts.irregulars, &irregulars)) return false;
  for (const auto& [form, tag, lemma] : irregulars) {
    const int tag_id = static_cast<int>(std::find(tag_names.begin(), tag_names.end(), tag) - tag_names.begin());
    if (tag_id == static_cast<int>(tag_names.size()) || lemma_counts.count({form, tag_id})) continue;
    const int n = RuleLemma(form, tag, lex, buf, sizeof buf);
    if (std::string(buf, static_cast<size_t>(n)) != lemma) {
      data->lemma_exceptions.emplace_back(LemmaKey(HashBytes(form), tag_id), lemma);
      lemma_counts[{form, tag_id}][lemma] = 1;  // a form listed twice (e.g. "lay") keeps its first lemma
    }
  }
  std::sort(data->lemma_exceptions.begin(), data->lemma_exceptions.end());
  return true;
}

// Builds a Document from sentences (no text: the tagger reads only tokens).
sitrep::Document ToDocument(const std::vector<Sentence>& sents, size_t limit) {
  sitrep::Document doc;
  for (size_t s = 0; s < sents.size() && s < limit; ++s) {
    sitrep::Sentence out;
    out.first_token = static_cast<uint32_t>(doc.tokens.size());
    for (const Word& w : sents[s]) {
      sitrep::Token t;
      t.norm = w.norm;
      t.lower = w.lower;
      t.space_before = w.space_before;
      doc.tokens.push_back(std::move(t));
    }
    out.last_token = static_cast<uint32_t>(doc.tokens.size());
    doc.sentences.push_back(out);
  }
  return doc;
}

struct Accuracy {
  size_t tokens = 0, tags_right = 0, lemmas_right = 0, unknown = 0, unknown_right = 0;
  std::map<std::string, int> confusions;  // "gold -> predicted" counts
  std::map<std::string, int> lemma_errors;  // "form/tag: gold -> predicted"
};

Accuracy Evaluate(const sitrep::Tagger& tagger, const std::vector<Sentence>& sents,
                  const std::unordered_map<uint64_t, int>& train_words, const std::vector<std::string>& tag_names) {
  sitrep::Document doc = ToDocument(sents, sents.size());
  tagger.TagAll(&doc);
  Accuracy a;
  size_t k = 0;
  for (const Sentence& s : sents) {
    for (const Word& w : s) {
      const sitrep::Token& t = doc.tokens[k++];
      const bool right = t.tag == tag_names[static_cast<size_t>(w.tag)];
      ++a.tokens;
      a.tags_right += right;
      if (!right) ++a.confusions[tag_names[static_cast<size_t>(w.tag)] + " -> " + t.tag];
      if (right && sitrep::fold::FoldCase(t.lemma) != sitrep::fold::FoldCase(w.lemma))
        ++a.lemma_errors[w.norm + "/" + t.tag + ": " + w.lemma + " -> " + t.lemma];
      a.lemmas_right += sitrep::fold::FoldCase(t.lemma) == sitrep::fold::FoldCase(w.lemma);
      WordInfo info;
      sitrep::syntax::ComputeWordInfo(w.norm, w.lower, true, &info);
      if (!train_words.count(info.word)) {
        ++a.unknown;
        a.unknown_right += right;
      }
    }
  }
  return a;
}

double Pct(size_t a, size_t b) { return b ? 100.0 * static_cast<double>(a) / static_cast<double>(b) : 0.0; }

struct TrainConfig {
  Options lexical;
  int iterations = 12;
  uint64_t seed = 1;
  float prune = 0.05f;
  std::string tmp_path;  // scratch model file for per-iteration evaluation
};

// Trains on `train` for cfg.iterations passes. With `dev`, evaluates every pass on it and
// returns the best pass's model (its number in *best_iter); without, returns the last pass.
bool Train(const TrainConfig& cfg, const std::vector<Sentence>& train, const std::vector<std::string>& tag_names,
           const std::vector<Sentence>* dev, sitrep::syntax::ModelData* out, int* best_iter) {
  std::vector<std::vector<WordInfo>> infos;
  std::unordered_map<uint64_t, int> train_words;
  size_t train_tokens = 0;
  for (const Sentence& s : train) {
    infos.push_back(Infos(s));
    for (const WordInfo& w : infos.back()) ++train_words[w.word];
    train_tokens += s.size();
  }
  sitrep::syntax::ModelData data;
  data.tag_names = tag_names;
  if (!BuildLexicalTables(cfg.lexical, train, tag_names, infos, &data)) return false;
  std::unordered_map<uint64_t, uint32_t> lexicon(data.lexicon.begin(), data.lexicon.end());
  size_t dict_words = 0;
  for (auto& sent_infos : infos) {
    for (WordInfo& w : sent_infos) {
      auto it = lexicon.find(w.word);
      const uint32_t v = it == lexicon.end() ? sitrep::syntax::LexiconValue(0, -1) : it->second;
      w.amb = v >> 8;
      w.dict_tag = (v & 0xff) == sitrep::syntax::kNoDictTag ? -1 : static_cast<int>(v & 0xff);
    }
  }
  for (const auto& [word, v] : data.lexicon) dict_words += (v & 0xff) != sitrep::syntax::kNoDictTag;
  std::fprintf(stderr,
               "training on %zu sentences (%zu tokens): lexicon %zu words (%zu in the tag dictionary), "
               "%zu lemma exceptions, %zu known lemmas\n",
               train.size(), train_tokens, data.lexicon.size(), dict_words, data.lemma_exceptions.size(),
               data.known_lemmas.size());

  Perceptron model(static_cast<int>(tag_names.size()));
  std::vector<size_t> order(train.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  uint64_t rng = cfg.seed;
  std::vector<float> scores(tag_names.size());
  uint64_t feats[sitrep::syntax::kMaxFeatures];
  double best_dev = -1;
  for (int iter = 1; iter <= cfg.iterations; ++iter) {
    // Fisher-Yates with our own generator, so the order does not depend on the C++ library.
    for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[NextRandom(&rng) % i]);
    size_t right = 0, seen = 0;
    for (size_t idx : order) {
      const Sentence& s = train[idx];
      const std::vector<WordInfo>& w = infos[idx];
      const int n = static_cast<int>(s.size());
      int p1 = sitrep::syntax::kStartTag1, p2 = sitrep::syntax::kStartTag2;
      for (int i = 0; i < n; ++i) {
        int guess = w[static_cast<size_t>(i)].dict_tag;
        if (guess < 0) {
          const int nf = sitrep::syntax::ExtractFeatures(w.data(), n, i, p1, p2, feats);
          guess = model.Predict(feats, nf, &scores);
          model.Update(s[static_cast<size_t>(i)].tag, guess, feats, nf);
        }
        right += guess == s[static_cast<size_t>(i)].tag;
        ++seen;
        p2 = p1;
        p1 = guess;
      }
    }
    if (!dev) {
      std::fprintf(stderr, "iter %2d: train %.2f%%\n", iter, Pct(right, seen));
      if (iter == cfg.iterations) {
        model.Export(cfg.prune, &data);
        *out = data;
        *best_iter = iter;
      }
      continue;
    }
    model.Export(cfg.prune, &data);
    sitrep::Status st = sitrep::syntax::WriteModel(data, cfg.tmp_path);
    std::unique_ptr<sitrep::Tagger> tagger;
    if (st.ok()) st = sitrep::Tagger::Load(cfg.tmp_path, &tagger);
    std::remove(cfg.tmp_path.c_str());
    if (!st.ok()) {
      std::fprintf(stderr, "sitrep-train-tagger: %s\n", st.ToString().c_str());
      return false;
    }
    const Accuracy a = Evaluate(*tagger, *dev, train_words, tag_names);
    const double acc = Pct(a.tags_right, a.tokens);
    std::fprintf(stderr, "iter %2d: train %.2f%%  dev %.2f%% (unknown words %.2f%%)  %zu features kept of %zu\n", iter,
                 Pct(right, seen), acc, Pct(a.unknown_right, a.unknown), data.features.size(), model.num_features());
    if (acc > best_dev) {
      best_dev = acc;
      *best_iter = iter;
      *out = data;
    }
  }
  return true;
}

void PrintAccuracy(const char* name, const Accuracy& a) {
  std::printf("%s XPOS %.2f%%  unknown-word XPOS %.2f%% (%zu unknown)  lemma %.2f%%  (%zu tokens)\n", name,
              Pct(a.tags_right, a.tokens), Pct(a.unknown_right, a.unknown), a.unknown, Pct(a.lemmas_right, a.tokens),
              a.tokens);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"sitrep-train-tagger: train the POS tagger + lemmatiser on UD English EWT"};
  std::string ud_dir = "../shared/ud/en_ewt", out_path = "data/models/en_ewt_tagger.bin";
  TrainConfig cfg;
  bool final_with_dev = true;
  app.add_option("--ud-dir", ud_dir, "directory with en_ewt-ud-{train,dev,test}.conllu")->capture_default_str();
  app.add_option("--out", out_path, "model file to write")->capture_default_str();
  app.add_option("--max-iter", cfg.iterations, "training passes to try; the best on dev is kept")
      ->capture_default_str();
  app.add_option("--seed", cfg.seed, "shuffle seed")->capture_default_str();
  app.add_option("--prune", cfg.prune, "drop averaged weights with |w| below this")->capture_default_str();
  app.add_option("--amb-min-count", cfg.lexical.amb_min_count, "min training count for a word's ambiguity class")
      ->capture_default_str();
  app.add_option("--amb-share", cfg.lexical.amb_share, "min share of a tag in a word's ambiguity class")
      ->capture_default_str();
  app.add_option("--irregulars", cfg.lexical.irregulars, "irregular verb list (base past participle)")
      ->capture_default_str();
  app.add_option("--final-with-dev", final_with_dev,
                 "retrain the final model on train+dev for the pass count chosen on dev")
      ->capture_default_str();
  bool show_errors = false;
  app.add_flag("--show-errors", show_errors, "print the commonest tag confusions and lemma errors on dev");
  CLI11_PARSE(app, argc, argv);
  cfg.tmp_path = out_path + ".tmp";

  const auto t0 = std::chrono::steady_clock::now();
  std::map<std::string, int> tag_ids;
  std::vector<Sentence> train, dev, test;
  if (!ReadConllu(ud_dir + "/en_ewt-ud-train.conllu", &tag_ids, true, &train)) return 3;
  std::vector<std::string> tag_names;
  for (auto& [name, id] : tag_ids) {
    id = static_cast<int>(tag_names.size());
    tag_names.push_back(name);
  }
  if (!ReadConllu(ud_dir + "/en_ewt-ud-dev.conllu", &tag_ids, false, &dev) ||
      !ReadConllu(ud_dir + "/en_ewt-ud-test.conllu", &tag_ids, false, &test))
    return 3;
  ResolveTags(tag_ids, &train);
  ResolveTags(tag_ids, &dev);
  ResolveTags(tag_ids, &test);
  std::fprintf(stderr, "read %zu/%zu/%zu sentences (train/dev/test), %zu tags\n", train.size(), dev.size(),
               test.size(), tag_names.size());

  // 1. Pick the number of passes on dev.
  sitrep::syntax::ModelData best;
  int best_iter = 0;
  if (!Train(cfg, train, tag_names, &dev, &best, &best_iter)) return 3;
  std::unordered_map<uint64_t, int> known_words;  // for the unknown-word figures
  for (const Sentence& s : train)
    for (const WordInfo& w : Infos(s)) ++known_words[w.word];
  Accuracy dev_acc, dev_test;
  {
    sitrep::Status st = sitrep::syntax::WriteModel(best, cfg.tmp_path);
    std::unique_ptr<sitrep::Tagger> tagger;
    if (st.ok()) st = sitrep::Tagger::Load(cfg.tmp_path, &tagger);
    std::remove(cfg.tmp_path.c_str());
    if (!st.ok()) {
      std::fprintf(stderr, "sitrep-train-tagger: %s\n", st.ToString().c_str());
      return 3;
    }
    dev_acc = Evaluate(*tagger, dev, known_words, tag_names);
    dev_test = Evaluate(*tagger, test, known_words, tag_names);
  }
  std::printf("best pass on dev: %d of %d\n", best_iter, cfg.iterations);
  PrintAccuracy("train-only model, dev ", dev_acc);
  PrintAccuracy("train-only model, test", dev_test);

  // 2. The shipped model: retrained on train+dev for that many passes (test stays unseen).
  if (final_with_dev) {
    std::vector<Sentence> all = train;
    all.insert(all.end(), dev.begin(), dev.end());
    TrainConfig final_cfg = cfg;
    final_cfg.iterations = best_iter;
    int iters = 0;
    if (!Train(final_cfg, all, tag_names, nullptr, &best, &iters)) return 3;
    for (const Sentence& s : dev)
      for (const WordInfo& w : Infos(s)) ++known_words[w.word];
  }
  sitrep::Status st = sitrep::syntax::WriteModel(best, out_path);
  std::unique_ptr<sitrep::Tagger> tagger;
  if (st.ok()) st = sitrep::Tagger::Load(out_path, &tagger);
  if (!st.ok()) {
    std::fprintf(stderr, "sitrep-train-tagger: %s\n", st.ToString().c_str());
    return 3;
  }
  const Accuracy t = Evaluate(*tagger, test, known_words, tag_names);
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::printf("model %s (%s, %d passes, %zu features)\n", out_path.c_str(),
              final_with_dev ? "train+dev" : "train", best_iter, best.features.size());
  PrintAccuracy("shipped model, test   ", t);
  if (show_errors) {
    std::vector<std::pair<int, std::string>> top;
    for (const auto& [k, v] : dev_acc.confusions) top.emplace_back(-v, k);
    std::sort(top.begin(), top.end());
    std::printf("dev confusions of the train-only model (gold -> predicted):");
    for (size_t i = 0; i < top.size() && i < 25; ++i) std::printf(" %s:%d", top[i].second.c_str(), -top[i].first);
    top.clear();
    for (const auto& [k, v] : dev_acc.lemma_errors) top.emplace_back(-v, k);
    std::sort(top.begin(), top.end());
    std::printf("\ndev lemma errors with the right tag:\n");
    for (size_t i = 0; i < top.size() && i < 60; ++i) std::printf("  %s (%d)\n", top[i].second.c_str(), -top[i].first);
  }
  std::printf("trained in %.1f s\n", secs);
  return 0;
}
