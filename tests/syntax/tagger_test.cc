// Tagger tests against the committed model (data/models/en_ewt_tagger.bin) and the UD
// English EWT test split in ../shared.
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "sitrep/syntax.h"
#include "../shared_data.h"

namespace sitrep {
namespace {

const std::string kModelPath = std::string(SITREP_TEST_SOURCE_DIR) + "/data/models/en_ewt_tagger.bin";

const Tagger& SharedTagger() {
  static std::unique_ptr<Tagger> tagger = [] {
    std::unique_ptr<Tagger> t;
    Status s = Tagger::Load(kModelPath, &t);
    EXPECT_TRUE(s.ok()) << s.ToString();
    return t;
  }();
  return *tagger;
}

// A Document of one sentence from space-separated tokens (no text stage needed).
Document MakeDoc(const std::string& sentence) {
  Document doc;
  std::istringstream in(sentence);
  std::string w;
  while (in >> w) {
    Token t;
    t.norm = w;
    for (char& c : w) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    t.lower = w;
    t.space_before = !doc.tokens.empty();
    doc.tokens.push_back(t);
  }
  doc.sentences.push_back({0, 0, 0, static_cast<uint32_t>(doc.tokens.size())});
  return doc;
}

TEST(Tagger, LoadsModel) {
  std::unique_ptr<Tagger> t;
  Status s = Tagger::Load(kModelPath, &t);
  ASSERT_TRUE(s.ok()) << s.ToString();
  ASSERT_NE(t, nullptr);
  EXPECT_GE(t->tags().size(), 45u);  // EWT has 49 XPOS tags
  const std::string suffix = "/models/en_ewt_tagger.bin";
  const std::string def = DefaultTaggerModelPath();
  ASSERT_GE(def.size(), suffix.size());
  EXPECT_EQ(def.substr(def.size() - suffix.size()), suffix);
}

TEST(Tagger, PassiveConflictSentence) {
  const Tagger& tagger = SharedTagger();
  Document doc = MakeDoc("Walikale was captured by M23 rebels .");
  tagger.TagAll(&doc);
  struct Want {
    const char *tag, *lemma;
  };
  // "M23" (letters + digits) is not checked: EWT has almost no such names.
  const Want want[] = {{"NNP", "Walikale"}, {"VBD", "be"}, {"VBN", "capture"}, {"IN", "by"},
                       {nullptr, nullptr},  {"NNS", "rebel"}, {".", "."}};
  ASSERT_EQ(doc.tokens.size(), std::size(want));
  for (size_t i = 0; i < doc.tokens.size(); ++i) {
    SCOPED_TRACE(doc.tokens[i].norm);
    if (want[i].tag) {
      EXPECT_EQ(doc.tokens[i].tag, want[i].tag);
    }
    if (want[i].lemma) {
      EXPECT_EQ(doc.tokens[i].lemma, want[i].lemma);
    }
  }
}

TEST(Tagger, ConflictVerbLemmasInContext) {
  const Tagger& tagger = SharedTagger();
  struct Case {
    const char* sentence;
    size_t index;
    const char* tag;
    const char* lemma;
  };
  const Case cases[] = {
      {"The town fell to the rebels on Sunday .", 2, "VBD", "fall"},
      {"The town fell to the rebels on Sunday .", 5, "NNS", "rebel"},
      {"Thousands have been driven from their homes .", 3, "VBN", "drive"},
      {"Soldiers seized the airport in Goma .", 1, "VBD", "seize"},
      {"M23 captured Bukavu on Friday .", 1, "VBD", "capture"},
      {"Fighters attacked a camp near Sake .", 1, "VBD", "attack"},
      {"The army is shelling villages .", 3, "VBG", "shell"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.sentence);
    Document doc = MakeDoc(c.sentence);
    tagger.TagAll(&doc);
    ASSERT_LT(c.index, doc.tokens.size());
    EXPECT_EQ(doc.tokens[c.index].tag, c.tag);
    EXPECT_EQ(doc.tokens[c.index].lemma, c.lemma);
  }
}

TEST(Tagger, LemmatizeWordAndTag) {
  const Tagger& tagger = SharedTagger();
  struct Case {
    const char *word, *tag, *lemma;
  };
  const Case cases[] = {
      {"captured", "VBN", "capture"}, {"fell", "VBD", "fall"},       {"rebels", "NNS", "rebel"},
      {"driven", "VBN", "drive"},     {"seized", "VBD", "seize"},    {"killed", "VBD", "kill"},
      {"Killed", "VBN", "kill"},      {"shelled", "VBD", "shell"},   {"displaced", "VBN", "displace"},
      {"abducted", "VBN", "abduct"},  {"looting", "VBG", "loot"},    {"casualties", "NNS", "casualty"},
      {"clashes", "NNS", "clash"},    {"militias", "NNS", "militia"}, {"stopped", "VBD", "stop"},
      {"was", "VBD", "be"},           {"Goma", "NNP", "Goma"},       {"Americans", "NNPS", "American"},
      // Unseen or rare words: the spelling rules.
      {"escalated", "VBD", "escalate"}, {"evacuated", "VBN", "evacuate"}, {"ambushed", "VBD", "ambush"},
      {"bombarded", "VBD", "bombard"},  {"razed", "VBN", "raze"},         {"patrolled", "VBD", "patrol"},
      {"overran", "VBD", "overrun"},  {"withdrew", "VBD", "withdraw"}, {"retook", "VBD", "retake"},
      {"fled", "VBD", "flee"},         {"shot", "VBN", "shoot"},        {"wounded", "VBN", "wound"},
      {"massacred", "VBD", "massacre"}, {"beheaded", "VBD", "behead"},  {"looted", "VBD", "loot"},
      {"clashed", "VBD", "clash"},     {"burnt", "VBN", "burn"},        {"slain", "VBN", "slay"},
      {"fighters", "NNS", "fighter"},  {"forces", "NNS", "force"},      {"refugees", "NNS", "refugee"},
      {"attacks", "VBZ", "attack"},    {"seizes", "VBZ", "seize"},      {"dying", "VBG", "die"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(std::string(c.word) + "/" + c.tag);
    EXPECT_EQ(tagger.Lemmatize(c.word, c.tag), c.lemma);
  }
}

// Reads up to `limit` sentences of a CoNLL-U file as Documents plus gold tags.
void ReadConllu(const std::string& path, size_t limit, Document* doc, std::vector<std::string>* gold) {
  std::ifstream in(path);
  ASSERT_TRUE(in) << path;
  std::string line;
  Sentence s;
  bool space = true;
  while (std::getline(in, line) && doc->sentences.size() < limit) {
    if (line.empty()) {
      if (s.first_token < doc->tokens.size()) {
        s.last_token = static_cast<uint32_t>(doc->tokens.size());
        doc->sentences.push_back(s);
      }
      s.first_token = static_cast<uint32_t>(doc->tokens.size());
      space = true;
      continue;
    }
    if (line[0] == '#') continue;
    std::vector<std::string> cols;
    std::stringstream ss(line);
    std::string col;
    while (std::getline(ss, col, '\t')) cols.push_back(col);
    ASSERT_EQ(cols.size(), 10u) << line;
    if (cols[0].find_first_of("-.") != std::string::npos) continue;
    Token t;
    t.norm = cols[1];
    t.lower = cols[1];
    for (char& c : t.lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    t.space_before = space;
    space = cols[9].find("SpaceAfter=No") == std::string::npos;
    doc->tokens.push_back(t);
    gold->push_back(cols[4]);
  }
}

TEST(Tagger, AccuracyOnEwtTest) {
  SITREP_SKIP_WITHOUT_SHARED("ud/en_ewt/en_ewt-ud-test.conllu");
  const Tagger& tagger = SharedTagger();
  Document doc;
  std::vector<std::string> gold;
  ReadConllu(std::string(SITREP_TEST_SHARED_DIR) + "/ud/en_ewt/en_ewt-ud-test.conllu", 500, &doc, &gold);
  ASSERT_EQ(doc.sentences.size(), 500u);
  tagger.TagAll(&doc);
  size_t right = 0, total = 0;
  for (const Sentence& s : doc.sentences) {
    for (uint32_t i = s.first_token; i < s.last_token; ++i, ++total) right += doc.tokens[i].tag == gold[i];
  }
  const double acc = static_cast<double>(right) / static_cast<double>(total);
  RecordProperty("accuracy", std::to_string(acc));
  EXPECT_GE(acc, 0.94) << right << " of " << total << " tokens";
}

// The tagger remembers per thread the word-feature scores of words it has seen (a cache of exact
// integer sums): what it remembers must never change a tag. Reference: every sentence tagged with
// the caches forgotten first. Then the same 600 sentences tagged in order (cold, then warm: words
// remembered from earlier sentences share slots with new words), and in reverse order on a fresh
// thread (other contents, other slot collisions), must give the same tags and lemmas.
TEST(Tagger, TagsDoNotDependOnWhatWasTaggedBefore) {
  SITREP_SKIP_WITHOUT_SHARED("ud/en_ewt/en_ewt-ud-dev.conllu");
  const Tagger& tagger = SharedTagger();
  Document reference;
  std::vector<std::string> gold;
  ReadConllu(std::string(SITREP_TEST_SHARED_DIR) + "/ud/en_ewt/en_ewt-ud-dev.conllu", 600, &reference, &gold);
  ASSERT_EQ(reference.sentences.size(), 600u);
  Document forward = reference, warm = reference, backward = reference;
  for (const Sentence& s : reference.sentences) {
    Tagger::ForgetThreadCaches();
    tagger.Tag(&reference, s);
  }
  tagger.TagAll(&forward);
  tagger.TagAll(&warm);
  std::thread([&] {
    for (auto s = backward.sentences.rbegin(); s != backward.sentences.rend(); ++s) tagger.Tag(&backward, *s);
  }).join();
  for (const Document* d : {&forward, &warm, &backward}) {
    size_t differ = 0;
    for (size_t i = 0; i < reference.tokens.size(); ++i)
      differ += d->tokens[i].tag != reference.tokens[i].tag || d->tokens[i].lemma != reference.tokens[i].lemma;
    EXPECT_EQ(differ, 0u) << "of " << reference.tokens.size() << " tokens, run " << (d == &forward ? "forward" : d == &warm ? "warm" : "backward");
  }
}

TEST(Tagger, EmptyAndOutOfRangeSentencesAreIgnored) {
  const Tagger& tagger = SharedTagger();
  Document doc = MakeDoc("Hello .");
  doc.sentences.push_back({0, 0, 1, 1});    // empty
  doc.sentences.push_back({0, 0, 1, 99});   // past the end: ignored, not a crash
  tagger.TagAll(&doc);
  EXPECT_EQ(doc.tokens[1].tag, ".");
}

class CorruptModel : public ::testing::Test {
 protected:
  std::string WriteVariant(const std::string& name, const std::string& bytes) {
    std::string path = std::string(SITREP_TEST_BINARY_DIR) + "/syntax_test_" + name + ".bin";
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
  }
  std::string Original() {
    std::ifstream in(kModelPath, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }
};

TEST_F(CorruptModel, DamagedFilesGiveStatusNamingTheFile) {
  const std::string good = Original();
  ASSERT_GT(good.size(), 1000u);
  std::string flipped = good;
  flipped[good.size() / 2] ^= 0x40;
  std::string bad_magic = good;
  bad_magic[0] = 'X';
  struct Case {
    const char* name;
    std::string bytes;
  };
  const Case cases[] = {
      {"empty", ""},
      {"header_only", good.substr(0, 40)},
      {"truncated", good.substr(0, good.size() / 3)},
      {"one_byte_short", good.substr(0, good.size() - 1)},
      {"trailing_garbage", good + "xyz"},
      {"flipped_bit", flipped},
      {"bad_magic", bad_magic},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    const std::string path = WriteVariant(c.name, c.bytes);
    std::unique_ptr<Tagger> t;
    Status s = Tagger::Load(path, &t);
    EXPECT_FALSE(s.ok());
    EXPECT_EQ(s.code(), Status::Code::kCorruption) << s.ToString();
    EXPECT_NE(s.message().find(path), std::string::npos) << s.ToString();
    EXPECT_EQ(t, nullptr);
    std::remove(path.c_str());
  }
}

TEST_F(CorruptModel, MissingFileIsNotFound) {
  std::unique_ptr<Tagger> t;
  const std::string path = std::string(SITREP_TEST_BINARY_DIR) + "/no_such_model.bin";
  Status s = Tagger::Load(path, &t);
  EXPECT_TRUE(s.IsNotFound()) << s.ToString();
  EXPECT_NE(s.message().find(path), std::string::npos);
}

}  // namespace
}  // namespace sitrep
