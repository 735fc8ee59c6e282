// Agreement with the UD English EWT gold tokenisation and sentence boundaries (dev set,
// ../shared/ud/en_ewt). Prints the scores and fails if they drop below a floor, so a
// tokenizer change that hurts the tagger's training data shows up in CI.
//
// Deliberate differences from EWT (docs/text.md): EWT splits most hyphenated compounds
// ("search - engine"); we keep them whole ("Rwanda-backed"), so the gold is scored both
// as is and with "X - Y" (no spaces) merged into one token.
#include <cstdio>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "core/strings.h"
#include "sitrep/text.h"
#include "test_util.h"

namespace sitrep {
namespace {

using Span = std::pair<size_t, size_t>;

struct GoldSentence {
  std::string text;
  bool new_paragraph = false;
  std::vector<std::string> words;  // syntactic words (multiword tokens expanded)
  std::vector<std::string> fused;  // surface of the multiword token a word belongs to ("" if none)
};

std::vector<GoldSentence> ReadConllu(const std::string& data) {
  std::vector<GoldSentence> out;
  GoldSentence cur;
  std::string fused_form;
  size_t fused_last = 0;
  size_t pos = 0;
  while (pos < data.size()) {
    size_t nl = data.find('\n', pos);
    std::string line = data.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos);
    pos = nl == std::string::npos ? data.size() : nl + 1;
    if (line.empty()) {
      if (!cur.words.empty()) out.push_back(std::move(cur));
      cur = GoldSentence();
      continue;
    }
    if (line.rfind("# text = ", 0) == 0) cur.text = line.substr(9);
    if (line.rfind("# newpar", 0) == 0 || line.rfind("# newdoc", 0) == 0) cur.new_paragraph = true;
    if (line[0] == '#') continue;
    const auto fields = strings::Split(line, '\t');
    const std::vector<std::string> cols(fields.begin(), fields.end());
    if (cols.size() < 2) continue;
    const std::string& id = cols[0];
    if (id.find('.') != std::string::npos) continue;  // empty nodes
    if (size_t dash = id.find('-'); dash != std::string::npos) {
      fused_form = cols[1];
      fused_last = std::stoul(id.substr(dash + 1));
      continue;
    }
    bool in_fused = !fused_form.empty() && std::stoul(id) <= fused_last;
    cur.words.push_back(cols[1]);
    cur.fused.push_back(in_fused ? fused_form : "");
    if (in_fused && std::stoul(id) == fused_last) fused_form.clear();
  }
  return out;
}

// Gold token spans (byte offsets into s.text). A multiword token counts as its words
// when they spell its surface ("do" "n't"), else as one span ("gonna").
bool GoldSpans(const GoldSentence& s, bool merge_hyphens, std::vector<Span>* spans) {
  size_t at = 0;
  auto skip_space = [&] {
    while (at < s.text.size() && (s.text[at] == ' ' || s.text[at] == '\t')) ++at;
  };
  for (size_t w = 0; w < s.words.size(); ++w) {
    skip_space();
    if (s.text.compare(at, s.words[w].size(), s.words[w]) == 0) {
      spans->emplace_back(at, at + s.words[w].size());
      at += s.words[w].size();
    } else if (!s.fused[w].empty() && s.text.compare(at, s.fused[w].size(), s.fused[w]) == 0) {
      spans->emplace_back(at, at + s.fused[w].size());
      at += s.fused[w].size();
      while (w + 1 < s.words.size() && s.fused[w + 1] == s.fused[w]) ++w;
    } else {
      return false;  // gold text and words disagree (rare typos in EWT): skip the sentence
    }
  }
  if (merge_hyphens) {
    std::vector<Span> merged;
    for (size_t i = 0; i < spans->size(); ++i) {
      const Span& sp = (*spans)[i];
      if (i + 1 < spans->size() && !merged.empty() && sp.second - sp.first == 1 && s.text[sp.first] == '-' &&
          merged.back().second == sp.first && (*spans)[i + 1].first == sp.second) {
        merged.back().second = (*spans)[i + 1].second;
        ++i;
      } else {
        merged.push_back(sp);
      }
    }
    *spans = std::move(merged);
  }
  return true;
}

struct Score {
  size_t gold = 0, predicted = 0, correct = 0;
  double F1() const { return gold + predicted == 0 ? 0 : 2.0 * correct / static_cast<double>(gold + predicted); }
};

class Ewt : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string data = testing::ReadFile(std::string(SITREP_TEST_SHARED_DIR) + "/ud/en_ewt/en_ewt-ud-dev.conllu");
    if (data.empty()) GTEST_SKIP() << "no EWT under " << SITREP_TEST_SHARED_DIR;
    sentences_ = ReadConllu(data);
    ASSERT_GT(sentences_.size(), 1000u);
  }
  std::vector<GoldSentence> sentences_;
};

TEST_F(Ewt, TokenAgreement) {
  Score raw, merged;
  size_t skipped = 0;
  for (const GoldSentence& s : sentences_) {
    std::vector<Span> gold_raw, gold_merged;
    if (!GoldSpans(s, false, &gold_raw) || !GoldSpans(s, true, &gold_merged)) {
      ++skipped;
      continue;
    }
    Document doc;
    AnalyzeText(s.text, &doc);
    std::set<Span> predicted;
    for (const Token& t : doc.tokens) predicted.emplace(t.begin, t.end);
    for (auto [score, gold] : {std::pair{&raw, &gold_raw}, std::pair{&merged, &gold_merged}}) {
      score->gold += gold->size();
      score->predicted += predicted.size();
      for (const Span& g : *gold) score->correct += predicted.count(g);
    }
  }
  std::printf("EWT dev token F1: %.4f as is, %.4f with hyphen compounds merged (%zu gold tokens, %zu sentences skipped)\n",
              raw.F1(), merged.F1(), merged.gold, skipped);
  EXPECT_LT(skipped, sentences_.size() / 50);
  EXPECT_GT(merged.F1(), 0.98);
  EXPECT_GT(raw.F1(), 0.97);
}

// Sentences of a paragraph joined by one space: how many gold boundaries do we find?
TEST_F(Ewt, SentenceBoundaries) {
  Score score;
  size_t i = 0;
  while (i < sentences_.size()) {
    std::string text;
    std::set<size_t> gold;  // byte offset where each gold sentence begins
    do {
      if (!text.empty()) text += ' ';
      gold.insert(text.size());
      text += sentences_[i].text;
      ++i;
    } while (i < sentences_.size() && !sentences_[i].new_paragraph);
    Document doc;
    AnalyzeText(text, &doc);
    score.gold += gold.size();
    score.predicted += doc.sentences.size();
    for (const Sentence& s : doc.sentences) score.correct += gold.count(s.begin);
  }
  std::printf("EWT dev sentence-start F1: %.4f (%zu gold, %zu predicted, %zu correct)\n", score.F1(), score.gold,
              score.predicted, score.correct);
  EXPECT_GT(score.F1(), 0.88);
}

}  // namespace
}  // namespace sitrep
