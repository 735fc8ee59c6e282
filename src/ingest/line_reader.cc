#include "internal.h"

namespace sitrep::ingest_internal {

namespace {
constexpr size_t kChunk = 64 * 1024;
}

LineReader::LineReader(ByteSource* src, std::string head, int64_t max_line)
    : src_(src), buf_(std::move(head)), max_line_(max_line) {
  bytes_read_ = static_cast<int64_t>(buf_.size());
}

bool LineReader::Fill() {
  if (eof_) return false;
  // Drop consumed bytes first so the buffer holds at most one line plus a chunk.
  if (pos_ > 0) {
    buf_.erase(0, pos_);
    buf_offset_ += static_cast<int64_t>(pos_);
    pos_ = 0;
  }
  size_t old = buf_.size();
  buf_.resize(old + kChunk);
  size_t got = src_->Read(buf_.data() + old, kChunk);
  buf_.resize(old + got);
  bytes_read_ += static_cast<int64_t>(got);
  if (got == 0) eof_ = true;
  return got > 0;
}

bool LineReader::Next(Line* line) {
  size_t scan = pos_;  // where to continue looking for '\n'
  while (true) {
    size_t nl = buf_.find('\n', scan);
    if (nl != std::string::npos || eof_) {
      size_t end = nl == std::string::npos ? buf_.size() : nl;
      if (nl == std::string::npos && end == pos_) return false;  // nothing left
      line->number = ++line_number_;
      line->offset = buf_offset_ + static_cast<int64_t>(pos_);
      line->oversize = false;
      size_t text_end = end > pos_ && buf_[end - 1] == '\r' ? end - 1 : end;
      line->length = static_cast<int64_t>(text_end - pos_);
      line->oversize = line->length > max_line_;
      if (line->oversize)
        line->text.clear();
      else
        line->text.assign(buf_, pos_, text_end - pos_);
      pos_ = nl == std::string::npos ? end : nl + 1;
      return true;
    }
    if (static_cast<int64_t>(buf_.size() - pos_) > max_line_) {
      // Over the cap: count and discard bytes up to the next newline.
      line->number = ++line_number_;
      line->offset = buf_offset_ + static_cast<int64_t>(pos_);
      line->oversize = true;
      line->text.clear();
      int64_t length = static_cast<int64_t>(buf_.size() - pos_);
      pos_ = buf_.size();
      while (true) {
        if (!Fill()) break;
        size_t nl2 = buf_.find('\n');
        if (nl2 != std::string::npos) {
          length += static_cast<int64_t>(nl2);
          pos_ = nl2 + 1;
          break;
        }
        length += static_cast<int64_t>(buf_.size());
        pos_ = buf_.size();
      }
      line->length = length;
      return true;
    }
    size_t before = buf_.size() - pos_;
    Fill();
    scan = pos_ + before;
  }
}

}  // namespace sitrep::ingest_internal
