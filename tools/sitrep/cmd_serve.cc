// sitrep serve --db PATH [--port 8080] [--bind 127.0.0.1] : the JSON API and web page (docs/api.md).
#include <csignal>
#include <cstdlib>
#include <cstdio>
#include <filesystem>
#include <thread>

#include <fmt/format.h>

#include "cli_util.h"
#include "command.h"
#include "sitrep/serve.h"

namespace sitrep::cli {
namespace {

struct ServeFlags {
  std::string db, web_root = DefaultWebRoot(), data_dir, gazetteer;
  std::vector<std::string> dicts;  // user actor dictionaries for posted articles
  ServeOptions options;
};

// The write token: --write-token, else $SITREP_WRITE_TOKEN (better: not visible in the process list).
std::string WriteToken(const ServeFlags& f) {
  if (!f.options.write_token.empty()) return f.options.write_token;
  const char* env = std::getenv("SITREP_WRITE_TOKEN");
  return env ? env : "";
}

// Stops `server` on SIGINT or SIGTERM. The signals must be blocked in every thread (call before
// starting any), so that this thread alone receives them.
std::thread StopOnSignal(ApiServer* server) {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  return std::thread([server, set] {
    int sig = 0;
    sigwait(&set, &sig);
    server->Stop();
  });
}

// Computes what the page asks first (counts per day and week, the actor list), so that its first load on a
// large database does not wait for full scans.
void WarmUp(EventSource* source) {
  EventStats stats;
  std::vector<KeyCount> actors;
  for (bool weekly : {false, true}) source->Stats(EventPageQuery(), weekly, &stats);
  source->Actors("", 200, &actors);
}

int Run(ServeFlags& f) {
  std::string path = f.db.empty() ? DefaultDbPath() : f.db;
  std::unique_ptr<EventSource> source;
  Status s = OpenStoreEventSource(path, &source);
  if (!s.ok()) {
    PrintError(s.ToString());
    return kExitFailure;
  }
  std::error_code ec;
  if (!f.web_root.empty() && !std::filesystem::is_regular_file(f.web_root + "/index.html", ec)) {
    PrintError(fmt::format("no web page in {} (run scripts/setup, or give --web-root); serving the API only",
                           f.web_root));
    f.web_root.clear();
  }
  f.options.web_root = f.web_root;
  f.options.write_token = WriteToken(f);
  std::unique_ptr<ArticleIngester> ingester;
  if (!f.options.write_token.empty()) {
    if (f.options.write_token.size() < 16) {
      PrintError("the write token must be at least 16 characters");
      return kExitUsage;
    }
    s = OpenStoreIngester(path, MakePipelineOptions(f.data_dir, f.gazetteer, f.dicts), &ingester);
    if (!s.ok()) {
      PrintError(s.ToString());
      return kExitFailure;
    }
  }
  std::unique_ptr<EventSource> cached = NewCachingEventSource(source.get());
  ApiServer server(cached.get(), f.options, ingester.get());
  if (!(s = server.Bind()).ok()) {
    PrintError(s.ToString());
    return kExitFailure;
  }
  std::thread stopper = StopOnSignal(&server);
  std::thread warm(WarmUp, cached.get());
  std::fprintf(stderr, "sitrep: serving %s on http://%s:%d/ (%s; Ctrl-C stops)\n", path.c_str(),
               f.options.bind.c_str(), server.port(),
               ingester ? "POST /api/articles with the write token" : "read-only");
  s = server.Run();
  warm.join();
  if (stopper.joinable()) {
    pthread_kill(stopper.native_handle(), SIGTERM);  // wakes the signal thread when Run ended by itself
    stopper.join();
  }
  if (!s.ok()) {
    PrintError(s.ToString());
    return kExitFailure;
  }
  return kExitOk;
}

Register reg("serve", "Serve a database's events as a JSON API and a web page (map, timeline, table)",
             [](CLI::App* app) {
               auto f = std::make_shared<ServeFlags>();
               app->add_option("--db", f->db, DbHelp());
               app->add_option("--port", f->options.port, "TCP port (0: any free port)")->check(CLI::Range(0, 65535));
               app->add_option("--bind", f->options.bind, "Address to listen on (default 127.0.0.1: this machine only)");
               app->add_option("--web-root", f->web_root, "Folder of the web page (default: the one the build made)");
               app->add_option("--threads", f->options.threads, "Worker threads (default 8)")->check(CLI::Range(1, 64));
               app->add_flag("--cors", f->options.cors, "Allow pages of any origin to call the API (off by default)");
               app->add_option("--write-token", f->options.write_token,
                               "Accept POST /api/articles with 'Authorization: Bearer TOKEN' (16+ characters; "
                               "or $SITREP_WRITE_TOKEN, which other users cannot see in the process list)");
               app->add_option("--data-dir", f->data_dir, "Dictionaries and models for posted articles (default: built-in)");
               app->add_option("--gazetteer", f->gazetteer, "Gazetteer index for posted articles (default: built-in)");
               AddDictFlag(app, &f->dicts);
               app->footer(
                   "Read-only unless a write token is given. See docs/api.md.\n"
                   "Exit codes: 0 stopped by Ctrl-C or SIGTERM, 2 bad command line, 3 database could not be opened or "
                   "the address could not be bound.");
               return [f]() { return Run(*f); };
             });

}  // namespace
}  // namespace sitrep::cli
