// Ingest: reading articles from plain-text files, JSON lines, directories and standard
// input, with every problem in the input reported (file + line or byte offset) and the
// rest of the run going on. Nothing is dropped silently: each input either becomes an
// article, or is counted as skipped (a warning) or failed (an error).
//
// Plain text (one article per file):
//   - an optional header `date YYYY-MM-DD` at the start of the first line; the article text
//     may follow on the same line ("date 2023-11-07 The M23 rebels ..."); an invalid date there
//     ("date 2023-02-30") is a warning, and the header is removed all the same;
//   - an optional footer, the last non-blank line `Original Source: <host>`, which sets the source.
//   Header and footer are removed, and so is leading/trailing white space; a UTF-8 byte order mark
//   is dropped. All byte offsets computed downstream (evidence, tokens) refer to Article::text
//   as delivered here, not to the file.
// JSON lines (one article per line, `.jsonl`/`.ndjson`, or any input whose first non-space byte, after
//   an optional UTF-8 byte order mark, is '{'): an object with "text" (required string) and optional string fields "title", "date"
//   (YYYY-MM-DD, or an ISO date-time whose date part is used), "url", "source", "id", "language".
//   Any other field is kept in Article::metadata as its JSON encoding. A line nested deeper than 256
//   levels is an error (deep nesting would overflow the stack when the metadata is copied).
// A value found in the input always wins; ReadOptions::default_date / default_source only fill
// what an article lacks.
#ifndef SITREP_INGEST_H_
#define SITREP_INGEST_H_

#include <cstdint>
#include <functional>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/article.h"
#include "sitrep/diagnostics.h"
#include "sitrep/status.h"

namespace sitrep {

enum class InputFormat { kAuto, kText, kJsonLines };

struct ReadOptions {
  std::string default_date;    // "YYYY-MM-DD" or empty: fills Article::date when the input has none
  std::string default_source;  // fills Article::source when the input has none
  // Articles (a plain-text file, or one JSON line) larger than this are skipped with a warning.
  int64_t max_bytes = 10 * 1024 * 1024;
  // kAuto: ".jsonl"/".ndjson" files are JSON lines; otherwise the first non-space byte decides
  // ('{' -> JSON lines, anything else -> plain text; a byte order mark is passed over). Applies to
  // standard input too.
  InputFormat format = InputFormat::kAuto;
  // Where "-" reads from; nullptr means std::cin. (Tests pass a std::istringstream.)
  std::istream* stdin_stream = nullptr;
};

// Running totals; the sink may look at them (e.g. for a progress line) while reading goes on.
struct ReadStats {
  int64_t files_total = 0;  // inputs after expanding directories (known before the first article)
  int64_t files_done = 0;
  int64_t articles = 0;     // articles delivered to the sink
  int64_t skipped = 0;      // inputs skipped with a warning: empty, binary, over the size cap
  int64_t failed = 0;       // inputs that failed with an error: missing file, malformed or invalid JSON line
  int64_t bytes = 0;        // bytes read
  int64_t repaired = 0;     // articles whose invalid UTF-8 was replaced with U+FFFD
};

// Called once per article, in input order (directories in sorted path order). A non-OK status
// stops reading and is returned by ReadArticles.
using ArticleSink = std::function<Status(Article&&)>;

// Reads every path in `paths` ("-" is standard input; a directory is read recursively, skipping
// names that start with '.'; an unreadable directory, a dangling link or a FIFO in it is an error,
// a link to a directory a warning). Problems with the input are reported to `diag` and counted in
// `stats`; they do not stop the run. Returns non-OK only when the sink fails or `paths` is empty.
// `stats` may be nullptr.
Status ReadArticles(const std::vector<std::string>& paths, const ReadOptions& options, Diagnostics* diag,
                    const ArticleSink& sink, ReadStats* stats);

// ---- Building blocks (exposed for tests and other tools) ----

// Result of checking a byte string for UTF-8 validity.
struct Utf8Repair {
  int64_t bad_sequences = 0;   // maximal invalid subsequences replaced with U+FFFD
  int64_t first_bad = -1;      // byte offset of the first bad byte, -1 when the input was valid
};

// Replaces each maximal invalid subsequence (Unicode "substitution of maximal subparts") with
// U+FFFD, in place. Overlong forms, surrogates and code points above U+10FFFF are invalid.
Utf8Repair RepairUtf8(std::string* s);

// True when `bytes` (typically the first few KiB of a file) looks binary: it holds a NUL byte, or
// more than 10% of its bytes are C0 control characters other than tab, newline, CR, FF and VT.
bool LooksBinary(std::string_view bytes);

// True when `bytes` (the first few KiB of a file) look like UTF-16 text: a UTF-16 byte order mark,
// or a NUL in (nearly) every other byte and none in between. Such files are not read (the
// message says to convert them to UTF-8).
bool LooksUtf16(std::string_view bytes);

// Splits a plain-text file's content into an article (header and footer removed, see above).
// `content` must already be valid UTF-8. Sets text, date and source; nothing else. A date header
// whose value is not a real date ("date 2023-02-30 ...") is removed from the text too; then, when
// `header_warning` is given, its line, offset (into `content`) and message are set (file is left
// to the caller) and the article has no date.
void ParsePlainText(std::string_view content, Article* article, Diagnostic* header_warning = nullptr);

}  // namespace sitrep

#endif  // SITREP_INGEST_H_
