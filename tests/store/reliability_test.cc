// Issue #14: the store under concurrent creation, read-only storage and hostile CSV cells.
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <filesystem>

#include "sitrep/store.h"

namespace sitrep {
namespace {

class StoreReliabilityTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = (std::filesystem::temp_directory_path() / "sitrep-store-rel-XXXXXX").string();
    ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
    dir_ = tmpl;
  }
  void TearDown() override {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  std::string dir_;
};

Article MakeArticle(const std::string& text) {
  Article a;
  a.text = text;
  a.source = "example.org";
  a.origin = "test.txt";
  a.id = ComputeArticleId(a.source, a.url, a.text);
  return a;
}

// In a child process: opens `path` (creating it) and stores one article; exits 0 on success.
[[noreturn]] void OpenAndWriteInChild(const std::string& path, int n) {
  std::unique_ptr<Store> store;
  Status s = Store::Open(path, StoreOptions(), &store);
  if (s.ok()) {
    Store::Batch batch;
    batch.emplace_back(MakeArticle("Article " + std::to_string(n) + "."), std::vector<Event>());
    s = store->Write(batch, nullptr);
  }
  if (!s.ok()) std::fprintf(stderr, "child %d: %s\n", n, s.ToString().c_str());
  _exit(s.ok() ? 0 : 1);
}

// 2. Two ingests creating the same new database at once: one failed with "table articles already
// exists" or "database is locked" (the migration read user_version outside the write lock).
TEST_F(StoreReliabilityTest, ProcessesCreatingTheSameDatabaseAtOnceAllSucceed) {
  constexpr int kRounds = 10, kProcesses = 4;
  for (int round = 0; round < kRounds; ++round) {
    std::string path = dir_ + "/new" + std::to_string(round) + ".db";
    std::vector<pid_t> children;
    for (int i = 0; i < kProcesses; ++i) {
      pid_t pid = fork();
      ASSERT_GE(pid, 0);
      if (pid == 0) OpenAndWriteInChild(path, i);
      children.push_back(pid);
    }
    for (pid_t pid : children) {
      int status = 0;
      ASSERT_EQ(waitpid(pid, &status, 0), pid);
      EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "round " << round;
    }
    std::unique_ptr<Store> store;
    ASSERT_TRUE(Store::Open(path, StoreOptions(), &store).ok());
    int64_t n = 0;
    ASSERT_TRUE(store->CountArticles(&n).ok());
    EXPECT_EQ(n, kProcesses) << "round " << round;
  }
}

// 7. `ingest` wrote into a corrupt database and exited 0.
TEST_F(StoreReliabilityTest, DamagedDatabaseIsRefusedForWriting) {
  const std::string path = dir_ + "/x.db";
  {
    std::unique_ptr<Store> store;
    ASSERT_TRUE(Store::Open(path, StoreOptions(), &store).ok());
    Store::Batch batch;
    for (int i = 0; i < 300; ++i)
      batch.emplace_back(MakeArticle("Article " + std::to_string(i) + " " + std::string(2000, 'x')), std::vector<Event>());
    ASSERT_TRUE(store->Write(batch, nullptr).ok());
  }  // closing the last connection moves everything from the WAL into the file
  {
    FILE* f = fopen(path.c_str(), "r+b");
    ASSERT_NE(f, nullptr);
    fseek(f, 4096 * 5, SEEK_SET);  // a page of the articles table, not the header
    const std::string junk(4000, '\xDE');
    fwrite(junk.data(), 1, junk.size(), f);
    fclose(f);
  }
  std::unique_ptr<Store> store;
  Status s = Store::Open(path, StoreOptions(), &store);
  EXPECT_EQ(s.code(), Status::Code::kCorruption) << s.ToString();
  EXPECT_NE(s.message().find("the database is damaged (PRAGMA quick_check: "), std::string::npos) << s.message();
}

// 7. A database whose creation failed was left behind as a 0-byte file.
TEST_F(StoreReliabilityTest, FailedCreationLeavesNoFile) {
  const std::string path = dir_ + "/new.db";
  std::filesystem::create_directory(path + "-journal");  // SQLite cannot write its journal
  std::unique_ptr<Store> store;
  EXPECT_FALSE(Store::Open(path, StoreOptions(), &store).ok());
  EXPECT_FALSE(std::filesystem::exists(path));
}

std::string JournalMode(const std::string& path) {
  sqlite3* db = nullptr;
  sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &st, nullptr);
  std::string mode = sqlite3_step(st) == SQLITE_ROW ? reinterpret_cast<const char*>(sqlite3_column_text(st, 0)) : "";
  sqlite3_finalize(st);
  sqlite3_close(db);
  return mode;
}

// 5. Every open switched to WAL and migrated, so `events` and `articles` could not read a database
// on read-only storage. A read-only open changes nothing and refuses an old schema with advice.
TEST_F(StoreReliabilityTest, ReadOnlyOpenChangesNothing) {
  const std::string path = dir_ + "/old.db";
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "CREATE TABLE t (x); PRAGMA user_version = 0;", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
  StoreOptions read_only;
  read_only.read_only = true;
  std::unique_ptr<Store> store;
  Status s = Store::Open(path, read_only, &store);
  EXPECT_EQ(s.code(), Status::Code::kCorruption);
  EXPECT_NE(s.message().find("schema version 0 is older than this sitrep reads"), std::string::npos) << s.message();
  EXPECT_EQ(JournalMode(path), "delete");  // not switched to WAL, not migrated

  ASSERT_TRUE(Store::Open(path + "2", StoreOptions(), &store).ok());  // a current one, written once
  Store::Batch batch;
  batch.emplace_back(MakeArticle("Stored."), std::vector<Event>());
  ASSERT_TRUE(store->Write(batch, nullptr).ok());
  store.reset();
  ASSERT_TRUE(Store::Open(path + "2", read_only, &store).ok());
  int64_t n = 0;
  ASSERT_TRUE(store->CountArticles(&n).ok());
  EXPECT_EQ(n, 1);
  EXPECT_FALSE(store->Write(batch, nullptr).ok());
  EXPECT_TRUE(Store::Open(dir_ + "/absent.db", read_only, &store).IsNotFound());
  EXPECT_FALSE(std::filesystem::exists(dir_ + "/absent.db"));
}

// 6. CSV cells starting with = + - @ were written as they are (formula injection in spreadsheets).
TEST(CsvExport, FormulaCellsAreNeutralizedButNumbersStayNumbers) {
  EXPECT_EQ(CsvRecord({"=HYPERLINK(\"http://x\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\tx", "-"}),
            "\"'=HYPERLINK(\"\"http://x\"\")\",'+cmd|' /C calc'!A0,'-2+3,'@SUM(A1),'\tx,'-\r\n");
  EXPECT_EQ(CsvRecord({"-3.5", "29.2228", "+12", "-1e-5", "0", "", "Goma", "a=b"}),
            "-3.5,29.2228,+12,-1e-5,0,,Goma,a=b\r\n");
  Event e;
  e.trigger = "=1+1";
  e.location = Location{"Goma", 216281, -1.6792, 29.2228, "North Kivu", "", "CD", 1, "Goma"};
  std::string row = CsvRecord(EventColumnValues(e));
  EXPECT_NE(row.find(",'=1+1,"), std::string::npos) << row;
  EXPECT_NE(row.find(",-1.6792,29.2228,"), std::string::npos) << row;
}

}  // namespace
}  // namespace sitrep
