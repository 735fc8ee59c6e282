// Matching rules, table-driven: each row is a text and the mentions an analyst would mark,
// as "words=ID" in text order ("?type" for an unresolved generic mention).
#include <gmock/gmock.h>

#include "test_util.h"

namespace sitrep::testing {
namespace {

using ::testing::ElementsAreArray;

struct Row {
  const char* text;
  std::vector<std::string> want;
};

void Check(const std::vector<Row>& rows, bool coref = true) {
  for (const Row& r : rows) {
    EXPECT_THAT(Describe(r.text, coref), ElementsAreArray(r.want)) << "text: " << r.text;
  }
}

TEST(ActorMatch, NamesAndAliases) {
  Check({
      {"The M23 rebels took Goma.", {"M23 rebels=M23"}},
      {"The March 23 Movement said so.", {"March 23 Movement=M23"}},
      {"Le Mouvement du 23 mars a dit.", {"Mouvement du 23 mars=M23"}},
      {"The M23/AFC alliance advanced.", {"M23/AFC=M23"}},
      {"AFC/M23 fighters entered Bukavu.", {"AFC/M23 fighters=M23"}},
      {"The Congo River Alliance was founded in Nairobi.", {"Congo River Alliance=M23"}},
      {"The East African Regional Force (EACRF) withdrew.", {"East African Regional Force (EACRF)=EACRF"}},
      {"The U.N. Human Rights Council met.", {"U.N. Human Rights Council=IGO_UNHRC"}},
      {"Doctors Without Borders treated the wounded.", {"Doctors Without Borders=NGO_MSF"}},
      {"Alphamin Resources ceased mining.", {"Alphamin Resources=CO_ALPHAMIN"}},
      {"Wazalendo and FDLR fighters attacked.", {"Wazalendo=WAZALENDO", "FDLR fighters=FDLR"}},
      {"Fighting between ADF and CODECO.", {"ADF=ADF", "CODECO=CODECO"}},
  });
}

TEST(ActorMatch, CaseRules) {
  Check({
      // Acronyms match only as written: "us", "au", "eu" are words.
      {"The war imposed on us by the DRC Government.", {"DRC Government=COD_GOV"}},
      {"US troops and EU envoys came to Addis Ababa, home of the AU.",
       {"US troops=USA_MIL", "EU=EU", "AU=AU"}},
      {"Au revoir, said the eu.", {}},
      // Capitalised names need a capital: "turkey" and "chad" are not states.
      {"They ate turkey in Chad.", {"Chad=TCD"}},
      {"Chad and Turkey spoke.", {"Chad=TCD", "Turkey=TUR"}},
  });
}

TEST(ActorMatch, Compositional) {
  Check({
      {"The Congolese army retreated from Walikale near Kinshasa.", {"Congolese army=COD_MIL"}},
      {"Around 4,000 Rwandan troops support the rebels.", {"Rwandan troops=RWA_MIL", "the rebels=?rebel group"}},
      {"Ugandan soldiers crossed the border.", {"Ugandan soldiers=UGA_MIL"}},
      {"The Burundian government denied it.", {"Burundian government=BDI_GOV"}},
      {"Kenyan police arrested them.", {"Kenyan police=KEN_POL"}},
      {"Calls from Congolese and Rwandan leaders in Kinshasa.", {"Congolese=COD_GOV", "Rwandan leaders=RWA_GOV"}},
      {"Calls from leaders of Congo and Rwanda over Kivu.", {"leaders of Congo=COD_GOV", "Rwanda=RWA_GOV"}},
      {"The DR Congo government flouted the deal.", {"DR Congo government=COD_GOV"}},
      {"We drove out the (DR Congo) Government coalition forces.", {"DR Congo) Government coalition forces=COD_MIL"}},
      {"Fighting pitted the country's armed forces (FARDC) against the M23 group in DR Congo.",
       {"the country's armed forces (FARDC)=COD_MIL", "M23 group=M23", "DR Congo=COD"}},
      {"The FARDC and the Rwanda Defence Force clashed.", {"FARDC=COD_MIL", "Rwanda Defence Force=RWA_MIL"}},
  });
}

TEST(ActorMatch, HyphenatedModifiers) {
  Text t("Rwanda-backed M23 rebels captured Walikale. A Kinshasa-led push failed. Well-backed claims.");
  auto ms = Dict().MatchDocument(t.doc);
  ASSERT_GE(ms.size(), 2u);
  EXPECT_EQ(ms[0].actor_id, "RWA");
  EXPECT_EQ(ms[0].modifier, MentionModifier::kBackedBy);
  EXPECT_EQ(t.Words(ms[0]), "Rwanda-backed");
  EXPECT_EQ(ms[1].actor_id, "M23");
  EXPECT_EQ(ms[1].modifier, MentionModifier::kNone);
  for (const auto& m : ms) EXPECT_NE(t.Words(m), "Well-backed");
}

// A named armed group joined by a hyphen to a faction or community the dictionary lacks is that group; a
// state, people or a crowd so joined is not ("Kenya-Ethiopia border", "Civilian-JTF").
TEST(ActorMatch, HyphenatedFactionOfANamedGroup) {
  Check({
      {"Nyatura-Kanani fighters attacked the village.", {"Nyatura-Kanani fighters=NYATURA"}},
      {"Troops patrolled the Kenya-Ethiopia border.", {}},
  });
}

TEST(ActorMatch, PersonsAndTitles) {
  Check({
      {"President Paul Kagame's office announced a call.", {"President Paul Kagame=RWA_KAGAME"}},
      {"He spoke with US Secretary of State Antony Blinken.", {"US Secretary of State Antony Blinken=USA_BLINKEN"}},
      {"Kagame and Blinken discussed de-escalation.", {"Kagame=RWA_KAGAME", "Blinken=USA_BLINKEN"}},
      {"Congolese President Felix Tshisekedi spoke in Kinshasa.", {"Congolese President Felix Tshisekedi=COD_TSHISEKEDI"}},
      {"The forces of President Tshisekedi Tshilombo.", {"President Tshisekedi Tshilombo=COD_TSHISEKEDI"}},
      {"Félix Tshisekedi met Museveni.", {"Félix Tshisekedi=COD_TSHISEKEDI", "Museveni=UGA_MUSEVENI"}},
      // A title without a known person is not a mention.
      {"President Smith spoke.", {}},
  });
}

TEST(ActorMatch, GenericsAndCivilians) {
  Check(
      {
          {"The rebels withdrew.", {"The rebels=?rebel group"}},
          {"Rebels withdrew after sanctions.", {"Rebels=?rebel group"}},
          {"Some 100 armed groups operate there.", {"armed groups=?armed group"}},
          {"They protect the civilian population and residents.",
           {"civilian population=CIVILIANS", "residents=CIVILIANS"}},
          {"A group of mercenaries hired from Europe.", {"mercenaries hired from Europe=MERCENARIES"}},
          {"The Congolese armed group said in Kinshasa.", {"The Congolese armed group=?armed group"}},
          {"Rwandans and Congolese civilians fled Goma.", {"Rwandans=CIVILIANS", "Congolese civilians=CIVILIANS"}},
      },
      /*coref=*/false);
  // People of a country keep the country as a hint, and ToRef reports it.
  Text p("Rwandans and Congolese civilians fled Goma.");
  auto people = Dict().MatchDocument(p.doc);
  ASSERT_EQ(people.size(), 2u);
  EXPECT_EQ(ToRef(Dict(), people[0], p.doc).country, "RWA");
  EXPECT_EQ(ToRef(Dict(), people[1], p.doc).country, "COD");
  Text t("Some 100 armed groups operate there. The rebels withdrew.");
  auto ms = Dict().MatchDocument(t.doc);
  ASSERT_EQ(ms.size(), 2u);
  EXPECT_FALSE(ms[0].definite);
  EXPECT_TRUE(ms[1].definite);
}

// Armed groups and militias ACLED reports name often; community militias only with a militia noun.
TEST(ActorMatch, GroupsAndCommunityMilitias) {
  Check({
      {"LRA fighters looted a village near Dungu.", {"LRA fighters=LRA"}},
      {"Kamuina Nsapu militiamen burned a school in Kasai.", {"Kamuina Nsapu militiamen=KAMWINA_NSAPU"}},
      {"Mai-Mai Mazembe attacked an army post in Lubero.", {"Mai-Mai Mazembe=MAI_MAI_MAZEMBE", "army=?military"}},
      {"Raia Mutomboki Hamakombo fighters clashed with Nyatura Domi.",
       {"Raia Mutomboki=MAI_MAI_RAIA_MUTOMBOKI", "Nyatura Domi=NYATURA"}},
      {"Imbonerakure members beat a CNL activist in Ngozi.", {"Imbonerakure members=IMBONERAKURE", "CNL=CNL"}},
      {"ISWAP fighters and JNIM or ISGS militants attacked.", {"ISWAP fighters=ISWAP", "JNIM or ISGS militants=JNIM_OR_ISSP"}},
      {"Suspected Fulani militias raided two villages.", {"Fulani militias=FULANI_MILITIA"}},
      {"Pokot raiders stole cattle from Turkana herders.", {"Pokot raiders=POKOT_MILITIA", "herders=CIVILIANS"}},
      {"Hawadle clan militia fought Gaaljecel militiamen.",
       {"Hawadle clan militia=HAWADLE_CLAN_MILITIA", "Gaaljecel militiamen=GAALJECEL_CLAN_MILITIA"}},
      {"An ethnic militia killed two teachers and a boda boda rider.",
       {"ethnic militia=UNIDENTIFIED_ETHNIC_MILITIA", "teachers=CIVILIANS", "boda boda rider=CIVILIANS"}},
      {"Rival cultists shot a security guard.", {"Rival cultists=UNIDENTIFIED_CULT_MILITIA", "security guard=PRIVATE_SECURITY"}},
      // "NAF": Nigerian Air Force unless the article is about the Donbas.
      {"The NAF bombed a camp in Borno.", {"NAF=NGA_MIL"}},
      {"The NAF shelled positions near Donetsk.", {"NAF=NAF"}},
      // A list of named groups shares the last one's head noun.
      {"Maasai and Kikuyu militias clashed.", {"Maasai=MAASAI_MILITIA", "Kikuyu militias=KIKUYU_MILITIA"}},
      {"Bembe, Bafuliru and Nyindu ethnic militias fought.",
       {"Bembe=BABEMBE_MILITIA", "Bafuliru=BAFULIRU_MILITIA", "Nyindu ethnic militias=BANYINDU_MILITIA"}},
      {"Residents of Beni and Nande militias met.", {"Residents=CIVILIANS", "Nande militias=NANDE_MILITIA"}},
  });
}

TEST(ActorMatch, CongoByContext) {
  Check({
      {"Fighting in eastern Congo near Goma.", {"Congo=COD"}},
      {"Congolese troops deployed in Brazzaville and Pointe-Noire.", {"Congolese troops=COG_MIL"}},
      {"The Republic of the Congo held elections.", {"Republic of the Congo=COG"}},
      {"Congo-Brazzaville and Congo-Kinshasa.", {"Congo-Brazzaville=COG", "Congo-Kinshasa=COD"}},
      {"The D.R. Congo and the Democratic Republic of the Congo.",
       {"D.R. Congo=COD", "Democratic Republic of the Congo=COD"}},
      // No cue at all: the documented default (DRC).
      {"Congo signed.", {"Congo=COD"}},
  });
  Text t("Congolese forces in Brazzaville.");
  auto ms = Dict().MatchDocument(t.doc);
  ASSERT_EQ(ms.size(), 1u);
  EXPECT_TRUE(ms[0].ambiguous);
}

TEST(ActorMatch, CoreferenceWithinArticle) {
  Check({
      {"M23 rebels captured Walikale. The rebels said they would hold it. The insurgent coalition "
       "also took Masisi. Wazalendo fighters resisted.",
       {"M23 rebels=M23", "The rebels=M23", "The insurgent coalition=M23", "Wazalendo fighters=WAZALENDO"}},
      // No armed group named: "the rebels" stays unresolved.
      {"The rebels took the town.", {"The rebels=?rebel group"}},
      // The army of the article's main country; "the country's" takes the latest country.
      {"DR Congo and DR Congo again, then Rwanda. The army retreated. The country's armed forces advanced.",
       {"DR Congo=COD", "DR Congo=COD", "Rwanda=RWA", "The army=COD_MIL", "The country's armed forces=RWA_MIL"}},
      // Indefinite mentions are not resolved.
      {"M23 fought. Some rebels fled.", {"M23=M23", "rebels=?rebel group"}},
  });
}

TEST(ActorMatch, SentenceMatchEqualsDocumentMatch) {
  Text t("M23 rebels captured Walikale in Congo. Congolese troops fled to Kinshasa.");
  std::vector<ActorMention> per_sentence;
  for (const Sentence& s : t.doc.sentences) {
    auto ms = Dict().Match(t.doc, s);
    per_sentence.insert(per_sentence.end(), ms.begin(), ms.end());
  }
  auto whole = Dict().MatchDocument(t.doc);
  ASSERT_EQ(per_sentence.size(), whole.size());
  for (size_t i = 0; i < whole.size(); ++i) {
    EXPECT_EQ(per_sentence[i].actor_id, whole[i].actor_id);
    EXPECT_EQ(per_sentence[i].first_token, whole[i].first_token);
  }
}

}  // namespace
}  // namespace sitrep::testing

namespace sitrep::testing {
namespace {

// Ordinary words that look like names must not match.
TEST(ActorMatch, Negatives) {
  Check({
      {"Tell us about it; we will chad the turkey in may.", {}},
      {"Experts say military aggression is rising.", {}},
      {"The rebel advance was slow.", {}},
      {"He is a well-led and well-backed man.", {}},
      {"Nothing here at all.", {}},
  });
}

TEST(ActorMatch, EdgeInputs) {
  Text empty("");
  EXPECT_TRUE(Dict().MatchDocument(empty.doc).empty());
  // A sentence range past the tokens is clamped, not read out of bounds.
  Text t("M23 fought.");
  Sentence s;
  s.first_token = 0;
  s.last_token = 1000;
  auto ms = Dict().Match(t.doc, s);
  ASSERT_EQ(ms.size(), 1u);
  EXPECT_EQ(ms[0].actor_id, "M23");
  Text dashes("-backed Rwanda- -led");
  auto d = Dict().MatchDocument(dashes.doc);
  for (const auto& m : d) EXPECT_NE(m.modifier, MentionModifier::kBackedBy);
  std::vector<ActorMention> none;
  ResolveCoreference(Dict(), &none);
  EXPECT_TRUE(none.empty());
}

// Accents fold on both sides of the comparison (utf8proc: case fold + strip marks): an
// article's "Erdoğan" is the dictionary's "Erdogan" and the other way round, for every
// accent, not only those of a hand-written table ("ğ", "ş" were missing).
TEST(ActorMatch, AccentsFoldOnBothSides) {
  std::unique_ptr<ActorDictionary> d;
  Status s = ActorDictionary::LoadFromStrings(
      {{"t.actors.txt",
        "actor ERDOGAN\n  name: Recep Tayyip Erdogan\n  type: militia\n  alias: Erdogan\n"
        "actor AGAOGLU\n  name: Şahin Ağaoğlu\n  type: militia\n"}},
      &d);
  ASSERT_TRUE(s.ok()) << s.ToString();
  const std::pair<const char*, const char*> rows[] = {
      {"Erdoğan spoke.", "Erdoğan=ERDOGAN"},
      {"President Recep Tayyip Erdoğan spoke.", "Recep Tayyip Erdoğan=ERDOGAN"},
      {"Erdogan spoke.", "Erdogan=ERDOGAN"},
      {"Sahin Agaoglu spoke.", "Sahin Agaoglu=AGAOGLU"},
      {"Şahin Ağaoğlu spoke.", "Şahin Ağaoğlu=AGAOGLU"},
  };
  for (const auto& [text, want] : rows) {
    Text t(text);
    std::vector<std::string> got;
    for (const auto& m : d->MatchDocument(t.doc)) got.push_back(t.Words(m) + "=" + m.actor_id);
    EXPECT_THAT(got, ElementsAreArray({std::string(want)})) << text;
  }
  EXPECT_EQ(d->Normalize("Erdoğan"), "ERDOGAN");
  EXPECT_EQ(d->Normalize("Sahin Agaoglu"), "AGAOGLU");
}

}  // namespace
}  // namespace sitrep::testing
