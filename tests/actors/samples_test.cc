// Every actor mention in the two shared sample articles, resolved as an analyst would
// (after coreference), in text order: "words=ID", "?type" for a generic mention left
// unresolved on purpose ("approximately 100 armed groups" names no particular group).
#include <gmock/gmock.h>

#include <fstream>
#include <sstream>

#include "test_util.h"
#include "../shared_data.h"

namespace sitrep::testing {
namespace {

using ::testing::ElementsAreArray;

std::string ReadSample(const std::string& name) {
  std::ifstream in(std::string(SITREP_TEST_SHARED_DIR) + "/samples/" + name);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct Sample {
  const char* file;
  std::vector<std::string> want;
};

TEST(ActorSamples, EveryMentionResolves) {
  SITREP_SKIP_WITHOUT_SHARED("samples/000_faa27aeaf128c5a5.txt");
  SITREP_SKIP_WITHOUT_SHARED("samples/001_560bd95e9cff5d9e.txt");
  const std::vector<Sample> samples = {
      {"000_faa27aeaf128c5a5.txt",
       {
        "M23 rebels=M23",
        "DR Congo=COD",
        "East African Regional Force (EACRF)=EACRF",
        "the rebels=M23",
        "civilian population=CIVILIANS",
        "DR Congo) Government coalition forces=COD_MIL",
        "EACRF=EACRF",
        "M23=M23",
        "the Congolese armed group=M23",
        "M23=M23",
        "DR Congo coalition=COD_MIL",
        "East Africa Community (EAC)=EAC",
        "Congolese military=COD_MIL",
        "militia groups=?militia",
        "Wazalendo=WAZALENDO",
        "FDLR=FDLR",
        "Rwandans=CIVILIANS",
        "Congolese government forces=COD_MIL",
        "mercenaries hired from Europe=MERCENARIES",
        "M23=M23",
        "the coalition forces=COD_MIL",
        "President Tshisekedi Tshilombo=COD_TSHISEKEDI",
        "the rebels=M23",
        "civilian population=CIVILIANS",
        "M23 Movement=M23",
        "M23=M23",
        "DRC Government=COD_GOV",
        "the rebels=M23",
        "DR Congo government=COD_GOV",
        "M23=M23",
        "DR Congo=COD",
        "DR Congo=COD",
        "the country's armed forces (FARDC)=COD_MIL",
        "M23 group=M23",
        "President Paul Kagame=RWA_KAGAME",
        "US Secretary of State Antony Blinken=USA_BLINKEN",
        "DR Congo=COD",
        "Kagame=RWA_KAGAME",
        "Blinken=USA_BLINKEN",
        "President Kagame=RWA_KAGAME",
        "Rwanda=RWA",
        "DR Congo=COD"
       }},
      {"001_560bd95e9cff5d9e.txt",
       {
        "Rwanda-backed=RWA",
        "M23 rebels=M23",
        "Congo=COD",
        "leaders of Congo=COD_GOV",
        "Rwanda=RWA_GOV",
        "Congo=COD",
        "Rwanda-backed=RWA",
        "M23 rebels=M23",
        "Congolese=COD_GOV",
        "Rwandan leaders=RWA_GOV",
        "the rebels=M23",
        "Qatar=QAT",
        "rebels=M23",
        "EU=EU",
        "M23 rebels=M23",
        "Congolese forces=COD_MIL",
        "Congolese army=COD_MIL",
        "Congolese army=COD_MIL",
        "the insurgent coalition=M23",
        "civilians=CIVILIANS",
        "local population=CIVILIANS",
        "Alphamin Resources=CO_ALPHAMIN",
        "Congolese President Felix Tshisekedi=COD_TSHISEKEDI",
        "United States=USA",
        "armed groups=?armed group",
        "M23=M23",
        "Congo=COD",
        "armed groups=?armed group",
        "U.N. experts=IGO_UN_GOE",
        "Rwandan troops=RWA_MIL",
        "M23 rebels=M23",
        "U.N. Human Rights Council=IGO_UNHRC",
        "Doctors Without Borders=NGO_MSF",
        "M23 rebellion=M23",
        "Congo=COD",
        "the displaced=CIVILIANS",
        "Congo=COD"
       }},
  };
  for (const Sample& s : samples) {
    std::string text = ReadSample(s.file);
    ASSERT_FALSE(text.empty()) << "missing sample " << s.file;
    EXPECT_THAT(Describe(text), ElementsAreArray(s.want)) << s.file;
  }
}

// The "X-backed" relation is reported so the extractor can record "M23, backed by Rwanda".
TEST(ActorSamples, RwandaBackedM23) {
  SITREP_SKIP_WITHOUT_SHARED("samples/001_560bd95e9cff5d9e.txt");
  std::string text = ReadSample("001_560bd95e9cff5d9e.txt");
  Text t(text);
  auto ms = Dict().MatchDocument(t.doc);
  ASSERT_GE(ms.size(), 2u);
  EXPECT_EQ(ms[0].actor_id, "RWA");
  EXPECT_EQ(ms[0].modifier, MentionModifier::kBackedBy);
  EXPECT_EQ(ms[1].actor_id, "M23");
}

}  // namespace
}  // namespace sitrep::testing
