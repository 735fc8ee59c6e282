// A program of a sitrep user, built by the install test against the installed package only (CMake's
// find_package(sitrep), or pkg-config). Opens the pipeline on the installed data and prints one line per
// event found in a sentence: "<plover_type> <actor1 id> <place> <date>".
// Usage: sitrep_consumer DATE "SENTENCE"
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include <sitrep/pipeline.h>

namespace {

std::string OrDash(const std::string& s) { return s.empty() ? "-" : s; }

std::string EventLine(const sitrep::Event& e) {
  return e.plover_type + " " + OrDash(e.actor1.id) + " " + (e.location ? OrDash(e.location->name) : "-") + " " +
         e.date.value_or("-");
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: sitrep_consumer DATE SENTENCE\n";
    return 2;
  }
  sitrep::PipelineOptions options;
  options.data_dir = SITREP_CONSUMER_DATA_DIR;  // the package's sitrep_DATA_DIR (or pkg-config's datadir)
  options.gazetteer_path = options.data_dir + "/gazetteer.idx";
  std::unique_ptr<sitrep::Pipeline> pipeline;
  if (sitrep::Status s = sitrep::Pipeline::Open(options, &pipeline); !s.ok()) {
    std::cerr << "sitrep_consumer: " << s.ToString() << "\n";
    return 3;
  }
  sitrep::Article article;
  article.id = "consumer";
  article.date = argv[1];
  article.text = argv[2];
  std::vector<sitrep::Event> events;
  if (sitrep::Status s = pipeline->Extract(article, &events); !s.ok()) {
    std::cerr << "sitrep_consumer: " << s.ToString() << "\n";
    return 1;
  }
  for (const sitrep::Event& e : events) std::cout << EventLine(e) << "\n";
  return events.empty() ? 1 : 0;
}
