#include "export/compare_workbook.hpp"

#include <cmath>
#include <deque>

#include "core/action_plan.hpp"
#include "core/atomic_file.hpp"
#include "export/labels.hpp"
#include "export/workbook.hpp"

namespace mizan {

namespace {

using xlsx::Formats;
using xlsx::Workbook;

struct CompareWords {
  std::string matrix_sheet, distribution_sheet, trends_sheet, unmet_sheet, case_sheet, files_sheet;
  std::string title, rubric, exported_on, agencies, assessments, files_used, files_left_out, anonymized, yes, no,
      anonymized_note, matrix_note;
  std::string agency, period, dims_level, dims_progress, secs_level, secs_progress;
  std::string distribution_title, dimension, section, name, agencies_count, median, distribution_chart,
      distribution_axis, distribution_note, sections_table;
  std::string trends_title, improved, fell_back, trend_chart_axis, trends_note, charts_left_out;
  std::vector<std::string> unmet_headers;
  std::string unmet_title, unmet_note, none_unmet;
  std::vector<std::string> case_headers;
  std::string case_note;
  std::vector<std::string> file_headers;
  std::string use_used, use_duplicate, use_other_rubric, use_unreadable, use_no_agency;
};

CompareWords english() {
  CompareWords w;
  w.matrix_sheet = "Matrix";
  w.distribution_sheet = "Distribution";
  w.trends_sheet = "Trends";
  w.unmet_sheet = "Unmet items";
  w.case_sheet = "Case data";
  w.files_sheet = "Files";
  w.title = "Comparison of quality self-assessments";
  w.rubric = "Framework";
  w.exported_on = "Exported on";
  w.agencies = "Agencies";
  w.assessments = "Assessments compared";
  w.files_used = "Files used";
  w.files_left_out = "Files left out (see Files)";
  w.anonymized = "Anonymised";
  w.yes = "Yes";
  w.no = "No";
  w.anonymized_note = "Agency names are replaced by codes; file names by numbers; case-data counts from 1 to 4 are shown as <5.";
  w.matrix_note = "Each agency at its latest period. Dimension progress 0–3 (0 critical, 1 medium, 2 acceptable, 3 good); section progress = share of the next step met.";
  w.agency = "Agency";
  w.period = "Period";
  w.dims_level = "Dimensions — level";
  w.dims_progress = "Dimensions — progress (0–3)";
  w.secs_level = "Sections — level";
  w.secs_progress = "Sections — next step met";
  w.distribution_title = "How many agencies stand at each level (latest period of each agency)";
  w.dimension = "Dimension";
  w.section = "Section";
  w.name = "Name";
  w.agencies_count = "Agencies";
  w.median = "Median level";
  w.distribution_chart = "Agencies per level, by dimension";
  w.distribution_axis = "Agencies";
  w.distribution_note = "Median: the level of the middle agency when they are put in order; with an even number, the lower of the two middle levels.";
  w.sections_table = "Sections";
  w.trends_title = "Each agency across its review periods: dimension progress (0–3), coloured by level";
  w.improved = "Improved";
  w.fell_back = "Fell back";
  w.trend_chart_axis = "Progress (0–3)";
  w.trends_note = "Against the agency's previous period: a higher level is an improvement, a lower one a fall back; at the same level, progress decides (changes under 0.005 do not count).";
  w.charts_left_out = "Charts are drawn for the first agencies only; every row is in the table.";
  w.unmet_title = "Items most often not met (latest period of each agency)";
  w.unmet_headers = {"Rank", "Item", "Dimension", "Section", "Step", "Item text", "Not met (agencies)",
                     "Unanswered (agencies)", "N/A (agencies)", "Applicable (agencies)", "Share not met",
                     "Not met, all periods (assessments)"};
  w.unmet_note = "Unanswered items count as not met in scoring; they are shown apart. Share not met = not met / applicable.";
  w.none_unmet = "Every item is met by every agency.";
  w.case_headers = {"Agency", "Period", "Indicator", "Value", "Numerator", "Denominator"};
  w.case_note = "Aggregates from case-data imports stored in the assessment files (the last import of each file; numbers only).";
  w.file_headers = {"#", "File", "Use", "Agency", "Period", "Framework", "Last change", "Reason"};
  w.use_used = "Used";
  w.use_duplicate = "Left out: duplicate";
  w.use_other_rubric = "Left out: other framework";
  w.use_unreadable = "Left out: cannot be read";
  w.use_no_agency = "Left out: no agency";
  return w;
}

CompareWords arabic() {
  CompareWords w;
  w.matrix_sheet = "المصفوفة";
  w.distribution_sheet = "التوزيع";
  w.trends_sheet = "الاتجاهات";
  w.unmet_sheet = "البنود غير المستوفاة";
  w.case_sheet = "بيانات الحالات";
  w.files_sheet = "الملفات";
  w.title = "مقارنة التقييمات الذاتية للجودة";
  w.rubric = "الإطار المرجعي";
  w.exported_on = "تاريخ التصدير";
  w.agencies = "الجهات";
  w.assessments = "التقييمات المقارنة";
  w.files_used = "الملفات المستخدمة";
  w.files_left_out = "الملفات المستبعدة (انظر الملفات)";
  w.anonymized = "مجهّل الهوية";
  w.yes = "نعم";
  w.no = "لا";
  w.anonymized_note = "استُبدلت أسماء الجهات برموز وأسماء الملفات بأرقام؛ وتظهر أعداد بيانات الحالات من 1 إلى 4 على أنها <5.";
  w.matrix_note = "كل جهة في آخر فترة لها. تقدّم البُعد من 0 إلى 3 (0 حرج، 1 متوسط، 2 مقبول، 3 جيد)؛ تقدّم القسم = نسبة المستوفى من الخطوة التالية.";
  w.agency = "الجهة";
  w.period = "الفترة";
  w.dims_level = "الأبعاد — المستوى";
  w.dims_progress = "الأبعاد — التقدّم (0–3)";
  w.secs_level = "الأقسام — المستوى";
  w.secs_progress = "الأقسام — المستوفى من الخطوة التالية";
  w.distribution_title = "عدد الجهات في كل مستوى (آخر فترة لكل جهة)";
  w.dimension = "البُعد";
  w.section = "القسم";
  w.name = "الاسم";
  w.agencies_count = "الجهات";
  w.median = "المستوى الوسيط";
  w.distribution_chart = "الجهات حسب المستوى لكل بُعد";
  w.distribution_axis = "الجهات";
  w.distribution_note = "الوسيط: مستوى الجهة الوسطى عند ترتيب الجهات؛ وعند عدد زوجي، الأدنى من المستويين الأوسطين.";
  w.sections_table = "الأقسام";
  w.trends_title = "كل جهة عبر فترات المراجعة: تقدّم الأبعاد (0–3) ملوّناً بالمستوى";
  w.improved = "تحسّن";
  w.fell_back = "تراجع";
  w.trend_chart_axis = "التقدّم (0–3)";
  w.trends_note = "مقارنةً بالفترة السابقة للجهة نفسها: ارتفاع المستوى تحسّن وانخفاضه تراجع؛ وعند المستوى نفسه يحسم التقدّم (لا تُحتسب التغيّرات الأقل من 0.005).";
  w.charts_left_out = "رُسمت المخططات لأوائل الجهات فقط؛ وكل الصفوف في الجدول.";
  w.unmet_title = "البنود الأكثر عدم استيفاء (آخر فترة لكل جهة)";
  w.unmet_headers = {"الترتيب", "البند", "البُعد", "القسم", "الخطوة", "نص البند", "غير مستوفى (جهات)",
                     "دون إجابة (جهات)", "لا ينطبق (جهات)", "ينطبق (جهات)", "نسبة عدم الاستيفاء",
                     "غير مستوفى في كل الفترات (تقييمات)"};
  w.unmet_note = "البنود دون إجابة تُحتسب غير مستوفاة في التقييم، وتظهر منفصلة. نسبة عدم الاستيفاء = غير مستوفى / ينطبق.";
  w.none_unmet = "كل البنود مستوفاة لدى كل الجهات.";
  w.case_headers = {"الجهة", "الفترة", "المؤشر", "القيمة", "البسط", "المقام"};
  w.case_note = "أرقام مجمّعة من استيراد بيانات الحالات المحفوظة في ملفات التقييم (آخر استيراد لكل ملف؛ أرقام فقط).";
  w.file_headers = {"#", "الملف", "الاستخدام", "الجهة", "الفترة", "الإطار المرجعي", "آخر تعديل", "السبب"};
  w.use_used = "مستخدم";
  w.use_duplicate = "مستبعد: مكرر";
  w.use_other_rubric = "مستبعد: إطار مرجعي آخر";
  w.use_unreadable = "مستبعد: تعذّرت قراءته";
  w.use_no_agency = "مستبعد: دون جهة";
  return w;
}

const CompareWords& compare_words(Lang lang) {
  static const CompareWords en = english();
  static const CompareWords ar = arabic();
  return lang == Lang::ar ? ar : en;
}

std::string use_name(FileUse u, const CompareWords& w) {
  switch (u) {
    case FileUse::used: return w.use_used;
    case FileUse::duplicate: return w.use_duplicate;
    case FileUse::other_rubric: return w.use_other_rubric;
    case FileUse::unreadable: return w.use_unreadable;
    case FileUse::no_agency: return w.use_no_agency;
  }
  return w.use_used;
}

std::string titled(const std::string& id, const Text& name, Lang lang) {
  const std::string& n = name.get(lang);
  return n.empty() ? id : id + ". " + n;
}

struct Writer {
  Workbook& wb;
  const CompareResult& r;
  Lang lang;
  const CompareWords& w;
  std::string today;
  CompareWorkbookReport& report;
  // Level fills with number formats: progress 0–3, and shares 0–100 %.
  std::array<lxw_format*, kLevelCount> level_decimal{}, level_percent{};
  lxw_format* group = nullptr;
  lxw_format* suppressed = nullptr;

  Writer(Workbook& wb_, const CompareResult& r_, Lang lang_, const CompareWords& w_, std::string today_,
         CompareWorkbookReport& rep)
      : wb(wb_), r(r_), lang(lang_), w(w_), today(std::move(today_)), report(rep) {
    const std::array<lxw_color_t, kLevelCount> soft = {0xF5C6C1, 0xFADBBE, 0xFBEDB0, 0xC3E8D0};
    for (int i = 0; i < kLevelCount; ++i) {
      for (auto* pair : {&level_decimal, &level_percent}) {
        lxw_format* f = wb.add_format();
        format_set_border(f, LXW_BORDER_THIN);
        format_set_border_color(f, 0xA6A6A6);
        format_set_bg_color(f, soft[i]);
        format_set_num_format(f, pair == &level_decimal ? "0.00" : "0%");
        (*pair)[i] = f;
      }
    }
    group = wb.add_format();
    format_set_bold(group);
    format_set_align(group, LXW_ALIGN_CENTER);
    format_set_border(group, LXW_BORDER_THIN);
    format_set_border_color(group, 0xA6A6A6);
    format_set_bg_color(group, 0xD9E1F2);
    suppressed = wb.add_format();
    format_set_border(suppressed, LXW_BORDER_THIN);
    format_set_border_color(suppressed, 0xA6A6A6);
    format_set_align(suppressed, LXW_ALIGN_RIGHT);
  }

  std::string level(Level l) const { return xlsx::level_name(r.rubric, l, lang); }
  std::string agency(const CompareAgency& a) const { return agency_label(a, r.anonymized, lang); }
  lxw_format* level_fmt(Level l) const { return wb.formats().level[static_cast<int>(l)]; }

  lxw_chart* chart(uint8_t type) {
    lxw_chart* c = workbook_add_chart(wb.get(), type);
    if (!c) throw InputError(Problem{wb.path(), 0, 0, "", "cannot add a chart (out of memory?)"});
    ++report.charts;
    return c;
  }

  void matrix() {
    lxw_worksheet* ws = wb.add_sheet(w.matrix_sheet);
    const Formats& f = wb.formats();
    const lxw_col_t nd = static_cast<lxw_col_t>(r.dimensions.size());
    const lxw_col_t ns = static_cast<lxw_col_t>(r.sections.size());
    wb.columns(ws, {42, 10});
    std::vector<double> widths(2 * nd + 2 * ns, 11);
    wb.columns(ws, widths, 2);

    lxw_row_t row = 0;
    wb.text(ws, row, 0, w.title, f.title);
    row += 2;
    auto detail = [&](const std::string& label, const std::string& value) {
      wb.text(ws, row, 0, label, f.label);
      // Over several columns: the framework's name is longer than the period column, and a
      // right-to-left sheet in LibreOffice cuts text at the cell edge instead of overflowing.
      wb.note(ws, row, 1, 6, value, f.text);
      ++row;
    };
    auto detail_n = [&](const std::string& label, double v) {
      wb.text(ws, row, 0, label, f.label);
      wb.number(ws, row, 1, v, nullptr);
      ++row;
    };
    std::string framework = r.rubric.id + " " + r.rubric.version;
    if (!r.rubric.title.get(lang).empty()) framework += " — " + r.rubric.title.get(lang);
    detail(w.rubric, framework);
    wb.text(ws, row, 0, w.exported_on, f.label);
    lxw_format* date = wb.add_format();
    format_set_num_format(date, "yyyy-mm-dd");
    format_set_align(date, LXW_ALIGN_LEFT);
    if (!wb.date(ws, row, 1, today, date)) wb.text(ws, row, 1, today, nullptr);
    ++row;
    detail_n(w.agencies, static_cast<double>(r.agencies.size()));
    detail_n(w.assessments, static_cast<double>(r.used_files()));
    detail_n(w.files_left_out, static_cast<double>(r.files.size() - r.used_files()));
    detail(w.anonymized, r.anonymized ? w.yes : w.no);
    if (r.anonymized) wb.note(ws, row++, 0, 12, w.anonymized_note, f.muted);
    wb.note(ws, row++, 0, 12, w.matrix_note, f.muted);
    ++row;

    // Two header rows: the group, then each dimension / section.
    const lxw_row_t group_row = row, head_row = row + 1;
    auto group_header = [&](lxw_col_t first, lxw_col_t count, const std::string& title) {
      if (count == 0) return;
      if (count > 1)
        wb.check(worksheet_merge_range(ws, group_row, first, group_row, first + count - 1, "", group),
                 "cannot merge header cells");
      wb.text(ws, group_row, first, title, group);
    };
    group_header(2, nd, w.dims_level);
    group_header(2 + nd, nd, w.dims_progress);
    group_header(2 + 2 * nd, ns, w.secs_level);
    group_header(2 + 2 * nd + ns, ns, w.secs_progress);
    std::vector<std::string> heads = {w.agency, w.period};
    for (int k = 0; k < 2; ++k)
      for (const Dimension* d : r.dimensions) heads.push_back(titled(d->id, d->name, lang));
    for (int k = 0; k < 2; ++k)
      for (const Section* s : r.sections) heads.push_back(titled(s->id, s->name, lang));
    wb.header_row(ws, head_row, heads);
    row = head_row + 1;
    for (const auto& ag : r.agencies) {
      const ComparePeriod& p = ag.latest();
      wb.text(ws, row, 0, agency(ag), f.text);
      wb.text(ws, row, 1, p.period, f.text);
      for (lxw_col_t d = 0; d < nd; ++d) {
        Level l = p.dimension_level[d];
        wb.text(ws, row, 2 + d, level(l), level_fmt(l));
        wb.number(ws, row, 2 + nd + d, p.dimension_progress[d], level_decimal[static_cast<int>(l)]);
      }
      for (lxw_col_t s = 0; s < ns; ++s) {
        Level l = p.section_level[s];
        wb.text(ws, row, 2 + 2 * nd + s, level(l), level_fmt(l));
        wb.number(ws, row, 2 + 2 * nd + ns + s, p.section_progress[s], level_percent[static_cast<int>(l)]);
      }
      ++row;
    }
    worksheet_freeze_panes(ws, head_row + 1, 2);
    if (row > head_row + 1)
      wb.check(worksheet_autofilter(ws, head_row, 0, row - 1, 1 + 2 * nd + 2 * ns), "cannot add the filter");
    // Too wide for one page: landscape at 70 %, agency and period repeated on every page.
    worksheet_set_landscape(ws);
    worksheet_set_print_scale(ws, 70);
    worksheet_set_margins(ws, 0.4, 0.4, 0.5, 0.6);
    wb.check(worksheet_repeat_rows(ws, group_row, head_row), "cannot repeat the header rows when printing");
    wb.check(worksheet_repeat_columns(ws, 0, 1), "cannot repeat the agency column when printing");
  }

  void distribution_table(lxw_worksheet* ws, lxw_row_t& row, const std::vector<Distribution>& dist,
                          const std::vector<std::pair<std::string, std::string>>& names, const std::string& first_head) {
    const Formats& f = wb.formats();
    std::vector<std::string> heads = {first_head, w.name};
    for (int l = 0; l < kLevelCount; ++l) heads.push_back(level(static_cast<Level>(l)));
    heads.push_back(w.agencies_count);
    heads.push_back(w.median);
    wb.header_row(ws, row++, heads);
    for (size_t i = 0; i < dist.size(); ++i) {
      wb.text(ws, row, 0, names[i].first, f.text);
      wb.wrapped(ws, row, 1, names[i].second);
      int total = 0;
      for (int l = 0; l < kLevelCount; ++l) {
        wb.number(ws, row, 2 + l, dist[i].count[l], f.level_soft[l]);
        total += dist[i].count[l];
      }
      wb.number(ws, row, 6, total, f.integer);
      if (dist[i].median) wb.text(ws, row, 7, level(*dist[i].median), level_fmt(*dist[i].median));
      else wb.blank(ws, row, 7, f.text);
      ++row;
    }
  }

  void distribution() {
    lxw_worksheet* ws = wb.add_sheet(w.distribution_sheet);
    const Formats& f = wb.formats();
    wb.columns(ws, {11, 40, 11, 11, 11, 11, 11, 16});
    lxw_row_t row = 0;
    wb.text(ws, row, 0, w.distribution_title, f.title);
    row += 2;
    std::vector<std::pair<std::string, std::string>> dnames, snames;
    for (const Dimension* d : r.dimensions) dnames.push_back({d->id, d->name.get(lang)});
    for (const Section* s : r.sections) snames.push_back({s->id, s->name.get(lang)});
    const lxw_row_t first = row + 1;
    distribution_table(ws, row, r.dimension_distribution, dnames, w.dimension);
    const lxw_row_t last = row - 1;
    ++row;
    wb.note(ws, row++, 0, 7, w.distribution_note, f.muted);
    ++row;
    wb.text(ws, row++, 0, w.sections_table, f.subtitle);
    distribution_table(ws, row, r.section_distribution, snames, w.section);
    worksheet_fit_to_pages(ws, 1, 0);

    if (r.dimensions.empty()) return;
    // Stacked columns: agencies per level for each dimension, in the level's colour.
    lxw_chart* c = chart(LXW_CHART_COLUMN_STACKED);
    const std::string& sheet = wb.sheet_names().back();
    std::vector<lxw_chart_fill> fills(kLevelCount);
    for (int l = 0; l < kLevelCount; ++l) {
      lxw_chart_series* s = chart_add_series(c, nullptr, nullptr);
      chart_series_set_categories(s, sheet.c_str(), first, 0, last, 0);
      chart_series_set_values(s, sheet.c_str(), first, 2 + l, last, 2 + l);
      chart_series_set_name_range(s, sheet.c_str(), first - 1, 2 + l);
      fills[l].color = xlsx::level_colour(static_cast<Level>(l));
      chart_series_set_fill(s, &fills[l]);
    }
    chart_title_set_name(c, w.distribution_chart.c_str());
    chart_legend_set_position(c, LXW_CHART_LEGEND_BOTTOM);
    lxw_chart_axis* y = chart_axis_get(c, LXW_CHART_AXIS_TYPE_Y);
    chart_axis_set_min(y, 0);
    chart_axis_set_num_format(y, "0");
    chart_axis_set_name(y, w.distribution_axis.c_str());
    lxw_chart_axis* x = chart_axis_get(c, LXW_CHART_AXIS_TYPE_X);
    chart_axis_set_name(x, w.dimension.c_str());
    lxw_chart_options where{};
    where.x_offset = 10;
    where.y_offset = 4;
    where.x_scale = 1.5;
    where.y_scale = 1.3;
    wb.check(worksheet_insert_chart_opt(ws, 2, 9, c, &where), "cannot place the chart");
  }

  void trends() {
    lxw_worksheet* ws = wb.add_sheet(w.trends_sheet);
    const Formats& f = wb.formats();
    const lxw_col_t nd = static_cast<lxw_col_t>(r.dimensions.size());
    wb.columns(ws, {30, 10});
    wb.columns(ws, std::vector<double>(nd, 9), 2);
    wb.columns(ws, {16, 16}, 2 + nd);
    lxw_row_t row = 0;
    wb.text(ws, row, 0, w.trends_title, f.title);
    row += 1;
    wb.note(ws, row++, 0, 3 + nd, w.trends_note, f.muted);
    ++row;
    const lxw_row_t head = row;
    std::vector<std::string> heads = {w.agency, w.period};
    for (const Dimension* d : r.dimensions) heads.push_back(titled(d->id, d->name, lang));
    heads.push_back(w.improved);
    heads.push_back(w.fell_back);
    wb.header_row(ws, row++, heads);
    struct Block {
      const CompareAgency* agency;
      lxw_row_t first, last;
    };
    std::vector<Block> blocks;
    for (const auto& ag : r.agencies) {
      const lxw_row_t first = row;
      for (const auto& p : ag.periods) {
        wb.text(ws, row, 0, agency(ag), f.text);
        wb.text(ws, row, 1, p.period, f.text);
        std::string up, down;
        for (lxw_col_t d = 0; d < nd; ++d) {
          Level l = p.dimension_level[d];
          wb.number(ws, row, 2 + d, p.dimension_progress[d], level_decimal[static_cast<int>(l)]);
          std::string& list = p.dimension_trend[d] == Trend::improved ? up : down;
          if (p.dimension_trend[d] == Trend::improved || p.dimension_trend[d] == Trend::fell_back)
            list += (list.empty() ? "" : ", ") + r.dimensions[d]->id;
        }
        wb.text(ws, row, 2 + nd, up, f.good_answer);
        wb.text(ws, row, 3 + nd, down, f.bad_answer);
        ++row;
      }
      if (ag.periods.size() >= 2) blocks.push_back(Block{&ag, first, row - 1});
    }
    worksheet_freeze_panes(ws, head + 1, 2);
    if (row > head + 1) wb.check(worksheet_autofilter(ws, head, 0, row - 1, 3 + nd), "cannot add the filter");
    wb.print_as_table(ws, head);

    // A line chart per agency with two periods or more: one line per dimension.
    const std::string& sheet = wb.sheet_names().back();
    const lxw_col_t chart_col = 5 + nd;
    lxw_row_t chart_row = head;
    size_t drawn = 0;
    for (const Block& b : blocks) {
      if (drawn == kMaxTrendCharts) {
        report.trend_charts_left_out = blocks.size() - drawn;
        wb.note(ws, chart_row, chart_col, chart_col + 7, w.charts_left_out, f.muted);
        break;
      }
      lxw_chart* c = chart(LXW_CHART_LINE);
      std::deque<std::string> series_names;  // libxlsxwriter copies them; kept alive meanwhile
      for (lxw_col_t d = 0; d < nd; ++d) {
        lxw_chart_series* s = chart_add_series(c, nullptr, nullptr);
        chart_series_set_categories(s, sheet.c_str(), b.first, 1, b.last, 1);
        chart_series_set_values(s, sheet.c_str(), b.first, 2 + d, b.last, 2 + d);
        series_names.push_back(w.dimension + " " + r.dimensions[d]->id);
        chart_series_set_name(s, series_names.back().c_str());
        chart_series_set_marker_type(s, LXW_CHART_MARKER_AUTOMATIC);
      }
      std::string title = agency(*b.agency);
      chart_title_set_name(c, title.c_str());
      chart_legend_set_position(c, LXW_CHART_LEGEND_BOTTOM);
      lxw_chart_axis* y = chart_axis_get(c, LXW_CHART_AXIS_TYPE_Y);
      chart_axis_set_min(y, 0);
      chart_axis_set_max(y, 3);
      chart_axis_set_major_unit(y, 1);
      chart_axis_set_num_format(y, "0");
      chart_axis_set_name(y, w.trend_chart_axis.c_str());
      lxw_chart_options where{};
      where.x_offset = 4;
      where.y_offset = 2;
      where.x_scale = 1.4;
      where.y_scale = 1.05;
      wb.check(worksheet_insert_chart_opt(ws, chart_row, chart_col, c, &where), "cannot place a chart");
      chart_row += 16;
      ++drawn;
    }
  }

  void unmet() {
    lxw_worksheet* ws = wb.add_sheet(w.unmet_sheet);
    const Formats& f = wb.formats();
    wb.columns(ws, {7, 9, 10, 9, 20, 60, 12, 12, 12, 12, 11, 14});
    lxw_row_t row = 0;
    wb.text(ws, row, 0, w.unmet_title, f.title);
    row += 1;
    wb.note(ws, row++, 0, 11, w.unmet_note, f.muted);
    ++row;
    const lxw_row_t head = row;
    wb.header_row(ws, row++, w.unmet_headers);
    int rank = 0;
    for (const auto& u : r.unmet) {
      const Item* it = r.items[u.item];
      const Section* s = r.rubric.find_section(it->section);
      ++rank;
      wb.number(ws, row, 0, rank, f.integer);
      wb.text(ws, row, 1, it->id, f.text);
      wb.text(ws, row, 2, s ? s->dimension : "", f.text);
      wb.text(ws, row, 3, it->section, f.text);
      wb.text(ws, row, 4, xlsx::step_name(r.rubric, it->step, lang), f.wrap);
      wb.wrapped(ws, row, 5, it->text.get(lang));
      wb.number(ws, row, 6, u.not_met, u.not_met ? f.bad_answer : f.integer);
      wb.number(ws, row, 7, u.unanswered, f.integer);
      wb.number(ws, row, 8, u.na, f.integer);
      wb.number(ws, row, 9, u.applicable, f.integer);
      if (u.applicable > 0) wb.number(ws, row, 10, static_cast<double>(u.not_met) / u.applicable, f.percent);
      else wb.blank(ws, row, 10, f.percent);
      wb.number(ws, row, 11, u.not_met_any_period, f.integer);
      ++row;
    }
    if (r.unmet.empty()) wb.text(ws, row++, 0, w.none_unmet, f.muted);
    worksheet_freeze_panes(ws, head + 1, 0);
    if (row > head + 1) wb.check(worksheet_autofilter(ws, head, 0, row - 1, 11), "cannot add the filter");
    wb.print_as_table(ws, head);
  }

  bool has_case_data() const {
    for (const auto& ag : r.agencies)
      for (const auto& p : ag.periods)
        if (!p.case_data.empty()) return true;
    return false;
  }

  void case_data() {
    lxw_worksheet* ws = wb.add_sheet(w.case_sheet);
    const Formats& f = wb.formats();
    wb.columns(ws, {30, 10, 30, 12, 12, 12});
    lxw_format* rate = wb.add_format();
    format_set_num_format(rate, "0.0%");
    format_set_border(rate, LXW_BORDER_THIN);
    format_set_border_color(rate, 0xA6A6A6);
    lxw_format* plain = wb.add_format();
    format_set_num_format(plain, "0.##");
    format_set_border(plain, LXW_BORDER_THIN);
    format_set_border_color(plain, 0xA6A6A6);
    lxw_row_t row = 0;
    wb.note(ws, row++, 0, 5, w.case_note + (r.anonymized ? " " + w.anonymized_note : ""), f.muted);
    ++row;
    const lxw_row_t head = row;
    wb.header_row(ws, row++, w.case_headers);
    auto figure = [&](lxw_col_t col, const Figure& fig, lxw_format* fmt) {
      if (fig.suppressed) wb.text(ws, row, col, "<5", suppressed);
      else if (fig.present) wb.number(ws, row, col, fig.value, fmt);
      else wb.blank(ws, row, col, plain);
    };
    for (const auto& ag : r.agencies)
      for (const auto& p : ag.periods)
        for (const auto& cf : p.case_data) {
          wb.text(ws, row, 0, agency(ag), f.text);
          wb.text(ws, row, 1, p.period, f.text);
          wb.text(ws, row, 2, cf.id, f.text);
          const bool is_rate = cf.id.size() >= 4 && cf.id.compare(cf.id.size() - 4, 4, "rate") == 0;
          figure(3, cf.value, is_rate ? rate : plain);
          figure(4, cf.numerator, plain);
          figure(5, cf.denominator, plain);
          ++row;
        }
    worksheet_freeze_panes(ws, head + 1, 0);
    if (row > head + 1) wb.check(worksheet_autofilter(ws, head, 0, row - 1, 5), "cannot add the filter");
    wb.print_as_table(ws, head);
  }

  void files() {
    lxw_worksheet* ws = wb.add_sheet(w.files_sheet);
    const Formats& f = wb.formats();
    wb.columns(ws, {6, 40, 22, 30, 10, 18, 21, 70});
    lxw_row_t row = 0;
    wb.header_row(ws, row++, w.file_headers);
    for (size_t i = 0; i < r.files.size(); ++i) {
      const CompareFile& cf = r.files[i];
      wb.number(ws, row, 0, static_cast<double>(i + 1), f.integer);
      wb.text(ws, row, 1, cf.label, f.text);
      wb.text(ws, row, 2, use_name(cf.use, w), cf.use == FileUse::used ? f.good_answer : f.bad_answer);
      std::string shown_agency = cf.agency;
      if (r.anonymized && !cf.agency.empty()) shown_agency = (lang == Lang::ar ? "الجهة " : "Agency ") + cf.agency;
      wb.text(ws, row, 3, shown_agency, f.text);
      wb.text(ws, row, 4, cf.period, f.text);
      wb.text(ws, row, 5, cf.rubric, f.text);
      wb.text(ws, row, 6, cf.last_change, f.text);
      wb.wrapped(ws, row, 7, cf.reason.get(lang));
      ++row;
    }
    worksheet_freeze_panes(ws, 1, 0);
    if (row > 1) wb.check(worksheet_autofilter(ws, 0, 0, row - 1, 7), "cannot add the filter");
    wb.print_as_table(ws, 0);
  }
};

}  // namespace

CompareWorkbookReport export_compare_workbook(const CompareResult& r, const std::string& out_path, Lang lang,
                                              const std::string& today_in) {
  const std::string today = today_in.empty() ? today_date() : today_in;
  CompareWorkbookReport report;
  produce_file_atomic(out_path, [&](const std::string& tmp) {
    report = CompareWorkbookReport{};
    Workbook wb(tmp, lang, out_path);
    const CompareWords& w = compare_words(lang);
    lxw_doc_properties props{};
    props.title = const_cast<char*>(w.title.c_str());
    props.subject = const_cast<char*>(r.rubric.title.get(lang).c_str());
    props.comments = const_cast<char*>("Mizan");
    wb.check(workbook_set_properties(wb.get(), &props), "cannot set the document properties");
    Writer out(wb, r, lang, w, today, report);
    out.matrix();
    out.distribution();
    out.trends();
    out.unmet();
    if (out.has_case_data()) out.case_data();
    out.files();
    report.sheets = wb.sheet_names();
    report.truncated_cells = wb.truncated_cells();
    wb.close();
  });
  return report;
}

}  // namespace mizan
