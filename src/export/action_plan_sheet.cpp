// The Action plan sheet: one row per action, in framework order, with a status drop-down,
// real due dates, overdue rows marked by a live conditional format (against TODAY()), a
// frozen header with filters, printable on landscape pages one page wide.
#include "core/action_plan.hpp"
#include "export/assessment_sheets.hpp"

namespace mizan::xlsx {

namespace {

enum Column : lxw_col_t {
  kDimension, kSection, kTarget, kStage, kItem, kItemText, kOwner, kDue, kPriority, kStatus, kResources, kNote,
  kColumnCount
};

}  // namespace

void write_action_plan_sheet(SheetContext& c) {
  Workbook& wb = c.wb;
  const Formats& f = wb.formats();
  const WorkbookWords& w = c.w;
  lxw_worksheet* ws = wb.add_sheet(w.plan_sheet);
  wb.columns(ws, {20, 20, 12, 12, 7, 50, 18, 12, 10, 12, 24, 30});

  wb.header_row(ws, 0, w.plan_headers);
  auto rows = action_rows(c.rubric, c.assessment, c.today);
  lxw_row_t r = 1;
  for (const auto& row : rows) {
    const Action& act = *row.action;
    if (row.item) {
      const Section* s = c.rubric.find_section(row.section);
      const Dimension* d = c.rubric.find_dimension(row.dimension);
      wb.wrapped(ws, r, kDimension, d ? dimension_title(*d, c.lang) : row.dimension);
      wb.wrapped(ws, r, kSection, section_title(*s, c.lang));
      wb.text(ws, r, kTarget, level_name(c.rubric, row.target, c.lang), f.level_soft[static_cast<int>(row.target)]);
      wb.wrapped(ws, r, kStage, row.resolved ? w.now_resolved : row.later ? w.later_step : w.next_step);
      wb.wrapped(ws, r, kItemText, row.item->text.get(c.lang));
    } else {
      for (lxw_col_t col : {kDimension, kSection, kTarget, kItemText}) wb.blank(ws, r, col, f.text);
      wb.wrapped(ws, r, kStage, w.not_in_rubric);
    }
    wb.text(ws, r, kItem, act.item, f.text);
    wb.wrapped(ws, r, kOwner, act.owner);
    if (act.due.empty()) {
      wb.blank(ws, r, kDue, f.date);  // typed dates become dates
    } else if (!wb.date(ws, r, kDue, act.due, f.date)) {
      wb.text(ws, r, kDue, act.due, f.text);
      c.report.warnings.push_back("action for " + act.item + ": due date \"" + act.due +
                                  "\" is not a date (YYYY-MM-DD); written as text");
    }
    wb.text(ws, r, kPriority, priority_name(act.priority, c.lang), f.text);
    wb.text(ws, r, kStatus, action_status_name(act.status, c.lang), f.text);
    wb.wrapped(ws, r, kResources, act.resources);
    wb.wrapped(ws, r, kNote, act.note);
    ++r;
  }
  c.report.actions = rows.size();
  const lxw_row_t last = rows.empty() ? 1 : r - 1;  // the lists and filter cover one row at least

  wb.drop_down(ws, 1, last, kStatus, action_status_names(c.lang));
  wb.drop_down(ws, 1, last, kPriority, priority_names(c.lang));

  if (!rows.empty()) {
    // Live, so the file stays right after the export day: due date passed, neither done nor dropped.
    std::string due = "$" + column_letters(kDue) + "2", status = "$" + column_letters(kStatus) + "2";
    std::string rule = "AND(ISNUMBER(" + due + ")," + due + "<TODAY()," + status + "<>" +
                       formula_string(action_status_name(ActionStatus::done, c.lang)) + "," + status + "<>" +
                       formula_string(action_status_name(ActionStatus::dropped, c.lang)) + ")";
    lxw_conditional_format overdue{};
    overdue.type = LXW_CONDITIONAL_TYPE_FORMULA;
    overdue.value_string = const_cast<char*>(rule.c_str());
    overdue.format = f.overdue;
    wb.check(worksheet_conditional_format_range(ws, 1, 0, last, kColumnCount - 1, &overdue),
             "cannot mark overdue actions");
  }

  worksheet_freeze_panes(ws, 1, 0);
  wb.check(worksheet_autofilter(ws, 0, 0, last, kColumnCount - 1), "cannot add the filter");
  wb.print_as_table(ws, 0);
  wb.note(ws, last + 2, 0, kItemText, rows.empty() ? w.no_actions : w.overdue_note, f.muted);
}

}  // namespace mizan::xlsx
