#include "casedata/encoding.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <sys/stat.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "casedata/error.hpp"

namespace mizan::casedata {

const char* encoding_name(Encoding e) {
  switch (e) {
    case Encoding::auto_detect: return "auto";
    case Encoding::utf8: return "utf-8";
    case Encoding::utf16le: return "utf-16le";
    case Encoding::utf16be: return "utf-16be";
    case Encoding::cp1256: return "cp1256";
  }
  return "auto";
}

std::optional<Encoding> encoding_from_name(std::string_view name) {
  std::string n;
  for (char c : name) {
    if (c == '-' || c == '_' || c == ' ') continue;
    n += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  if (n.empty() || n == "auto") return Encoding::auto_detect;
  if (n == "utf8" || n == "utf8bom" || n == "utf8sig") return Encoding::utf8;
  if (n == "utf16le" || n == "utf16" || n == "unicode") return Encoding::utf16le;
  if (n == "utf16be") return Encoding::utf16be;
  if (n == "cp1256" || n == "windows1256" || n == "win1256" || n == "arabicwindows") return Encoding::cp1256;
  return std::nullopt;
}

bool Utf8Validator::feed(const char* p, std::size_t n) {
  const auto* s = reinterpret_cast<const unsigned char*>(p);
  std::size_t i = 0;
  while (i < n) {
    if (need_ == 0) {
      while (i + 64 <= n) {  // ASCII runs, 64 bytes at a time
#if defined(__SSE2__)
        const auto* v = reinterpret_cast<const __m128i*>(s + i);
        const __m128i any = _mm_or_si128(_mm_or_si128(_mm_loadu_si128(v), _mm_loadu_si128(v + 1)),
                                         _mm_or_si128(_mm_loadu_si128(v + 2), _mm_loadu_si128(v + 3)));
        if (_mm_movemask_epi8(any)) break;
#else
        std::uint64_t w[8];
        std::memcpy(w, s + i, 64);
        if ((w[0] | w[1] | w[2] | w[3] | w[4] | w[5] | w[6] | w[7]) & 0x8080808080808080ULL) break;
#endif
        i += 64;
      }
      while (i + 8 <= n) {
        std::uint64_t w;
        std::memcpy(&w, s + i, 8);
        if (w & 0x8080808080808080ULL) break;
        i += 8;
      }
      if (i >= n) break;
      const unsigned char c = s[i++];
      if (c < 0x80) continue;
      if (!open_sequence(c)) return false;
    } else {
      const unsigned char c = s[i++];
      if (c < lo_ || c > hi_) return false;
      --need_;
      lo_ = 0x80, hi_ = 0xBF;
    }
  }
  return true;
}

std::size_t Utf8Validator::repair(char* p, std::size_t n) {
  {
    Utf8Validator probe = *this;  // the common case: nothing to repair
    if (probe.feed(p, n)) {
      *this = probe;
      return 0;
    }
  }
  auto* s = reinterpret_cast<unsigned char*>(p);
  std::size_t fixed = 0, start = 0;  // start: where the open sequence began in this block
  bool started_here = false;
  for (std::size_t i = 0; i < n; ++i) {
    const unsigned char c = s[i];
    if (need_ > 0) {
      if (c >= lo_ && c <= hi_) {
        --need_;
        lo_ = 0x80, hi_ = 0xBF;
        continue;
      }
      if (started_here)
        for (std::size_t k = start; k < i; ++k, ++fixed) s[k] = '?';
      need_ = 0;
      lo_ = 0x80, hi_ = 0xBF;
      // c is read afresh below.
    }
    if (c < 0x80) continue;
    start = i;
    started_here = true;
    if (!open_sequence(c)) {
      s[i] = '?';
      ++fixed;
    }
  }
  return fixed;
}

bool is_valid_utf8(std::string_view s) {
  Utf8Validator v;
  return v.feed(s.data(), s.size()) && v.complete();
}

namespace {
// Windows-1256, bytes 0x80..0xFF (the code page as Microsoft and the Unicode consortium
// publish it; every byte is assigned).
constexpr char16_t kCp1256[128] = {
    0x20AC, 0x067E, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,  // 80
    0x02C6, 0x2030, 0x0679, 0x2039, 0x0152, 0x0686, 0x0698, 0x0688,  // 88
    0x06AF, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,  // 90
    0x06A9, 0x2122, 0x0691, 0x203A, 0x0153, 0x200C, 0x200D, 0x06BA,  // 98
    0x00A0, 0x060C, 0x00A2, 0x00A3, 0x00A4, 0x00A5, 0x00A6, 0x00A7,  // A0
    0x00A8, 0x00A9, 0x06BE, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x00AF,  // A8
    0x00B0, 0x00B1, 0x00B2, 0x00B3, 0x00B4, 0x00B5, 0x00B6, 0x00B7,  // B0
    0x00B8, 0x00B9, 0x061B, 0x00BB, 0x00BC, 0x00BD, 0x00BE, 0x061F,  // B8
    0x06C1, 0x0621, 0x0622, 0x0623, 0x0624, 0x0625, 0x0626, 0x0627,  // C0
    0x0628, 0x0629, 0x062A, 0x062B, 0x062C, 0x062D, 0x062E, 0x062F,  // C8
    0x0630, 0x0631, 0x0632, 0x0633, 0x0634, 0x0635, 0x0636, 0x00D7,  // D0
    0x0637, 0x0638, 0x0639, 0x063A, 0x0640, 0x0641, 0x0642, 0x0643,  // D8
    0x00E0, 0x0644, 0x00E2, 0x0645, 0x0646, 0x0647, 0x0648, 0x00E7,  // E0
    0x00E8, 0x00E9, 0x00EA, 0x00EB, 0x0649, 0x064A, 0x00EE, 0x00EF,  // E8
    0x064B, 0x064C, 0x064D, 0x064E, 0x00F4, 0x064F, 0x0650, 0x00F7,  // F0
    0x0651, 0x00F9, 0x0652, 0x00FB, 0x00FC, 0x200E, 0x200F, 0x06D2,  // F8
};
constexpr std::size_t kRawBlock = 1 << 20;
}  // namespace

char32_t cp1256_to_unicode(unsigned char byte) { return byte < 0x80 ? byte : kCp1256[byte - 0x80]; }

std::size_t put_utf8(char32_t cp, char* out) {
  if (cp < 0x80) {
    out[0] = static_cast<char>(cp);
    return 1;
  }
  if (cp < 0x800) {
    out[0] = static_cast<char>(0xC0 | (cp >> 6));
    out[1] = static_cast<char>(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = static_cast<char>(0xE0 | (cp >> 12));
    out[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out[2] = static_cast<char>(0x80 | (cp & 0x3F));
    return 3;
  }
  out[0] = static_cast<char>(0xF0 | (cp >> 18));
  out[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
  out[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
  out[3] = static_cast<char>(0x80 | (cp & 0x3F));
  return 4;
}

TextSource::TextSource(const std::string& path, Encoding encoding) : path_(path), encoding_(encoding) {
  f_ = std::fopen(path.c_str(), "rb");
  if (!f_) throw CaseDataError(file_name_only(path), std::string("cannot open: ") + std::strerror(errno));
  struct stat st {};
  if (fstat(fileno(f_), &st) == 0) size_ = static_cast<std::uint64_t>(st.st_size);
  raw_.resize(kRawBlock);
  const std::size_t n = fill_raw(kRawBlock);
  const auto* b = reinterpret_cast<const unsigned char*>(raw_.data());

  auto skip = [&](std::size_t k) {
    raw_pos_ += k;
    consumed_ += k;
    bom_ = true;
  };
  const bool bom8 = n >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF;
  const bool bom16le = n >= 2 && b[0] == 0xFF && b[1] == 0xFE;
  const bool bom16be = n >= 2 && b[0] == 0xFE && b[1] == 0xFF;
  if (encoding_ == Encoding::auto_detect) {
    if (bom8) {
      encoding_ = Encoding::utf8;
    } else if (bom16le) {
      encoding_ = Encoding::utf16le;
    } else if (bom16be) {
      encoding_ = Encoding::utf16be;
    } else if (n >= 4 && b[0] != 0 && b[1] == 0 && b[2] != 0 && b[3] == 0) {
      encoding_ = Encoding::utf16le;  // "c\0s\0…" – UTF-16 without its BOM
    } else if (n >= 4 && b[0] == 0 && b[1] != 0 && b[2] == 0 && b[3] != 0) {
      encoding_ = Encoding::utf16be;
    } else {
      Utf8Validator v;
      // The block may end inside a sequence: that is not a fault of the file.
      encoding_ = v.feed(raw_.data(), n) ? Encoding::utf8 : Encoding::cp1256;
      watch_utf8_ = encoding_ == Encoding::utf8;
    }
  }
  if (encoding_ == Encoding::utf8 && bom8) skip(3);
  if (encoding_ == Encoding::utf16le && bom16le) skip(2);
  if (encoding_ == Encoding::utf16be && bom16be) skip(2);
}

TextSource::TextSource(const std::string& path, std::uint64_t begin, bool validate)
    : path_(path), encoding_(Encoding::utf8), watch_utf8_(validate) {
  f_ = std::fopen(path.c_str(), "rb");
  if (!f_) throw CaseDataError(file_name_only(path), std::string("cannot open: ") + std::strerror(errno));
  struct stat st {};
  if (fstat(fileno(f_), &st) == 0) size_ = static_cast<std::uint64_t>(st.st_size);
  if (begin > 0 && fseeko(f_, static_cast<off_t>(begin), SEEK_SET) != 0)
    throw CaseDataError(file_name_only(path), "read error");
  consumed_ = begin;
}

TextSource::~TextSource() {
  if (f_) std::fclose(f_);
}

std::size_t TextSource::fill_raw(std::size_t want) {
  if (raw_pos_ > 0 && raw_pos_ == raw_end_) raw_pos_ = raw_end_ = 0;
  if (raw_pos_ > 0 && raw_end_ - raw_pos_ < 8) {
    std::memmove(raw_.data(), raw_.data() + raw_pos_, raw_end_ - raw_pos_);
    raw_end_ -= raw_pos_;
    raw_pos_ = 0;
  }
  while (!eof_ && raw_end_ - raw_pos_ < want && raw_end_ < raw_.size()) {
    const std::size_t got = std::fread(raw_.data() + raw_end_, 1, raw_.size() - raw_end_, f_);
    if (got == 0) {
      if (std::ferror(f_)) throw CaseDataError(file_name_only(path_), "read error");
      eof_ = true;
    }
    raw_end_ += got;
  }
  return raw_end_ - raw_pos_;
}

std::size_t TextSource::read(char* dst, std::size_t cap) {
  if (encoding_ == Encoding::utf8) {
    if (limit_ != kNoLimit) cap = static_cast<std::size_t>(std::min<std::uint64_t>(cap, limit_ - std::min(limit_, consumed_)));
    if (cap == 0) return 0;
    std::size_t n = 0;
    if (raw_pos_ < raw_end_) {  // what the sniffing read first
      n = std::min(cap, raw_end_ - raw_pos_);
      std::memcpy(dst, raw_.data() + raw_pos_, n);
      raw_pos_ += n;
      if (raw_pos_ == raw_end_) std::vector<char>().swap(raw_);  // not needed again for UTF-8
    } else if (!eof_) {
      n = std::fread(dst, 1, cap, f_);
      if (n == 0) {
        if (std::ferror(f_)) throw CaseDataError(file_name_only(path_), "read error");
        eof_ = true;
      }
    }
    if (watch_utf8_ && !validator_.feed(dst, n)) throw NotUtf8AfterAll{};
    if (watch_utf8_ && n == 0 && !validator_.complete()) throw NotUtf8AfterAll{};
    if (!watch_utf8_) repaired_ += repair_.repair(dst, n);
    consumed_ += n;
    return n;
  }

  std::size_t out = 0;
  if (encoding_ == Encoding::cp1256) {
    const std::size_t avail = fill_raw(1);
    const std::size_t take = std::min(avail, cap / 3);
    const auto* s = reinterpret_cast<const unsigned char*>(raw_.data() + raw_pos_);
    for (std::size_t i = 0; i < take; ++i) {
      const unsigned char c = s[i];
      if (c < 0x80)
        dst[out++] = static_cast<char>(c);
      else
        out += put_utf8(kCp1256[c - 0x80], dst + out);
    }
    raw_pos_ += take;
    consumed_ += take;
    return out;
  }

  // UTF-16: two bytes a unit; a surrogate pair needs both units in the buffer.
  const bool le = encoding_ == Encoding::utf16le;
  const std::size_t avail = fill_raw(4);
  const auto* s = reinterpret_cast<const unsigned char*>(raw_.data() + raw_pos_);
  const std::size_t limit = std::min(avail, (cap / 3) * 2) & ~static_cast<std::size_t>(1);
  std::size_t i = 0;
  auto unit = [&](std::size_t k) -> char32_t {
    return le ? static_cast<char32_t>(s[k] | (s[k + 1] << 8)) : static_cast<char32_t>((s[k] << 8) | s[k + 1]);
  };
  while (i + 2 <= limit) {
    char32_t u = unit(i);
    if (u >= 0xD800 && u <= 0xDBFF) {
      if (i + 4 > avail) {
        if (!eof_ || avail - i >= 4) break;  // wait for the low surrogate
        out += put_utf8(0xFFFD, dst + out);
        i += 2;
        continue;
      }
      const char32_t lo = unit(i + 2);
      if (lo >= 0xDC00 && lo <= 0xDFFF) {
        out += put_utf8(0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00), dst + out);
        i += 4;
        continue;
      }
      u = 0xFFFD;
    } else if (u >= 0xDC00 && u <= 0xDFFF) {
      u = 0xFFFD;
    }
    out += put_utf8(u, dst + out);
    i += 2;
  }
  if (i == 0 && eof_ && avail == 1) {  // a stray last byte
    out += put_utf8(0xFFFD, dst + out);
    i = 1;
  }
  raw_pos_ += i;
  consumed_ += i;
  return out;
}

}  // namespace mizan::casedata
