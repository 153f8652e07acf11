#include "casedata/date.hpp"

#include <cmath>
#include <ctime>
#include <stdexcept>

namespace mizan::casedata {

// Back from day numbers to civil dates: the inverse of from_ymd (date.hpp).
void Date::ymd(int& y, int& m, int& d) const {
  const int z = days + 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  y = static_cast<int>(yoe) + era * 400 + (m <= 2);
}

namespace {
inline bool digit(char c) { return c >= '0' && c <= '9'; }
}  // namespace

Date Date::today() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  localtime_r(&t, &tm);
  return from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

std::string Date::iso() const {
  int y, m, d;
  ymd(y, m, d);
  char buf[16];
  if (y < 0 || y > 9999) return "0000-00-00";
  buf[0] = static_cast<char>('0' + y / 1000);
  buf[1] = static_cast<char>('0' + y / 100 % 10);
  buf[2] = static_cast<char>('0' + y / 10 % 10);
  buf[3] = static_cast<char>('0' + y % 10);
  buf[4] = '-';
  buf[5] = static_cast<char>('0' + m / 10);
  buf[6] = static_cast<char>('0' + m % 10);
  buf[7] = '-';
  buf[8] = static_cast<char>('0' + d / 10);
  buf[9] = static_cast<char>('0' + d % 10);
  return std::string(buf, 10);
}

std::optional<Date> date_from_excel_serial(double serial, bool date1904) {
  if (!(serial >= 0) || serial >= 2958466.0) return std::nullopt;
  const long n = static_cast<long>(std::floor(serial));
  if (date1904) return Date::from_ymd(1904, 1, 1) + static_cast<int>(n);
  if (n < 1) return std::nullopt;
  // Excel counts 1900 as a leap year: serial 60 is 1900-02-29, which never was.
  if (n == 60) return std::nullopt;
  if (n < 60) return Date::from_ymd(1899, 12, 31) + static_cast<int>(n);
  return Date::from_ymd(1899, 12, 30) + static_cast<int>(n);
}

std::string_view ascii_digits(std::string_view s, char* buf, std::size_t cap) {
  bool ascii = true;
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x80) {
      ascii = false;
      break;
    }
  if (ascii) return s;
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    char out = static_cast<char>(c);
    if (i + 1 < s.size()) {
      const auto c2 = static_cast<unsigned char>(s[i + 1]);
      if (c == 0xD9 && c2 >= 0xA0 && c2 <= 0xA9) {  // U+0660..0669
        out = static_cast<char>('0' + (c2 - 0xA0));
        ++i;
      } else if (c == 0xDB && c2 >= 0xB0 && c2 <= 0xB9) {  // U+06F0..06F9
        out = static_cast<char>('0' + (c2 - 0xB0));
        ++i;
      }
    }
    if (n >= cap) return {};
    buf[n++] = out;
  }
  return std::string_view(buf, n);
}

namespace {

struct MonthName {
  const char* name;
  int month;
};
// English names are matched case-insensitively (abbreviation or full), Arabic as written:
// the Egyptian/Gulf names and the Levantine (Syriac) names, with and without hamza.
const MonthName kMonthNames[] = {
    {"january", 1}, {"february", 2}, {"march", 3}, {"april", 4}, {"may", 5}, {"june", 6}, {"july", 7},
    {"august", 8}, {"september", 9}, {"sept", 9}, {"october", 10}, {"november", 11}, {"december", 12},
    {"jan", 1}, {"feb", 2}, {"mar", 3}, {"apr", 4}, {"jun", 6}, {"jul", 7}, {"aug", 8}, {"sep", 9},
    {"oct", 10}, {"nov", 11}, {"dec", 12},
    {"يناير", 1}, {"فبراير", 2}, {"مارس", 3}, {"أبريل", 4}, {"ابريل", 4}, {"إبريل", 4}, {"مايو", 5},
    {"يونيو", 6}, {"يوليو", 7}, {"أغسطس", 8}, {"اغسطس", 8}, {"سبتمبر", 9}, {"أكتوبر", 10},
    {"اكتوبر", 10}, {"نوفمبر", 11}, {"ديسمبر", 12},
    {"كانون الثاني", 1}, {"شباط", 2}, {"آذار", 3}, {"اذار", 3}, {"نيسان", 4}, {"أيار", 5}, {"ايار", 5},
    {"حزيران", 6}, {"تموز", 7}, {"آب", 8}, {"اب", 8}, {"أيلول", 9}, {"ايلول", 9}, {"تشرين الأول", 10},
    {"تشرين الاول", 10}, {"تشرين الثاني", 11}, {"كانون الأول", 12}, {"كانون الاول", 12},
};

// Longest month name at s[pos…]; returns its length and month, or 0.
std::size_t match_month(std::string_view s, std::size_t pos, int& month) {
  std::size_t best = 0;
  for (const auto& mn : kMonthNames) {
    std::string_view n(mn.name);
    if (n.size() <= best || pos + n.size() > s.size()) continue;
    bool ok = true;
    for (std::size_t i = 0; i < n.size() && ok; ++i) {
      char c = s[pos + i];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      ok = c == n[i];
    }
    // An English name must not run on into more letters ("Marchx").
    if (ok && pos + n.size() < s.size()) {
      const char next = s[pos + n.size()];
      if ((next >= 'a' && next <= 'z') || (next >= 'A' && next <= 'Z')) ok = false;
    }
    if (ok) {
      best = n.size();
      month = mn.month;
    }
  }
  return best;
}

bool read_number(std::string_view s, std::size_t& pos, int min_digits, int max_digits, int& value) {
  int n = 0;
  int v = 0;
  while (pos < s.size() && n < max_digits && digit(s[pos])) {
    v = v * 10 + (s[pos] - '0');
    ++pos;
    ++n;
  }
  if (n < min_digits) return false;
  if (pos < s.size() && digit(s[pos])) return false;  // more digits than the field allows
  value = v;
  return true;
}

// After the date: nothing, or a time ("10:30", "T10:30:00Z").
bool time_or_end(std::string_view s, std::size_t pos) {
  if (pos == s.size()) return true;
  if ((s[pos] == ' ' || s[pos] == 'T') && pos + 1 < s.size() && digit(s[pos + 1])) return true;
  return false;
}

std::optional<Date> parse_excel_text(std::string_view s) {
  // digits, optionally a fraction (time of day)
  std::size_t i = 0;
  long v = 0;
  while (i < s.size() && digit(s[i])) {
    v = v * 10 + (s[i] - '0');
    if (v > 9999999) return std::nullopt;
    ++i;
  }
  if (i == 0) return std::nullopt;
  if (i < s.size()) {
    if (s[i] != '.') return std::nullopt;
    ++i;
    while (i < s.size() && digit(s[i])) ++i;
    if (i != s.size()) return std::nullopt;
  }
  if (v < 10000) return std::nullopt;
  return date_from_excel_serial(static_cast<double>(v));
}

}  // namespace

std::optional<DateFormat> DateFormat::compile(std::string_view p) {
  DateFormat f;
  f.pattern_ = std::string(p);
  if (p == "excel") {
    f.items_.push_back({Tok::excel, 0});
    return f;
  }
  bool y = false, m = false, d = false;
  for (std::size_t i = 0; i < p.size();) {
    auto starts = [&](std::string_view t) { return p.substr(i, t.size()) == t; };
    if (starts("YYYY")) {
      if (y) return std::nullopt;
      f.items_.push_back({Tok::year, 0});
      y = true;
      i += 4;
    } else if (starts("Mon") || starts("MON")) {
      if (m) return std::nullopt;
      f.items_.push_back({Tok::month_name, 0});
      m = true;
      i += 3;
    } else if (starts("MM") || starts("M")) {
      if (m) return std::nullopt;
      f.items_.push_back({Tok::month, 0});
      m = true;
      i += starts("MM") ? 2 : 1;
    } else if (starts("DD") || starts("D")) {
      if (d) return std::nullopt;
      f.items_.push_back({Tok::day, 0});
      d = true;
      i += starts("DD") ? 2 : 1;
    } else if ((p[i] >= 'A' && p[i] <= 'Z') || (p[i] >= 'a' && p[i] <= 'z')) {
      return std::nullopt;  // a letter that is no token: a typo in the pattern
    } else {
      f.items_.push_back({Tok::literal, p[i]});
      ++i;
    }
  }
  if (!y || !m || !d) return std::nullopt;
  return f;
}

std::optional<Date> DateFormat::parse(std::string_view s) const {
  if (items_.size() == 1 && items_[0].tok == Tok::excel) return parse_excel_text(s);
  std::size_t pos = 0;
  int y = 0, m = 0, d = 0;
  for (const Item& it : items_) {
    switch (it.tok) {
      case Tok::year:
        if (!read_number(s, pos, 4, 4, y)) return std::nullopt;
        break;
      case Tok::month:
        if (!read_number(s, pos, 1, 2, m)) return std::nullopt;
        break;
      case Tok::day:
        if (!read_number(s, pos, 1, 2, d)) return std::nullopt;
        break;
      case Tok::month_name: {
        const std::size_t n = match_month(s, pos, m);
        if (n == 0) return std::nullopt;
        pos += n;
        break;
      }
      case Tok::literal:
        if (pos >= s.size() || s[pos] != it.ch) return std::nullopt;
        ++pos;
        break;
      case Tok::excel:
        return std::nullopt;
    }
  }
  if (!time_or_end(s, pos)) return std::nullopt;
  return Date::checked(y, m, d);
}

const std::vector<std::string>& DateParser::default_patterns() {
  static const std::vector<std::string> k = {"YYYY-MM-DD", "DD/MM/YYYY", "DD-MM-YYYY", "DD.MM.YYYY",
                                             "YYYY/MM/DD", "DD-Mon-YYYY", "DD Mon YYYY", "excel"};
  return k;
}

DateParser::DateParser() : DateParser(default_patterns()) {}

DateParser::DateParser(const std::vector<std::string>& patterns) {
  for (const auto& p : patterns) {
    auto f = DateFormat::compile(p);
    if (!f) throw std::invalid_argument("not a date pattern: \"" + p + "\"");
    formats_.push_back(std::move(*f));
  }
  iso_first_ = !formats_.empty() && formats_.front().pattern() == "YYYY-MM-DD";
}

std::vector<std::string> DateParser::patterns() const {
  std::vector<std::string> v;
  for (const auto& f : formats_) v.push_back(f.pattern());
  return v;
}

std::optional<Date> DateParser::parse(std::string_view s) const {
  if (s.empty()) return std::nullopt;
  if (iso_first_ && s.size() == 10) {
    if (auto d = Date::parse_iso(s)) return d;
  }
  char buf[64];
  std::string_view a = ascii_digits(s, buf, sizeof buf);
  if (a.empty()) return std::nullopt;
  for (const auto& f : formats_)
    if (auto d = f.parse(a)) return d;
  return std::nullopt;
}

}  // namespace mizan::casedata
