#include "ui/casedata_view.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>

#include "casedata/error.hpp"
#include "core/evidence.hpp"
#include "ui/app_commands.hpp"
#include "ui/layout.hpp"
#include "ui/theme.hpp"

namespace mizan::ui {

using nlohmann::json;

namespace {

constexpr ImU32 kSupports = IM_COL32(46, 125, 50, 255);
constexpr ImU32 kSuggestsNot = IM_COL32(191, 54, 12, 255);
constexpr ImU32 kNoData = IM_COL32(120, 120, 120, 255);
constexpr ImU32 kAccent = IM_COL32(41, 98, 180, 255);

std::string fmt(const char* f, double v) {
  char b[64];
  std::snprintf(b, sizeof b, f, v);
  return b;
}

std::string file_only(const std::string& p) { return std::filesystem::path(p).filename().string(); }

// A stored count: a number, or "<5" where small counts were suppressed for sharing.
std::string count_text(const json* v) {
  if (!v || v->is_null()) return "–";
  if (v->is_string()) return v->get<std::string>();
  if (v->is_number()) {
    double d = v->get<double>();
    return d == static_cast<double>(static_cast<long long>(d)) ? std::to_string(static_cast<long long>(d)) : fmt("%g", d);
  }
  return "–";
}

const json* member(const json& j, const char* k) {
  if (!j.is_object()) return nullptr;
  auto it = j.find(k);
  return it == j.end() ? nullptr : &*it;
}

// "2026-12-01T10:55:12Z" -> "2026-12-01 10:55"
std::string short_time(const std::string& iso) {
  if (iso.size() < 16 || iso[10] != 'T') return iso;
  return iso.substr(0, 10) + " " + iso.substr(11, 5);
}

std::string op_text(AppState& s, const std::string& indicator, const std::string& op, double threshold) {
  std::string t = casedata::is_rate(indicator) ? fmt("%g%%", threshold * 100.0) : fmt("%g", threshold);
  const char* key = op == ">=" ? "evidence.at_least"
                    : op == "<=" ? "evidence.at_most"
                    : op == ">" ? "evidence.more_than"
                    : op == "<" ? "evidence.less_than" : "evidence.exactly";
  return s.tr.format(key, {isolate_ltr(t)});
}

std::string indicator_name(AppState& s, const std::string& id) { return s.tr("ind." + id); }

// The figure of one indicator of the current import: "85.0%  (17 of 20)".
std::string figure_line(AppState& s, const std::string& id, const IndicatorFigure& f) {
  if (!f.present || !f.value) {
    if (f.present && f.denominator && *f.denominator == 0) return s.tr("cases.no_denominator");
    return s.tr("cases.no_value");
  }
  std::string t = isolate_ltr(indicator_value_text(id, *f.value));
  if (f.numerator && f.denominator)
    t += "  " + s.tr.format("cases.of", {std::to_string(*f.numerator), std::to_string(*f.denominator)});
  return t;
}

// Columns of a table laid out from the start side; widths as fractions of the table.
struct Table {
  AppState& s;
  float width;
  std::vector<float> w;
  int row = 0;
  void line(const std::vector<std::string>& cells, const std::vector<ImU32>& colors = {}, bool user = false,
            bool stripe = true) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 p = ImGui::GetCursorScreenPos();
    float h = ImGui::GetTextLineHeightWithSpacing();
    if (stripe && row % 2 == 1) dl->AddRectFilled(p, ImVec2(p.x + width, p.y + h), IM_COL32(0, 0, 0, 10));
    ++row;
    Row r(s.rtl(), width);
    for (size_t i = 0; i < cells.size() && i < w.size(); ++i) {
      float cw = w[i] * width - ImGui::GetStyle().ItemSpacing.x;
      r.place(cw);
      label(s, cells[i], i < colors.size() ? colors[i] : 0, user && i == 0, cw);
    }
    r.end();
  }
};

std::map<std::string, std::vector<std::string>> items_by_indicator(const Rubric& r) {
  std::map<std::string, std::vector<std::string>> out;
  for (const auto& d : r.dimensions)
    for (const auto& sec : d.sections)
      for (const auto& step : sec.steps)
        for (const auto& item : step)
          for (const auto& rule : item.evidence) {
            auto& v = out[rule.indicator];
            if (std::find(v.begin(), v.end(), item.id) == v.end()) v.push_back(item.id);
          }
  return out;
}

}  // namespace

std::string indicator_value_text(const std::string& id, double value) {
  if (casedata::is_rate(id)) return fmt("%.1f%%", value * 100.0);
  if (value == static_cast<double>(static_cast<long long>(value))) return std::to_string(static_cast<long long>(value));
  return fmt("%.1f", value);
}

// ---- the import -------------------------------------------------------------------------------

void CasedataView::choose_mapping(MappingChoice c, const std::string& custom_file) {
  choice_ = c;
  if (c == MappingChoice::custom) custom_mapping_ = custom_file;
}

void CasedataView::import_file(AppState& s, const std::string& path) {
  ImportRequest r;
  r.path = path;
  try {
    switch (choice_) {
      case MappingChoice::canonical:
        r.mapping = casedata::CaseMapping::canonical();
        r.mapping_label = "canonical";
        break;
      case MappingChoice::primero:
        r.mapping = casedata::CaseMapping::primero();
        r.mapping_label = "primero";
        break;
      case MappingChoice::custom:
        r.mapping = casedata::CaseMapping::load(custom_mapping_);
        r.mapping_label = file_only(custom_mapping_);
        break;
    }
  } catch (const std::exception& e) {
    report(s, "cases.mapping_failed", e);
    return;
  }
  if (as_of_) r.as_of = *as_of_;
  job_.start(std::move(r), s.wake);
}

ImportState CasedataView::import_and_wait(AppState& s, const std::string& path, const std::string& mapping) {
  if (mapping.empty() || mapping == "canonical") choose_mapping(MappingChoice::canonical);
  else if (mapping == "primero") choose_mapping(MappingChoice::primero);
  else choose_mapping(MappingChoice::custom, mapping);
  if (s.doc.assessment.signed_off()) {  // the window's Import is disabled then
    s.messages.push_back(Message{s.tr("cases.error_title"), s.tr("cases.signed_off"), {}});
    return ImportState::idle;
  }
  std::uint64_t run = job_.run();
  import_file(s, path);
  if (job_.run() == run) return ImportState::idle;  // not started: the mapping could not be read
  job_.wait();
  update(s);  // publishes the end as the next frame would
  return job_.state();
}

void CasedataView::update(AppState& s) {
  if (s.import_cases) {
    s.import_cases = false;
    s.view = ViewId::indicators;
    if (!job_.running() && !s.doc.assessment.signed_off()) {
      s.file_request = FileRequest{"cases.pick_title", {".csv", ".xlsx"}, false, false, false, "",
                                   [this, &s](const std::vector<std::string>& paths) {
                                     if (!paths.empty()) import_file(s, paths.front());
                                   }};
      s.browse = BrowseFor::pick;
    }
  }
  job_.poll();
  if (job_.running() || job_.run() == handled_run_) return;
  handled_run_ = job_.run();
  switch (job_.state()) {
    case ImportState::done: finish_import(s); break;
    case ImportState::failed: {
      const ImportError& e = job_.error();
      Message m;
      m.title = s.tr("cases.error_title");
      m.text = s.tr("cases.error_text");
      std::string where = e.file;
      if (e.line) where += ":" + std::to_string(e.line);
      if (e.col) where += ":" + std::to_string(e.col);
      m.details.push_back(where + ": " + (e.column.empty() ? "" : e.column + ": ") + e.message);
      s.messages.push_back(std::move(m));
      break;
    }
    case ImportState::needs_mapping:
      editor_.open(job_.header(), job_.request().mapping, job_.request().path);
      break;
    default: break;
  }
}

void CasedataView::finish_import(AppState& s) {
  const casedata::IndicatorReport& rep = job_.report();
  std::string at = now_iso8601();
  try {
    json cd = casedata::add_case_data_import(s.doc.assessment.case_data, casedata::case_data_import(rep, at));
    s.doc.set_case_data(std::move(cd), s.by());
  } catch (const std::exception& e) {
    report(s, "cases.store_failed", e);
    return;
  }
  last_report_ = rep;
  last_imported_at_ = at;
}

void CasedataView::draw_dialogs(AppState& s) {
  MappingEditor::Result r = editor_.draw(s);
  if (r != MappingEditor::Result::import) return;
  ImportRequest req;
  req.path = editor_.export_path();
  req.mapping = editor_.mapping();
  req.mapping_label = editor_.saved_path().empty() ? "custom" : file_only(editor_.saved_path());
  req.check_header = false;  // the user has seen and confirmed the columns
  if (as_of_) req.as_of = *as_of_;
  job_.start(std::move(req), s.wake);
}

// ---- the indicators view ------------------------------------------------------------------------

void CasedataView::draw_import_bar(AppState& s, float width) {
  bool enabled = !job_.running() && !s.doc.assessment.signed_off();
  const char* keys[] = {"cases.mapping_canonical", "cases.mapping_primero", "cases.mapping_custom"};
  MappingChoice choices[] = {MappingChoice::canonical, MappingChoice::primero, MappingChoice::custom};
  std::string lead = s.tr("cases.mapping");
  std::string import_l = s.tr("cases.import");
  Row row(s.rtl(), width);
  float lw = s.text.width(lead) + em(0.5f);
  row.place(lw);
  ImGui::AlignTextToFramePadding();
  label(s, lead, muted_text_color(), false, lw);
  for (int i = 0; i < 3; ++i) {
    float w = button_width(s, s.tr(keys[i]));
    row.place(w);
    if (toggle(s, s.tr(keys[i]), keys[i], choice_ == choices[i], kAccent, w, enabled)) {
      if (choices[i] != MappingChoice::custom) {
        choice_ = choices[i];
      } else {
        s.file_request = FileRequest{"cases.pick_mapping", {".json"}, false, false, false, "",
                                     [this](const std::vector<std::string>& paths) {
                                       if (!paths.empty()) choose_mapping(MappingChoice::custom, paths.front());
                                     }};
        s.browse = BrowseFor::pick;
      }
    }
  }
  if (choice_ == MappingChoice::custom && !custom_mapping_.empty()) {
    std::string name = file_only(custom_mapping_);
    float w = s.text.width(name, true) + em(0.5f);
    row.place(w);
    ImGui::AlignTextToFramePadding();
    label(s, name, muted_text_color(), true, w);
  }
  float iw = button_width(s, import_l) + em(1);
  float rest = width - row.used();
  if (rest > iw) row.skip(rest - iw - ImGui::GetStyle().ItemSpacing.x);
  row.place(iw);
  if (button(s, import_l, "import", iw, enabled)) s.import_cases = true;
  row.end();

  if (job_.running()) {
    std::string cancel_l = s.tr("button.cancel");
    float cw = button_width(s, cancel_l) + em(1);
    float bw = width - cw - ImGui::GetStyle().ItemSpacing.x;
    int pct = static_cast<int>(job_.progress() * 100.0 + 0.5);
    std::string overlay = s.tr.format("cases.reading", {isolate_ltr(file_only(job_.request().path)), std::to_string(pct)});
    Row r(s.rtl(), width);
    r.place(bw);
    progress_bar(s, static_cast<float>(job_.progress()), ImVec2(bw, ImGui::GetFrameHeight()), IM_COL32(120, 170, 230, 255),
                 overlay);
    r.place(cw);
    if (button(s, cancel_l, "cancel_import", cw)) job_.cancel();
    cancel_min = ImGui::GetItemRectMin();
    cancel_max = ImGui::GetItemRectMax();
    r.end();
  } else if (job_.state() == ImportState::cancelled) {
    label(s, s.tr("cases.cancelled"), warning_color(), false, width);
  } else if (job_.state() == ImportState::failed) {
    label(s, s.tr("cases.failed"), warning_color(), false, width);
  }
  if (s.doc.assessment.signed_off()) label(s, s.tr("cases.signed_off"), warning_color(), false, width);
}

void CasedataView::draw_source(AppState& s, const json& imp, float width) {
  auto str = [&](const char* k) { return imp.value(k, std::string()); };
  std::string rows = count_text(member(imp, "rows"));
  label(s,
        s.tr.format("cases.source", {isolate_ltr(str("file")), isolate_ltr(str("as_of")), isolate_ltr(rows),
                                     isolate_ltr(str("mapping")), isolate_ltr(short_time(str("imported_at")))}),
        0, false, width);
}

void CasedataView::draw_indicators(AppState& s, const json& imp, float width) {
  (void)imp;
  static const char* const kCols[] = {"cases.col_indicator", "cases.col_value", "cases.col_count", "cases.col_items"};
  Table t{s, width, {0.42f, 0.13f, 0.2f, 0.25f}};
  ImGui::PushStyleColor(ImGuiCol_Text, muted_text_color());
  t.line({s.tr(kCols[0]), s.tr(kCols[1]), s.tr(kCols[2]), s.tr(kCols[3])}, {}, false, false);
  ImGui::PopStyleColor();
  ImGui::Separator();
  auto used = items_by_indicator(s.rubric);
  const json& cd = s.doc.assessment.case_data;
  for (const auto& id : casedata::indicator_ids()) {
    IndicatorFigure f = case_data_figure(cd, id);
    std::string value = f.value ? isolate_ltr(indicator_value_text(id, *f.value)) : "–";
    std::string count;
    if (f.numerator && f.denominator)
      count = s.tr.format("cases.n_of_d", {std::to_string(*f.numerator), std::to_string(*f.denominator)});
    std::string items;
    if (auto it = used.find(id); it != used.end())
      for (const auto& i : it->second) items += (items.empty() ? "" : ", ") + i;
    t.line({indicator_name(s, id), value, count, isolate_ltr(items)}, {0, f.value ? 0 : muted_text_color(), 0, muted_text_color()});
  }
}

void CasedataView::draw_problems(AppState& s, const json& imp, float width) {
  const json* p = member(imp, "problems");
  if (!p) return;
  const json* ind = member(imp, "indicators");
  const json* total_cases = ind ? member(*ind, "cases.total") : nullptr;
  if (total_cases && total_cases->is_object()) total_cases = member(*total_cases, "value");
  label(s,
        s.tr.format("cases.rows_line", {count_text(member(imp, "rows")), count_text(total_cases),
                                        count_text(member(*p, "rows_rejected")), count_text(member(*p, "rows_without_case_id")),
                                        count_text(member(*p, "blank_rows")), count_text(member(*p, "total"))}),
        0, false, width);
  const json* by = member(*p, "by_column");
  if (by && by->is_array() && !by->empty()) {
    Table t{s, width, {0.12f, 0.28f, 0.6f}};
    for (const auto& b : *by)
      t.line({count_text(member(b, "count")), b.value("column", std::string()).empty() ? s.tr("cases.whole_row") : b.value("column", std::string()),
              b.value("reason", std::string())},
             {warning_color(), 0, muted_text_color()});
  }
  // The lines themselves, only for the import made in this session (never stored).
  bool ours = last_report_.source.file == imp.value("file", std::string()) &&
              last_imported_at_ == imp.value("imported_at", std::string());
  if (ours && !last_report_.missing_columns.empty()) {
    std::string cols;
    for (const auto& c : last_report_.missing_columns) cols += (cols.empty() ? "" : ", ") + c;
    paragraph(s, s.tr.format("cases.missing_columns", {isolate_ltr(cols)}), muted_text_color(), false, width);
  }
  if (ours && !last_report_.problems.empty()) {
    label(s, s.tr("cases.problem_lines"), muted_text_color(), false, width);
    size_t n = std::min<size_t>(last_report_.problems.size(), 12);
    for (size_t i = 0; i < n; ++i) {
      const auto& rp = last_report_.problems[i];
      std::string where = s.tr.format("cases.line", {std::to_string(rp.line)});
      label(s, where + "  " + (rp.column.empty() ? s.tr("cases.whole_row") : rp.column) + ": " + rp.reason,
            muted_text_color(), false, width);
    }
  }
}

void CasedataView::draw_disaggregation(AppState& s, const json& imp, float width) {
  static const char* const kSexes[] = {"male", "female", "other", "unknown"};
  static const char* const kAges[] = {"0-5", "6-11", "12-17", "18+", "unknown"};
  static const char* const kDis[] = {"yes", "no", "unknown"};
  static const char* const kSexKeys[] = {"cases.sex_male", "cases.sex_female", "cases.sex_other", "cases.sex_unknown"};
  static const char* const kDisKeys[] = {"cases.disability_yes", "cases.disability_no", "cases.disability_unknown"};
  const json* d = member(imp, "disaggregation");
  const json* cells = d ? member(*d, "cells") : nullptr;
  // [sex][age][disability] as stored (numbers, or "<5" strings in a shared file).
  const json* at[4][5][3] = {};
  if (cells && cells->is_array())
    for (const auto& c : *cells) {
      auto idx = [&](const char* k, const char* const* names, int n) {
        std::string v = c.value(k, std::string());
        for (int i = 0; i < n; ++i)
          if (v == names[i]) return i;
        return -1;
      };
      int sx = idx("sex", kSexes, 4), ag = idx("age_group", kAges, 5), di = idx("disability", kDis, 3);
      if (sx >= 0 && ag >= 0 && di >= 0) at[sx][ag][di] = member(c, open_only_ ? "open" : "total");
    }
  auto num = [](const json* v) -> long long { return v && v->is_number() ? v->get<long long>() : 0; };
  auto cell = [&](long long n, bool small) { return small ? std::string("<5") : n ? std::to_string(n) : std::string("–"); };

  Row head(s.rtl(), width);
  std::string title = s.tr("cases.disaggregation");
  float tw = width * 0.6f;
  head.place(tw);
  ImGui::PushFont(s.fonts.heading);
  label(s, title, 0, false, tw);
  ImGui::PopFont();
  float cw = width - tw - ImGui::GetStyle().ItemSpacing.x;
  head.place(cw);
  checkbox(s, s.tr("cases.open_only"), "open_only", &open_only_, cw);
  head.end();

  std::vector<float> cols = {0.22f};
  for (int i = 0; i < 6; ++i) cols.push_back(0.13f);
  Table t{s, width, cols};
  ImGui::PushStyleColor(ImGuiCol_Text, muted_text_color());
  t.line({s.tr("cases.sex_disability"), isolate_ltr("0–5"), isolate_ltr("6–11"), isolate_ltr("12–17"), isolate_ltr("18+"),
          s.tr("cases.age_unknown"), s.tr("cases.total")},
         {}, false, false);
  ImGui::PopStyleColor();
  ImGui::Separator();
  long long col_total[6] = {};
  bool col_small[6] = {};
  for (int sx = 0; sx < 4; ++sx) {
    long long sex_age[6] = {};
    bool sex_small[6] = {};
    for (int ag = 0; ag < 5; ++ag)
      for (int di = 0; di < 3; ++di) {
        sex_age[ag] += num(at[sx][ag][di]);
        sex_small[ag] = sex_small[ag] || (at[sx][ag][di] && at[sx][ag][di]->is_string());
      }
    for (int ag = 0; ag < 5; ++ag) {
      sex_age[5] += sex_age[ag];
      sex_small[5] = sex_small[5] || sex_small[ag];
    }
    if (sex_age[5] == 0 && !sex_small[5]) continue;  // no case of this sex
    std::vector<std::string> line = {s.tr(kSexKeys[sx])};
    for (int i = 0; i < 6; ++i) line.push_back(sex_small[i] && sex_age[i] == 0 ? "<5" : cell(sex_age[i], false));
    t.line(line, {kAccent});
    for (int di = 0; di < 3; ++di) {
      std::vector<std::string> sub = {"    " + s.tr(kDisKeys[di])};
      long long sum = 0;
      bool any_small = false;
      for (int ag = 0; ag < 5; ++ag) {
        const json* v = at[sx][ag][di];
        bool small = v && v->is_string();
        sum += num(v);
        any_small = any_small || small;
        sub.push_back(cell(num(v), small));
      }
      sub.push_back(any_small && sum == 0 ? "<5" : cell(sum, false));
      t.line(sub, {muted_text_color()});
    }
    for (int i = 0; i < 6; ++i) {
      col_total[i] += sex_age[i];
      col_small[i] = col_small[i] || sex_small[i];
    }
  }
  ImGui::Separator();
  std::vector<std::string> total = {s.tr("cases.all_cases")};
  for (int i = 0; i < 6; ++i) total.push_back(col_small[i] && col_total[i] == 0 ? "<5" : cell(col_total[i], false));
  t.line(total, {kAccent}, false, false);
}

void CasedataView::draw(AppState& s) {
  ImGui::BeginChild("indicators", ImVec2(0, 0), false);
  float width = ImGui::GetContentRegionAvail().x;
  ImGui::PushFont(s.fonts.heading);
  label(s, s.tr("cases.title"), 0, false, width);
  ImGui::PopFont();
  draw_import_bar(s, width);
  ImGui::Spacing();
  const json* imp = current_case_data_import(s.doc.assessment.case_data);
  if (!imp) {
    paragraph(s, s.tr("cases.none"), muted_text_color(), false, width);
    ImGui::EndChild();
    return;
  }
  draw_source(s, *imp, width);
  draw_problems(s, *imp, width);
  ImGui::Spacing();
  draw_indicators(s, *imp, width);
  ImGui::Spacing();
  draw_disaggregation(s, *imp, width);
  ImGui::EndChild();
}

// ---- evidence beside an item --------------------------------------------------------------------

void draw_item_evidence(AppState& s, const Item& item, float width) {
  if (item.evidence.empty()) return;
  const json& cd = s.doc.assessment.case_data;
  if (!current_case_data_import(cd)) {
    std::string ids;
    for (const auto& r : item.evidence) ids += (ids.empty() ? "" : ", ") + indicator_name(s, r.indicator);
    label(s, s.tr.format("evidence.hint", {ids}), muted_text_color(), false, width);
    return;
  }
  std::vector<EvidenceFinding> findings = evaluate_item_evidence(item, cd);
  EvidenceVerdict verdict = combined_verdict(findings);
  ImU32 color = verdict == EvidenceVerdict::supports_met       ? kSupports
                : verdict == EvidenceVerdict::suggests_not_met ? kSuggestsNot
                                                               : kNoData;
  const char* head = verdict == EvidenceVerdict::supports_met       ? "evidence.supports_met"
                     : verdict == EvidenceVerdict::suggests_not_met ? "evidence.suggests_not_met"
                                                                    : "evidence.no_data";
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->ChannelsSplit(2);
  dl->ChannelsSetCurrent(1);
  ImVec2 start = ImGui::GetCursorScreenPos();
  float pad = em(0.45f), bar = em(0.3f);
  float inner = width - pad * 2 - bar;
  ImGui::SetCursorScreenPos(ImVec2(start.x + pad + (s.rtl() ? 0 : bar), start.y + pad));
  ImGui::BeginGroup();
  label(s, s.tr(head), color, false, inner);
  for (const auto& f : findings) {
    std::string line = indicator_name(s, f.indicator) + ": " + figure_line(s, f.indicator, f.figure) + "  —  " +
                       s.tr.format("evidence.target", {op_text(s, f.indicator, f.op, f.threshold)});
    ImU32 c = f.verdict == EvidenceVerdict::suggests_not_met ? kSuggestsNot : 0;
    paragraph(s, line, c, false, inner);
  }
  ItemStatus st = s.doc.assessment.status(item.id);
  bool differs = (verdict == EvidenceVerdict::suggests_not_met && st == ItemStatus::met) ||
                 (verdict == EvidenceVerdict::supports_met && st == ItemStatus::not_met);
  label(s, s.tr(differs ? "evidence.differs" : "evidence.you_decide"), differs ? warning_color() : muted_text_color(),
        false, inner);
  ImGui::EndGroup();
  float bottom = ImGui::GetItemRectMax().y + pad;
  dl->ChannelsSetCurrent(0);
  ImVec4 c4 = ImGui::ColorConvertU32ToFloat4(color);
  dl->AddRectFilled(start, ImVec2(start.x + width, bottom), ImGui::GetColorU32(ImVec4(c4.x, c4.y, c4.z, 0.08f)), em(0.3f));
  float bx = s.rtl() ? start.x + width - bar : start.x;
  dl->AddRectFilled(ImVec2(bx, start.y), ImVec2(bx + bar, bottom), color, em(0.3f));
  dl->ChannelsMerge();
  ImGui::SetCursorScreenPos(ImVec2(start.x, bottom + ImGui::GetStyle().ItemSpacing.y));
  ImGui::Dummy(ImVec2(width, 0));
}

}  // namespace mizan::ui
