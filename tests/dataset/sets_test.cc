// Tests as data: each folder of tests/dataset/sets/ holds short articles of our own writing and
// expected.dataset, the dataset events and control periods they must give (format in README.md there).
// Every set is ingested in several orders, re-ingested, and its `delete` steps applied.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "core/strings.h"
#include "sitrep/ingest.h"
#include "sitrep/paths.h"
#include "sitrep/pipeline.h"
#include "sitrep/store.h"

namespace sitrep {
namespace {

namespace fs = std::filesystem;

const std::string kSetsDir = std::string(SITREP_TEST_SOURCE_DIR) + "/tests/dataset/sets";

const Pipeline& SharedPipeline() {
  static const std::unique_ptr<Pipeline> pipeline = [] {
    std::unique_ptr<Pipeline> p;
    Status s = Pipeline::Open(PipelineOptions{}, &p);
    EXPECT_TRUE(s.ok()) << s.ToString();
    return p;
  }();
  return *pipeline;
}

const DatasetRules& Rules() {
  static const DatasetRules rules = [] {
    DatasetRules r;
    Status s = DatasetRules::Load(std::string(SITREP_TEST_SOURCE_DIR) + "/data/dataset/rules.txt", &r);
    EXPECT_TRUE(s.ok()) << s.ToString();
    return r;
  }();
  return rules;
}

// One article of a set, extracted once.
struct SetArticle {
  std::string file;  // its name in the set folder
  Article article;
  std::vector<Event> events;
};

std::vector<SetArticle> ReadSet(const std::string& dir) {
  std::vector<SetArticle> out;
  std::vector<std::string> files;
  for (const auto& entry : fs::directory_iterator(dir))
    if (entry.path().extension() == ".txt") files.push_back(entry.path().string());
  std::sort(files.begin(), files.end());
  Diagnostics diag;
  for (const std::string& path : files) {
    Status s = ReadArticles({path}, ReadOptions{}, &diag, [&](Article&& a) {
      SetArticle sa{fs::path(path).filename().string(), std::move(a), {}};
      Status es = SharedPipeline().Extract(sa.article, &sa.events);
      out.push_back(std::move(sa));
      return es;
    }, nullptr);
    EXPECT_TRUE(s.ok()) << path << ": " << s.ToString();
  }
  return out;
}

// The expectations: the kinds compared, then steps of (articles deleted before, expected lines).
struct Expected {
  std::set<std::string> kinds;
  std::vector<std::pair<std::string, std::vector<std::string>>> steps;  // ("" or deleted file, lines)
};

Expected ReadExpected(const std::string& path) {
  Expected e;
  e.steps.push_back({"", {}});
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    std::string_view t = strings::Trim(line);
    if (t.empty() || t[0] == '#') continue;
    if (t.starts_with("kinds ")) {
      for (const std::string& k : strings::SplitWords(t.substr(6))) e.kinds.insert(k);
    } else if (t.starts_with("delete ")) {
      e.steps.push_back({std::string(strings::Trim(t.substr(7))), {}});
    } else {
      e.steps.back().second.push_back(std::string(t));
    }
  }
  for (auto& [deleted, lines] : e.steps) std::sort(lines.begin(), lines.end());
  return e;
}

std::string Toll(const Estimate& k) {
  if (k.empty()) return "-";
  auto v = [](const std::optional<int64_t>& x) { return x ? std::to_string(*x) : std::string("?"); };
  return v(k.low) + "/" + v(k.best) + "/" + v(k.high);
}

// "event KIND | place | date | a.txt b.txt | killed low/best/high | sources N"
std::string EventLine(const DatasetEvent& d, const std::map<std::string, std::string>& file_of) {
  std::vector<std::string> files;
  for (const MentionRef& m : d.mentions) files.push_back(file_of.at(m.article_id));
  std::sort(files.begin(), files.end());
  return fmt::format("event {} | {} | {} | {} | killed {} | sources {}", KindOf(d.event, Rules()),
                     d.event.location ? d.event.location->name : "-", d.event.date.value_or("-"),
                     strings::JoinWords(files), Toll(d.event.counts.killed), d.source_count);
}

// "period PLACE | holder | start | end | modality | ended_by"
std::string PeriodLine(const ControlPeriod& p) {
  std::string holder = p.holder.id;
  for (const ActorRef& a : p.co_holders) holder += "+" + a.id;
  return fmt::format("period {} | {} | {} | {} | {} | {}", p.place.name, holder, p.start.value_or("-"),
                     p.end.value_or("-"), p.modality, p.ended_by.empty() ? "-" : p.ended_by);
}

std::vector<std::string> ActualLines(const Store& store, const std::set<std::string>& kinds,
                                     const std::map<std::string, std::string>& file_of) {
  std::vector<std::string> lines;
  Status s = store.QueryDatasetEvents(EventQuery{}, [&](const DatasetEvent& d) {
    if (kinds.count(KindOf(d.event, Rules()))) lines.push_back(EventLine(d, file_of));
    return Status::OK();
  });
  EXPECT_TRUE(s.ok()) << s.ToString();
  s = store.QueryControl(ControlQuery{}, [&](const ControlPeriod& p) {
    lines.push_back(PeriodLine(p));
    return Status::OK();
  });
  EXPECT_TRUE(s.ok()) << s.ToString();
  std::sort(lines.begin(), lines.end());
  return lines;
}

void Ingest(Store* store, const std::vector<const SetArticle*>& articles) {
  for (const SetArticle* a : articles) {  // one batch per article: as many transactions as a slow feed
    ASSERT_TRUE(store->Write({{a->article, a->events}}, nullptr).ok());
    ASSERT_TRUE(store->RebuildDataset(Rules()).ok());
  }
}

// Orders to ingest a set in: as read, reversed, and odd-numbered first.
std::vector<std::vector<const SetArticle*>> Orders(const std::vector<SetArticle>& set) {
  std::vector<const SetArticle*> forward;
  for (const SetArticle& a : set) forward.push_back(&a);
  std::vector<const SetArticle*> reversed(forward.rbegin(), forward.rend()), interleaved;
  for (size_t start : {1, 0})
    for (size_t i = start; i < forward.size(); i += 2) interleaved.push_back(forward[i]);
  return {forward, reversed, interleaved};
}

class DatasetSets : public ::testing::TestWithParam<std::string> {};

TEST_P(DatasetSets, GiveTheExpectedEventsAndPeriodsInAnyOrder) {
  const std::string dir = kSetsDir + "/" + GetParam();
  const std::vector<SetArticle> set = ReadSet(dir);
  const Expected expected = ReadExpected(dir + "/expected.dataset");
  std::map<std::string, std::string> file_of, id_of;
  for (const SetArticle& a : set) {
    file_of[a.article.id] = a.file;
    id_of[a.file] = a.article.id;
  }
  int order_number = 0;
  for (const auto& order : Orders(set)) {
    SCOPED_TRACE(fmt::format("ingest order {}", order_number++));
    std::unique_ptr<Store> store;
    ASSERT_TRUE(Store::Open(":memory:", StoreOptions{}, &store).ok());
    Ingest(store.get(), order);
    EXPECT_EQ(ActualLines(*store, expected.kinds, file_of), expected.steps[0].second);
    Ingest(store.get(), order);  // re-ingest: nothing changes
    EXPECT_EQ(ActualLines(*store, expected.kinds, file_of), expected.steps[0].second) << "after re-ingest";
    for (size_t step = 1; step < expected.steps.size(); ++step) {
      const auto& [deleted, lines] = expected.steps[step];
      ASSERT_TRUE(id_of.count(deleted)) << "expected.dataset deletes an unknown file " << deleted;
      bool found = false;
      ASSERT_TRUE(store->DeleteArticle(id_of[deleted], &found).ok());
      EXPECT_TRUE(found);
      ASSERT_TRUE(store->RebuildDataset(Rules()).ok());
      EXPECT_EQ(ActualLines(*store, expected.kinds, file_of), lines) << "after deleting " << deleted;
    }
  }
}

std::vector<std::string> SetNames() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(kSetsDir))
    if (entry.is_directory()) names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

INSTANTIATE_TEST_SUITE_P(Sets, DatasetSets, ::testing::ValuesIn(SetNames()),
                         [](const ::testing::TestParamInfo<std::string>& info) { return info.param; });

}  // namespace
}  // namespace sitrep
