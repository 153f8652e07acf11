// The review sheets of the assessment workbook (issue 9, the semiannual review cycle):
//   Sign-off      who signed, or that nobody has, or that it was reopened; the assessment
//                 file's name and the SHA-256 of its bytes, computed when exporting.
//   What changed  item by item against the baseline review (core changes_against), with
//                 the reason given and the fall-backs and new N/As that still lack one.
//   Explanations  for every section below good, core's explanation_text in the
//                 workbook's language, with the items behind it.
// Sheets and columns: docs/export.md.
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>

#include "core/review.hpp"
#include "export/assessment_sheets.hpp"

namespace fs = std::filesystem;

namespace mizan::xlsx {

namespace {

std::string joined(const std::vector<std::string>& v, const std::string& sep) {
  std::string s;
  for (const auto& e : v) s += (s.empty() ? "" : sep) + e;
  return s;
}

std::string list_separator(Lang lang) { return lang == Lang::ar ? "، " : ", "; }

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
  return s;
}

// `text` with "{key}" replaced by `value`.
std::string fill(std::string text, const std::string& key, const std::string& value) {
  std::string k = "{" + key + "}";
  size_t at = text.find(k);
  if (at != std::string::npos) text.replace(at, k.size(), value);
  return text;
}

// The problems of a file that cannot be read, for a workbook that is shared: the file by
// its name only (no folders of the machine that exported), and the JSON reader's
// "; last read: '…'" (a piece of the file's text) left out.
std::string problems_text(const InputError& e) {
  std::vector<std::string> parts;
  for (const auto& p : e.problems()) {
    if (parts.size() == 3) {
      parts.push_back("…");
      break;
    }
    Problem named = p;
    if (!named.file.empty()) named.file = fs::path(named.file).filename().string();
    std::string s = named.str();
    size_t cut = s.find("; last read");
    parts.push_back(cut == std::string::npos ? s : s.substr(0, cut));
  }
  return parts.empty() ? std::string(e.what()) : joined(parts, "; ");
}

lxw_format* answer_format(const Formats& f, ItemStatus s) {
  switch (s) {
    case ItemStatus::met: return f.good_answer;
    case ItemStatus::not_met: return f.bad_answer;
    case ItemStatus::na: return f.neutral_answer;
    case ItemStatus::unanswered: return f.text;
  }
  return f.text;
}

// The order of the groups on the What changed sheet.
int change_rank(ChangeKind k) {
  switch (k) {
    case ChangeKind::fell_back: return 0;
    case ChangeKind::newly_na: return 1;
    case ChangeKind::reopened: return 2;
    case ChangeKind::improved: return 3;
    case ChangeKind::still_open: return 4;
    case ChangeKind::unchanged: return 5;
  }
  return 5;
}

lxw_format* change_format(const Formats& f, ChangeKind k) {
  switch (k) {
    case ChangeKind::improved: return f.good_answer;
    case ChangeKind::fell_back:
    case ChangeKind::newly_na: return f.bad_answer;
    case ChangeKind::reopened: return f.neutral_answer;
    case ChangeKind::still_open:
    case ChangeKind::unchanged: return f.text;
  }
  return f.text;
}

// Label/value rows: the label over columns 0..label_last, the wrapped value merged over
// the columns after it up to last_col.
struct Details {
  Workbook& wb;
  lxw_worksheet* ws;
  lxw_col_t label_last;
  lxw_col_t last_col;
  lxw_format* value;
  lxw_row_t row;

  void add(const std::string& label, const std::string& text, lxw_format* fmt = nullptr) {
    if (label_last > 0)
      wb.note(ws, row, 0, label_last, label, wb.formats().label);
    else
      wb.text(ws, row, 0, label, wb.formats().label);
    wb.note(ws, row, label_last + 1, last_col, text, fmt ? fmt : value);
    ++row;
  }
};

lxw_format* value_format(Workbook& wb) {
  lxw_format* f = wb.add_format();
  format_set_text_wrap(f);
  format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
  return f;
}

lxw_format* alert_format(Workbook& wb, bool wrap, bool bold) {
  lxw_format* f = wb.add_format();
  if (wrap) format_set_text_wrap(f);
  if (bold) format_set_bold(f);
  format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
  format_set_bg_color(f, 0xFFC7CE);
  format_set_font_color(f, 0x9C0006);
  format_set_border(f, LXW_BORDER_THIN);
  format_set_border_color(f, 0xA6A6A6);
  return f;
}

// Item ids (one, or a list) read left to right even in an Arabic workbook: in a
// right-to-left paragraph "7.a2، 7.a3" would show as "a2، 7.a3.7".
lxw_format* ids_format(Workbook& wb, bool wrap) {
  lxw_format* f = wb.add_format();
  format_set_reading_order(f, 1);
  if (wb.lang() == Lang::ar) format_set_align(f, LXW_ALIGN_RIGHT);
  if (wrap) format_set_text_wrap(f);
  format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
  format_set_border(f, LXW_BORDER_THIN);
  format_set_border_color(f, 0xA6A6A6);
  return f;
}

}  // namespace

std::vector<std::string> baseline_candidates(const std::string& recorded, const std::string& assessment_file) {
  std::vector<std::string> out;
  if (recorded.empty()) return out;
  auto add = [&](const fs::path& p) {
    std::string s = p.lexically_normal().string();
    if (!s.empty() && std::find(out.begin(), out.end(), s) == out.end()) out.push_back(s);
  };
  fs::path p(recorded);
  if (p.is_absolute()) {
    add(p);
    return out;
  }
  fs::path dir = assessment_file.empty() ? fs::path() : fs::path(assessment_file).parent_path();
  add(dir / p);
  add(p);
  add(dir / p.filename());
  return out;
}

// ---- Sign-off ------------------------------------------------------------------------

void write_signoff_sheet(SheetContext& c, const std::string& assessment_file) {
  Workbook& wb = c.wb;
  const Formats& f = wb.formats();
  const WorkbookWords& w = c.w;
  const Assessment& a = c.assessment;
  lxw_worksheet* ws = wb.add_sheet(w.signoff_sheet);
  wb.columns(ws, {26, 34, 34});
  const lxw_col_t last_col = 2;
  lxw_format* value = value_format(wb);
  lxw_format* date_fmt = wb.add_format();
  format_set_num_format(date_fmt, "yyyy-mm-dd");
  format_set_align(date_fmt, LXW_ALIGN_LEFT);
  format_set_align(date_fmt, LXW_ALIGN_VERTICAL_TOP);

  wb.text(ws, 0, 0, w.signoff_sheet, f.title);
  Details d{wb, ws, 0, last_col, value, 2};

  // The last sign-off and reopening in the audit trail: "reopened" when the file is not
  // signed now but was, and was reopened since.
  const AuditEntry* reopened = nullptr;
  for (const auto& e : a.audit) {
    if (e.field == "reopened") reopened = &e;
    if (e.field == "signoff") reopened = nullptr;
  }
  if (a.signed_off()) {
    d.add(w.signoff_status, w.status_signed, f.good_answer);
    d.add(w.signed_by, a.signoff.name);
    d.add(w.signer_role, a.signoff.role);
    wb.text(ws, d.row, 0, w.signoff_date, f.label);
    if (!wb.date(ws, d.row, 1, a.signoff.date, date_fmt)) wb.text(ws, d.row, 1, a.signoff.date, value);
    ++d.row;
    d.add(w.signed_at, a.signoff.at);
  } else if (reopened) {
    d.add(w.signoff_status, w.status_reopened, f.bad_answer);
    d.add(w.reopened_by, reopened->by);
    d.add(w.reopened_at, reopened->at);
    d.add(w.reopen_reason, reopened->to);
    d.add(w.earlier_signoff, reopened->from);
  } else {
    d.add(w.signoff_status, w.status_not_signed, f.neutral_answer);
  }

  ++d.row;
  std::string name = !assessment_file.empty() ? fs::path(assessment_file).filename().string() : c.source_file;
  if (!name.empty()) d.add(w.assessment_file, name);
  if (!assessment_file.empty()) {
    try {
      d.add(w.file_sha256, sha256_file(assessment_file));
    } catch (const InputError& e) {
      d.add(w.file_sha256, w.sha_unavailable + problems_text(e), alert_format(wb, true, false));
      c.report.warnings.push_back("cannot compute the SHA-256 of the assessment file: " + problems_text(e));
    }
    ++d.row;
    wb.note(ws, d.row++, 0, last_col, w.sha_note, f.muted);
  }
  worksheet_fit_to_pages(ws, 1, 0);
  worksheet_set_margins(ws, 0.4, 0.4, 0.5, 0.6);
}

// ---- What changed --------------------------------------------------------------------

void write_changes_sheet(SheetContext& c, const std::string& assessment_file) {
  Workbook& wb = c.wb;
  const Formats& f = wb.formats();
  const WorkbookWords& w = c.w;
  const Baseline& b = c.assessment.baseline;
  lxw_worksheet* ws = wb.add_sheet(w.changes_sheet);
  wb.columns(ws, {9, 24, 50, 12, 12, 16, 18, 40, 12});
  const lxw_col_t last_col = 8;
  lxw_format* value = value_format(wb);
  lxw_format* alert = alert_format(wb, true, true);

  Details d{wb, ws, 1, last_col, value, 0};
  d.add(w.against_baseline, b.period);
  d.add(w.baseline_file, b.file);
  d.add(w.baseline_recorded_sha, b.sha256);

  // Find and read the baseline; say what is wrong with it rather than fail.
  std::vector<std::string> candidates = baseline_candidates(b.file, assessment_file);
  std::string found;
  for (const auto& p : candidates) {
    std::error_code ec;
    if (fs::is_regular_file(p, ec)) {
      found = p;
      break;
    }
  }
  std::vector<ItemChange> changes;
  bool compared = false;
  if (found.empty()) {
    std::string where = candidates.empty() ? std::string("—") : joined(candidates, list_separator(c.lang));
    d.add(w.baseline_check, fill(w.baseline_missing, "paths", where), alert);
    c.report.warnings.push_back("the baseline review " + (b.file.empty() ? std::string("(no file name)") : b.file) +
                                " was not found; the What changed sheet says so");
  } else {
    try {
      // Read as an assessment first (size limit, format checks), hashed only when it is one.
      Assessment base = load_assessment(found, &c.rubric).assessment;
      std::string sha_now = sha256_file(found);
      changes = changes_against(c.rubric, c.assessment, base);
      compared = true;
      if (b.sha256.empty()) {
        d.add(w.baseline_check, w.baseline_no_sha, f.muted);
      } else if (lower(sha_now) != lower(b.sha256)) {
        d.add(w.baseline_check, fill(w.baseline_changed, "sha", sha_now), alert);
        c.report.warnings.push_back("the baseline review " + found +
                                    " has changed since it was recorded (SHA-256 differs); the What changed "
                                    "sheet says so");
      } else {
        d.add(w.baseline_check, w.baseline_ok, f.good_answer);
      }
    } catch (const InputError& e) {
      d.add(w.baseline_check, fill(w.baseline_unreadable, "why", problems_text(e)), alert);
      c.report.warnings.push_back("the baseline review cannot be read: " + problems_text(e));
    }
  }

  // The rows `mizan changes --json` lists, grouped so that what needs a reason comes first;
  // framework order within each group.
  std::vector<const ItemChange*> rows;
  for (const auto& ch : changes)
    if (ch.kind != ChangeKind::unchanged || ch.carried_over) rows.push_back(&ch);
  std::stable_sort(rows.begin(), rows.end(),
                   [](const ItemChange* x, const ItemChange* y) { return change_rank(x->kind) < change_rank(y->kind); });
  if (compared) {
    std::map<ChangeKind, int> count;
    int carried = 0;
    for (const auto& ch : changes) {
      ++count[ch.kind];
      carried += ch.carried_over;
    }
    std::vector<std::string> missing = changes_missing_reason(changes);
    std::string m = w.reason_missing + ": " + std::to_string(missing.size());
    if (!missing.empty()) m += " (" + joined(missing, ", ") + ")";
    d.add(w.changes_headers[8], m, missing.empty() ? nullptr : alert);
    // The counts: a small table (names over numbers) in columns D..I, kept out of a
    // sentence so that numbers and names never get mixed up in right-to-left text.
    const lxw_row_t cr = d.row;
    wb.check(worksheet_merge_range(ws, cr, 0, cr + 1, 2, "", f.label), "cannot merge cells for a label");
    wb.text(ws, cr, 0, w.change_counts, f.label);
    lxw_col_t col = 3;
    for (ChangeKind k : {ChangeKind::fell_back, ChangeKind::newly_na, ChangeKind::reopened, ChangeKind::improved,
                         ChangeKind::still_open}) {
      wb.wrapped(ws, cr, col, change_kind_name(k, c.lang), f.header);
      wb.number(ws, cr + 1, col++, count[k], f.integer);
    }
    wb.wrapped(ws, cr, col, w.carried_over, f.header);
    wb.number(ws, cr + 1, col, carried, f.integer);
    d.row += 2;
  }
  ++d.row;

  const lxw_row_t header = d.row;
  wb.header_row(ws, header, w.changes_headers);
  lxw_row_t r = header + 1;
  if (compared) {
    std::map<std::string, std::pair<const Section*, const Item*>> where;
    for (const auto& dim : c.rubric.dimensions)
      for (const auto& s : dim.sections)
        for (const auto& step : s.steps)
          for (const auto& item : step) where[item.id] = {&s, &item};
    lxw_format* missing_text = alert_format(wb, true, false);
    lxw_format* missing_flag = alert_format(wb, false, true);
    lxw_format* id_fmt = ids_format(wb, false);
    for (const ItemChange* ch : rows) {
      auto it = where.find(ch->item);
      bool missing = ch->needs_reason() && ch->reason.find_first_not_of(" \t\r\n") == std::string::npos;
      lxw_format* plain = missing ? missing_text : nullptr;  // nullptr: wrapped()'s default
      wb.text(ws, r, 0, ch->item, missing ? missing_flag : id_fmt);
      wb.wrapped(ws, r, 1, it == where.end() ? "" : section_title(*it->second.first, c.lang), plain);
      wb.wrapped(ws, r, 2, it == where.end() ? "" : it->second.second->text.get(c.lang), plain);
      wb.text(ws, r, 3, answer_name(ch->before, c.lang), answer_format(f, ch->before));
      wb.text(ws, r, 4, answer_name(ch->after, c.lang), answer_format(f, ch->after));
      wb.text(ws, r, 5, change_kind_name(ch->kind, c.lang), change_format(f, ch->kind));
      wb.wrapped(ws, r, 6, ch->carried_over ? w.carried_over : "", plain);
      wb.wrapped(ws, r, 7, ch->reason, plain);
      if (ch->needs_reason())
        wb.text(ws, r, 8, missing ? w.reason_missing : w.reason_given, missing ? missing_flag : f.text);
      else
        wb.blank(ws, r, 8, f.text);
      ++r;
    }
  }
  lxw_row_t after = r + 1;
  if (compared && rows.empty()) wb.note(ws, after++, 0, last_col, w.no_item_changes, f.muted);
  worksheet_freeze_panes(ws, header + 1, 0);
  wb.check(worksheet_autofilter(ws, header, 0, r > header + 1 ? r - 1 : header + 1, last_col),
           "cannot add the filter");
  wb.print_as_table(ws, header);
  wb.note(ws, after, 0, last_col, w.changes_note, f.muted);
}

// ---- Explanations --------------------------------------------------------------------

void write_explanations_sheet(SheetContext& c) {
  Workbook& wb = c.wb;
  const Formats& f = wb.formats();
  const WorkbookWords& w = c.w;
  lxw_worksheet* ws = wb.add_sheet(w.explanations_sheet);
  wb.columns(ws, {9, 28, 12, 18, 18, 14, 64});
  const lxw_col_t last_col = 6;
  wb.header_row(ws, 0, w.explanation_headers);
  // Ids joined with ", " in both languages, shown left to right (ids_format).
  const std::string sep = ", ";
  lxw_format* ids = ids_format(wb, true);
  lxw_row_t r = 1;
  for (const auto& d : c.rubric.dimensions) {
    for (const auto& s : d.sections) {
      SectionExplanation e = explain_section(s, c.assessment);
      if (e.level == Level::good) continue;
      wb.text(ws, r, 0, s.id, f.text);
      wb.wrapped(ws, r, 1, s.name.get(c.lang));
      wb.text(ws, r, 2, level_name(c.rubric, e.level, c.lang), f.level[static_cast<int>(e.level)]);
      wb.wrapped(ws, r, 3, joined(e.not_met, sep), ids);
      wb.wrapped(ws, r, 4, joined(e.unanswered, sep), ids);
      wb.text(ws, r, 5, level_name(c.rubric, e.if_met, c.lang), f.level[static_cast<int>(e.if_met)]);
      wb.wrapped(ws, r, 6, explanation_text(c.rubric, e, c.lang));
      ++r;
    }
  }
  if (r == 1) wb.note(ws, 2, 0, last_col, w.all_good, f.muted);
  worksheet_freeze_panes(ws, 1, 0);
  wb.check(worksheet_autofilter(ws, 0, 0, r > 1 ? r - 1 : 1, last_col), "cannot add the filter");
  wb.print_as_table(ws, 0);
  wb.note(ws, (r == 1 ? 3 : r) + 1, 0, last_col, w.explanations_note, f.muted);
}

}  // namespace mizan::xlsx
