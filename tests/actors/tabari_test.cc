// Import of TABARI/PETRARCH .actors files: records, synonyms, dated codes, comments, errors.
#include <gmock/gmock.h>

#include <algorithm>

#include "test_util.h"

namespace sitrep::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

// A small dictionary in TABARI/PETRARCH syntax, written by hand.
constexpr const char* kTabari = R"(# .actors file in TABARI/PETRARCH syntax
<!-- a multi-line
     XML-style comment -->
AFGHANISTAN_  [AFG]
+AFGHAN_
+AFGHANESTAN_
KABUL_ [AFG] # comment after a code
DEMOCRATIC_REPUBLIC_OF_THE_CONGO_ [COD] ; old KEDS comment
+DR_CONGO_
CONGOLESE_ARMY_ [CODMIL]
PAUL_KAGAME_  ; CountryInfo.txt
+KAGAME_
	[RWAMIL 900101-000421]
	[RWAGOV >000422]
GEORGE_W_BUSH_ [USAGOV 20-JAN-2001-20-JAN-2009]
ANTONY_BLINKEN_
	[USAELI 020101-210125]
	[USAGOV 210126-250120]
	[USAELI]
UNITED_NATIONS_ [IGOUNO] <ab 02 Dec 2005>
NOCODE_PHRASE_
)";

TEST(TabariImport, RecordsBecomeActors) {
  TabariImportResult r;
  ImportTabariActors({{"cameo.actors", kTabari}}, &r);
  std::map<std::string, const Actor*> by_id;
  for (const Actor& a : r.actors) by_id[a.id] = &a;

  ASSERT_TRUE(by_id.count("AFG"));
  EXPECT_EQ(by_id["AFG"]->name, "Afghanistan");
  EXPECT_EQ(by_id["AFG"]->type, "state");
  EXPECT_THAT(by_id["AFG"]->aliases, ElementsAre("Afghan", "Afghanestan", "Kabul"));

  ASSERT_TRUE(by_id.count("COD"));
  EXPECT_EQ(by_id["COD"]->name, "Democratic Republic of the Congo");  // small words stay lowercase
  ASSERT_TRUE(by_id.count("COD_MIL"));
  EXPECT_EQ(by_id["COD_MIL"]->type, "military");
  EXPECT_EQ(by_id["COD_MIL"]->country, "COD");

  ASSERT_TRUE(by_id.count("PAUL_KAGAME"));
  const Actor& kagame = *by_id["PAUL_KAGAME"];
  EXPECT_EQ(kagame.type, "person");
  EXPECT_THAT(kagame.aliases, ElementsAre("Kagame"));
  ASSERT_EQ(kagame.roles.size(), 2u);
  EXPECT_EQ(kagame.roles[0].org_id, "RWA_MIL");
  EXPECT_EQ(kagame.roles[0].from, "1990-01-01");  // YY 90 -> 1990
  EXPECT_EQ(kagame.roles[0].until, "2000-04-21");  // YY 00 -> 2000
  EXPECT_EQ(kagame.roles[1].org_id, "RWA_GOV");
  EXPECT_EQ(kagame.roles[1].from, "2000-04-22");
  EXPECT_EQ(kagame.roles[1].until, "");

  ASSERT_TRUE(by_id.count("GEORGE_W_BUSH"));
  ASSERT_EQ(by_id["GEORGE_W_BUSH"]->roles.size(), 1u);
  EXPECT_EQ(by_id["GEORGE_W_BUSH"]->roles[0].from, "2001-01-20");
  EXPECT_EQ(by_id["GEORGE_W_BUSH"]->roles[0].until, "2009-01-20");

  // The undated default code comes last, after the dated ones.
  const Actor& blinken = *by_id["ANTONY_BLINKEN"];
  ASSERT_EQ(blinken.roles.size(), 3u);
  EXPECT_EQ(blinken.roles[1].org_id, "USA_GOV");
  EXPECT_EQ(blinken.roles[2].org_id, "USA_ELI");
  EXPECT_EQ(blinken.roles[2].from, "");

  ASSERT_TRUE(by_id.count("IGOUNO"));
  EXPECT_EQ(by_id["IGOUNO"]->type, "IGO");
  // Every institution a role points to exists, so the output loads.
  EXPECT_TRUE(by_id.count("RWA_GOV") && by_id.count("USA_ELI"));

  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_THAT(r.warnings[0], HasSubstr("cameo.actors:21: 'NOCODE_PHRASE_' has no actor code; skipped"));
}

TEST(TabariImport, OutputLoadsAndMatches) {
  TabariImportResult r;
  ImportTabariActors({{"cameo.actors", kTabari}}, &r);
  std::string ours = FormatActorFile(r.actors);
  std::unique_ptr<ActorDictionary> d;
  Status s = ActorDictionary::LoadFromStrings({{"imported.actors.txt", ours}}, &d);
  ASSERT_TRUE(s.ok()) << s.ToString() << "\n" << ours;
  EXPECT_EQ(d->CodeAs("PAUL_KAGAME", "2023-11-06"), "RWA_GOV");
  EXPECT_EQ(d->CodeAs("PAUL_KAGAME", "1995-01-01"), "RWA_MIL");
  EXPECT_EQ(d->CodeAs("ANTONY_BLINKEN", "2023-11-06"), "USA_GOV");
  EXPECT_EQ(d->CodeAs("ANTONY_BLINKEN", "2026-01-01"), "USA_ELI");  // the default code
  Text t("Kagame met Afghan officials in Kabul and the DR Congo army.");
  std::vector<std::string> got;
  for (const auto& m : d->MatchDocument(t.doc)) got.push_back(t.Words(m) + "=" + m.actor_id);
  EXPECT_THAT(got, ElementsAre("Kagame=PAUL_KAGAME", "Afghan=AFG", "Kabul=AFG", "DR Congo=COD"));
}

TEST(TabariImport, AnnotationsAreIgnored) {
  TabariImportResult r;
  ImportTabariActors({{"a.actors", "<KAGAME>\nPAUL_KAGAME_ <sls 13 Mar 2008> [RWAGOV >000422]\n"}}, &r);
  ASSERT_EQ(r.actors.size(), 2u);  // RWA_GOV and the person
  EXPECT_EQ(r.actors[1].id, "PAUL_KAGAME");
  EXPECT_EQ(r.actors[1].roles.at(0).from, "2000-04-22");
}

// Lines the importer cannot use are warnings naming file:line; the rest of the file is kept (the
// record "KEPT_" after each one, coded [RWA], is always imported).
TEST(TabariImport, UnusableLinesAreSkippedWithWarnings) {
  struct Row {
    const char* content;
    const char* want;
  };
  const Row rows[] = {
      {"X_ [AFG]\n\t[RWAGOV 001301-010101]\n", "x.actors:2: bad date restriction '001301-010101'"},
      {"X_ [AFG]\n\t[RWAGOV 9008223-911221]\n", "x.actors:2: bad date restriction '9008223-911221'"},
      {"X_ [AFG\n+Y_\n", "x.actors:1: '[' without ']'; record skipped"},
      {"X_ AFG]\n", "x.actors:1: ']' without '['"},
      {"+SYNONYM_\n", "x.actors:1: synonym '+' before any actor phrase"},
      {"\t[RWAGOV]\n", "x.actors:1: code line before any actor phrase"},
      {"X_ [RWAGOV 010101-000101]\n", "x.actors:1: date range '010101-000101' ends before it starts"},
      {"X_ [RWAGOV >31-FOO-2001]\n", "x.actors:1: bad date restriction '>31-FOO-2001'"},
      {"X_ [A B C]\n", "x.actors:1: expected [CODE DATE-RESTRICTION]"},
      {"X_ [AFG]\n+ \n", "x.actors:2: empty synonym"},
      {"X_ [AFG] Y_\n", "x.actors:1: unexpected text 'Y_' after a code"},
      {"X_ {Y_} [AFG]\n", "x.actors:1: unexpected character in actor phrase 'X_ {Y_}'"},
      {"INDIAN_OCEAN [---]\n", "x.actors:1: code [---] names no actor"},
      {"X_ [---]\n", "x.actors:1: 'X_' has no actor code; skipped"},
  };
  for (const Row& r : rows) {
    TabariImportResult out;
    ImportTabariActors({{"x.actors", std::string(r.content) + "KEPT_ [RWA]\n"}}, &out);
    EXPECT_THAT(out.warnings, ::testing::Contains(HasSubstr(r.want))) << r.content;
    EXPECT_TRUE(std::any_of(out.actors.begin(), out.actors.end(), [](const Actor& a) { return a.name == "Kept"; }))
        << r.content;
  }
  TabariImportResult open_comment;
  ImportTabariActors({{"x.actors", "X_ [AFG]\n<!-- never closed\n"}}, &open_comment);
  EXPECT_THAT(open_comment.warnings, ElementsAre(HasSubstr("x.actors:2: '<!--' comment not closed")));
  EXPECT_EQ(open_comment.actors.size(), 1u);
}

// An institution a person's role uses in one file and another file names belongs to the file that
// names it, beside its state.
TEST(TabariImport, ActorsBelongToTheFileThatNamesThem) {
  TabariImportResult r;
  ImportTabariActors({{"people.actors", "ECTHELION_ [CLHGOV >300101]\n"},
                      {"countries.actors", "CALENARDHON_ [CLH]\nCALENARDHON_GOVERNMENT_ [CLHGOV]\n"}},
                     &r);
  std::map<std::string, std::string> file_of;
  for (const Actor& a : r.actors) file_of[a.id] = a.file;
  EXPECT_EQ(file_of["ECTHELION"], "people.actors");
  EXPECT_EQ(file_of["CLH_GOV"], "countries.actors");
}

// Imported states are written as country blocks, so "the <state> government" composes.
TEST(TabariImport, StatesComposeWithTheirInstitutions) {
  TabariImportResult r;
  ImportTabariActors({{"c.actors", "CALENARDHON_ [CLH]\n+CALENARDHONIAN_\nCALENARDHON_ARMY_ [CLHMIL]\n"}}, &r);
  std::string ours = FormatActorFile(r.actors);
  EXPECT_THAT(ours, HasSubstr("country CLH\n  name: Calenardhon\n  alias: Calenardhonian\n  military: Calenardhon Army\n"));
  std::unique_ptr<ActorDictionary> d;
  Status s = ActorDictionary::LoadFromStrings({{"c.actors.txt", ours}}, &d);
  ASSERT_TRUE(s.ok()) << s.ToString() << "\n" << ours;
  ASSERT_NE(d->Find("CLH_GOV"), nullptr);
  EXPECT_EQ(d->Find("CLH_MIL")->name, "Calenardhon Army");
  // As a user dictionary beside ours (whose compose nouns it uses): "the Calenardhon government" is CLH_GOV.
  std::unique_ptr<ActorDictionary> with_ours;
  s = ActorDictionary::LoadFromStrings({{"ours.actors.txt", "compose government: government\ncompose military: troops\n"}},
                                       {{"c.actors.txt", ours}}, &with_ours);
  ASSERT_TRUE(s.ok()) << s.ToString();
  Text t("The Calenardhon government sent Calenardhonian troops.");
  std::vector<std::string> ids;
  for (const auto& m : with_ours->MatchDocument(t.doc)) ids.push_back(m.actor_id);
  EXPECT_THAT(ids, ElementsAre("CLH_GOV", "CLH_MIL"));
}

// Records that are read with a warning: a code line not indented, a person whose id is taken.
TEST(TabariImport, WarningsNameFileAndLine) {
  TabariImportResult r;
  ImportTabariActors({{"w.actors", "PAUL_KAGAME_\n[RWAGOV >000422]\nPAUL KAGAME [RWAMIL 900101-000421]\n"}}, &r);
  EXPECT_THAT(r.warnings, ElementsAre(HasSubstr("w.actors:2: code line is not indented"),
                                      HasSubstr("w.actors:3: person id 'PAUL_KAGAME' is empty or already used")));
  ASSERT_EQ(r.actors.size(), 2u);  // RWA_GOV, PAUL_KAGAME (the skipped record adds no RWA_MIL)
  EXPECT_EQ(r.actors[1].roles.at(0).org_id, "RWA_GOV");
}

}  // namespace
}  // namespace sitrep::testing
