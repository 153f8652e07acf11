#pragma once
// Calendar dates as day numbers, and the date formats case exports use.
#include <climits>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mizan::casedata {

// A calendar date (proleptic Gregorian) as days since 1970-01-01. Plain value, cheap to
// compare and subtract: `b - a` is the number of days from a to b.
struct Date {
  std::int32_t days = 0;

  // Inline: the importer calls these for millions of cells.
  static constexpr Date from_ymd(int y, int m, int d);             // no validation
  static std::optional<Date> checked(int y, int m, int d);          // nullopt if no such day
  static std::optional<Date> parse_iso(std::string_view s);        // exactly YYYY-MM-DD
  static Date today();                                             // local time
  void ymd(int& y, int& m, int& d) const;
  std::string iso() const;  // YYYY-MM-DD

  friend int operator-(Date a, Date b) { return a.days - b.days; }
  friend Date operator+(Date a, int n) { return Date{a.days + n}; }
  friend bool operator==(Date a, Date b) { return a.days == b.days; }
  friend bool operator!=(Date a, Date b) { return a.days != b.days; }
  friend bool operator<(Date a, Date b) { return a.days < b.days; }
  friend bool operator<=(Date a, Date b) { return a.days <= b.days; }
  friend bool operator>(Date a, Date b) { return a.days > b.days; }
  friend bool operator>=(Date a, Date b) { return a.days >= b.days; }
};

// Dates are accepted between these years; anything else is a typo (0205-03-01, 20026-…).
constexpr int kMinYear = 1900;
constexpr int kMaxYear = 2200;

// Day numbers from civil dates, after the well-known era-based algorithm (400-year eras of
// 146097 days, March-based years so the leap day falls last).
constexpr Date Date::from_ymd(int y, int m, int d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned mp = static_cast<unsigned>(m > 2 ? m - 3 : m + 9);
  const unsigned doy = (153 * mp + 2) / 5 + static_cast<unsigned>(d) - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return Date{static_cast<std::int32_t>(era * 146097 + static_cast<int>(doe) - 719468)};
}

namespace detail {
// Day numbers of 1 January of every year kMinYear..kMaxYear, and of the first of each
// month (normal and leap years): checking and converting a date is then a few look-ups.
struct CalendarTables {
  std::int32_t year_start[kMaxYear - kMinYear + 2] = {};
  bool leap[kMaxYear - kMinYear + 1] = {};
  std::int16_t month_start[2][13] = {};
  constexpr CalendarTables() {
    constexpr std::int16_t kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    for (int l = 0; l < 2; ++l)
      for (int m = 0; m < 12; ++m)
        month_start[l][m + 1] = static_cast<std::int16_t>(month_start[l][m] + kDays[m] + (l && m == 1));
    year_start[0] = Date::from_ymd(kMinYear, 1, 1).days;
    for (int y = kMinYear; y <= kMaxYear; ++y) {
      const int i = y - kMinYear;
      leap[i] = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
      year_start[i + 1] = year_start[i] + (leap[i] ? 366 : 365);
    }
  }
};
inline constexpr CalendarTables kCalendar{};
}  // namespace detail

namespace detail {
// The day number, or kNoDay: the forms of Date::checked and Date::parse_iso for hot loops,
// where a std::optional<Date> would go through memory (a store-forwarding stall each).
constexpr std::int32_t kNoDay = INT32_MIN;

[[gnu::always_inline]] inline std::int32_t checked_days(int y, int m, int d) {
  const unsigned yi = static_cast<unsigned>(y - kMinYear), mi = static_cast<unsigned>(m - 1);
  if (yi > static_cast<unsigned>(kMaxYear - kMinYear) || mi > 11) return kNoDay;
  const auto& c = kCalendar;
  const std::int16_t* ms = c.month_start[c.leap[yi]];
  if (d < 1 || d > ms[mi + 1] - ms[mi]) return kNoDay;
  return c.year_start[yi] + ms[mi] + d - 1;
}

[[gnu::always_inline]] inline std::int32_t iso_days(std::string_view s) {
  if (s.size() != 10) return kNoDay;
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  // "YYYY-MM-" checked as one word: digits in bytes 0-3, 5, 6 and dashes in 4 and 7.
  std::uint64_t w;
  std::memcpy(&w, s.data(), 8);
  constexpr std::uint64_t kDigitBytes = 0x00FFFF00FFFFFFFFULL, kDashBytes = ~kDigitBytes;
  constexpr std::uint64_t kZeros = 0x3030303030303030ULL & kDigitBytes, kSixes = 0x0606060606060606ULL & kDigitBytes,
                          kHigh = 0xF0F0F0F0F0F0F0F0ULL & kDigitBytes;
  const std::uint64_t dgt = w & kDigitBytes;
  if ((w & kDashBytes) != (0x2D2D2D2D2D2D2D2DULL & kDashBytes) || (dgt & kHigh) != kZeros ||
      ((dgt + kSixes) & kHigh) != kZeros)
    return kNoDay;
  const std::uint64_t x = dgt - kZeros;  // each digit byte now 0..9
  auto at = [&](int i) { return static_cast<unsigned>((x >> (8 * i)) & 0xFF); };
  const unsigned y = at(0) * 1000 + at(1) * 100 + at(2) * 10 + at(3), m = at(5) * 10 + at(6);
#else
  const auto dg = [&](int i) { return static_cast<unsigned>(static_cast<unsigned char>(s[i]) - '0'); };
  if (s[4] != '-' || s[7] != '-') return kNoDay;
  for (int i : {0, 1, 2, 3, 5, 6})
    if (dg(i) > 9) return kNoDay;
  const unsigned y = dg(0) * 1000 + dg(1) * 100 + dg(2) * 10 + dg(3), m = dg(5) * 10 + dg(6);
#endif
  const unsigned d0 = static_cast<unsigned>(static_cast<unsigned char>(s[8]) - '0'),
                 d1 = static_cast<unsigned>(static_cast<unsigned char>(s[9]) - '0');
  if (d0 > 9 || d1 > 9) return kNoDay;
  return checked_days(static_cast<int>(y), static_cast<int>(m), static_cast<int>(d0 * 10 + d1));
}
}  // namespace detail

inline std::optional<Date> Date::checked(int y, int m, int d) {
  const std::int32_t days = detail::checked_days(y, m, d);
  return days == detail::kNoDay ? std::nullopt : std::optional<Date>(Date{days});
}

inline std::optional<Date> Date::parse_iso(std::string_view s) {
  const std::int32_t days = detail::iso_days(s);
  return days == detail::kNoDay ? std::nullopt : std::optional<Date>(Date{days});
}

// Excel serial day number -> date (1900 date system unless `date1904`). Fractions (the
// time of day) are dropped. nullopt outside 1..2958465 or for Excel's phantom 1900-02-29.
std::optional<Date> date_from_excel_serial(double serial, bool date1904 = false);

// One date layout, compiled from a pattern such as "DD/MM/YYYY":
//   YYYY  four-digit year          MM, M  month, 1 or 2 digits   DD, D  day, 1 or 2 digits
//   Mon   month name: English (Mar, March; any case) or Arabic (مارس, آذار, …)
//   any other character must appear as written.
// "excel" stands for Excel serial numbers written as text (10000–2958465, i.e. 1927–9999;
// smaller numbers are more likely years or ages than dates).
// Arabic-Indic digits (٠١٢…) are read like ASCII digits. A time after the date
// ("2026-03-05 10:30", "2026-03-05T10:30:00Z") is ignored.
class DateFormat {
 public:
  // nullopt when the pattern has no day, month or year, or an unknown token.
  static std::optional<DateFormat> compile(std::string_view pattern);
  std::optional<Date> parse(std::string_view s) const;  // s: trimmed, ASCII digits
  const std::string& pattern() const { return pattern_; }

 private:
  enum class Tok : std::uint8_t { year, month, day, month_name, literal, excel };
  struct Item {
    Tok tok;
    char ch;
  };
  std::string pattern_;
  std::vector<Item> items_;
};

// The formats a mapping accepts, tried in order; the first that reads the whole value wins.
class DateParser {
 public:
  DateParser();  // the default list: default_patterns()
  explicit DateParser(const std::vector<std::string>& patterns);  // throws std::invalid_argument
  static const std::vector<std::string>& default_patterns();

  std::optional<Date> parse(std::string_view s) const;  // s trimmed; blank -> nullopt
  std::vector<std::string> patterns() const;
  // YYYY-MM-DD is the first format: a value Date::parse_iso reads is read that way.
  bool iso_first() const { return iso_first_; }

 private:
  std::vector<DateFormat> formats_;
  bool iso_first_ = false;
};

// Copies `s` with Arabic-Indic and Extended Arabic-Indic digits replaced by ASCII digits
// into `buf` (size `cap`); returns the view, or `s` itself when it is pure ASCII.
// Returns an empty view when the result would not fit.
std::string_view ascii_digits(std::string_view s, char* buf, std::size_t cap);

}  // namespace mizan::casedata
