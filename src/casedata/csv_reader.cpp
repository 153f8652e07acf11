// CSV (RFC 4180, as Excel, LibreOffice, Kobo and Primero write it), read in large blocks.
// Fields are views into the block: no copy and no allocation per field, except quoted
// fields with doubled quotes, which are unescaped into a scratch area reused per record.
// The fast path finds delimiters, line ends and quotes 16 bytes at a time (SSE2); a record
// holding a quote goes through the careful scalar path instead.
#include <algorithm>
#include <array>
#include <cstring>
#include <memory>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "casedata/error.hpp"
#include "casedata/table.hpp"

namespace mizan::casedata {

namespace {

constexpr std::size_t kInitialBlock = 1 << 20;
constexpr std::size_t kMaxRecord = 64u << 20;
constexpr std::size_t kMaxColumns = 100000;
constexpr std::size_t kPad = 64;
constexpr std::size_t kNeedMore = static_cast<std::size_t>(-1);

inline unsigned special_mask(const char* p, char delim) {
#if defined(__SSE2__)
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  const __m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(delim)),
                                              _mm_cmpeq_epi8(v, _mm_set1_epi8('\n'))),
                                 _mm_cmpeq_epi8(v, _mm_set1_epi8('"')));
  return static_cast<unsigned>(_mm_movemask_epi8(m));
#else
  unsigned m = 0;
  for (int i = 0; i < 16; ++i)
    if (p[i] == delim || p[i] == '\n' || p[i] == '"') m |= 1u << i;
  return m;
#endif
}

class CsvParser {
 public:
  CsvParser(const std::string& path, TextSource& src, char delim, const CsvPart& part, const RowCallback& cb,
            const ProgressCallback& progress, const std::atomic<bool>* cancel)
      : file_(file_name_only(path)), src_(src), delim_(delim), part_(part), cb_(cb), progress_(progress),
        cancel_(cancel) {
    cap_ = kInitialBlock;
    buf_.resize(cap_ + kPad);
    fields_.resize(256);
  }

  char run() {
    refill();
    if (delim_ == 0) delim_ = detect_delimiter();
    std::size_t pos = part_.begin == 0 ? skip_sep_line() : 0;
    while (true) {
      pos = parse(pos);
      if (stopped_ || (eof_ && pos >= end_)) break;
      // Keep the unfinished record, read the next block behind it.
      std::memmove(buf_.data(), buf_.data() + pos, end_ - pos);
      end_ -= pos;
      pos = 0;
      if (end_ > cap_ / 2) grow();
      refill();
    }
    return delim_;
  }

 private:
  void refill() {
    if (cancel_ && cancel_->load(std::memory_order_relaxed)) throw Cancelled();
    std::size_t n = src_.read(buf_.data() + end_, cap_ - end_);
    if (n == 0 && src_.at_limit()) {
      // The end of the first part: stop there if a record ends exactly there (nothing
      // left over) and the caller agrees; else read on through the rest of the file.
      if (!(part_.stop_at_end && part_.stop_at_end(end_ == 0, line_) && end_ == 0)) {
        src_.lift_limit();
        n = src_.read(buf_.data() + end_, cap_ - end_);
      }
    }
    if (n == 0) eof_ = true;
    end_ += n;
    std::memset(buf_.data() + end_, 0, kPad);
    if (progress_ && src_.size() > 0)
      progress_(std::min(1.0, static_cast<double>(src_.consumed()) / static_cast<double>(src_.size())));
  }

  void grow() {
    if (cap_ >= kMaxRecord)
      throw CaseDataError(file_, line_, 0, {},
                          "a record runs on for more than 64 MB; a closing quote is probably missing");
    cap_ *= 2;
    buf_.resize(cap_ + kPad);
  }

  // The delimiter that occurs most often outside quotes in the first line (ties: comma).
  char detect_delimiter() const {
    std::size_t comma = 0, semi = 0, tab = 0;
    bool quoted = false;
    std::size_t i = 0;
    if (end_ >= 4 && std::memcmp(buf_.data(), "sep=", 4) == 0 && end_ > 4) return buf_[4];
    for (; i < end_; ++i) {
      const char c = buf_[i];
      if (c == '"') quoted = !quoted;
      if (quoted) continue;
      if (c == '\n') break;
      comma += c == ',';
      semi += c == ';';
      tab += c == '\t';
    }
    if (semi > comma && semi >= tab) return ';';
    if (tab > comma && tab > semi) return '\t';
    return ',';
  }

  // Excel's "sep=;" hint line is not the header.
  std::size_t skip_sep_line() {
    if (end_ >= 5 && std::memcmp(buf_.data(), "sep=", 4) == 0 && buf_[4] == delim_) {
      std::size_t p = 5;
      if (p < end_ && buf_[p] == '\r') ++p;
      if (p < end_ && buf_[p] == '\n') {
        ++line_;
        return p + 1;
      }
    }
    return 0;
  }

  // Called for every field: the common case stays inline, growing (and the column limit)
  // out of line. fields_ never holds more than kMaxColumns entries.
  void push(std::size_t& n, const char* b, std::size_t len) {
    if (__builtin_expect(n >= fields_.size(), 0)) grow_fields(n);
    fields_[n++] = std::string_view(b, len);
  }
  [[gnu::noinline]] void grow_fields(std::size_t n) {
    if (n >= kMaxColumns) throw CaseDataError(file_, line_, 0, {}, "more than 100000 columns in one record");
    fields_.resize(std::min(n * 2, kMaxColumns));
  }

  void emit(std::size_t n, std::size_t newlines, const char* malformed) {
    const bool blank_line = n == 1 && fields_[0].empty() && !malformed;
    if (!blank_line) {
      Row r;
      r.line = line_;
      r.cells = fields_.data();
      r.size = n;
      r.malformed = malformed;
      if (!cb_(r)) stopped_ = true;
    }
    line_ += 1 + newlines;
  }

  // The fast path scans up to kBatchRows records (or about kBatchFields cells) before it
  // hands them over: the scanning loop then has no call in it and keeps its state in
  // registers. batch_ holds their cells, row_end_ where each record's cells end.
  static constexpr std::size_t kBatchRows = 64, kBatchFields = 4096;

  // Hands over the first `rows` scanned records (fewer if the callback says stop).
  void deliver(std::size_t rows) {
    std::size_t b = 0;
    for (std::size_t k = 0; k < rows && !stopped_; ++k) {
      const std::size_t e = row_end_[k];
      const std::size_t n = e - b;
      if (!(n == 1 && batch_[b].empty())) {  // a blank line is no record
        Row r;
        r.line = line_;
        r.cells = batch_.data() + b;
        r.size = n;
        if (!cb_(r)) stopped_ = true;
      }
      ++line_;
      b = e;
    }
  }

  // Room for more cells in batch_; the column limit applies to each record.
  [[gnu::noinline]] void grow_batch(std::size_t n, std::size_t row_start, std::size_t rows) {
    if (n - row_start >= kMaxColumns) {
      deliver(rows);  // the records before it come first, as they would one by one
      if (stopped_) return;
      throw CaseDataError(file_, line_, 0, {}, "more than 100000 columns in one record");
    }
    if (n >= batch_.size()) batch_.resize(batch_.size() * 2);
  }

  // Parses every complete record from `pos`; returns where the unfinished one starts.
  std::size_t parse(std::size_t pos) {
    const char* d = buf_.data();
    const char* const dend = d + end_;
    const char delim = delim_;
    while (!stopped_) {
      std::size_t rs = pos;  // where the first record not yet complete starts
      const char* fstart = d + pos;
      std::size_t n = 0, row_start = 0, rows = 0;  // cells scanned, the current record's first, records
      std::string_view* fv = batch_.data();
      std::size_t limit = std::min(batch_.size(), kMaxColumns);  // grow_batch when n reaches it
      bool quote = false;
      for (const char* blk = d + pos; blk < dend && !quote; blk += 16) {
        unsigned m = special_mask(blk, delim);
        if (blk + 16 > dend) m &= (1u << (dend - blk)) - 1;
        while (m) {
          const char* c = blk + __builtin_ctz(m);
          m &= m - 1;
          if (__builtin_expect(n >= limit, 0)) {
            grow_batch(n, row_start, rows);
            if (stopped_) return end_;
            fv = batch_.data();
            limit = std::min(batch_.size(), row_start + kMaxColumns);
          }
          if (*c == delim) {
            fv[n++] = std::string_view(fstart, static_cast<std::size_t>(c - fstart));
            fstart = c + 1;
          } else if (*c == '\n') {
            const char* fe = (c > fstart && c[-1] == '\r') ? c - 1 : c;
            fv[n++] = std::string_view(fstart, static_cast<std::size_t>(fe - fstart));
            row_end_[rows++] = n;
            row_start = n;
            fstart = c + 1;
            rs = static_cast<std::size_t>(fstart - d);
            if (rows == kBatchRows || n >= kBatchFields) {
              deliver(rows);
              if (stopped_) return end_;
              n = row_start = rows = 0;
            }
            limit = std::min(batch_.size(), row_start + kMaxColumns);
          } else {
            quote = true;  // a quoted field, or a quote inside one: the careful path takes this record
            break;
          }
        }
      }
      deliver(rows);
      if (stopped_) return end_;
      if (!quote && !eof_) return rs;
      if (rs >= end_) return rs;
      const std::size_t next = slow(rs);
      if (next == kNeedMore) return rs;
      pos = next;
    }
    return end_;
  }

  // One record the careful way, from `rs`. kNeedMore when it does not end in the buffer.
  std::size_t slow(std::size_t rs) {
    const char* d = buf_.data();
    std::size_t pos = rs, n = 0, newlines = 0, used = 0;
    if (scratch_.size() < cap_ + kPad) scratch_.resize(cap_ + kPad);  // only files with quotes need it
    const char* malformed = nullptr;
    auto count_nl = [&](std::size_t a, std::size_t b) {
      for (std::size_t i = a; i < b; ++i) newlines += d[i] == '\n';
    };
    while (true) {
      if (pos < end_ && d[pos] == '"') {
        const std::size_t start = pos + 1;
        std::size_t q = start, close = kNeedMore;
        bool escaped = false;
        while (true) {
          const void* f = q < end_ ? std::memchr(d + q, '"', end_ - q) : nullptr;
          if (!f) {
            if (!eof_) return kNeedMore;
            break;
          }
          const std::size_t k = static_cast<std::size_t>(static_cast<const char*>(f) - d);
          if (k + 1 < end_ && d[k + 1] == '"') {
            escaped = true;
            q = k + 2;
            continue;
          }
          if (k + 1 == end_ && !eof_) return kNeedMore;
          close = k;
          break;
        }
        if (close == kNeedMore) {
          malformed = "a quoted cell is never closed: the rest of the file would be one cell";
          count_nl(start, end_);
          push(n, d + end_, 0);
          pos = end_;
          break;
        }
        count_nl(start, close);
        pos = close + 1;
        // Text between the closing quote and the delimiter is kept, as spreadsheets do.
        std::size_t tail = pos;
        while (tail < end_ && d[tail] != delim_ && d[tail] != '\n') ++tail;
        if (tail == end_ && !eof_) return kNeedMore;
        std::size_t tail_end = tail;
        if (tail_end > pos && d[tail_end - 1] == '\r' && (tail == end_ || d[tail] == '\n')) --tail_end;
        if (escaped || tail_end > pos) {
          char* out = scratch_.data() + used;
          std::size_t o = 0;
          for (std::size_t i = start; i < close; ++i) {
            out[o++] = d[i];
            if (d[i] == '"') ++i;
          }
          std::memcpy(out + o, d + pos, tail_end - pos);
          o += tail_end - pos;
          push(n, out, o);
          used += o;
        } else {
          push(n, d + start, close - start);
        }
        pos = tail;
      } else {
        std::size_t k = pos;
        while (k < end_ && d[k] != delim_ && d[k] != '\n') ++k;
        if (k == end_ && !eof_) return kNeedMore;
        std::size_t fe = k;
        if (fe > pos && d[fe - 1] == '\r' && (k == end_ || d[k] == '\n')) --fe;
        push(n, d + pos, fe - pos);
        pos = k;
      }
      if (pos < end_ && d[pos] == delim_) {
        ++pos;
        continue;
      }
      if (pos < end_) ++pos;  // the line feed
      break;
    }
    emit(n, newlines, malformed);
    return pos;
  }

  std::string file_;
  TextSource& src_;
  char delim_;
  const CsvPart& part_;
  const RowCallback& cb_;
  const ProgressCallback& progress_;
  const std::atomic<bool>* cancel_;
  std::vector<char> buf_, scratch_;
  std::vector<std::string_view> fields_, batch_ = std::vector<std::string_view>(kBatchFields + 256);
  std::array<std::size_t, kBatchRows> row_end_{};
  std::size_t cap_ = 0, end_ = 0;
  std::uint64_t line_ = 1;
  bool eof_ = false, stopped_ = false;
};

}  // namespace

void read_csv_part(const std::string& path, const ReadOptions& options, const CsvPart& part, const RowCallback& row,
                   const ProgressCallback& progress, const std::atomic<bool>* cancel, TableInfo* info) {
  std::unique_ptr<TextSource> src = part.begin > 0 ? std::make_unique<TextSource>(path, part.begin, part.validate_utf8)
                                                   : std::make_unique<TextSource>(path, options.encoding);
  if (part.end != CsvPart::kToTheEnd) src->set_limit(part.end);
  CsvParser parser(path, *src, part.begin > 0 ? part.delimiter : options.delimiter, part, row, progress, cancel);
  const char delim = parser.run();
  if (info) {
    info->kind = FileKind::csv;
    info->encoding = src->encoding();
    info->bom = src->had_bom();
    info->delimiter = delim;
    info->bytes = src->size();
  }
}

void read_csv(const std::string& path, const ReadOptions& options, const RowCallback& row,
              const ProgressCallback& progress, const std::atomic<bool>* cancel, TableInfo* info) {
  read_csv_part(path, options, CsvPart{}, row, progress, cancel, info);
}

}  // namespace mizan::casedata
