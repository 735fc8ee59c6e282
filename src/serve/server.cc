// ApiServer: the JSON API of docs/api.md on cpp-httplib (include/sitrep/serve.h).
#include <httplib.h>

#include <charconv>
#include <cstdlib>
#include <set>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "sitrep/output.h"
#include "sitrep/serve.h"

namespace sitrep {

using nlohmann::json;

namespace {

constexpr size_t kMaxParamBytes = 512;
constexpr int64_t kMaxLookupLimit = 1000;
constexpr int64_t kMaxPlaces = 10000;

// An answer that is not 200: its HTTP status and the message of the JSON error body.
struct HttpError {
  int status;
  std::string message;
};

void SendJson(httplib::Response& res, int status, const std::string& body) {
  res.status = status;
  res.set_content(body, "application/json");
}

void SendError(httplib::Response& res, const HttpError& e) {
  SendJson(res, e.status, json{{"error", {{"status", e.status}, {"message", e.message}}}}.dump());
}

int HttpStatusOf(const Status& s) {
  switch (s.code()) {
    case Status::Code::kNotFound: return 404;
    case Status::Code::kInvalidArgument: return 400;
    case Status::Code::kUnsupported: return 501;
    default: return 500;
  }
}

// Reads the query parameters of one endpoint: each may appear once, none unknown, none oversize.
class Params {
 public:
  Params(const httplib::Request& req, std::set<std::string> allowed) : req_(req) {
    for (const auto& [key, value] : req.params) {
      if (!allowed.count(key)) Fail(fmt::format("unknown parameter '{}' (allowed: {})", key, Join(allowed)));
      if (req.get_param_value_count(key) > 1) Fail(fmt::format("parameter '{}' is given more than once", key));
      if (value.size() > kMaxParamBytes) Fail(fmt::format("parameter '{}' is longer than {} bytes", key, kMaxParamBytes));
    }
  }
  const std::optional<HttpError>& error() const { return error_; }

  std::string Text(const std::string& key) const { return req_.get_param_value(key); }

  std::string Date(const std::string& key) {
    std::string v = Text(key);
    if (!v.empty() && !IsIsoDate(v)) Fail(fmt::format("{} '{}' is not a YYYY-MM-DD date", key, v));
    return v;
  }

  int64_t Integer(const std::string& key, int64_t fallback, int64_t min, int64_t max) {
    if (!req_.has_param(key)) return fallback;
    std::string v = Text(key);
    int64_t n = 0;
    auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
    if (ec != std::errc() || end != v.data() + v.size() || n < min || n > max)
      Fail(fmt::format("{} '{}' must be a whole number from {} to {}", key, v, min, max));
    return n;
  }

  std::optional<std::array<double, 4>> Bbox(const std::string& key) {
    if (!req_.has_param(key)) return std::nullopt;
    std::string v = Text(key);
    std::array<double, 4> box{};
    const char* p = v.data();
    const char* end = v.data() + v.size();
    for (size_t i = 0; i < 4; ++i) {
      auto [next, ec] = std::from_chars(p, end, box[i]);
      bool separator_ok = i < 3 ? next < end && *next == ',' : next == end;
      if (ec != std::errc() || !separator_ok) return Fail(BboxMessage(v)), std::nullopt;
      p = next + 1;
    }
    auto [min_lon, min_lat, max_lon, max_lat] = box;
    auto lon_ok = [](double x) { return x >= -180 && x <= 180; };
    if (!(lon_ok(min_lon) && lon_ok(max_lon) && min_lat >= -90 && max_lat <= 90 && min_lat <= max_lat))
      return Fail(BboxMessage(v)), std::nullopt;
    return box;
  }

 private:
  static std::string BboxMessage(const std::string& v) {
    return "bbox '" + v + "' must be minlon,minlat,maxlon,maxlat in degrees (lon -180..180, lat -90..90)";
  }
  static std::string Join(const std::set<std::string>& names) {
    std::string s;
    for (const std::string& n : names) s += (s.empty() ? "" : ", ") + n;
    return s;
  }
  void Fail(std::string message) {
    if (!error_) error_ = HttpError{400, std::move(message)};
  }

  const httplib::Request& req_;
  std::optional<HttpError> error_;
};

const std::set<std::string> kFilterParams = {"since", "until", "actor", "type", "country", "bbox", "q"};

std::set<std::string> With(std::set<std::string> base, std::initializer_list<std::string> more) {
  base.insert(more);
  return base;
}

EventPageQuery ReadFilters(Params& p) {
  EventPageQuery q;
  q.filter.since = p.Date("since");
  q.filter.until = p.Date("until");
  q.filter.actor = p.Text("actor");
  q.filter.type = p.Text("type");
  q.filter.country = p.Text("country");
  q.filter.bbox = p.Bbox("bbox");
  q.text = p.Text("q");
  return q;
}

// The representation asked for by format= or, without it, by the Accept header.
std::optional<std::string> EventFormat(const httplib::Request& req, std::string* error) {
  std::string f = req.get_param_value("format");
  if (f.empty()) {
    std::string accept = req.get_header_value("Accept");
    if (accept.find("application/geo+json") != std::string::npos) return "geojson";
    if (accept.find("text/csv") != std::string::npos) return "csv";
    return "json";
  }
  if (f == "json" || f == "geojson" || f == "csv" || f == "acled-csv") return f;
  *error = "format '" + f + "' must be json, geojson, csv or acled-csv";
  return std::nullopt;
}

std::string EventsAsJson(const EventPage& page) {
  std::string body = "{\"events\":[";
  for (size_t i = 0; i < page.json.size(); ++i) (body += (i ? "," : "")) += page.json[i];
  body += fmt::format("],\"count\":{},\"next_cursor\":{}}}", page.json.size(),
                      page.next_cursor.empty() ? "null" : json(page.next_cursor).dump());
  return body;
}

std::string EventsAsGeoJson(const EventPage& page) {
  std::string body = "{\"type\":\"FeatureCollection\",\"features\":[";
  bool first = true;
  for (const Event& e : page.events) {
    if (!HasCoordinates(e)) continue;
    if (!first) body += ',';  // (two appends: GCC 12 at -O3 warns falsely, -Wrestrict, on "," + std::string)
    body += EventToGeoJsonFeature(e);
    first = false;
  }
  return body + fmt::format("],\"next_cursor\":{}}}", page.next_cursor.empty() ? "null" : json(page.next_cursor).dump());
}

// The page as CSV (the flat columns, or ACLED's in ACLED's order), through the writers `sitrep events
// --format csv|acled-csv` uses.
Status EventsAsCsv(const EventPage& page, OutputFormat format, std::string* body) {
  std::ostringstream out;
  OutputOptions options;
  options.format = format;
  std::unique_ptr<EventWriter> writer;
  Status s = EventWriter::Open(options, &out, &writer);
  for (size_t i = 0; s.ok() && i < page.events.size(); ++i) s = writer->Write(page.events[i]);
  if (s.ok()) s = writer->Finish();
  if (s.ok()) *body = out.str();
  return s;
}

json CountsJson(const std::vector<KeyCount>& counts) {
  json a = json::array();
  for (const KeyCount& c : counts) a.push_back({{"key", c.key}, {"count", c.count}});
  return a;
}

json LookupJson(const KeyCount& actor) { return {{"name", actor.key}, {"events", actor.count}}; }

json LookupJson(const PlaceInfo& x) {
  return {{"name", x.name}, {"admin1", x.admin1}, {"country_code", x.country_code}, {"lat", x.lat}, {"lon", x.lon},
          {"events", x.events}, {"top_type", x.top_type}};
}

json EvidenceJson(const Evidence& e) {
  return {{"sentence", e.sentence}, {"start", e.start}, {"end", e.end}, {"trigger_start", e.trigger_start},
          {"trigger_end", e.trigger_end}};
}

// The articles that report an event, with the evidence each gives.
json MentionsJson(const std::vector<EventMention>& mentions) {
  json list = json::array();
  for (const EventMention& x : mentions) {
    list.push_back({{"article_id", x.article_id}, {"article_title", x.article_title},
                    {"article_date", x.article_date ? json(*x.article_date) : json(nullptr)},
                    {"evidence", EvidenceJson(x.evidence)}});
  }
  return list;
}

// Where an article's events are in its text: offsets without the sentence (the text is beside them).
json EvidenceSpansJson(const std::vector<Event>& events) {
  json spans = json::array();
  for (const Event& e : events) {
    json span = EvidenceJson(e.evidence);
    span.erase("sentence");
    span["event_id"] = e.event_id;
    span["plover_type"] = e.plover_type;
    spans.push_back(span);
  }
  return spans;
}

}  // namespace

std::string DefaultWebRoot() {
  const char* env = std::getenv("SITREP_WEB_ROOT");
  return env && *env ? env : SITREP_BUILD_WEB_DIR;
}

namespace {
// Compares a secret in time that does not depend on where the strings differ.
bool SameSecret(const std::string& given, const std::string& expected) {
  unsigned char diff = given.size() == expected.size() ? 0 : 1;
  for (size_t i = 0; i < expected.size(); ++i) diff |= static_cast<unsigned char>(expected[i] ^ (i < given.size() ? given[i] : 0));
  return diff == 0;
}
}  // namespace

struct ApiServer::Impl {
  EventSource* source;
  ArticleIngester* ingester = nullptr;
  ServeOptions options;
  httplib::Server http;
  int port = 0;
  bool web_root_ok = true;

  void ListEvents(const httplib::Request& req, httplib::Response& res) {
    Params p(req, With(kFilterParams, {"limit", "cursor", "format"}));
    EventPageQuery q = ReadFilters(p);
    q.limit = p.Integer("limit", 100, 1, kMaxPageSize);
    q.cursor = p.Text("cursor");
    std::string format_error;
    std::optional<std::string> format = EventFormat(req, &format_error);
    if (p.error()) return SendError(res, *p.error());
    if (!format) return SendError(res, {406, format_error});
    q.json_only = *format == "json";
    EventPage page;
    Status s = source->ListEvents(q, &page);
    if (!s.ok()) return SendError(res, {HttpStatusOf(s), s.message()});
    if (!page.next_cursor.empty()) res.set_header("X-Next-Cursor", page.next_cursor);
    if (*format == "geojson") res.set_content(EventsAsGeoJson(page), "application/geo+json");
    else if (*format == "csv" || *format == "acled-csv") {
      std::string body;
      Status w = EventsAsCsv(page, *format == "csv" ? OutputFormat::kCsv : OutputFormat::kAcledCsv, &body);
      if (!w.ok()) return SendError(res, {HttpStatusOf(w), w.message()});
      res.set_content(body, "text/csv; charset=utf-8");
    } else {
      res.set_content(EventsAsJson(page), "application/json");
    }
  }

  // The JSON answers of GetEvent .. Places: each fills `body` or returns why it could not.
  using JsonHandler = Status (Impl::*)(const httplib::Request& req, Params& p, json* body);

  // Checks the query parameters against `allowed`, runs `handler` and sends its answer or error.
  void AnswerJson(const httplib::Request& req, httplib::Response& res, std::set<std::string> allowed,
                  JsonHandler handler) {
    Params p(req, std::move(allowed));
    json body;
    Status s = p.error() ? Status::OK() : (this->*handler)(req, p, &body);
    if (p.error()) return SendError(res, *p.error());  // also those found while the handler read them
    if (!s.ok()) return SendError(res, {HttpStatusOf(s), s.message()});
    SendJson(res, 200, body.dump(-1, ' ', false, json::error_handler_t::replace));
  }

  Status GetEvent(const httplib::Request& req, Params&, json* body) {
    Event e;
    std::vector<EventMention> mentions;
    Status s = source->GetEvent(req.matches[1], &e, &mentions);
    if (s.ok()) *body = {{"event", json::parse(EventToJson(e))}, {"mentions", MentionsJson(mentions)}};
    return s;
  }

  Status GetArticle(const httplib::Request& req, Params&, json* body) {
    Article a;
    std::vector<Event> events;
    Status s = source->GetArticle(req.matches[1], &a, &events);
    if (!s.ok()) return s;
    *body = {{"id", a.id}, {"title", a.title}, {"date", a.date ? json(*a.date) : json(nullptr)},
             {"source", a.source}, {"url", a.url}, {"text", a.text}, {"evidence", EvidenceSpansJson(events)}};
    return Status::OK();
  }

  Status Stats(const httplib::Request& req, Params& p, json* body) {
    EventPageQuery q = ReadFilters(p);
    std::string interval = req.has_param("interval") ? p.Text("interval") : "day";
    if (p.error()) return Status::OK();
    if (interval != "day" && interval != "week")
      return Status::InvalidArgument("interval '" + interval + "' must be day or week");
    EventStats st;
    Status s = source->Stats(q, interval == "week", &st);
    if (!s.ok()) return s;
    *body = {{"total", st.total}, {"undated", st.undated}, {"interval", interval},
             {"by_time", CountsJson(st.by_time)}, {"by_type", CountsJson(st.by_type)},
             {"by_acled_type", CountsJson(st.by_acled_type)}, {"by_actor", CountsJson(st.by_actor)},
             {"by_admin1", CountsJson(st.by_admin1)}};
    return Status::OK();
  }

  // The list `found` under `name` (the answers of /api/actors and /api/places).
  template <typename T>
  static void ListJson(const char* name, const std::vector<T>& found, json* body) {
    json list = json::array();
    for (const T& x : found) list.push_back(LookupJson(x));
    *body = {{name, list}};
  }

  Status Actors(const httplib::Request&, Params& p, json* body) {
    int64_t limit = p.Integer("limit", 20, 1, kMaxLookupLimit);
    if (p.error()) return Status::OK();
    std::vector<KeyCount> actors;
    Status s = source->Actors(p.Text("q"), limit, &actors);
    if (s.ok()) ListJson("actors", actors, body);
    return s;
  }

  // /api/places: q is the place name; the other filters are those of /api/events.
  Status Places(const httplib::Request&, Params& p, json* body) {
    EventPageQuery filter = ReadFilters(p);
    const std::string name_part = std::move(filter.text);
    filter.text.clear();
    int64_t limit = p.Integer("limit", 20, 1, kMaxPlaces);
    if (p.error()) return Status::OK();
    std::vector<PlaceInfo> places;
    Status s = source->Places(filter, name_part, limit, &places);
    if (s.ok()) ListJson("places", places, body);
    return s;
  }

  // GET /api/control?place=NAME or ?on=DATE[&country=CC]: who holds which place (sitrep control's query).
  Status Control(const httplib::Request&, Params& p, json* body) {
    ControlQuery q;
    q.place = p.Text("place");
    q.on = p.Date("on");
    q.country = p.Text("country");
    if (p.error()) return Status::OK();
    if (q.place.empty() && q.on.empty()) return Status::InvalidArgument("give place=NAME or on=YYYY-MM-DD");
    if (!source->HasControlTimeline()) return Status::Unsupported("no control timeline in this database");
    std::vector<ControlPeriod> periods;
    Status s = source->Control(q, &periods);
    if (!s.ok()) return s;
    json list = json::array();
    for (const ControlPeriod& period : periods) list.push_back(json::parse(ControlPeriodToJson(period)));
    (*body)["periods"] = list;
    return Status::OK();
  }

  // POST /api/articles: JSON lines, with the write token.
  void PostArticles(const httplib::Request& req, httplib::Response& res) {
    if (!ingester || options.write_token.empty())
      return SendError(res, {405, "this server is read-only (start it with a write token to accept articles)"});
    if (!SameSecret(req.get_header_value("Authorization"), "Bearer " + options.write_token))
      return SendError(res, {401, "POST /api/articles needs the header 'Authorization: Bearer <write token>'"});
    IngestReport report;
    Status s = ingester->Ingest(req.body, &report);
    if (!s.ok()) return SendError(res, {HttpStatusOf(s), s.message()});
    bool nothing_read = report.articles_new + report.articles_existing == 0;
    json body = {{"articles_new", report.articles_new}, {"articles_existing", report.articles_existing},
                 {"events_new", report.events_new}, {"skipped", report.skipped}, {"failed", report.failed},
                 {"diagnostics", report.diagnostics}};
    if (nothing_read) body["error"] = {{"status", 400}, {"message", "no article could be read from the request body"}};
    SendJson(res, nothing_read ? 400 : 200, body.dump(-1, ' ', false, json::error_handler_t::replace));
  }

  void Route() {
    using namespace std::placeholders;
    auto bind = [this](void (Impl::*fn)(const httplib::Request&, httplib::Response&)) {
      return [this, fn](const httplib::Request& req, httplib::Response& res) { (this->*fn)(req, res); };
    };
    http.Get("/api/events", bind(&Impl::ListEvents));
    auto answer = [this](std::set<std::string> allowed, JsonHandler handler) {
      return [this, allowed, handler](const httplib::Request& req, httplib::Response& res) {
        AnswerJson(req, res, allowed, handler);
      };
    };
    http.Get(R"(/api/events/([^/]+))", answer({}, &Impl::GetEvent));
    http.Get(R"(/api/articles/([^/]+))", answer({}, &Impl::GetArticle));
    http.Get("/api/stats", answer(With(kFilterParams, {"interval"}), &Impl::Stats));
    http.Get("/api/actors", answer({"q", "limit"}, &Impl::Actors));
    http.Get("/api/places", answer(With(kFilterParams, {"limit"}), &Impl::Places));
    http.Get("/api/control", answer({"place", "on", "country"}, &Impl::Control));
    http.Post("/api/articles", [this](const httplib::Request& req, httplib::Response& res) { PostArticles(req, res); });
    http.Post(R"(/api/.*)", [](const httplib::Request&, httplib::Response& res) {
      SendError(res, {405, "no such write: only POST /api/articles"});
    });
    if (!options.web_root.empty()) web_root_ok = http.set_mount_point("/", options.web_root);
  }

  void SetLimitsAndErrors() {
    http.set_payload_max_length(options.max_body_bytes);
    // SO_REUSEADDR only: httplib's default SO_REUSEPORT would let a second server share a taken port.
    http.set_socket_options([](socket_t sock) {
      int yes = 1;
      setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
    });
    http.set_tcp_nodelay(true);  // small JSON answers would otherwise wait ~40 ms for a delayed ACK
    http.set_read_timeout(10, 0);
    http.set_write_timeout(10, 0);
    http.new_task_queue = [n = options.threads] { return new httplib::ThreadPool(static_cast<size_t>(n)); };
    if (options.cors) http.set_default_headers({{"Access-Control-Allow-Origin", "*"}});
    http.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
      std::string what = "internal error";
      try {
        std::rethrow_exception(ep);
      } catch (const std::exception& e) {
        what = std::string("internal error: ") + e.what();
      } catch (...) {
      }
      SendError(res, {500, what});
    });
    // Answers that no handler wrote a body for (404 of an unknown path, 413, 400 of a bad request line).
    http.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
      if (!res.body.empty()) return;
      if (res.status == 404 && req.method != "GET" && req.method != "HEAD" && req.method != "POST")
        return SendError(res, {405, "method " + req.method + " is not allowed: the API answers GET (and POST /api/articles)"});
      std::string message = res.status == 404   ? "no such resource: " + req.path
                            : res.status == 413 ? "request body too large"
                            : res.status == 414 ? "request line too long (over 8 KiB)"
                                                : fmt::format("request failed with HTTP status {}", res.status);
      SendError(res, {res.status, message});
    });
  }
};

ApiServer::ApiServer(EventSource* source, ServeOptions options, ArticleIngester* ingester)
    : impl_(std::make_unique<Impl>()) {
  impl_->source = source;
  impl_->ingester = ingester;
  impl_->options = std::move(options);
  impl_->SetLimitsAndErrors();
  impl_->Route();
}

ApiServer::~ApiServer() { Stop(); }

Status ApiServer::Bind() {
  const ServeOptions& o = impl_->options;
  if (o.port < 0 || o.port > 65535) return Status::InvalidArgument(fmt::format("port {} is not 0..65535", o.port));
  if (o.threads < 1) return Status::InvalidArgument("threads must be at least 1");
  if (!impl_->web_root_ok) return Status::NotFound("web root " + o.web_root + " is not a folder");
  if (o.port == 0) {
    impl_->port = impl_->http.bind_to_any_port(o.bind);
    if (impl_->port < 0) return Status::IOError(fmt::format("cannot listen on {}", o.bind));
  } else {
    if (!impl_->http.bind_to_port(o.bind, o.port))
      return Status::IOError(fmt::format("cannot listen on {}:{} (address in use or not on this machine?)", o.bind, o.port));
    impl_->port = o.port;
  }
  return Status::OK();
}

int ApiServer::port() const { return impl_->port; }

Status ApiServer::Run() {
  if (!impl_->http.listen_after_bind()) return Status::IOError("the server stopped with an error");
  return Status::OK();
}

void ApiServer::Stop() { impl_->http.stop(); }

}  // namespace sitrep
