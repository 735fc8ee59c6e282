// Private pieces of the readers, shared by the .cc files of src/ingest.
#ifndef SITREP_SRC_INGEST_INTERNAL_H_
#define SITREP_SRC_INGEST_INTERNAL_H_

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <istream>
#include <string>
#include <vector>

#include "sitrep/article.h"
#include "sitrep/status.h"

namespace sitrep::ingest_internal {

// A sequential byte stream: a FILE* (files, standard input) or a std::istream (tests).
class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Reads up to `n` bytes; returns 0 at end of input.
  virtual size_t Read(char* buf, size_t n) = 0;
  // True when the last Read failed for a reason other than end of input.
  virtual bool Failed() const = 0;
  // Why reading failed ("Is a directory"), for the message.
  virtual std::string ErrorText() const = 0;
};

class FileSource : public ByteSource {
 public:
  // Closes `f` at the end unless it is standard input.
  explicit FileSource(std::FILE* f) : f_(f) {}
  ~FileSource() override {
    if (f_ != stdin) std::fclose(f_);
  }
  size_t Read(char* buf, size_t n) override {
    errno = 0;
    size_t got = std::fread(buf, 1, n, f_);
    if (got < n && std::ferror(f_)) error_ = errno;  // saved: later calls may change errno
    return got;
  }
  bool Failed() const override { return std::ferror(f_) != 0; }
  std::string ErrorText() const override { return std::strerror(error_ ? error_ : EIO); }

 private:
  std::FILE* f_;
  int error_ = 0;
};

class StreamSource : public ByteSource {
 public:
  explicit StreamSource(std::istream* in) : in_(in) {}
  size_t Read(char* buf, size_t n) override {
    in_->read(buf, static_cast<std::streamsize>(n));
    return static_cast<size_t>(in_->gcount());
  }
  bool Failed() const override { return in_->bad(); }
  std::string ErrorText() const override { return "stream error"; }

 private:
  std::istream* in_;
};

// Splits a byte stream into lines ('\n', with a trailing '\r' removed) without ever holding more
// than one line (capped at `max_line` bytes) in memory, so huge JSON-lines files are streamed.
class LineReader {
 public:
  // `head` holds bytes already read from `src` (they come first).
  LineReader(ByteSource* src, std::string head, int64_t max_line);

  struct Line {
    std::string text;     // empty when `oversize`
    int64_t number = 0;   // 1-based
    int64_t offset = 0;   // byte offset of the line's first byte in the stream
    int64_t length = 0;   // bytes, without the newline
    bool oversize = false;  // longer than max_line; its bytes were discarded
  };
  // Returns false at end of input.
  bool Next(Line* line);
  int64_t bytes_read() const { return bytes_read_; }

 private:
  bool Fill();  // appends a chunk to buf_; false at end of input

  ByteSource* src_;
  std::string buf_;
  size_t pos_ = 0;           // start of the next line in buf_
  int64_t buf_offset_ = 0;   // stream offset of buf_[0]
  int64_t max_line_;
  int64_t line_number_ = 0;
  int64_t bytes_read_ = 0;
  bool eof_ = false;
};

// Parses one JSON line into `a` (text, title, date, url, source, id, language; unknown fields go to
// metadata). Errors name the field. For a syntax error, *error_column is set to the 1-based
// column of the offending byte. Non-fatal problems (e.g. an unparsable date) go to `warnings`.
Status ParseJsonArticle(const std::string& line, Article* a, std::vector<std::string>* warnings,
                        int64_t* error_column);

}  // namespace sitrep::ingest_internal

#endif  // SITREP_SRC_INGEST_INTERNAL_H_
