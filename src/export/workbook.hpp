#pragma once
// The pieces every Mizan workbook shares (the assessment workbook, the comparison
// workbook): a libxlsxwriter workbook that is freed on every path, the formats (level
// colours as in the window), right-to-left sheets for Arabic, and cell writers that never
// let user text become a formula, break the XML or exceed Excel's limits.
//
// Use:
//   xlsx::Workbook wb(tmp_path, Lang::ar);             // nothing is written yet
//   lxw_worksheet* ws = wb.add_sheet("خطة التحسين");    // RTL because the workbook is ar
//   wb.text(ws, 0, 0, user_note, wb.formats().wrap);   // always a text cell
//   wb.date(ws, 0, 1, "2026-12-15");                   // a real date cell
//   wb.close();                                        // writes the file, throws on error
// Write into a temporary name through produce_file_atomic (core/atomic_file.hpp) so a
// failed export never leaves a broken .xlsx under the final name.
//
// Every libxlsxwriter call that can fail goes through check(), which throws InputError
// naming the file and what failed. Row and column numbers are 0-based, as libxlsxwriter's.
#include <xlsxwriter.h>

#include <array>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/rubric.hpp"

namespace mizan::xlsx {

// ---- pure helpers (tested without a workbook) ----------------------------------------

// Excel's limit for one cell, in UTF-16 code units.
constexpr size_t kMaxCellChars = 32767;
// Excel's limit for a sheet name, in characters.
constexpr size_t kMaxSheetNameChars = 31;

struct CellText {
  std::string text;
  bool truncated = false;
};
// Text as it may go into a cell: invalid UTF-8 becomes U+FFFD; control characters other
// than tab and newline are dropped (CR LF becomes LF); a literal "_xHHHH_" is escaped so
// Excel shows it as typed rather than decoding it; text longer than Excel's limit is cut
// and ends with `marker`. Nothing here turns text into a formula: the writers below only
// write text cells (a leading = + - @ stays text).
CellText cell_text(std::string_view s, std::string_view marker);

// A sheet name Excel accepts: []:*?/\ become '-', control characters are dropped, no
// apostrophe at either end, at most 31 characters, not empty ("Sheet"), not "History", and
// different (ignoring ASCII case) from every name in `taken` (" (2)", " (3)" … appended).
std::string sheet_name(std::string_view wanted, const std::vector<std::string>& taken = {});

// "A", "B", … "Z", "AA" for 0-based columns; "A1"-style references.
std::string column_letters(lxw_col_t col);
std::string cell_ref(lxw_row_t row, lxw_col_t col, bool absolute = false);
std::string range_ref(lxw_row_t first_row, lxw_col_t first_col, lxw_row_t last_row, lxw_col_t last_col);
// "'Sheet name'" quoted for formulas (apostrophes doubled).
std::string quoted_sheet(const std::string& name);
// A literal string for a formula: "text" with quotes doubled.
std::string formula_string(std::string_view s);

// Lines that `text` takes in a wrapping cell `width` characters wide (an estimate).
int estimated_lines(std::string_view text, double width);

// Colours of the levels, the same as the window's (ui/theme.cpp).
lxw_color_t level_colour(Level l);
lxw_color_t level_text_colour(Level l);  // readable on level_colour

// ---- the workbook --------------------------------------------------------------------

struct Formats {
  lxw_format* title = nullptr;      // large bold
  lxw_format* subtitle = nullptr;   // bold
  lxw_format* label = nullptr;      // bold, for "Agency:"-style keys
  lxw_format* header = nullptr;     // table header: bold white on dark blue, wrapped, bordered
  lxw_format* text = nullptr;       // bordered, top-aligned
  lxw_format* wrap = nullptr;       // bordered, top-aligned, wrapped
  lxw_format* muted = nullptr;      // grey italic, for explanations
  lxw_format* date = nullptr;       // yyyy-mm-dd, bordered
  lxw_format* integer = nullptr;    // 0, bordered
  lxw_format* decimal = nullptr;    // 0.00, bordered
  lxw_format* percent = nullptr;    // 0%, bordered
  std::array<lxw_format*, kLevelCount> level{};      // fill of the level, bordered, bold
  std::array<lxw_format*, kLevelCount> level_soft{};  // pale fill of the level, bordered
  lxw_format* overdue = nullptr;    // for conditional formats: pale red fill, dark red text
  lxw_format* good_answer = nullptr;   // pale green (met)
  lxw_format* bad_answer = nullptr;    // pale red (not met)
  lxw_format* neutral_answer = nullptr;  // pale grey (N/A)
};

class Workbook {
 public:
  // Nothing touches the disk before close(). Errors name `shown_as` (default: path), so a
  // workbook written to a temporary name reports the name the user asked for. Throws
  // InputError when libxlsxwriter cannot start a workbook.
  Workbook(const std::string& path, Lang lang, const std::string& shown_as = "");
  ~Workbook();  // frees without writing when close() was not reached
  Workbook(const Workbook&) = delete;
  Workbook& operator=(const Workbook&) = delete;

  lxw_workbook* get() { return wb_; }
  Lang lang() const { return lang_; }
  const std::string& path() const { return path_; }
  const Formats& formats() const { return f_; }
  // A new format of this workbook (owned by it); right-to-left reading order when Arabic.
  lxw_format* add_format();

  // A new sheet named sheet_name(wanted, names so far); right to left when the workbook is
  // Arabic; A4, gridlines printed, a page-number footer.
  lxw_worksheet* add_sheet(std::string_view wanted);
  const std::vector<std::string>& sheet_names() const { return names_; }

  // Column widths (in characters) from column `first` on. They are remembered so that
  // wrapped() can size rows.
  void columns(lxw_worksheet* ws, const std::vector<double>& widths, lxw_col_t first = 0);

  // Writers. text() always writes a text cell (an empty string writes a formatted blank).
  void text(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, std::string_view s, lxw_format* fmt = nullptr);
  // Text in a wrapping format (default formats().wrap) whose row is made tall enough for
  // it: neither Excel nor LibreOffice sizes rows when it opens a file, so without this a
  // long item text shows as one cut line.
  void wrapped(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, std::string_view s, lxw_format* fmt = nullptr);
  // A wrapped explanation over columns first_col..last_col of one row (merged), row sized.
  void note(lxw_worksheet* ws, lxw_row_t row, lxw_col_t first_col, lxw_col_t last_col, std::string_view s,
            lxw_format* fmt);
  void number(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, double v, lxw_format* fmt = nullptr);
  void blank(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, lxw_format* fmt = nullptr);
  // A real date cell for a valid YYYY-MM-DD from 1900 on (Excel's calendar); returns false
  // and writes nothing otherwise.
  bool date(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, std::string_view yyyy_mm_dd, lxw_format* fmt);
  // A header row of text cells in formats().header, sized like wrapped().
  void header_row(lxw_worksheet* ws, lxw_row_t row, const std::vector<std::string>& titles);
  // A drop-down list on a column range (each entry ≤ 255 characters in all).
  void drop_down(lxw_worksheet* ws, lxw_row_t first_row, lxw_row_t last_row, lxw_col_t col,
                 const std::vector<std::string>& choices);
  // Print setup for a table: landscape, fit to one page wide, header row repeated.
  void print_as_table(lxw_worksheet* ws, lxw_row_t header_row);

  // Cells whose text was cut to Excel's limit so far.
  size_t truncated_cells() const { return truncated_; }

  // Writes the file. Throws InputError (path and libxlsxwriter's reason) on failure.
  void close();

  // Throws InputError naming the file and `what` when `err` is not LXW_NO_ERROR.
  void check(lxw_error err, const std::string& what) const;

 private:
  void make_formats();
  double width_of(lxw_worksheet* ws, lxw_col_t col) const;
  void fit_row(lxw_worksheet* ws, lxw_row_t row, int lines);

  std::string path_;
  std::string shown_as_;
  Lang lang_;
  lxw_workbook* wb_ = nullptr;
  Formats f_;
  std::vector<std::string> names_;
  size_t truncated_ = 0;
  std::map<lxw_worksheet*, std::vector<double>> widths_;
  std::map<std::pair<lxw_worksheet*, lxw_row_t>, int> row_lines_;
};

}  // namespace mizan::xlsx
