// Issue #14: inputs that crashed a run or were lost without a word. Every bad input is generated
// here; each test failed before its fix.
#include <gtest/gtest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <sstream>

#include "sitrep/ingest.h"
#include "test_util.h"

namespace sitrep {
namespace {

using testing::TempDir;

struct ReadResult {
  std::vector<Article> articles;
  std::vector<std::string> messages;
  ReadStats stats;
  int errors = 0;
};

ReadResult Read(const std::vector<std::string>& paths, ReadOptions opt = ReadOptions()) {
  ReadResult r;
  Diagnostics diag;
  Status s = ReadArticles(paths, opt, &diag, [&](Article&& a) {
    r.articles.push_back(std::move(a));
    return Status::OK();
  }, &r.stats);
  EXPECT_TRUE(s.ok()) << s.ToString();
  for (const Diagnostic& d : diag.all()) r.messages.push_back(d.ToString());
  r.errors = diag.errors();
  return r;
}

ReadResult ReadStdin(const std::string& input, ReadOptions opt = ReadOptions()) {
  std::istringstream in(input);
  opt.stdin_stream = &in;
  return Read({"-"}, opt);
}

// 1. 70,000 '[' in an unknown field overflowed the stack when the metadata was copied (exit 139).
TEST(Reliability, DeeplyNestedJsonIsAnErrorNotACrash) {
  TempDir dir;
  const std::string deep = std::string(70000, '[') + std::string(70000, ']');
  std::string f = dir.Write("deep.jsonl", "{\"text\":\"Nested.\",\"extra\":" + deep + "}\n"
                                          "{\"text\":\"Shallow.\",\"extra\":[[[\"[[[\"]]]}\n");
  ReadResult r = Read({f});
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_EQ(r.articles[0].text, "Shallow.");
  EXPECT_EQ(r.articles[0].metadata.at("extra"), "[[[\"[[[\"]]]");
  // The object is level 1, so the 256th "[" (column 27 + 255) opens level 257.
  EXPECT_EQ(r.messages, std::vector<std::string>{f + ":1: byte 281: error: JSON nested deeper than 256 levels "
                                                     "(at column 282)"});
  EXPECT_EQ(r.stats.failed, 1);
}

// 3. A directory walk skipped unreadable directories, dangling links and FIFOs without a word.
TEST(Reliability, DirectoryWalkReportsEverythingItDoesNotRead) {
  TempDir dir;
  dir.Write("feed/a.txt", "One.");
  dir.Write("elsewhere/b.txt", "Two.");
  const std::string feed = dir.Path("feed");
  std::filesystem::create_symlink(dir.Path("gone.txt"), feed + "/dangling.txt");
  std::filesystem::create_directory_symlink(dir.Path("elsewhere"), feed + "/linked");
  std::filesystem::create_symlink(dir.Path("elsewhere/b.txt"), feed + "/z-link.txt");
  ASSERT_EQ(mkfifo((feed + "/pipe").c_str(), 0600), 0);
  ReadResult r = Read({feed});
  ASSERT_EQ(r.articles.size(), 2u);  // a.txt and the link to a file
  EXPECT_EQ(r.articles[1].text, "Two.");
  const std::vector<std::string> expected = {
      feed + "/dangling.txt: error: dangling symbolic link (No such file or directory); skipped",
      feed + "/linked: warning: symbolic link to a directory; not followed (name it on the command line)",
      feed + "/pipe: error: not a regular file (a FIFO); skipped",
  };
  std::vector<std::string> got = r.messages;
  std::sort(got.begin(), got.end());
  EXPECT_EQ(got, expected);
  EXPECT_EQ(r.errors, 2);
}

TEST(Reliability, UnreadableDirectoryIsAnError) {
  if (geteuid() == 0) GTEST_SKIP() << "root reads every directory";
  TempDir dir;
  dir.Write("feed/a.txt", "One.");
  dir.Write("feed/locked/b.txt", "Two.");
  const std::string locked = dir.Path("feed/locked");
  std::filesystem::permissions(locked, std::filesystem::perms::none);
  ReadResult r = Read({dir.Path("feed")});
  std::filesystem::permissions(locked, std::filesystem::perms::owner_all);
  EXPECT_EQ(r.articles.size(), 1u);
  EXPECT_EQ(r.messages, std::vector<std::string>{locked + ": error: cannot read directory: Permission denied"});
}

// 3. One NUL byte in the first 64 KiB of a JSON-lines file skipped the whole file as binary.
TEST(Reliability, NulByteInJsonLinesSpoilsOnlyItsLine) {
  TempDir dir;
  std::string content;
  for (int i = 1; i <= 1000; ++i) {
    if (i == 3)
      content += std::string("{\"text\":\"bad\0byte\"}\n", 20);
    else
      content += "{\"text\":\"Line " + std::to_string(i) + ".\"}\n";
  }
  std::string f = dir.Write("feed.jsonl", content);
  ReadResult r = Read({f});
  EXPECT_EQ(r.articles.size(), 999u);
  ASSERT_EQ(r.messages.size(), 1u);
  EXPECT_EQ(r.messages[0].rfind(f + ":3: byte ", 0), 0u) << r.messages[0];
  EXPECT_EQ(r.errors, 1);
}

// 3. JSON lines after a UTF-8 byte order mark (a file not named .jsonl, or standard input) became
// one plain-text article of raw JSON.
TEST(Reliability, JsonLinesAfterAByteOrderMark) {
  const std::string feed = "\xEF\xBB\xBF{\"text\":\"First.\"}\n{\"text\":\"Second.\"}\n";
  TempDir dir;
  std::string f = dir.Write("feed.txt", feed);
  for (const ReadResult& r : {Read({f}), ReadStdin(feed)}) {
    ASSERT_EQ(r.articles.size(), 2u);
    EXPECT_EQ(r.articles[0].text, "First.");
    EXPECT_EQ(r.articles[1].text, "Second.");
    EXPECT_TRUE(r.messages.empty()) << r.messages[0];
  }
  // A syntax error on the first line counts bytes from the start of the file, mark included.
  ReadResult bad = ReadStdin("\xEF\xBB\xBF{\"text\": x}\n");
  EXPECT_EQ(bad.messages, std::vector<std::string>{"<stdin>:1: byte 12: error: malformed JSON (syntax error at column 10)"});
}

// 3. UTF-16 files were called binary.
TEST(Reliability, Utf16FilesAreNamedAsSuch) {
  TempDir dir;
  std::string le;
  for (char c : std::string("Fighting in Goma.")) le += std::string{c, '\0'};
  std::string with_bom = dir.Write("bom.txt", "\xFF\xFE" + le);
  std::string without = dir.Write("nobom.txt", le);
  ReadResult r = Read({with_bom, without});
  const std::string message = ": error: UTF-16 text; convert it to UTF-8 (e.g. iconv -f UTF-16 -t UTF-8); skipped";
  EXPECT_EQ(r.messages, (std::vector<std::string>{with_bom + message, without + message}));
  EXPECT_EQ(r.stats.failed, 2);
  EXPECT_FALSE(LooksUtf16("Plain ASCII text."));
  EXPECT_FALSE(LooksUtf16(std::string("GIF89a\0\0\0\0\x01\0", 12)));
}

// 7. An invalid date header was ignored without a warning and stayed in the text; year 0000 was
// taken as a date (and the time stage printed dates like -001-12-31).
TEST(Reliability, InvalidDateHeaderIsAWarningWithItsLine) {
  TempDir dir;
  std::string feb = dir.Write("feb.txt", "\n  date 2023-02-30 Goma was shelled.\n");
  std::string zero = dir.Write("zero.txt", "Date: 0000-01-01\nGoma was shelled.\n");
  std::string json = dir.Write("zero.jsonl", "{\"text\":\"Goma.\",\"date\":\"0000-12-31\"}\n");
  ReadResult r = Read({feb, zero, json});
  ASSERT_EQ(r.articles.size(), 3u);
  EXPECT_EQ(r.articles[0].text, "Goma was shelled.");
  EXPECT_EQ(r.articles[1].text, "Goma was shelled.");
  for (const Article& a : r.articles) EXPECT_FALSE(a.date) << *a.date;
  const std::vector<std::string> expected = {
      feb + ":2: byte 8: warning: date header \"2023-02-30\" is not a YYYY-MM-DD date; ignored and removed from "
            "the text",
      zero + ":1: byte 6: warning: date header \"0000-01-01\" is not a YYYY-MM-DD date; ignored and removed from "
             "the text",
      json + ":1: byte 0: warning: field 'date' is not a YYYY-MM-DD date (\"0000-12-31\"); ignored",
  };
  EXPECT_EQ(r.messages, expected);
  EXPECT_FALSE(IsIsoDate("0000-01-01"));
  EXPECT_TRUE(IsIsoDate("0001-01-01"));
}

// 4. Every diagnostic was kept: 606 MB for an 8 MB file of bad lines, with or without -q.
TEST(Reliability, StoredDiagnosticsAreCappedButAllAreCountedAndSeen) {
  TempDir dir;
  std::string bad_lines;
  for (int i = 0; i < 3000; ++i) bad_lines += "{\"text\": nope}\n";
  std::string f = dir.Write("bad.jsonl", bad_lines);
  Diagnostics diag;
  int64_t seen = 0;
  diag.SetSink([&](const Diagnostic&) { ++seen; });
  Status s = ReadArticles({f}, ReadOptions(), &diag, [](Article&&) { return Status::OK(); }, nullptr);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(seen, 3000);
  EXPECT_EQ(diag.errors(), 3000);
  EXPECT_EQ(diag.all().size(), Diagnostics::kMaxKept);
  EXPECT_EQ(diag.not_kept(), 3000 - static_cast<int64_t>(Diagnostics::kMaxKept));
  EXPECT_EQ(diag.all().back().line, static_cast<int64_t>(Diagnostics::kMaxKept));
}

// 4. The size cap was checked before UTF-8 repair, so text could reach three times the cap.
TEST(Reliability, SizeCapHoldsAfterUtf8Repair) {
  TempDir dir;
  std::string txt = dir.Write("bad.txt", std::string(90, '\xFF'));  // 90 bytes -> 270 once repaired
  std::string jsonl = dir.Write("bad.jsonl", "{\"text\":\"" + std::string(80, '\xFF') + "\"}\n{\"text\":\"ok\"}\n");
  ReadOptions opt;
  opt.max_bytes = 100;
  ReadResult r = Read({txt, jsonl}, opt);
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_EQ(r.articles[0].text, "ok");
  const std::string cap = "warning: article over the size cap of 100 bytes (--max-bytes) once invalid UTF-8 is "
                          "replaced; skipped";
  const std::vector<std::string> expected = {
      txt + ":1: byte 0: warning: invalid UTF-8 replaced with U+FFFD (90 bad sequences)",
      txt + ": " + cap,
      jsonl + ":1: byte 9: warning: invalid UTF-8 replaced with U+FFFD (80 bad sequences)",
      jsonl + ":1: byte 0: " + cap,
  };
  EXPECT_EQ(r.messages, expected);
  EXPECT_EQ(r.stats.skipped, 2);
}

}  // namespace
}  // namespace sitrep
