// Pass 2 of PlaceFinder::Find: the countries and provinces the article is about (place_passes.h).
#include <algorithm>

#include "place_passes.h"

namespace sitrep {
namespace {

using Vote = ArticleContext::Vote;

double& WeightOf(std::vector<Vote>& votes, std::string_view cc, std::string_view a1) {
  for (Vote& v : votes)
    if (v.cc == cc && v.a1 == a1) return v.w;
  votes.push_back(Vote{cc, a1, 0.0});
  return votes.back().w;
}

const Vote* FindVote(const std::vector<Vote>& votes, std::string_view cc, std::string_view a1) {
  for (const Vote& v : votes)
    if (v.cc == cc && v.a1 == a1) return &v;
  return nullptr;
}

// What a candidate's entries have in common.
struct EntriesSummary {
  std::string_view cc;  // the country of the first entry
  bool one_country = true, all_countries = true, demonym = false, all_admin1 = true;
  std::string_view a1;  // the province of the first entry
  bool one_a1 = true;
  int64_t max_population = 0;
};

EntriesSummary Summarize(const Gazetteer& gaz, const Candidate& c) {
  EntriesSummary e;
  for (size_t k = 0; k < c.n; ++k) {
    PlaceMatch m = Gazetteer::DecodePosting(c.postings[k]);
    Place p = gaz.place(m.place);
    if (e.cc.empty()) e.cc = p.country_code;
    else if (e.cc != p.country_code) e.one_country = false;
    if (p.kind != PlaceKind::kCountry) e.all_countries = false;
    if (m.name_kind == NameKind::kDemonym) e.demonym = true;
    if (p.kind != PlaceKind::kAdmin1) e.all_admin1 = false;
    if (e.a1.empty()) e.a1 = p.admin1_code;
    else if (e.a1 != p.admin1_code) e.one_a1 = false;
    e.max_population = std::max(e.max_population, p.population);
  }
  return e;
}

// A demonym that is also the name of hamlets elsewhere ("Malian": Mali, and a village of China of no
// counted people) is the demonym: the summary of its country alone. `e` unchanged otherwise (a
// demonym that is also a province's name, "Somali", stays ambiguous).
EntriesSummary DemonymOverHamlets(const Gazetteer& gaz, const Candidate& c, const EntriesSummary& e) {
  constexpr int64_t kHamlet = 1000;
  std::string_view demonym_cc;
  for (size_t k = 0; k < c.n; ++k) {
    const PlaceMatch m = Gazetteer::DecodePosting(c.postings[k]);
    const Place p = gaz.place(m.place);
    if (m.name_kind == NameKind::kDemonym) demonym_cc = p.country_code;
    else if (p.kind != PlaceKind::kPlace || p.population >= kHamlet) return e;
  }
  if (demonym_cc.empty()) return e;
  EntriesSummary d;
  d.cc = demonym_cc;
  d.demonym = true;
  d.all_admin1 = false;
  return d;
}

// The weight of a candidate's vote for its one country, 0 for none: a country name 2, a
// province 1.5, a place with some support 1, a demonym 0.5. A date ("March 3"), a name of
// several countries' places, or an unsupported lone name ("Police") does not vote.
double VoteWeight(const Candidate& c, const EntriesSummary& e) {
  if (c.date || !e.one_country || e.cc.empty()) return 0;
  // Part of a longer name ("Human" of "Human Health Services"), or an acronym that is no country's:
  // no evidence of where the article is.
  if (c.in_longer_name || (c.acronym && !e.all_countries)) return 0;
  // A country people came from ("IDPs expelled from Angola") says who they are, not where the article is.
  if (e.all_countries && c.origin) return 0;
  if (e.all_countries) return e.demonym ? 0.5 : 2.0;
  if (e.all_admin1) return 1.5;
  if (c.locative || c.type != kNoType || e.max_population >= 100000) return 1.0;
  return 0;
}

// A name of an admin hint ("Nord-Kivu" in "X (Beni, Nord-Kivu)") votes for the entry the hint
// chose, as much as a country name: the report says where it is.
void VoteForHintEntry(const Gazetteer& gaz, Candidate* c, ArticleContext* ctx) {
  const Place p = gaz.place(Gazetteer::DecodePosting(c->postings[c->forced]).place);
  if (p.country_code.empty()) return;
  constexpr double kHintVote = 2.0;
  WeightOf(ctx->countries, p.country_code, {}) += kHintVote;
  ctx->country_total += kHintVote;
  c->own_vote = kHintVote;
  if (p.kind != PlaceKind::kCountry && !p.admin1_code.empty()) {
    WeightOf(ctx->admin1s, p.country_code, p.admin1_code) += kHintVote;
    ctx->admin1_total += kHintVote;
  }
}

}  // namespace

double ArticleContext::CountryWeight(std::string_view cc) const {
  const Vote* v = FindVote(countries, cc, {});
  return v ? v->w : 0.0;
}

double ArticleContext::GroundedElsewhere(std::string_view cc) const {
  const Vote* named_here = FindVote(named_countries, cc, {});
  const double grounded_total = country_total - named_total;
  const double grounded_here = CountryWeight(cc) - (named_here ? named_here->w : 0.0);
  return grounded_total - grounded_here;
}

std::string_view ArticleContext::TopCountry(double min_share) const {
  for (const Vote& v : countries)
    if (country_total > 0 && v.w >= min_share * country_total) return v.cc;
  return {};
}

void ArticleContext::AddVote(std::string_view cc, double w) {
  WeightOf(countries, cc, {}) += w;
  country_total += w;
}

double ArticleContext::CountryShare(std::string_view cc) const {
  if (country_total <= 0) return 0.0;
  const Vote* v = FindVote(countries, cc, {});
  return v ? v->w / country_total : 0.0;
}

double ArticleContext::Admin1Share(std::string_view cc, std::string_view a1) const {
  if (admin1_total <= 0 || a1.empty()) return 0.0;
  const Vote* v = FindVote(admin1s, cc, a1);
  return v ? v->w / admin1_total : 0.0;
}

ArticleContext VoteArticleContext(const Gazetteer& gaz, std::vector<Candidate>* candidates,
                                  const std::vector<std::string_view>& country_words) {
  ArticleContext ctx;
  // A country word ("FARDC") counts as a demonym, once per country: it tips a balance, no more.
  constexpr double kCountryWordVote = 0.5;
  for (size_t k = 0; k < country_words.size(); ++k) {
    if (std::find(country_words.begin(), country_words.begin() + k, country_words[k]) != country_words.begin() + k)
      continue;
    WeightOf(ctx.countries, country_words[k], {}) += kCountryWordVote;
    ctx.country_total += kCountryWordVote;
  }
  for (Candidate& c : *candidates) {
    if (c.date) continue;  // its entries need not even be read
    if (c.forced >= 0) {
      VoteForHintEntry(gaz, &c, &ctx);
      continue;
    }
    EntriesSummary e = Summarize(gaz, c);
    if (!e.one_country) e = DemonymOverHamlets(gaz, c, e);
    const double w = VoteWeight(c, e);
    if (w == 0) continue;
    WeightOf(ctx.countries, e.cc, {}) += w;
    ctx.country_total += w;
    c.own_vote = w;
    if (e.all_countries) {
      WeightOf(ctx.named_countries, e.cc, {}) += w;
      ctx.named_total += w;
    }
    if (e.one_a1 && !e.a1.empty() && !e.all_countries) {
      WeightOf(ctx.admin1s, e.cc, e.a1) += w;
      ctx.admin1_total += w;
    }
  }
  return ctx;
}

}  // namespace sitrep
