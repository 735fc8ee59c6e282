#include <gtest/gtest.h>

#include <set>
#include <sstream>

#include "sitrep/ingest.h"
#include "sitrep/store.h"
#include "test_util.h"

namespace sitrep {
namespace {

using testing::TempDir;

// Reads `paths` and returns the articles; diagnostics go to `diag`.
std::vector<Article> ReadAll(const std::vector<std::string>& paths, const ReadOptions& opt, Diagnostics* diag,
                             ReadStats* stats = nullptr) {
  std::vector<Article> out;
  Status s = ReadArticles(paths, opt, diag, [&](Article&& a) {
    out.push_back(std::move(a));
    return Status::OK();
  }, stats);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return out;
}

std::vector<std::string> Messages(const Diagnostics& diag) {
  std::vector<std::string> out;
  for (const Diagnostic& d : diag.all()) out.push_back(d.ToString());
  return out;
}

TEST(ReadArticles, JsonLinesFieldsAndMetadata) {
  TempDir dir;
  std::string f = dir.Write("a.jsonl",
                            R"({"text":"M23 took Bunagana.","title":"Fall of Bunagana","date":"2022-06-13T08:00:00Z",)"
                            R"("url":"https://x.org/1","source":"x.org","lang_guess":"en","tags":["drc",1]})"
                            "\n\n"
                            R"({"text":"Second.","id":"given-id","language":"fr"})"
                            "\r\n");
  Diagnostics diag;
  std::vector<Article> got = ReadAll({f}, ReadOptions(), &diag);
  ASSERT_EQ(got.size(), 2u);
  EXPECT_TRUE(diag.all().empty()) << Messages(diag)[0];
  const Article& a = got[0];
  EXPECT_EQ(a.text, "M23 took Bunagana.");
  EXPECT_EQ(a.title, "Fall of Bunagana");
  EXPECT_EQ(a.date, "2022-06-13");
  EXPECT_EQ(a.url, "https://x.org/1");
  EXPECT_EQ(a.source, "x.org");
  EXPECT_EQ(a.origin, f + ":1");
  EXPECT_EQ(a.id, ComputeArticleId("x.org", "https://x.org/1", "M23 took Bunagana."));
  EXPECT_EQ(a.metadata.size(), 2u);
  EXPECT_EQ(a.metadata.at("lang_guess"), "\"en\"");
  EXPECT_EQ(a.metadata.at("tags"), "[\"drc\",1]");
  EXPECT_EQ(got[1].id, "given-id");
  EXPECT_EQ(got[1].language, "fr");
  EXPECT_EQ(got[1].origin, f + ":3");
}

TEST(ReadArticles, DefaultsOnlyFillWhatTheInputLacks) {
  TempDir dir;
  std::string with = dir.Write("with.txt", "date 2023-11-07 Text one.\nOriginal Source: own.org\n");
  std::string without = dir.Write("without.txt", "Text two.");
  ReadOptions opt;
  opt.default_date = "2020-01-01";
  opt.default_source = "flag.org";
  Diagnostics diag;
  std::vector<Article> got = ReadAll({with, without}, opt, &diag);
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].date, "2023-11-07");
  EXPECT_EQ(got[0].source, "own.org");
  EXPECT_EQ(got[1].date, "2020-01-01");
  EXPECT_EQ(got[1].source, "flag.org");
  EXPECT_EQ(got[1].id, ComputeArticleId("flag.org", "", "Text two."));
}

TEST(ReadArticles, DirectoriesRecursivelySortedSkippingHidden) {
  TempDir dir;
  dir.Write("b/2.txt", "Two.");
  dir.Write("a.txt", "One.");
  dir.Write("b/c/3.jsonl", R"({"text":"Three."})");
  dir.Write(".hidden/4.txt", "Hidden.");
  dir.Write(".5.txt", "Hidden too.");
  Diagnostics diag;
  ReadStats stats;
  std::vector<Article> got = ReadAll({dir.path()}, ReadOptions(), &diag, &stats);
  ASSERT_EQ(got.size(), 3u);
  EXPECT_EQ(got[0].text, "One.");
  EXPECT_EQ(got[1].text, "Two.");
  EXPECT_EQ(got[2].text, "Three.");
  EXPECT_EQ(stats.files_total, 3);
  EXPECT_EQ(stats.files_done, 3);
}

TEST(ReadArticles, StandardInputTextAndJsonLines) {
  const struct {
    std::string input;
    InputFormat format;
    std::vector<std::string> texts;
  } cases[] = {
      {"date 2023-01-02 From stdin.", InputFormat::kAuto, {"From stdin."}},
      {"  {\"text\":\"a\"}\n{\"text\":\"b\"}\n", InputFormat::kAuto, {"a", "b"}},
      {"{\"text\":\"a\"}", InputFormat::kText, {"{\"text\":\"a\"}"}},
  };
  for (const auto& c : cases) {
    std::istringstream in(c.input);
    ReadOptions opt;
    opt.stdin_stream = &in;
    opt.format = c.format;
    Diagnostics diag;
    std::vector<Article> got = ReadAll({"-"}, opt, &diag);
    ASSERT_EQ(got.size(), c.texts.size()) << c.input;
    for (size_t i = 0; i < got.size(); ++i) EXPECT_EQ(got[i].text, c.texts[i]);
    EXPECT_EQ(got[0].origin.substr(0, 7), "<stdin>");
  }
}

TEST(ReadArticles, SinkFailureStopsTheRun) {
  TempDir dir;
  std::string a = dir.Write("a.txt", "One."), b = dir.Write("b.txt", "Two.");
  int calls = 0;
  Status s = ReadArticles({a, b}, ReadOptions(), nullptr, [&](Article&&) {
    ++calls;
    return Status::IOError("disk full");
  }, nullptr);
  EXPECT_EQ(s.ToString(), "IO error: disk full");
  EXPECT_EQ(calls, 1);
}

TEST(ReadArticles, RejectsBadOptions) {
  ReadOptions opt;
  opt.default_date = "2023-13-01";
  EXPECT_EQ(ReadArticles({"x"}, opt, nullptr, [](Article&&) { return Status::OK(); }, nullptr).code(),
            Status::Code::kInvalidArgument);
  EXPECT_EQ(ReadArticles({}, ReadOptions(), nullptr, [](Article&&) { return Status::OK(); }, nullptr).code(),
            Status::Code::kInvalidArgument);
}

// Issue #2 point 4: every kind of bad input in one run, together with good articles. Each problem
// gets exactly the expected message, the run goes on, and every good article is stored.
TEST(ReadArticles, BadInputsInOneRunAreReportedAndGoodArticlesStored) {
  TempDir dir;
  const std::string long_text(300, 'x');
  std::vector<std::string> paths = {
      dir.Write("good.txt", "date 2023-11-07 The M23 rebels took Bunagana.\n"),
      dir.Write("mixed.jsonl",
                R"({"text":"Fighting in Rutshuru.","date":"2023-11-08","source":"x.com","extra":1})" "\n"
                R"({"text": broken)" "\n"
                R"({"title":"no text"})" "\n"
                R"({"text":"Date of wrong type.","date":5})" "\n"
                R"({"text":"Line five is fine."})" "\n"
                R"({"text":")" + long_text + "\"}\n"
                R"({"text":"   "})" "\n"
                R"({"text":"Bad date.","date":"last week"})" "\n"),
      dir.Write("latin1.txt", "Goma was shelled.\nBad byte \xFF here and \xE9 there.\n"),
      dir.Write("empty.txt", ""),
      dir.Write("blank.txt", "  \n\n\t"),
      dir.Write("image.bin", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16)),
      dir.Write("big.txt", long_text),
      dir.Path("missing.txt"),
      dir.Write("last.txt", "Original Source: example.org\nThe last good article.\n"),
  };
  ReadOptions opt;
  opt.max_bytes = 200;
  std::unique_ptr<Store> store;
  ASSERT_TRUE(Store::Open(dir.Path("x.db"), StoreOptions(), &store).ok());
  Diagnostics diag;
  ReadStats stats;
  Status s = ReadArticles(paths, opt, &diag, [&](Article&& a) {
    Store::Batch batch;
    batch.emplace_back(std::move(a), std::vector<Event>());
    return store->Write(batch, nullptr);
  }, &stats);
  ASSERT_TRUE(s.ok()) << s.ToString();

  const std::string d = dir.path() + "/";
  // Byte offsets: mixed.jsonl's lines start at 0, 80, 96, 116, 156, 186, 498 and 513 (line 1 is
  // 79 bytes, ...), line 2's 'b' is column 10; latin1.txt's first bad byte follows
  // "Goma was shelled.\nBad byte " (27 bytes).
  const std::vector<std::string> expected = {
      d + "mixed.jsonl:2: byte 89: error: malformed JSON (syntax error at column 10)",
      d + "mixed.jsonl:3: byte 96: error: field 'text' is missing",
      d + "mixed.jsonl:4: byte 116: error: field 'date' must be a string, not number",
      d + "mixed.jsonl:6: byte 186: warning: article over the size cap of 200 bytes (--max-bytes); skipped",
      d + "mixed.jsonl:7: byte 498: warning: field 'text' is empty; skipped",
      d + "mixed.jsonl:8: byte 513: warning: field 'date' is not a YYYY-MM-DD date (\"last week\"); ignored",
      d + "latin1.txt:2: byte 27: warning: invalid UTF-8 replaced with U+FFFD (2 bad sequences)",
      d + "empty.txt: warning: empty file; skipped",
      d + "blank.txt: warning: empty file (only white space); skipped",
      d + "image.bin: byte 8: warning: binary file (NUL byte); skipped",
      d + "big.txt: warning: article over the size cap of 200 bytes (--max-bytes); skipped",
      d + "missing.txt: error: cannot open: No such file or directory",
  };
  EXPECT_EQ(Messages(diag), expected);
  EXPECT_EQ(diag.errors(), 4);
  EXPECT_EQ(stats.articles, 6);
  EXPECT_EQ(stats.skipped, 6);  // oversize line, empty text, empty, blank, binary, big
  EXPECT_EQ(stats.failed, 4);   // malformed, missing text, wrong type, missing file
  EXPECT_EQ(stats.repaired, 1);

  std::set<std::string> origins;
  ASSERT_TRUE(store->ListArticles([&](const ArticleInfo& a) {
    origins.insert(a.origin);
    return Status::OK();
  }).ok());
  const std::set<std::string> good = {d + "good.txt", d + "mixed.jsonl:1", d + "mixed.jsonl:5",
                                      d + "mixed.jsonl:8", d + "latin1.txt", d + "last.txt"};
  EXPECT_EQ(origins, good);
  // The repaired article is stored with U+FFFD in place of each bad byte.
  Article latin1;
  std::string id;
  ASSERT_TRUE(store->ListArticles([&](const ArticleInfo& a) {
    if (a.origin == d + "latin1.txt") id = a.id;
    return Status::OK();
  }).ok());
  ASSERT_TRUE(store->GetArticle(id, &latin1).ok());
  EXPECT_EQ(latin1.text, "Goma was shelled.\nBad byte \xEF\xBF\xBD here and \xEF\xBF\xBD there.");
}

TEST(ReadArticles, HugeJsonLinesAreStreamedLineByLine) {
  // More lines than fit in one read chunk, and lines that straddle chunk boundaries.
  TempDir dir;
  std::string content;
  const int kLines = 5000;
  for (int i = 0; i < kLines; ++i) content += R"({"text":"Article number )" + std::to_string(i) + R"( with some padding."})" "\n";
  std::string f = dir.Write("many.jsonl", content);
  Diagnostics diag;
  ReadStats stats;
  std::vector<Article> got = ReadAll({f}, ReadOptions(), &diag, &stats);
  ASSERT_EQ(got.size(), static_cast<size_t>(kLines));
  EXPECT_EQ(got[4321].text, "Article number 4321 with some padding.");
  EXPECT_EQ(got[4321].origin, f + ":4322");
  EXPECT_EQ(stats.bytes, static_cast<int64_t>(content.size()));
  EXPECT_TRUE(diag.all().empty());
}

TEST(ReadArticles, OversizeInputIsSkippedWhileStreaming) {
  // Lines and files several read chunks (64 KiB) long, over a cap that is itself over one chunk.
  TempDir dir;
  const std::string huge(200000, 'z');
  std::string jsonl = dir.Write("big.jsonl", "{\"text\":\"" + huge + "\"}\n{\"text\":\"Small.\"}\n");
  std::string txt = dir.Write("big.txt", huge);
  std::string ok = dir.Write("ok.txt", std::string(90000, 'o'));
  ReadOptions opt;
  opt.max_bytes = 100000;
  Diagnostics diag;
  ReadStats stats;
  std::vector<Article> got = ReadAll({jsonl, txt, ok}, opt, &diag, &stats);
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].text, "Small.");
  EXPECT_EQ(got[0].origin, jsonl + ":2");
  EXPECT_EQ(got[1].text.size(), 90000u);
  const std::vector<std::string> expected = {
      jsonl + ":1: byte 0: warning: article over the size cap of 100000 bytes (--max-bytes); skipped",
      txt + ": warning: article over the size cap of 100000 bytes (--max-bytes); skipped",
  };
  EXPECT_EQ(Messages(diag), expected);
  EXPECT_EQ(stats.skipped, 2);
}

}  // namespace
}  // namespace sitrep
