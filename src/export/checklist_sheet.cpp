// The Checklist sheet (every item of the rubric with its answer) and the Audit trail sheet.
#include "export/assessment_sheets.hpp"

namespace mizan::xlsx {

void write_checklist_sheet(SheetContext& c) {
  Workbook& wb = c.wb;
  const Formats& f = wb.formats();
  lxw_worksheet* ws = wb.add_sheet(c.w.checklist_sheet);
  wb.columns(ws, {20, 22, 16, 7, 60, 12, 26, 30, 30});
  wb.header_row(ws, 0, c.w.checklist_headers);

  lxw_row_t r = 1;
  for (const auto& d : c.rubric.dimensions) {
    for (const auto& s : d.sections) {
      for (int st = 0; st < 3; ++st) {
        for (const auto& item : s.steps[st]) {
          const ItemAnswer* ans = c.assessment.answer(item.id);
          ItemStatus status = ans ? ans->status : ItemStatus::unanswered;
          lxw_format* answer_fmt = status == ItemStatus::met       ? f.good_answer
                                   : status == ItemStatus::not_met ? f.bad_answer
                                   : status == ItemStatus::na      ? f.neutral_answer
                                                                   : f.text;
          std::string evidence;
          if (ans)
            for (const auto& e : ans->evidence) evidence += (evidence.empty() ? "" : "\n") + e;
          wb.wrapped(ws, r, 0, dimension_title(d, c.lang));
          wb.wrapped(ws, r, 1, section_title(s, c.lang));
          wb.wrapped(ws, r, 2, step_name(c.rubric, st, c.lang));
          wb.text(ws, r, 3, item.id, f.text);
          wb.wrapped(ws, r, 4, item.text.get(c.lang));
          wb.text(ws, r, 5, answer_name(status, c.lang), answer_fmt);
          wb.wrapped(ws, r, 6, ans ? ans->justification : "");
          wb.wrapped(ws, r, 7, ans ? ans->note : "");
          wb.wrapped(ws, r, 8, evidence);
          ++r;
        }
      }
    }
  }
  c.report.items = r - 1;
  worksheet_freeze_panes(ws, 1, 0);
  wb.check(worksheet_autofilter(ws, 0, 0, r > 1 ? r - 1 : 1, 8), "cannot add the filter");
  wb.print_as_table(ws, 0);
}

void write_audit_sheet(SheetContext& c) {
  Workbook& wb = c.wb;
  const Formats& f = wb.formats();
  lxw_worksheet* ws = wb.add_sheet(c.w.audit_sheet);
  wb.columns(ws, {21, 18, 8, 16, 36, 36});
  wb.header_row(ws, 0, c.w.audit_headers);
  lxw_row_t r = 1;
  for (const auto& e : c.assessment.audit) {
    wb.text(ws, r, 0, e.at, f.text);
    wb.wrapped(ws, r, 1, e.by);
    wb.text(ws, r, 2, e.item, f.text);
    wb.text(ws, r, 3, e.field, f.text);
    wb.wrapped(ws, r, 4, e.from);
    wb.wrapped(ws, r, 5, e.to);
    ++r;
  }
  if (c.assessment.audit.empty()) wb.note(ws, 2, 0, 3, c.w.no_changes, f.muted);
  worksheet_freeze_panes(ws, 1, 0);
  wb.check(worksheet_autofilter(ws, 0, 0, r > 1 ? r - 1 : 1, 5), "cannot add the filter");
  wb.print_as_table(ws, 0);
}

}  // namespace mizan::xlsx
