// PlaceFinder: toponym recognition (n-gram lookup) and resolution in the article's context.
//
// Find runs three passes over the document (place_passes.h; each in its own file):
//  1. candidates (candidates.cc): at each capitalised word, the longest token n-gram whose name
//     key is in the index (hash of the tokens' `lower`, no allocation), with the cues around it
//     ("the town of", "territory", "near", a date number...; words from data/places/cues.txt),
//     and the country words ("FARDC");
//  1b. admin hints (admin_hints.cc): "X (Beni, Nord-Kivu)", "in X, Rutshuru,": the area they name
//     forces their names' entries and confines X to it;
//  2. context (article_context.cc): the countries and provinces the article is about, voted by
//     the candidates that are unambiguous (country names count most, demonyms least);
//  3. resolution (resolution.cc): each candidate's entries scored by feature type, population,
//     the context, the cues and (second round) the distance to the other places resolved; a
//     candidate with no support in the text or the context resolves to nothing.
#include <algorithm>
#include <map>
#include <set>
#include <string>

#include "place_passes.h"
#include "sitrep/paths.h"
#include "sitrep/places.h"

namespace sitrep {
namespace {

int Precision(const Place& p, bool near) {
  switch (p.kind) {
    case PlaceKind::kCountry:
    case PlaceKind::kAdmin1:
    case PlaceKind::kRegion: return 3;
    case PlaceKind::kAdmin2: return 2;
    case PlaceKind::kPlace: break;
  }
  if (p.feature_class == 'P' || p.feature_class == 'S') return near ? 2 : 1;
  return 2;
}

PlaceMention::Kind MentionKind(const Place& p, NameKind nk, bool direction) {
  if (direction) return PlaceMention::kRegion;
  if (nk == NameKind::kDemonym) return PlaceMention::kDemonym;
  switch (p.kind) {
    case PlaceKind::kCountry: return PlaceMention::kCountry;
    case PlaceKind::kAdmin1:
    case PlaceKind::kAdmin2: return PlaceMention::kAdminArea;
    case PlaceKind::kRegion: return PlaceMention::kRegion;
    case PlaceKind::kPlace: break;
  }
  return PlaceMention::kPlace;
}

// The postings and place records live in the large mapped index and are read by the next
// passes: start loading them all, postings first, so that their cache misses overlap.
void PrefetchEntries(const Gazetteer& gaz, const std::vector<Candidate>& cands) {
  for (const Candidate& c : cands)
    for (size_t k = 0; k < c.n; k += 16) __builtin_prefetch(c.postings + k);
  for (const Candidate& c : cands)
    for (size_t k = 0; k < c.n; ++k) gaz.PrefetchPlace(Gazetteer::DecodePosting(c.postings[k]).place);
}

// A resolved candidate as the mention Find returns, with how sure it is (the margin over the
// runner-up and the country's share of the article).
PlaceMention ToMention(const Document& doc, const Gazetteer& gaz, const ArticleContext& ctx, const Candidate& c) {
  const PlaceMatch m = Gazetteer::DecodePosting(c.postings[c.chosen]);
  const Place p = gaz.place(m.place);
  PlaceMention pm;
  pm.first_token = c.span_first;
  pm.last_token = c.span_last;
  pm.place = m.place;
  pm.kind = MentionKind(p, m.name_kind, c.direction && p.kind == PlaceKind::kCountry);
  pm.learned = c.learned;
  pm.loc = gaz.ToLocation(m.place, Precision(p, c.near || c.hint_area));
  pm.loc.text = std::string(Surface(doc, c.span_first, c.span_last));
  // The inner name of a hint is the district ("Awdheegle (Afgooye, Lower Shabelle)"): when its entry is
  // a town, the district is the one the report names, whether the town has no district code of its own
  // (Afgooye) or GeoNames files it under another ("Kukawa LGA": the town of Kukawa, in Guzamala).
  if (c.hint_area && p.kind == PlaceKind::kPlace) pm.loc.admin2 = std::string(Surface(doc, c.first, c.last));
  double margin = c.second < -1e8 ? 3.0 : c.best - c.second;
  pm.score = static_cast<float>(std::clamp(0.4 + 0.1 * margin + 0.3 * ctx.CountryShare(p.country_code), 0.0, 1.0));
  return pm;
}

// Whether what the report itself says of where it is contradicts a learned name's area: another
// place it names lies in another province or country, or the groups it names act in other
// provinces only ("NDC-R": North Kivu). Many villages share a name (Kalonge, Binza, Katenga...),
// and the lesson comes from another report.
bool LessonContradicted(const Gazetteer& gaz, const Candidate& learned, const std::vector<Candidate>& cands,
                        const std::vector<std::pair<std::string_view, std::string_view>>& group_provinces) {
  const Place area = gaz.place(Gazetteer::DecodePosting(learned.postings[0]).place);
  for (const Candidate& c : cands) {
    if (!c.resolved || c.learned) continue;
    const Place p = gaz.place(Gazetteer::DecodePosting(c.postings[c.chosen]).place);
    if (p.kind == PlaceKind::kCountry || p.admin1_code.empty()) continue;
    if (p.country_code != area.country_code || p.admin1_code != area.admin1_code) return true;
  }
  if (group_provinces.empty()) return false;
  for (const auto& [cc, a1] : group_provinces)
    if (cc == area.country_code && a1 == area.admin1_code) return false;
  return true;
}

// A country of at least this share of a batch's reports is a report's country when nothing in
// the report points to one.
constexpr double kBatchCountryShare = 0.1;

// The countries in which the mentions name a place, an admin area or a region (not only the
// country itself or its demonym).
std::set<std::string> CountriesWithPlaces(const std::vector<PlaceMention>& mentions) {
  std::set<std::string> out;
  for (const PlaceMention& m : mentions)
    if (m.kind != PlaceMention::kDemonym && m.kind != PlaceMention::kCountry && !m.loc.country_code.empty())
      out.insert(m.loc.country_code);
  return out;
}

}  // namespace

Status PlaceFinder::Load(const Gazetteer* gazetteer, const std::string& cues_path, std::unique_ptr<PlaceFinder>* out) {
  std::unique_ptr<PlaceCues> cues;
  if (Status s = PlaceCues::Load(cues_path, &cues); !s.ok()) return s;
  out->reset(new PlaceFinder(gazetteer, std::move(cues)));
  return Status::OK();
}

std::string PlaceFinder::DefaultCuesPath() { return DataDir() + "/places/cues.txt"; }

PlaceFinder::PlaceFinder(const Gazetteer* gazetteer, std::unique_ptr<PlaceCues> cues)
    : gaz_(gazetteer), cues_(std::move(cues)) {}
PlaceFinder::~PlaceFinder() = default;

std::vector<PlaceMention> PlaceFinder::Find(const Document& doc, const PlaceLessons* lessons) const {
  std::vector<PlaceMention> out;
  if (!gaz_ || doc.tokens.empty()) return out;
  std::vector<std::string_view> country_words;
  std::vector<Candidate> candidates = FindCandidates(doc, *gaz_, *cues_, lessons, &country_words);
  if (candidates.empty()) {
    AddProvinceOfGroups(doc, &out);
    return out;
  }
  PrefetchEntries(*gaz_, candidates);
  ReadAdminHints(doc, *gaz_, *cues_, country_words, &candidates);
  // A learned name that this report places with a hint of its own: the hint says more.
  std::erase_if(candidates, [](const Candidate& c) { return c.learned && c.has_area; });
  ArticleContext context = VoteArticleContext(*gaz_, &candidates, country_words);
  if (lessons && context.country_total <= 0) {
    // Nothing in the report points to a country: it is about the batch's (PlaceLessons).
    for (const auto& [cc, share] : lessons->BatchCountries(kBatchCountryShare)) context.AddVote(cc, share);
  }
  ResolveCandidates(*gaz_, context, &candidates);
  if (lessons && !lessons->empty()) {
    UseLessonsForNamesakes(doc, *lessons, &candidates);
    DropContradictedLessons(doc, &candidates);
  }
  for (const Candidate& c : candidates)
    if (c.resolved) out.push_back(ToMention(doc, *gaz_, context, c));
  AddProvinceOfGroups(doc, &out);
  return out;
}

void PlaceFinder::DropContradictedLessons(const Document& doc, std::vector<Candidate>* candidates) const {
  std::vector<std::pair<std::string_view, std::string_view>> group_provinces;
  bool read_groups = false;
  for (Candidate& c : *candidates) {
    if (!c.learned || !c.resolved) continue;
    if (!read_groups) cues_->ProvinceWordsIn(doc.tokens, &group_provinces), read_groups = true;
    if (LessonContradicted(*gaz_, c, *candidates, group_provinces)) c.resolved = false;
  }
}

void PlaceFinder::UseLessonsForNamesakes(const Document& doc, const PlaceLessons& lessons,
                                          std::vector<Candidate>* candidates) const {
  for (Candidate& c : *candidates) {
    if (c.resolved || c.learned || c.has_area || c.date || c.acronym || c.in_longer_name) continue;
    // A name said to be a place here ("in Kayna", "the town of Kayna"), not any word the index holds.
    if (!c.locative && c.type == kNoType) continue;
    const PlaceLessons::Lesson* lesson = lessons.Agreed(TokensKey(doc, c.first, c.last));
    if (!lesson) continue;
    c.postings = &lesson->province;
    c.n = 1;
    c.chosen = 0;
    c.learned = c.resolved = true;
  }
}

void PlaceFinder::Learn(const Document& doc, PlaceLessons* lessons) const {
  lessons->AddReport();
  if (!gaz_ || doc.tokens.empty()) return;
  std::vector<std::string_view> country_words;
  std::vector<Candidate> candidates = FindCandidates(doc, *gaz_, *cues_, nullptr, &country_words);
  if (candidates.empty()) return;
  std::vector<HintLesson> taught;
  ReadAdminHints(doc, *gaz_, *cues_, country_words, &candidates, &taught);
  const ArticleContext context = VoteArticleContext(*gaz_, &candidates, country_words);
  if (const std::string_view cc = context.TopCountry(2.0 / 3.0); !cc.empty()) lessons->AddReportCountry(cc);
  // A report teaches each name and province once, however often it repeats its hint.
  std::vector<std::pair<uint64_t, uint32_t>> said;
  for (const HintLesson& t : taught) {
    const std::pair<uint64_t, uint32_t> lesson{TokensKey(doc, t.first, t.last), t.province};
    if (std::find(said.begin(), said.end(), lesson) != said.end()) continue;
    said.push_back(lesson);
    lessons->Add(lesson.first, Surface(doc, t.first, t.last), t.province);
  }
}

// A note that names no place below its country but groups that act in one province ("ADF", "Raia
// Mutomboki": cues.txt "province XX.A1"), all of the same province, is about that province: it is
// the note's place at precision 3 (its seat), as a note naming the province would be.
void PlaceFinder::AddProvinceOfGroups(const Document& doc, std::vector<PlaceMention>* out) const {
  for (const PlaceMention& m : *out)
    if (m.kind == PlaceMention::kPlace || m.kind == PlaceMention::kAdminArea || m.kind == PlaceMention::kRegion) return;
  std::vector<std::pair<std::string_view, std::string_view>> provinces;
  cues_->ProvinceWordsIn(doc.tokens, &provinces);
  if (provinces.empty()) return;
  for (const auto& p : provinces)
    if (p != provinces[0]) return;
  for (const PlaceMention& m : *out)
    if (!m.loc.country_code.empty() && m.loc.country_code != provinces[0].first) return;
  const std::optional<uint32_t> idx = gaz_->Admin1Place(provinces[0].first, provinces[0].second);
  if (!idx) return;
  PlaceMention pm;
  pm.first_token = pm.last_token = 0;
  pm.place = *idx;
  pm.kind = PlaceMention::kAdminArea;
  pm.loc = gaz_->ToLocation(*idx, 3);
  pm.score = 0.4f;
  out->push_back(pm);
}

std::string PlaceFinder::CountryOfGroups(const Document& doc) const {
  std::vector<std::string_view> common, named;
  bool first = true;
  for (uint32_t i = 0; i < doc.tokens.size();) {
    named.clear();
    const uint32_t len = cues_->CountryWordAt(doc.tokens, i, &named);
    if (len == 0) {
      ++i;
      continue;
    }
    if (first) {
      common = named;
      first = false;
    } else {
      std::erase_if(common, [&](std::string_view cc) { return std::find(named.begin(), named.end(), cc) == named.end(); });
    }
    i += len;
  }
  return common.size() == 1 ? std::string(common[0]) : std::string();
}

std::optional<Location> PlaceFinder::OneTown(const std::vector<PlaceMention>& mentions, std::string_view cc) const {
  const PlaceMention* town = nullptr;
  for (const PlaceMention& m : mentions) {
    // An article that names its country or a region of it ("eastern DR Congo") is about more than
    // one village: its main place stays the province.
    if (m.kind == PlaceMention::kCountry || m.kind == PlaceMention::kRegion) return std::nullopt;
    if (m.loc.country_code != cc || m.kind != PlaceMention::kPlace) continue;
    if (town && gaz_->place(town->place).index != gaz_->place(m.place).index) {
      // Another town, unless one of the two is a hint's district named like its seat ("Afgooye
      // town (Afgooye, Lower Shabelle)"): keep the more precise.
      if (town->loc.name != m.loc.name) return std::nullopt;
      if (m.loc.precision < town->loc.precision) town = &m;
      continue;
    }
    if (!town || m.loc.precision < town->loc.precision) town = &m;
  }
  if (!town) return std::nullopt;
  // Every district named is the town's.
  const std::string_view a2 = gaz_->place(town->place).admin2_code;
  for (const PlaceMention& m : mentions) {
    if (m.loc.country_code != cc || m.kind != PlaceMention::kAdminArea) continue;
    const Place area = gaz_->place(m.place);
    if (area.kind == PlaceKind::kAdmin2 && area.admin2_code != a2) return std::nullopt;
  }
  return town->loc;
}

std::optional<Location> PlaceFinder::MainPlace(const std::vector<PlaceMention>& mentions, bool country_point) const {
  if (!gaz_ || mentions.empty()) return std::nullopt;
  std::map<std::string, double> weight;
  double total = 0;
  const std::set<std::string> grounded = CountriesWithPlaces(mentions);
  for (const PlaceMention& m : mentions) {
    if (m.loc.country_code.empty()) continue;
    // "peacekeepers from Tanzania" in a report on North Kivu: a country named only by its name
    // or demonym says who is involved; a country with places named in it says where.
    if (!grounded.empty() && !grounded.contains(m.loc.country_code)) continue;
    double w = m.kind == PlaceMention::kDemonym ? 0.5
               : (m.kind == PlaceMention::kCountry || m.kind == PlaceMention::kRegion) ? 2.0 : 1.0;
    weight[m.loc.country_code] += w;
    total += w;
  }
  if (total <= 0) return std::nullopt;
  auto top = std::max_element(weight.begin(), weight.end(), [](auto& a, auto& b) { return a.second < b.second; });
  if (top->second < total * 2.0 / 3.0) return std::nullopt;  // contested between countries
  const std::string cc = top->first;
  // One province named (directly or through its places) and no other: the one town, else the province.
  // Named by two thirds of the mentions ("on the road from Baidoa to Afgooye, near a village of the
  // district (Afgooye, Lower Shabelle)"): still the province, but no town.
  std::map<std::string, int> province_votes;
  int province_total = 0;
  for (const PlaceMention& m : mentions) {
    if (m.loc.country_code != cc || m.kind == PlaceMention::kCountry || m.kind == PlaceMention::kDemonym) continue;
    std::string code(gaz_->place(m.place).admin1_code);
    if (code.empty()) continue;
    ++province_votes[code];
    ++province_total;
  }
  if (province_total > 0) {
    auto a1 = std::max_element(province_votes.begin(), province_votes.end(),
                               [](auto& a, auto& b) { return a.second < b.second; });
    if (a1->second == province_total)
      if (std::optional<Location> town = OneTown(mentions, cc)) return town;
    if (a1->second * 3 >= province_total * 2)
      if (auto idx = gaz_->Admin1Place(cc, a1->first)) return gaz_->ToLocation(*idx, 3);
  }
  if (auto idx = gaz_->CountryPlace(cc)) {
    Location loc = gaz_->ToLocation(*idx, 3);
    // Without `country_point`, the country but not its centroid, which is no place of any event
    // ("Russian forces patrolled in Quamishli", "FARDC soldiers deployed in Butale": villages the
    // index lacks): precision 0, no coordinates.
    if (!country_point) KeepCountryOnly(&loc);
    return loc;
  }
  return std::nullopt;
}

}  // namespace sitrep
