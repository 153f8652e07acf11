#include "export/assessment_workbook.hpp"

#include "core/action_plan.hpp"
#include "core/atomic_file.hpp"
#include "core/scoring.hpp"
#include "export/assessment_sheets.hpp"

namespace mizan {

namespace xlsx {

std::string dimension_title(const Dimension& d, Lang lang) {
  const std::string& name = d.name.get(lang);
  return name.empty() ? d.id : d.id + ". " + name;
}

std::string section_title(const Section& s, Lang lang) {
  const std::string& name = s.name.get(lang);
  return name.empty() ? s.id : s.id + ". " + name;
}

}  // namespace xlsx

WorkbookReport export_assessment_workbook(const Rubric& r, const Assessment& a, const std::string& out_path, Lang lang,
                                          const WorkbookOptions& options) {
  std::string today = options.today.empty() ? today_date() : options.today;
  if (!is_valid_date(today))
    throw InputError(Problem{out_path, 0, 0, "", "\"" + today + "\" is not a date (YYYY-MM-DD) for today"});

  Assessment planned = a;
  planned.actions = updated_action_plan(r, a).actions;
  Score sc = score(r, planned);

  WorkbookReport report;
  produce_file_atomic(out_path, [&](const std::string& tmp) {
    report = WorkbookReport{};
    xlsx::Workbook wb(tmp, lang, out_path);
    const auto& w = xlsx::words(lang);

    std::string title = w.title + (a.agency_name.empty() ? "" : " — " + a.agency_name) +
                        (a.period.empty() ? "" : " — " + a.period);
    lxw_doc_properties props{};
    props.title = const_cast<char*>(title.c_str());
    props.subject = const_cast<char*>(r.title.get(lang).c_str());
    props.company = const_cast<char*>(a.agency_name.c_str());
    props.comments = const_cast<char*>("Mizan");
    wb.check(workbook_set_properties(wb.get(), &props), "cannot set the document properties");

    xlsx::SheetContext c{wb, r, planned, sc, lang, w, today, options.source_file, report};
    xlsx::write_summary_sheet(c);
    if (options.review_sheets) {
      xlsx::write_signoff_sheet(c, options.assessment_file);
      if (!a.baseline.empty()) xlsx::write_changes_sheet(c, options.assessment_file);
      xlsx::write_explanations_sheet(c);
    }
    xlsx::write_action_plan_sheet(c);
    xlsx::write_checklist_sheet(c);
    if (xlsx::has_case_data(planned)) xlsx::write_indicators_sheet(c);
    xlsx::write_audit_sheet(c);

    report.sheets = wb.sheet_names();
    report.truncated_cells = wb.truncated_cells();
    wb.close();
  });
  return report;
}

}  // namespace mizan
