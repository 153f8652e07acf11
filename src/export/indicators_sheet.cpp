// The Indicators sheet: the case-data aggregates stored in the assessment (`case_data`),
// written as they are. Shapes read (the importer owns the format):
//   {"indicators": {"<id>": 0.8 | null | {"value": …, "numerator": …, "denominator": …}}, …}
//   {"imports": [ <that>, … ]}   or   [ <that>, … ]
//   {"<id>": number, …}          (a bare map of indicators)
// Scalar fields next to "indicators" (rows, as_of, mapping, source…) are written as rows of
// their own. Indicator values are written only as numbers (or blank): text or nested
// values other than value/numerator/denominator are skipped, so nothing row-level can
// slip through from a malformed file.
#include <nlohmann/json.hpp>

#include "export/assessment_sheets.hpp"

using nlohmann::json;

namespace mizan::xlsx {

namespace {

bool is_rate(const std::string& id) {
  return id.size() >= 4 && id.compare(id.size() - 4, 4, "rate") == 0;
}

std::string import_label(const json& imp, size_t index) {
  std::string label;
  for (const char* key : {"as_of", "imported_at", "date", "source", "file", "mapping"}) {
    auto it = imp.find(key);
    if (it != imp.end() && it->is_string() && !it->get<std::string>().empty())
      label += (label.empty() ? "" : " · ") + it->get<std::string>();
  }
  return label.empty() ? std::to_string(index + 1) : label;
}

struct IndicatorWriter {
  SheetContext& c;
  lxw_worksheet* ws;
  lxw_format* rate;
  lxw_format* plain;
  lxw_row_t row = 1;

  void number_or_blank(lxw_col_t col, const json* v, lxw_format* fmt) {
    if (v && v->is_number()) c.wb.number(ws, row, col, v->get<double>(), fmt);
    else c.wb.blank(ws, row, col, fmt);
  }

  void indicator(const std::string& label, const std::string& id, const json& v) {
    const json* value = &v;
    const json* numerator = nullptr;
    const json* denominator = nullptr;
    if (v.is_object()) {
      value = v.contains("value") ? &v["value"] : v.contains("rate") ? &v["rate"] : nullptr;
      if (v.contains("numerator")) numerator = &v["numerator"];
      if (v.contains("denominator")) denominator = &v["denominator"];
      if (!value && !numerator && !denominator) return;
    } else if (!v.is_number() && !v.is_null()) {
      return;
    }
    c.wb.text(ws, row, 0, label, c.wb.formats().text);
    c.wb.text(ws, row, 1, id, c.wb.formats().text);
    number_or_blank(2, value, is_rate(id) ? rate : plain);
    number_or_blank(3, numerator, plain);
    number_or_blank(4, denominator, plain);
    ++row;
  }

  void detail(const std::string& label, const std::string& key, const json& v) {
    const Formats& f = c.wb.formats();
    c.wb.text(ws, row, 0, label, f.text);
    c.wb.text(ws, row, 1, key, f.muted);
    if (v.is_number()) c.wb.number(ws, row, 2, v.get<double>(), plain);
    else if (v.is_string()) c.wb.text(ws, row, 2, v.get<std::string>(), f.text);
    else if (v.is_boolean()) c.wb.text(ws, row, 2, v.get<bool>() ? "true" : "false", f.text);
    ++row;
  }

  void import(const json& imp, size_t index) {
    if (!imp.is_object()) return;
    std::string label = import_label(imp, index);
    auto ind = imp.find("indicators");
    if (ind == imp.end() || !ind->is_object()) {  // a bare map of indicators
      for (auto it = imp.begin(); it != imp.end(); ++it)
        if (it->is_number() || it->is_object()) indicator(label, it.key(), *it);
      return;
    }
    for (auto it = imp.begin(); it != imp.end(); ++it)
      if (it.key() != "indicators" && (it->is_primitive() && !it->is_null())) detail(label, it.key(), *it);
    for (auto it = ind->begin(); it != ind->end(); ++it) indicator(label, it.key(), *it);
  }
};

}  // namespace

bool has_case_data(const Assessment& a) {
  return !a.case_data.is_null() && !a.case_data.empty();
}

void write_indicators_sheet(SheetContext& c) {
  Workbook& wb = c.wb;
  lxw_worksheet* ws = wb.add_sheet(c.w.indicators_sheet);
  wb.columns(ws, {24, 30, 12, 12, 12});
  wb.header_row(ws, 0, c.w.indicator_headers);

  lxw_format* rate = wb.add_format();
  format_set_num_format(rate, "0.0%");
  format_set_border(rate, LXW_BORDER_THIN);
  format_set_border_color(rate, 0xA6A6A6);
  lxw_format* plain = wb.add_format();
  format_set_num_format(plain, "0.##");
  format_set_border(plain, LXW_BORDER_THIN);
  format_set_border_color(plain, 0xA6A6A6);

  IndicatorWriter out{c, ws, rate, plain};
  const json& cd = c.assessment.case_data;
  const json* list = cd.is_array() ? &cd : (cd.is_object() && cd.contains("imports") && cd["imports"].is_array())
                                               ? &cd["imports"]
                                               : nullptr;
  if (list) {
    for (size_t i = 0; i < list->size(); ++i) out.import((*list)[i], i);
  } else {
    out.import(cd, 0);
  }
  worksheet_freeze_panes(ws, 1, 0);
  wb.check(worksheet_autofilter(ws, 0, 0, out.row > 1 ? out.row - 1 : 1, 4), "cannot add the filter");
  wb.print_as_table(ws, 0);
  wb.note(ws, out.row + 1, 0, 4, c.w.indicators_note, c.wb.formats().muted);
}

}  // namespace mizan::xlsx
