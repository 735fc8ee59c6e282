// ReadArticles: expands the inputs, picks a reader per input and reports every problem.
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>

#include <fmt/format.h>

#include "internal.h"
#include "sitrep/ingest.h"

namespace sitrep {
namespace {

namespace fs = std::filesystem;
using ingest_internal::ByteSource;
using ingest_internal::FileSource;
using ingest_internal::LineReader;
using ingest_internal::StreamSource;

constexpr size_t kHeadBytes = 64 * 1024;  // read first to sniff binary content and the format
constexpr const char* kStdinName = "<stdin>";
constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

bool IsBlank(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
  });
}

bool HasJsonLinesExtension(const std::string& name) {
  std::string ext = fs::path(name).extension().string();
  return ext == ".jsonl" || ext == ".ndjson";
}

// The first byte after a UTF-8 byte order mark and white space; '\0' when there is none.
char FirstContentByte(std::string_view head) {
  if (head.starts_with(kUtf8Bom)) head.remove_prefix(kUtf8Bom.size());
  size_t first = head.find_first_not_of(" \t\r\n\f\v");
  return first == std::string_view::npos ? '\0' : head[first];
}

std::string Plural(int64_t n, const char* word) { return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s"); }

class Reader {
 public:
  Reader(const ReadOptions& options, Diagnostics* diag, const ArticleSink& sink, ReadStats* stats)
      : opt_(options), diag_(diag), sink_(sink), stats_(stats) {}

  Status Run(const std::vector<std::string>& paths) {
    std::vector<std::string> inputs;
    for (const std::string& p : paths) Expand(p, &inputs);
    stats_->files_total += static_cast<int64_t>(inputs.size());
    for (const std::string& input : inputs) {
      Status s = ReadOne(input);
      ++stats_->files_done;
      if (!s.ok()) return s;
    }
    return Status::OK();
  }

 private:
  // Directories become their files (recursively, sorted, hidden names skipped); anything else is
  // kept as given so that a missing file is reported in input order.
  void Expand(const std::string& path, std::vector<std::string>* out) {
    std::error_code ec;
    if (path == "-" || !fs::is_directory(path, ec)) {
      out->push_back(path);
      return;
    }
    std::vector<std::string> files;
    CollectFiles(path, &files);
    if (files.empty()) diag_->Warn(path, 0, -1, "directory has no files");
    std::sort(files.begin(), files.end());
    out->insert(out->end(), files.begin(), files.end());
  }

  // Adds the regular files under `dir` to `files`. Whatever is not read is reported with its path:
  // an unreadable directory, a dangling link or a FIFO is an error (the run exits 1), a link to a
  // directory a warning (links to directories are not followed, so a loop cannot hang the walk).
  void CollectFiles(const fs::path& dir, std::vector<std::string>* files) {
    std::error_code ec;
    fs::directory_iterator it(dir, ec), end;
    for (; !ec && it != end; it.increment(ec)) {
      const fs::path& p = it->path();
      std::string name = p.filename().string();
      if (!name.empty() && name[0] == '.') continue;
      std::error_code st_ec;
      fs::file_status own = it->symlink_status(st_ec);
      fs::file_status target = fs::is_symlink(own) ? fs::status(p, st_ec) : own;
      if (fs::is_regular_file(target)) {
        files->push_back(p.string());
      } else if (fs::is_directory(target)) {
        if (fs::is_symlink(own))
          Skip(p.string(), 0, -1, "symbolic link to a directory; not followed (name it on the command line)");
        else
          CollectFiles(p, files);
      } else if (fs::is_symlink(own)) {
        Fail(p.string(), 0, -1, "dangling symbolic link (" + (st_ec ? st_ec.message() : "no such file") + "); skipped");
      } else {
        Fail(p.string(), 0, -1, std::string("not a regular file (") + FileTypeName(target.type()) + "); skipped");
      }
    }
    if (ec) Fail(dir.string(), 0, -1, "cannot read directory: " + ec.message());
  }

  static const char* FileTypeName(fs::file_type type) {
    switch (type) {
      case fs::file_type::fifo: return "a FIFO";
      case fs::file_type::socket: return "a socket";
      case fs::file_type::block: return "a block device";
      case fs::file_type::character: return "a character device";
      default: return "an unknown kind of file";
    }
  }

  Status ReadOne(const std::string& path) {
    if (path == "-") {
      if (opt_.stdin_stream) {
        StreamSource src(opt_.stdin_stream);
        return ReadSource(kStdinName, &src);
      }
      // Through stdio rather than std::cin: std::cin turns a read error into end of input.
      FileSource src(stdin);
      return ReadSource(kStdinName, &src);
    }
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) {
      Fail(path, 0, -1, std::string("cannot open: ") + std::strerror(errno));
      return Status::OK();
    }
    FileSource src(f);
    return ReadSource(path, &src);
  }

  Status ReadSource(const std::string& name, ByteSource* src) {
    std::string head(kHeadBytes, '\0');
    size_t got = 0;
    while (got < kHeadBytes) {
      size_t n = src->Read(head.data() + got, kHeadBytes - got);
      if (n == 0) break;
      got += n;
    }
    head.resize(got);
    if (src->Failed()) {
      Fail(name, 0, static_cast<int64_t>(got), "read error: " + src->ErrorText());
      return Status::OK();
    }
    if (head.empty()) {
      Skip(name, 0, -1, "empty file; skipped");
      return Status::OK();
    }
    if (LooksUtf16(head)) {
      Fail(name, 0, -1, "UTF-16 text; convert it to UTF-8 (e.g. iconv -f UTF-16 -t UTF-8); skipped");
      stats_->bytes += static_cast<int64_t>(got);
      return Status::OK();
    }
    const bool starts_as_json = FirstContentByte(head) == '{';
    InputFormat format = opt_.format;
    if (format == InputFormat::kAuto)
      format = HasJsonLinesExtension(name) || starts_as_json ? InputFormat::kJsonLines : InputFormat::kText;
    // JSON lines are checked line by line: a stray NUL byte spoils its line, not the whole file.
    if (!(format == InputFormat::kJsonLines && starts_as_json) && LooksBinary(head)) {
      size_t nul = head.find('\0');
      if (nul != std::string::npos)
        Skip(name, 0, static_cast<int64_t>(nul), "binary file (NUL byte); skipped");
      else
        Skip(name, 0, -1, "binary file (control characters); skipped");
      stats_->bytes += static_cast<int64_t>(got);
      return Status::OK();
    }
    return format == InputFormat::kJsonLines ? ReadJsonLines(name, src, std::move(head))
                                             : ReadText(name, src, std::move(head));
  }

  std::string CapMessage() const {
    return fmt::format("article over the size cap of {} bytes (--max-bytes); skipped", opt_.max_bytes);
  }

  // Each bad byte becomes the 3-byte U+FFFD, so repair can triple the text: the cap is checked again,
  // or an article of bad bytes would reach the pipeline at three times the size it allows.
  bool OverCapAfterRepair(const std::string& text) const {
    return static_cast<int64_t>(text.size()) > opt_.max_bytes;
  }
  std::string CapAfterRepairMessage() const {
    return fmt::format("article over the size cap of {} bytes (--max-bytes) once invalid UTF-8 is replaced; skipped",
                       opt_.max_bytes);
  }

  Status ReadText(const std::string& name, ByteSource* src, std::string content) {
    // Read the rest, but never more than one byte past the cap.
    char buf[64 * 1024];
    while (static_cast<int64_t>(content.size()) <= opt_.max_bytes) {
      size_t n = src->Read(buf, sizeof buf);
      if (n == 0) break;
      content.append(buf, n);
    }
    stats_->bytes += static_cast<int64_t>(content.size());
    if (src->Failed()) {
      Fail(name, 0, static_cast<int64_t>(content.size()), "read error: " + src->ErrorText());
      return Status::OK();
    }
    if (static_cast<int64_t>(content.size()) > opt_.max_bytes) {
      Skip(name, 0, -1, CapMessage());
      return Status::OK();
    }
    if (IsBlank(content)) {
      Skip(name, 0, -1, "empty file (only white space); skipped");
      return Status::OK();
    }
    Utf8Repair r = RepairUtf8(&content);
    if (r.first_bad >= 0) {
      int64_t line = 1 + std::count(content.begin(), content.begin() + r.first_bad, '\n');
      ReportRepair(name, line, r.first_bad, r);
      if (OverCapAfterRepair(content)) {
        Skip(name, 0, -1, CapAfterRepairMessage());
        return Status::OK();
      }
    }
    Article a;
    Diagnostic header_warning;
    ParsePlainText(content, &a, &header_warning);
    if (!header_warning.message.empty())
      diag_->Warn(name, header_warning.line, header_warning.offset, std::move(header_warning.message));
    if (a.text.empty()) {
      Skip(name, 0, -1, "no article text besides the header/footer; skipped");
      return Status::OK();
    }
    a.origin = name;
    return Deliver(std::move(a));
  }

  Status ReadJsonLines(const std::string& name, ByteSource* src, std::string head) {
    LineReader reader(src, std::move(head), opt_.max_bytes);
    LineReader::Line line;
    int64_t nonblank = 0;
    Status s;
    while (s.ok() && reader.Next(&line)) {
      if (line.oversize) {
        ++nonblank;
        Skip(name, line.number, line.offset, CapMessage());
        continue;
      }
      if (line.number == 1 && line.text.starts_with(kUtf8Bom)) {  // a byte order mark is not JSON
        line.text.erase(0, kUtf8Bom.size());
        line.offset += static_cast<int64_t>(kUtf8Bom.size());
      }
      if (IsBlank(line.text)) continue;
      ++nonblank;
      s = ReadJsonLine(name, &line);
    }
    stats_->bytes += reader.bytes_read();
    if (src->Failed()) {
      Fail(name, 0, reader.bytes_read(), "read error: " + src->ErrorText());
    } else if (s.ok() && nonblank == 0) {
      Skip(name, 0, -1, "empty file (only white space); skipped");
    }
    return s;
  }

  Status ReadJsonLine(const std::string& name, LineReader::Line* line) {
    Utf8Repair r = RepairUtf8(&line->text);
    if (r.first_bad >= 0) {
      ReportRepair(name, line->number, line->offset + r.first_bad, r);
      if (OverCapAfterRepair(line->text)) {
        Skip(name, line->number, line->offset, CapAfterRepairMessage());
        return Status::OK();
      }
    }
    Article a;
    std::vector<std::string> warnings;
    int64_t column = 0;
    Status s = ingest_internal::ParseJsonArticle(line->text, &a, &warnings, &column);
    if (!s.ok()) {
      Fail(name, line->number, line->offset + (column > 0 ? column - 1 : 0), s.message());
      return Status::OK();
    }
    for (std::string& w : warnings) diag_->Warn(name, line->number, line->offset, std::move(w));
    if (IsBlank(a.text)) {
      Skip(name, line->number, line->offset, "field 'text' is empty; skipped");
      return Status::OK();
    }
    a.origin = name + ":" + std::to_string(line->number);
    return Deliver(std::move(a));
  }

  void ReportRepair(const std::string& name, int64_t line, int64_t offset, const Utf8Repair& r) {
    ++stats_->repaired;
    diag_->Warn(name, line, offset,
                "invalid UTF-8 replaced with U+FFFD (" + Plural(r.bad_sequences, "bad sequence") + ")");
  }

  // Fills in defaults and the id, then hands the article to the sink.
  Status Deliver(Article&& a) {
    if (!a.date && !opt_.default_date.empty()) a.date = opt_.default_date;
    if (a.source.empty()) a.source = opt_.default_source;
    if (a.id.empty()) a.id = ComputeArticleId(a.source, a.url, a.text);
    ++stats_->articles;
    return sink_(std::move(a));
  }

  void Skip(const std::string& name, int64_t line, int64_t offset, std::string message) {
    ++stats_->skipped;
    diag_->Warn(name, line, offset, std::move(message));
  }
  void Fail(const std::string& name, int64_t line, int64_t offset, std::string message) {
    ++stats_->failed;
    diag_->Error(name, line, offset, std::move(message));
  }

  const ReadOptions& opt_;
  Diagnostics* diag_;
  const ArticleSink& sink_;
  ReadStats* stats_;
};

}  // namespace

Status ReadArticles(const std::vector<std::string>& paths, const ReadOptions& options, Diagnostics* diag,
                    const ArticleSink& sink, ReadStats* stats) {
  if (paths.empty()) return Status::InvalidArgument("no input files given");
  if (!options.default_date.empty() && !IsIsoDate(options.default_date))
    return Status::InvalidArgument("default date '" + options.default_date + "' is not a YYYY-MM-DD date");
  if (options.max_bytes <= 0) return Status::InvalidArgument("the size cap must be positive");
  Diagnostics local_diag;
  ReadStats local_stats;
  Reader reader(options, diag ? diag : &local_diag, sink, stats ? stats : &local_stats);
  return reader.Run(paths);
}

}  // namespace sitrep
