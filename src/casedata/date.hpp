#pragma once
// Calendar dates as day numbers, and the date formats case exports use.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mizan::casedata {

// A calendar date (proleptic Gregorian) as days since 1970-01-01. Plain value, cheap to
// compare and subtract: `b - a` is the number of days from a to b.
struct Date {
  std::int32_t days = 0;

  static Date from_ymd(int y, int m, int d);                       // no validation
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

 private:
  std::vector<DateFormat> formats_;
  bool iso_first_ = false;
};

// Copies `s` with Arabic-Indic and Extended Arabic-Indic digits replaced by ASCII digits
// into `buf` (size `cap`); returns the view, or `s` itself when it is pure ASCII.
// Returns an empty view when the result would not fit.
std::string_view ascii_digits(std::string_view s, char* buf, std::size_t cap);

}  // namespace mizan::casedata
