#include "export/workbook.hpp"

#include "core/action_plan.hpp"
#include "core/problem.hpp"

namespace mizan::xlsx {

// ---- pure helpers --------------------------------------------------------------------

namespace {

constexpr char32_t kReplacement = 0xFFFD;

// One code point from s at i (advancing i); malformed UTF-8 gives U+FFFD for one byte.
char32_t next_code_point(std::string_view s, size_t& i) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char b0 = byte(i);
  if (b0 < 0x80) {
    ++i;
    return b0;
  }
  int len = 0;
  char32_t cp = 0;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (b0 >= 0xC2 && b0 <= 0xDF) len = 2, cp = b0 & 0x1F;
  else if (b0 >= 0xE0 && b0 <= 0xEF) len = 3, cp = b0 & 0x0F, lo = b0 == 0xE0 ? 0xA0 : 0x80, hi = b0 == 0xED ? 0x9F : 0xBF;
  else if (b0 >= 0xF0 && b0 <= 0xF4) len = 4, cp = b0 & 0x07, lo = b0 == 0xF0 ? 0x90 : 0x80, hi = b0 == 0xF4 ? 0x8F : 0xBF;
  if (len == 0 || i + len > s.size()) {
    ++i;
    return kReplacement;
  }
  for (int k = 1; k < len; ++k) {
    unsigned char b = byte(i + k);
    if (k == 1 ? (b < lo || b > hi) : (b < 0x80 || b > 0xBF)) {
      ++i;
      return kReplacement;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  i += len;
  return cp;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

size_t utf16_units(std::string_view s) {
  size_t n = 0;
  for (size_t i = 0; i < s.size();) n += next_code_point(s, i) > 0xFFFF ? 2 : 1;
  return n;
}

bool is_hex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

// "_xHHHH_" at s[i]: Excel decodes it in shared strings, so a literal one is escaped.
bool escape_pattern_at(std::string_view s, size_t i) {
  return i + 7 <= s.size() && s[i] == '_' && s[i + 1] == 'x' && is_hex(s[i + 2]) && is_hex(s[i + 3]) &&
         is_hex(s[i + 4]) && is_hex(s[i + 5]) && s[i + 6] == '_';
}

std::string ascii_lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

// The first `units` UTF-16 units of s, cut at a code point boundary.
std::string first_units(std::string_view s, size_t units) {
  std::string out;
  size_t n = 0;
  for (size_t i = 0; i < s.size();) {
    char32_t cp = next_code_point(s, i);
    size_t u = cp > 0xFFFF ? 2 : 1;
    if (n + u > units) break;
    n += u;
    append_utf8(out, cp);
  }
  return out;
}

}  // namespace

CellText cell_text(std::string_view s, std::string_view marker) {
  const size_t marker_units = utf16_units(marker);
  const size_t budget = kMaxCellChars > marker_units ? kMaxCellChars - marker_units : 0;
  CellText out;
  out.text.reserve(s.size());
  size_t units = 0, cut = std::string::npos;
  auto emit = [&](char32_t cp) {
    size_t u = cp > 0xFFFF ? 2 : 1;
    if (cut == std::string::npos && units + u > budget) cut = out.text.size();
    units += u;
    append_utf8(out.text, cp);
  };
  for (size_t i = 0; i < s.size();) {
    if (escape_pattern_at(s, i)) {
      for (char c : std::string_view("_x005F_")) emit(static_cast<char32_t>(c));
      ++i;
      continue;
    }
    char32_t cp = next_code_point(s, i);
    if (cp == '\r') {
      if (i < s.size() && s[i] == '\n') continue;
      cp = '\n';
    }
    if ((cp < 0x20 && cp != '\t' && cp != '\n') || cp == 0xFFFE || cp == 0xFFFF) continue;
    emit(cp);
  }
  if (units > kMaxCellChars) {
    out.text.resize(cut);
    out.text.append(marker);
    out.truncated = true;
  }
  return out;
}

std::string sheet_name(std::string_view wanted, const std::vector<std::string>& taken) {
  std::string name;
  for (size_t i = 0; i < wanted.size();) {
    char32_t cp = next_code_point(wanted, i);
    if (cp < 0x20 || cp == 0x7F || cp == 0xFFFE || cp == 0xFFFF) continue;
    if (cp == '[' || cp == ']' || cp == ':' || cp == '*' || cp == '?' || cp == '/' || cp == '\\') cp = '-';
    append_utf8(name, cp);
  }
  auto trim = [](std::string& s) {
    size_t b = s.find_first_not_of(" '");
    if (b == std::string::npos) {
      s.clear();
      return;
    }
    s = s.substr(b, s.find_last_not_of(" '") - b + 1);
  };
  trim(name);
  name = first_units(name, kMaxSheetNameChars);
  trim(name);
  if (name.empty()) name = "Sheet";
  if (ascii_lower(name) == "history") name += "-";

  auto is_taken = [&](const std::string& n) {
    for (const auto& t : taken)
      if (ascii_lower(t) == ascii_lower(n)) return true;
    return false;
  };
  std::string candidate = name;
  for (int k = 2; is_taken(candidate); ++k) {
    std::string suffix = " (" + std::to_string(k) + ")";
    std::string base = first_units(name, kMaxSheetNameChars - suffix.size());
    trim(base);
    candidate = base + suffix;
  }
  return candidate;
}

std::string column_letters(lxw_col_t col) {
  std::string s;
  unsigned n = static_cast<unsigned>(col) + 1;
  while (n > 0) {
    s.insert(s.begin(), static_cast<char>('A' + (n - 1) % 26));
    n = (n - 1) / 26;
  }
  return s;
}

std::string cell_ref(lxw_row_t row, lxw_col_t col, bool absolute) {
  std::string d = absolute ? "$" : "";
  return d + column_letters(col) + d + std::to_string(row + 1);
}

std::string range_ref(lxw_row_t first_row, lxw_col_t first_col, lxw_row_t last_row, lxw_col_t last_col) {
  return cell_ref(first_row, first_col) + ":" + cell_ref(last_row, last_col);
}

std::string quoted_sheet(const std::string& name) {
  std::string out = "'";
  for (char c : name) out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

std::string formula_string(std::string_view s) {
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

int estimated_lines(std::string_view text, double width) {
  // A column is `width` widths of "0"; Latin and Arabic letters average a little less, but
  // words that do not fit move whole to the next line: one character per unit is safe.
  const size_t per_line = width >= 1 ? static_cast<size_t>(width) : 1;
  int lines = 0;
  size_t cps = 0;
  for (size_t i = 0; i <= text.size();) {
    if (i == text.size() || text[i] == '\n') {
      lines += static_cast<int>(cps == 0 ? 1 : (cps + per_line - 1) / per_line);
      cps = 0;
      if (i == text.size()) break;
      ++i;
      continue;
    }
    next_code_point(text, i);
    ++cps;
  }
  return lines;
}

lxw_color_t level_colour(Level l) {
  switch (l) {
    case Level::critical: return 0xC0392B;
    case Level::medium: return 0xE67E22;
    case Level::acceptable: return 0xF1C40F;
    case Level::good: return 0x27AE60;
  }
  return 0xC0392B;
}

lxw_color_t level_text_colour(Level l) {
  return l == Level::acceptable || l == Level::medium ? 0x1E1E1E : 0xFFFFFF;
}

namespace {
// Pale versions of the level colours for large areas (readable with black text).
lxw_color_t level_soft_colour(Level l) {
  switch (l) {
    case Level::critical: return 0xF5C6C1;
    case Level::medium: return 0xFADBBE;
    case Level::acceptable: return 0xFBEDB0;
    case Level::good: return 0xC3E8D0;
  }
  return 0xF5C6C1;
}
}  // namespace

// ---- the workbook --------------------------------------------------------------------

Workbook::Workbook(const std::string& path, Lang lang, const std::string& shown_as)
    : path_(path), shown_as_(shown_as.empty() ? path : shown_as), lang_(lang) {
  wb_ = workbook_new(path_.c_str());
  if (!wb_) throw InputError(Problem{shown_as_, 0, 0, "", "cannot start a workbook (out of memory?)"});
  make_formats();
}

Workbook::~Workbook() {
  if (wb_) lxw_workbook_free(wb_);
}

void Workbook::check(lxw_error err, const std::string& what) const {
  if (err != LXW_NO_ERROR) throw InputError(Problem{shown_as_, 0, 0, "", what + ": " + lxw_strerror(err)});
}

lxw_format* Workbook::add_format() {
  lxw_format* f = workbook_add_format(wb_);
  if (!f) throw InputError(Problem{shown_as_, 0, 0, "", "cannot add a cell format (out of memory?)"});
  // Right-to-left paragraphs in Arabic workbooks, so a note that starts with a digit, a
  // Latin word or "=" still reads from the right.
  if (lang_ == Lang::ar) format_set_reading_order(f, 2);
  return f;
}

void Workbook::make_formats() {
  auto cell = [&]() {
    lxw_format* f = add_format();
    format_set_border(f, LXW_BORDER_THIN);
    format_set_border_color(f, 0xA6A6A6);
    format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
    return f;
  };
  f_.title = add_format();
  format_set_bold(f_.title);
  format_set_font_size(f_.title, 14);
  f_.subtitle = add_format();
  format_set_bold(f_.subtitle);
  format_set_font_size(f_.subtitle, 12);
  f_.label = add_format();
  format_set_bold(f_.label);
  format_set_align(f_.label, LXW_ALIGN_VERTICAL_TOP);
  f_.header = cell();
  format_set_bold(f_.header);
  format_set_text_wrap(f_.header);
  format_set_font_color(f_.header, LXW_COLOR_WHITE);
  format_set_bg_color(f_.header, 0x1F4E79);
  format_set_align(f_.header, LXW_ALIGN_VERTICAL_CENTER);
  f_.text = cell();
  f_.wrap = cell();
  format_set_text_wrap(f_.wrap);
  f_.muted = add_format();
  format_set_italic(f_.muted);
  format_set_text_wrap(f_.muted);
  format_set_align(f_.muted, LXW_ALIGN_VERTICAL_TOP);
  format_set_font_color(f_.muted, 0x646464);
  f_.date = cell();
  format_set_num_format(f_.date, "yyyy-mm-dd");
  format_set_align(f_.date, LXW_ALIGN_LEFT);
  f_.integer = cell();
  format_set_num_format(f_.integer, "0");
  f_.decimal = cell();
  format_set_num_format(f_.decimal, "0.00");
  f_.percent = cell();
  format_set_num_format(f_.percent, "0%");
  for (int i = 0; i < kLevelCount; ++i) {
    Level l = static_cast<Level>(i);
    f_.level[i] = cell();
    format_set_bold(f_.level[i]);
    format_set_bg_color(f_.level[i], level_colour(l));
    format_set_font_color(f_.level[i], level_text_colour(l));
    f_.level_soft[i] = cell();
    format_set_bg_color(f_.level_soft[i], level_soft_colour(l));
  }
  f_.overdue = add_format();
  format_set_bg_color(f_.overdue, 0xFFC7CE);
  format_set_font_color(f_.overdue, 0x9C0006);
  f_.good_answer = cell();
  format_set_bg_color(f_.good_answer, 0xC6EFCE);
  f_.bad_answer = cell();
  format_set_bg_color(f_.bad_answer, 0xFFC7CE);
  f_.neutral_answer = cell();
  format_set_bg_color(f_.neutral_answer, 0xE7E6E6);
}

lxw_worksheet* Workbook::add_sheet(std::string_view wanted) {
  std::string name = sheet_name(wanted, names_);
  lxw_worksheet* ws = workbook_add_worksheet(wb_, name.c_str());
  if (!ws) throw InputError(Problem{shown_as_, 0, 0, "", "cannot add the sheet \"" + name + "\""});
  names_.push_back(name);
  if (lang_ == Lang::ar) worksheet_right_to_left(ws);
  worksheet_set_paper(ws, 9);  // A4
  std::string footer = lang_ == Lang::ar ? "&Cصفحة &P من &N" : "&CPage &P of &N";
  check(worksheet_set_footer(ws, footer.c_str()), "cannot set the page footer");
  return ws;
}

void Workbook::columns(lxw_worksheet* ws, const std::vector<double>& widths, lxw_col_t first) {
  auto& known = widths_[ws];
  if (known.size() < first + widths.size()) known.resize(first + widths.size(), LXW_DEF_COL_WIDTH);
  for (size_t i = 0; i < widths.size(); ++i) {
    lxw_col_t col = static_cast<lxw_col_t>(first + i);
    known[col] = widths[i];
    check(worksheet_set_column(ws, col, col, widths[i], nullptr), "cannot set the width of column " +
                                                                       column_letters(col));
  }
}

double Workbook::width_of(lxw_worksheet* ws, lxw_col_t col) const {
  auto it = widths_.find(ws);
  if (it == widths_.end() || col >= it->second.size()) return LXW_DEF_COL_WIDTH;
  return it->second[col];
}

void Workbook::fit_row(lxw_worksheet* ws, lxw_row_t row, int lines) {
  int& known = row_lines_[{ws, row}];
  if (lines <= 1 || lines <= known) return;
  known = lines;
  // 15 points a line at 11 points, a little air; Excel's limit is 409 points.
  double height = lines * 15.0 + 3.0;
  check(worksheet_set_row(ws, row, height > 409 ? 409 : height, nullptr), "cannot set the height of a row");
}

void Workbook::wrapped(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, std::string_view s, lxw_format* fmt) {
  text(ws, row, col, s, fmt ? fmt : f_.wrap);
  fit_row(ws, row, estimated_lines(s, width_of(ws, col)));
}

void Workbook::note(lxw_worksheet* ws, lxw_row_t row, lxw_col_t first_col, lxw_col_t last_col, std::string_view s,
                    lxw_format* fmt) {
  if (last_col > first_col)
    check(worksheet_merge_range(ws, row, first_col, row, last_col, "", fmt), "cannot merge cells for a note");
  text(ws, row, first_col, s, fmt);
  double width = 0;
  for (lxw_col_t c = first_col; c <= last_col; ++c) width += width_of(ws, c);
  fit_row(ws, row, estimated_lines(s, width));
}

void Workbook::text(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, std::string_view s, lxw_format* fmt) {
  CellText t = cell_text(s, lang_ == Lang::ar ? " … [مقتطع]" : " … [truncated]");
  if (t.truncated) ++truncated_;
  if (t.text.empty()) return blank(ws, row, col, fmt);
  check(worksheet_write_string(ws, row, col, t.text.c_str(), fmt), "cannot write cell " + cell_ref(row, col));
}

void Workbook::number(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, double v, lxw_format* fmt) {
  check(worksheet_write_number(ws, row, col, v, fmt), "cannot write cell " + cell_ref(row, col));
}

void Workbook::blank(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, lxw_format* fmt) {
  if (!fmt) return;  // an unformatted blank is no cell at all
  check(worksheet_write_blank(ws, row, col, fmt), "cannot write cell " + cell_ref(row, col));
}

bool Workbook::date(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, std::string_view yyyy_mm_dd, lxw_format* fmt) {
  auto d = parse_date(yyyy_mm_dd);
  if (!d || d->year < 1900) return false;
  lxw_datetime dt{d->year, d->month, d->day, 0, 0, 0.0};
  check(worksheet_write_datetime(ws, row, col, &dt, fmt), "cannot write the date in cell " + cell_ref(row, col));
  return true;
}

void Workbook::header_row(lxw_worksheet* ws, lxw_row_t row, const std::vector<std::string>& titles) {
  for (size_t i = 0; i < titles.size(); ++i) wrapped(ws, row, static_cast<lxw_col_t>(i), titles[i], f_.header);
}

void Workbook::drop_down(lxw_worksheet* ws, lxw_row_t first_row, lxw_row_t last_row, lxw_col_t col,
                         const std::vector<std::string>& choices) {
  std::vector<char*> list;
  for (const auto& c : choices) list.push_back(const_cast<char*>(c.c_str()));
  list.push_back(nullptr);
  lxw_data_validation dv{};
  dv.validate = LXW_VALIDATION_TYPE_LIST;
  dv.value_list = list.data();
  check(worksheet_data_validation_range(ws, first_row, col, last_row, col, &dv),
        "cannot add the drop-down list on " + range_ref(first_row, col, last_row, col));
}

void Workbook::print_as_table(lxw_worksheet* ws, lxw_row_t header_row) {
  worksheet_set_landscape(ws);
  worksheet_fit_to_pages(ws, 1, 0);
  worksheet_set_margins(ws, 0.4, 0.4, 0.5, 0.6);
  check(worksheet_repeat_rows(ws, header_row, header_row), "cannot repeat the header row when printing");
}

void Workbook::close() {
  lxw_workbook* wb = wb_;
  wb_ = nullptr;  // workbook_close frees it, whatever happens
  check(workbook_close(wb), "cannot write the workbook");
}

}  // namespace mizan::xlsx
