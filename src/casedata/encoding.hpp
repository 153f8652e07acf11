#pragma once
// Text encodings of case exports, decoded to UTF-8 as the file is read, block by block.
// Arabic exports come as UTF-8 (with or without BOM), UTF-16 with a BOM (Excel "Unicode
// text") or Windows-1256 (Excel "CSV" on an Arabic Windows).
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mizan::casedata {

enum class Encoding { auto_detect, utf8, utf16le, utf16be, cp1256 };

const char* encoding_name(Encoding e);  // "auto", "utf-8", "utf-16le", "utf-16be", "cp1256"
// Accepts those names and common spellings ("UTF8", "windows-1256", "utf-16" = LE…).
std::optional<Encoding> encoding_from_name(std::string_view name);

// Validates UTF-8 given in pieces (a sequence may be split between pieces).
class Utf8Validator {
 public:
  bool feed(const char* p, std::size_t n);  // false at the first invalid byte
  bool complete() const { return need_ == 0; }
  // Replaces, in place, every byte that is not part of a valid UTF-8 sequence by '?' (one
  // byte for one: positions and lengths stay); returns how many were replaced. The state
  // carries a sequence across calls; the bytes of a broken sequence begun in an earlier
  // block stay as they were (they were handed on already).
  std::size_t repair(char* p, std::size_t n);

 private:
  // A lead byte: sets how many continuation bytes follow and the range of the first one;
  // false for a byte that cannot begin a sequence.
  bool open_sequence(unsigned char c) {
    if (c < 0xC2 || c >= 0xF5) return false;
    need_ = c < 0xE0 ? 1 : c < 0xF0 ? 2 : 3;
    lo_ = c == 0xE0 ? 0xA0 : c == 0xF0 ? 0x90 : 0x80;
    hi_ = c == 0xED ? 0x9F : c == 0xF4 ? 0x8F : 0xBF;
    return true;
  }
  int need_ = 0;
  unsigned char lo_ = 0x80, hi_ = 0xBF;
};

bool is_valid_utf8(std::string_view s);

// The Windows-1256 code page: Unicode code point of bytes 0x80..0xFF.
char32_t cp1256_to_unicode(unsigned char byte);

// Appends the UTF-8 form of `cp` at `out`; returns the number of bytes (1..4).
std::size_t put_utf8(char32_t cp, char* out);

// Thrown by TextSource in auto mode when bytes that are not UTF-8 turn up after the first
// block was taken for UTF-8: the reader must start over with Windows-1256.
struct NotUtf8AfterAll {};

// A file as a stream of UTF-8 bytes. In auto mode: a BOM decides; else UTF-16 without BOM
// is recognised by its zero bytes; else the first block decides between UTF-8 and
// Windows-1256 (not valid UTF-8 -> Windows-1256), and the rest is still checked.
class TextSource {
 public:
  // Throws CaseDataError when the file cannot be opened.
  TextSource(const std::string& path, Encoding encoding);
  ~TextSource();
  TextSource(const TextSource&) = delete;
  TextSource& operator=(const TextSource&) = delete;

  // The part of a UTF-8 file from byte `begin` on (just after a line feed: no BOM, no
  // detection), checked to be UTF-8 when `validate` (throws NotUtf8AfterAll otherwise).
  TextSource(const std::string& path, std::uint64_t begin, bool validate);

  // Fills dst with up to `cap` (>= 16) bytes of UTF-8; returns 0 at the end of the file,
  // or at the limit.
  std::size_t read(char* dst, std::size_t cap);

  // UTF-8 only: read() stops at byte `end` of the file until the limit is lifted.
  void set_limit(std::uint64_t end) { limit_ = end; }
  void lift_limit() { limit_ = kNoLimit; }
  bool at_limit() const { return limit_ != kNoLimit && consumed_ >= limit_; }

  Encoding encoding() const { return encoding_; }
  bool had_bom() const { return bom_; }
  std::uint64_t repaired_bytes() const { return repaired_; }  // invalid bytes turned into '?'

  std::uint64_t size() const { return size_; }           // bytes on disk
  std::uint64_t consumed() const { return consumed_; }   // bytes of the file decoded so far

 private:
  std::size_t fill_raw(std::size_t want);  // reads more raw bytes; returns bytes available
  std::string path_;
  std::FILE* f_ = nullptr;
  Encoding encoding_;
  bool watch_utf8_ = false;  // auto mode chose UTF-8: keep checking
  // UTF-8 by BOM or by choice: invalid bytes become '?' so that every cell is UTF-8 (a bad
  // byte in one cell must not stop an import, nor reach a workbook or the window).
  Utf8Validator repair_;
  std::uint64_t repaired_ = 0;
  bool bom_ = false;
  bool eof_ = false;
  std::uint64_t size_ = 0;
  std::uint64_t consumed_ = 0;
  static constexpr std::uint64_t kNoLimit = ~std::uint64_t(0);
  std::uint64_t limit_ = kNoLimit;
  std::vector<char> raw_;
  std::size_t raw_pos_ = 0, raw_end_ = 0;
  Utf8Validator validator_;
};

}  // namespace mizan::casedata
