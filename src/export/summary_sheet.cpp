// The Summary sheet: who, when, which framework; every dimension and section with its
// level (coloured as in the window), progress and counts; a bar chart of the dimensions.
#include <map>

#include "core/action_plan.hpp"
#include "export/assessment_sheets.hpp"

namespace mizan::xlsx {

namespace {

struct ActionCounts {
  int open = 0;
  int overdue = 0;
};

// Open (not done, not dropped, item still open) and overdue actions per dimension/section.
void count_actions(const SheetContext& c, std::map<std::string, ActionCounts>& by_dimension,
                   std::map<std::string, ActionCounts>& by_section) {
  for (const auto& row : action_rows(c.rubric, c.assessment, c.today)) {
    if (!row.item || row.resolved) continue;
    if (row.action->status == ActionStatus::done || row.action->status == ActionStatus::dropped) continue;
    for (auto* m : {&by_dimension[row.dimension], &by_section[row.section]}) {
      ++m->open;
      if (row.overdue) ++m->overdue;
    }
  }
}

std::string joined(const std::vector<std::string>& v, const std::string& sep) {
  std::string s;
  for (const auto& e : v) s += (s.empty() ? "" : sep) + e;
  return s;
}

}  // namespace

void write_summary_sheet(SheetContext& c) {
  Workbook& wb = c.wb;
  const Formats& f = wb.formats();
  const WorkbookWords& w = c.w;
  const Assessment& a = c.assessment;
  lxw_worksheet* ws = wb.add_sheet(w.summary_sheet);
  wb.columns(ws, {20, 46, 14, 14, 11, 11, 11, 11, 11, 11});
  const lxw_col_t last_col = 9;

  lxw_format* value = wb.add_format();
  format_set_text_wrap(value);
  format_set_align(value, LXW_ALIGN_VERTICAL_TOP);
  lxw_format* value_date = wb.add_format();
  format_set_num_format(value_date, "yyyy-mm-dd");
  format_set_align(value_date, LXW_ALIGN_LEFT);

  lxw_row_t row = 0;
  wb.text(ws, row, 0, w.title, f.title);
  row += 2;
  auto detail = [&](const std::string& label, const std::string& text) {
    wb.text(ws, row, 0, label, f.label);
    wb.wrapped(ws, row, 1, text, value);
    ++row;
  };
  auto detail_date = [&](const std::string& label, const std::string& date) {
    wb.text(ws, row, 0, label, f.label);
    if (!wb.date(ws, row, 1, date, value_date)) wb.text(ws, row, 1, date, value);
    ++row;
  };
  std::string agency = a.agency_name;
  if (!a.agency_code.empty()) agency += agency.empty() ? a.agency_code : " (" + a.agency_code + ")";
  detail(w.agency, agency);
  detail(w.period, a.period);
  std::string framework = c.rubric.id + " " + c.rubric.version;
  if (!c.rubric.title.get(c.lang).empty()) framework += " — " + c.rubric.title.get(c.lang);
  detail(w.rubric, framework);
  detail_date(w.assessment_date, a.assessment_date);
  detail(w.assessors, joined(a.assessors, c.lang == Lang::ar ? "، " : ", "));
  detail_date(w.exported_on, c.today);
  if (!c.source_file.empty()) detail(w.source_file, c.source_file);
  if (a.signed_off()) {
    std::string who = a.signoff.name;
    for (const auto* part : {&a.signoff.role, &a.signoff.date})
      if (!part->empty()) who += (c.lang == Lang::ar ? "، " : ", ") + *part;
    detail(w.signed_off, who);
  }
  auto unknown = unknown_item_ids(a, c.rubric);
  if (!unknown.empty()) detail(w.unknown_items, joined(unknown, ", "));

  std::map<std::string, ActionCounts> open_by_dimension, open_by_section;
  count_actions(c, open_by_dimension, open_by_section);

  // Dimensions: also the data of the chart, so one row per dimension, contiguous.
  row += 1;
  wb.text(ws, row++, 0, w.dimensions_table, f.subtitle);
  const std::vector<std::string> dim_headers = {w.dimension, w.name, w.level, w.dimension_progress, w.met,
                                                w.not_met, w.na, w.unanswered, w.open_actions, w.overdue_actions};
  wb.header_row(ws, row++, dim_headers);
  const lxw_row_t first_dim_row = row;
  std::vector<std::string> level_labels;
  std::vector<Level> levels;
  auto counts = [&](const Counts& n, const ActionCounts& act) {
    wb.number(ws, row, 4, n.met, f.integer);
    wb.number(ws, row, 5, n.not_met, f.integer);
    wb.number(ws, row, 6, n.na, f.integer);
    wb.number(ws, row, 7, n.unanswered, f.integer);
    wb.number(ws, row, 8, act.open, f.integer);
    wb.number(ws, row, 9, act.overdue, f.integer);
  };
  for (const auto& d : c.rubric.dimensions) {
    const DimensionScore& ds = c.score.dimensions.at(d.id);
    wb.text(ws, row, 0, d.id, f.text);
    wb.wrapped(ws, row, 1, d.name.get(c.lang));
    level_labels.push_back(level_name(c.rubric, ds.level, c.lang));
    levels.push_back(ds.level);
    wb.text(ws, row, 2, level_labels.back(), f.level[static_cast<int>(ds.level)]);
    wb.number(ws, row, 3, ds.progress, f.decimal);
    counts(ds.counts, open_by_dimension[d.id]);
    ++row;
  }
  const lxw_row_t last_dim_row = row - 1;

  row += 1;
  wb.text(ws, row++, 0, w.sections_table, f.subtitle);
  std::vector<std::string> sec_headers = dim_headers;
  sec_headers[0] = w.section;
  sec_headers[3] = w.section_progress;
  wb.header_row(ws, row++, sec_headers);
  for (const auto& d : c.rubric.dimensions) {
    for (const auto& s : d.sections) {
      const SectionScore& ss = c.score.sections.at(s.id);
      wb.text(ws, row, 0, s.id, f.text);
      wb.wrapped(ws, row, 1, s.name.get(c.lang));
      wb.text(ws, row, 2, level_name(c.rubric, ss.level, c.lang), f.level[static_cast<int>(ss.level)]);
      wb.number(ws, row, 3, ss.progress, f.percent);
      counts(ss.counts, open_by_section[s.id]);
      ++row;
    }
  }
  row += 1;
  wb.note(ws, row++, 0, last_col, w.scale_note, f.muted);
  wb.note(ws, row++, 0, last_col, w.progress_note, f.muted);
  worksheet_fit_to_pages(ws, 1, 0);
  worksheet_set_margins(ws, 0.4, 0.4, 0.5, 0.6);

  if (c.rubric.dimensions.empty()) return;
  // A native bar chart of the dimensions' progress 0–3, bars in their level's colour,
  // labelled with the level's name.
  lxw_chart* chart = workbook_add_chart(wb.get(), LXW_CHART_COLUMN);
  if (!chart) throw InputError(Problem{c.wb.path(), 0, 0, "", "cannot add the chart (out of memory?)"});
  lxw_chart_series* series = chart_add_series(chart, nullptr, nullptr);
  const std::string& sheet = wb.sheet_names().back();
  chart_series_set_categories(series, sheet.c_str(), first_dim_row, 1, last_dim_row, 1);
  chart_series_set_values(series, sheet.c_str(), first_dim_row, 3, last_dim_row, 3);
  chart_series_set_name(series, w.dimension_progress.c_str());

  std::vector<lxw_chart_fill> fills(levels.size());
  std::vector<lxw_chart_point> points(levels.size());
  std::vector<lxw_chart_point*> point_ptrs;
  std::vector<lxw_chart_data_label> labels(levels.size());
  std::vector<lxw_chart_data_label*> label_ptrs;
  for (size_t i = 0; i < levels.size(); ++i) {
    fills[i].color = level_colour(levels[i]);
    points[i].fill = &fills[i];
    point_ptrs.push_back(&points[i]);
    labels[i].value = const_cast<char*>(level_labels[i].c_str());
    label_ptrs.push_back(&labels[i]);
  }
  point_ptrs.push_back(nullptr);
  label_ptrs.push_back(nullptr);
  wb.check(chart_series_set_points(series, point_ptrs.data()), "cannot colour the chart");
  chart_series_set_labels(series);
  wb.check(chart_series_set_labels_custom(series, label_ptrs.data()), "cannot label the chart");
  chart_series_set_labels_position(series, LXW_CHART_LABEL_POSITION_OUTSIDE_END);

  chart_title_set_name(chart, w.chart_title.c_str());
  chart_legend_set_position(chart, LXW_CHART_LEGEND_NONE);
  lxw_chart_axis* y = chart_axis_get(chart, LXW_CHART_AXIS_TYPE_Y);
  chart_axis_set_min(y, 0);
  chart_axis_set_max(y, 3);
  chart_axis_set_major_unit(y, 1);
  chart_axis_set_num_format(y, "0");
  chart_axis_set_name(y, w.chart_axis.c_str());

  // Below the tables, as wide as they are, so it prints on the same pages.
  lxw_chart_options where{};
  where.x_offset = 4;
  where.y_offset = 10;
  where.x_scale = 2.2;
  where.y_scale = 1.4;
  wb.check(worksheet_insert_chart_opt(ws, row + 1, 0, chart, &where), "cannot place the chart");
}

}  // namespace mizan::xlsx
