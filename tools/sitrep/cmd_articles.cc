// sitrep articles [--db PATH] [--format jsonl|csv] : list stored articles (without their text).
#include <cstdio>

#include <nlohmann/json.hpp>

#include "cli_util.h"
#include "command.h"
#include "core/strings.h"
#include "dataset_util.h"
#include "sitrep/store.h"

namespace sitrep::cli {
namespace {

struct ArticlesFlags {
  std::string db, format = "jsonl", data_dir;
  std::vector<std::string> delete_ids;
  bool quiet = false;
};

// --delete: removes the articles with their events, then rebuilds the dataset (docs/dataset.md).
int RunDelete(const ArticlesFlags& f) {
  std::unique_ptr<Store> store;
  StoreOptions so;
  so.create_if_missing = false;
  Status s = Store::Open(f.db.empty() ? DefaultDbPath() : f.db, so, &store);
  if (!s.ok()) {
    PrintError(s.ToString());
    return kExitFailure;
  }
  int code = kExitOk;
  for (const std::string& id : f.delete_ids) {
    bool deleted = false;
    if (!(s = store->DeleteArticle(id, &deleted)).ok()) {
      PrintError(s.ToString());
      return kExitFailure;
    }
    if (!deleted) {
      PrintError("no stored article with id " + id);
      code = kExitInputErrors;
    } else if (!f.quiet) {
      std::fprintf(stderr, "sitrep: deleted article %s and its events\n", strings::EscapeControl(id).c_str());
    }
  }
  return RebuildStaleDataset(store.get(), f.data_dir, f.quiet) ? code : kExitFailure;
}

int Run(const ArticlesFlags& f) {
  if (!f.delete_ids.empty()) return RunDelete(f);
  std::unique_ptr<Store> store = OpenExistingStore(f.db);
  if (!store) return kExitFailure;
  Status s;
  auto out = [](const std::string& text) -> Status {
    return std::fwrite(text.data(), 1, text.size(), stdout) == text.size()
               ? Status::OK()
               : Status::IOError("cannot write to standard output");
  };
  const bool csv = f.format == "csv";
  if (csv)
    s = out(CsvRecord({"id", "date", "source", "title", "url", "language", "origin", "text_bytes", "events",
                       "ingested_at"}));
  if (s.ok()) {
    s = store->ListArticles([&](const ArticleInfo& a) {
      if (csv) {
        return out(CsvRecord({a.id, a.date.value_or(""), a.source, a.title, a.url, a.language, a.origin,
                              std::to_string(a.text_bytes), std::to_string(a.events), a.ingested_at}));
      }
      nlohmann::json j = {{"id", a.id},
                          {"date", a.date ? nlohmann::json(*a.date) : nlohmann::json(nullptr)},
                          {"source", a.source},
                          {"title", a.title},
                          {"url", a.url},
                          {"language", a.language},
                          {"origin", a.origin},
                          {"text_bytes", a.text_bytes},
                          {"events", a.events},
                          {"ingested_at", a.ingested_at}};
      return out(j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
    });
  }
  if (s.ok() && std::fflush(stdout) != 0) s = Status::IOError("cannot write to standard output");
  if (!s.ok()) {
    PrintError(s.ToString());
    return kExitFailure;
  }
  return kExitOk;
}

Register reg("articles", "List the stored articles (id, date, source, title, event count)", [](CLI::App* app) {
  auto f = std::make_shared<ArticlesFlags>();
  app->add_option("--db", f->db, DbHelp());
  app->add_option("--format", f->format, "Output: jsonl (default) or csv")->check(CLI::IsMember({"jsonl", "csv"}));
  app->add_option("--delete", f->delete_ids, "Delete these articles (ids) with their events, and update the dataset");
  app->add_option("--data-dir", f->data_dir, "Data folder with dataset/rules.txt (for --delete)");
  app->add_flag("--quiet,-q", f->quiet, "With --delete: print errors only");
  app->footer("Exit codes: 0 ok, 1 an id to delete is not stored, 2 bad command line, 3 database could not be\n"
              "opened, read or written, or output failed.");
  return [f]() { return Run(*f); };
});

}  // namespace
}  // namespace sitrep::cli
