#include "ui/compare_view.hpp"

#include <algorithm>
#include <cstdio>

#include "ui/layout.hpp"
#include "ui/theme.hpp"

namespace mizan::ui {

namespace {

// Distinct colours for the trend lines, one per dimension.
constexpr ImU32 kLineColors[] = {IM_COL32(31, 119, 180, 255), IM_COL32(255, 127, 14, 255), IM_COL32(44, 160, 44, 255),
                                 IM_COL32(214, 39, 40, 255),  IM_COL32(148, 103, 189, 255), IM_COL32(140, 86, 75, 255),
                                 IM_COL32(227, 119, 194, 255), IM_COL32(23, 190, 207, 255), IM_COL32(127, 127, 127, 255)};
constexpr ImU32 kAccent = IM_COL32(41, 98, 180, 255);

void heading(AppState& s, const std::string& text, float width) {
  ImGui::PushFont(s.fonts.heading);
  label(s, text, 0, false, width);
  ImGui::PopFont();
}

// Left x of a run of width w that starts `offset` from the start side of [x0, x0 + width).
float run_x(bool rtl, float x0, float width, float offset, float w) { return rtl ? x0 + width - offset - w : x0 + offset; }

}  // namespace

CompareView::~CompareView() {
  if (worker_.joinable()) worker_.join();
}

void CompareView::add_inputs(AppState& s, const std::vector<std::string>& paths) {
  for (const auto& p : paths)
    if (std::find(inputs_.begin(), inputs_.end(), p) == inputs_.end()) inputs_.push_back(p);
  wake_ = s.wake;
  start();
}

void CompareView::clear() {
  restart_ = false;
  wait();
  inputs_.clear();
  result_.reset();
  error_.clear();
  trend_agency_ = 0;
}

void CompareView::set_anonymize(AppState& s, bool on) {
  if (anonymize_ == on) return;
  anonymize_ = on;
  wake_ = s.wake;
  if (!inputs_.empty()) start();
}

void CompareView::start() {
  if (worker_.joinable()) {  // one comparison at a time; the newest inputs follow it
    restart_ = true;
    return;
  }
  if (inputs_.empty()) return;
  finished_.store(false);
  pending_.reset();
  pending_error_.clear();
  CompareOptions opts;
  opts.anonymize = anonymize_;
  worker_ = std::thread([this, inputs = inputs_, opts, wake = wake_] {
    try {
      std::vector<std::string> files = collect_assessment_files(inputs);
      pending_ = std::make_unique<CompareResult>(compare_files(files, opts));
    } catch (const std::exception& e) {
      pending_error_ = e.what();
    }
    finished_.store(true, std::memory_order_release);
    if (wake) wake();
  });
}

void CompareView::take() {
  worker_.join();
  error_ = pending_error_;
  result_ = std::move(pending_);
  if (result_ && trend_agency_ >= result_->agencies.size()) trend_agency_ = 0;
  if (restart_) {
    restart_ = false;
    start();
  }
}

void CompareView::wait() {
  while (worker_.joinable()) take();
}

// ---- drawing ----------------------------------------------------------------------------------

void CompareView::draw_toolbar(AppState& s, float width) {
  std::string files_l = s.tr("compare.add_files"), folder_l = s.tr("compare.add_folder"), clear_l = s.tr("compare.clear");
  Row row(s.rtl(), width);
  float w1 = button_width(s, files_l) + em(1), w2 = button_width(s, folder_l) + em(1), w3 = button_width(s, clear_l) + em(1);
  row.place(w1);
  if (button(s, files_l, "add_files", w1)) {
    s.file_request = FileRequest{"compare.pick_files", {".mizan.json"}, false, false, /*multiple=*/true, "",
                                 [this, &s](const std::vector<std::string>& p) { add_inputs(s, p); }};
    s.browse = BrowseFor::pick;
  }
  row.place(w2);
  if (button(s, folder_l, "add_folder", w2)) {
    s.file_request = FileRequest{"compare.pick_folder", {".mizan.json"}, false, /*folder=*/true, false, "",
                                 [this, &s](const std::vector<std::string>& p) { add_inputs(s, p); }};
    s.browse = BrowseFor::pick;
  }
  row.place(w3);
  if (button(s, clear_l, "clear", w3, !inputs_.empty())) clear();
  std::string anon_l = s.tr("compare.anonymize"), sec_l = s.tr("compare.sections");
  float aw = s.text.width(anon_l) + ImGui::GetFrameHeight() + em(1.5f);
  float sw = s.text.width(sec_l) + ImGui::GetFrameHeight() + em(1.5f);
  row.place(aw);
  bool anon = anonymize_;
  if (checkbox(s, anon_l, "anonymize", &anon, aw)) set_anonymize(s, anon);
  row.place(sw);
  checkbox(s, sec_l, "sections", &sections_, sw);
  row.end();

  if (busy()) {
    label(s, s.tr("compare.working"), muted_text_color(), false, width);
  } else if (!error_.empty()) {
    paragraph(s, s.tr("compare.failed") + " " + error_, warning_color(), true, width);
  } else if (result_) {
    size_t left_out = result_->files.size() - result_->used_files();
    label(s,
          s.tr.format("compare.summary", {std::to_string(result_->files.size()), std::to_string(result_->agencies.size()),
                                          std::to_string(result_->periods.size()), std::to_string(left_out)}),
          left_out ? warning_color() : muted_text_color(), false, width);
  }
}

void CompareView::draw_matrix(AppState& s, float width) {
  const CompareResult& r = *result_;
  Lang lang = s.tr.lang();
  bool rtl = s.rtl();
  size_t ncols = sections_ ? r.sections.size() : r.dimensions.size();
  float row_h = ImGui::GetFrameHeight();
  float gap = em(0.15f);
  float name_w = std::min(width * 0.26f, em(16));
  float cell_w = ncols ? (width - name_w - gap * static_cast<float>(ncols + 1)) / static_cast<float>(ncols) : 0;
  ImDrawList* dl = ImGui::GetWindowDrawList();

  // Column heads: ids with the names elided under them.
  ImVec2 p = ImGui::GetCursorScreenPos();
  float head_h = ImGui::GetTextLineHeight() * 2 + gap;
  for (size_t c = 0; c < ncols; ++c) {
    float x = run_x(rtl, p.x, width, name_w + gap + static_cast<float>(c) * (cell_w + gap), cell_w);
    std::string id = sections_ ? r.sections[c]->id : r.dimensions[c]->id;
    const Text& name = sections_ ? r.sections[c]->name : r.dimensions[c]->name;
    s.text.draw_line(dl, ImVec2(x, p.y), cell_w, id, kAccent, true);
    s.text.draw_line(dl, ImVec2(x, p.y + ImGui::GetTextLineHeight()), cell_w,
                     s.text.elided(name.get(lang), cell_w), muted_text_color(), true);
  }
  ImGui::Dummy(ImVec2(width, head_h));

  // Rows: only those on screen are drawn.
  size_t rows = r.agencies.size();
  float visible = std::min<float>(static_cast<float>(rows), 14.0f) * (row_h + gap) + gap;
  ImGui::BeginChild("matrix", ImVec2(width, visible), false);
  // Rows exactly row_h + gap apart, as the clipper and the height above count them.
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(ImGui::GetStyle().ItemSpacing.x, 0));
  float inner = ImGui::GetContentRegionAvail().x;
  cell_w = ncols ? (inner - name_w - gap * static_cast<float>(ncols + 1)) / static_cast<float>(ncols) : 0;
  dl = ImGui::GetWindowDrawList();
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(rows), row_h + gap);
  while (clipper.Step()) {
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const CompareAgency& a = r.agencies[static_cast<size_t>(i)];
      const ComparePeriod& latest = a.latest();
      ImVec2 q = ImGui::GetCursorScreenPos();
      std::string name = agency_label(a, r.anonymized, lang);
      drawn_labels_.push_back(name);
      float nx = run_x(rtl, q.x, inner, 0, name_w);
      bool picked = static_cast<size_t>(i) == trend_agency_;
      if (picked) dl->AddRectFilled(ImVec2(nx, q.y), ImVec2(nx + name_w, q.y + row_h), IM_COL32(41, 98, 180, 40), em(0.2f));
      std::string shown = s.text.elided(name + "  " + isolate_ltr(latest.period), name_w - em(0.4f), true);
      s.text.draw_line(dl, ImVec2(nx + em(0.2f), q.y + (row_h - ImGui::GetTextLineHeight()) * 0.5f), name_w - em(0.4f),
                       shown, ImGui::GetColorU32(ImGuiCol_Text), false, true);
      for (size_t c = 0; c < ncols; ++c) {
        Level lv = sections_ ? latest.section_level[c] : latest.dimension_level[c];
        float x = run_x(rtl, q.x, inner, name_w + gap + static_cast<float>(c) * (cell_w + gap), cell_w);
        dl->AddRectFilled(ImVec2(x, q.y), ImVec2(x + cell_w, q.y + row_h), level_color(lv), em(0.2f));
        std::string lvl = s.text.elided(r.rubric.level_name(lv).get(lang), cell_w - em(0.3f));
        s.text.draw_line(dl, ImVec2(x, q.y + (row_h - ImGui::GetTextLineHeight()) * 0.5f), cell_w, lvl,
                         level_text_color(lv), true);
        ++drawn_cells_;
      }
      // The whole row is one button: it picks the agency of the trend chart.
      ImGui::PushID(i);
      if (ImGui::InvisibleButton("row", ImVec2(inner, row_h))) trend_agency_ = static_cast<size_t>(i);
      ImGui::PopID();
      ImGui::Dummy(ImVec2(0, gap));
    }
  }
  clipper.End();
  ImGui::PopStyleVar();
  ImGui::EndChild();
}

void CompareView::draw_distribution(AppState& s, float width) {
  const CompareResult& r = *result_;
  Lang lang = s.tr.lang();
  bool rtl = s.rtl();
  heading(s, s.tr("compare.distribution"), width);
  float label_w = width * 0.34f, median_w = width * 0.22f;
  float bar_w = width - label_w - median_w - ImGui::GetStyle().ItemSpacing.x * 2;
  float h = ImGui::GetTextLineHeight() + em(0.3f);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  for (size_t d = 0; d < r.dimensions.size() && d < r.dimension_distribution.size(); ++d) {
    const Distribution& dist = r.dimension_distribution[d];
    Row row(rtl, width);
    row.place(label_w);
    label(s, s.text.elided(r.dimensions[d]->id + "  " + r.dimensions[d]->name.get(lang), label_w), 0, false, label_w);
    row.place(bar_w);
    ImVec2 p = ImGui::GetCursorScreenPos();
    int total = 0;
    for (int n : dist.count) total += n;
    float used = 0;
    for (int l = 0; l < kLevelCount; ++l) {
      if (!total || !dist.count[static_cast<size_t>(l)]) continue;
      float w = bar_w * static_cast<float>(dist.count[static_cast<size_t>(l)]) / static_cast<float>(total);
      float x = run_x(rtl, p.x, bar_w, used, w);
      Level lv = static_cast<Level>(l);
      dl->AddRectFilled(ImVec2(x, p.y), ImVec2(x + w, p.y + h), level_color(lv));
      std::string n = std::to_string(dist.count[static_cast<size_t>(l)]);
      if (s.text.width(n) < w) s.text.draw_line(dl, ImVec2(x, p.y + em(0.15f)), w, n, level_text_color(lv), true);
      used += w;
    }
    ImGui::Dummy(ImVec2(bar_w, h));
    row.place(median_w);
    std::string med = dist.median ? s.tr.format("compare.median", {r.rubric.level_name(*dist.median).get(lang)}) : "";
    label(s, med, muted_text_color(), false, median_w);
    row.end();
  }
  // The legend: one swatch per level.
  Row legend(rtl, width);
  for (int l = 0; l < kLevelCount; ++l) {
    Level lv = static_cast<Level>(l);
    std::string name = r.rubric.level_name(lv).get(lang);
    float w = badge_width(s, name);
    legend.place(w);
    badge(s, name, level_color(lv), level_text_color(lv), w);
  }
  legend.end();
}

void CompareView::draw_trend(AppState& s, float width) {
  const CompareResult& r = *result_;
  Lang lang = s.tr.lang();
  bool rtl = s.rtl();
  heading(s, s.tr("compare.trend"), width);
  if (r.agencies.empty()) return;
  const CompareAgency& a = r.agencies[trend_agency_];
  // Which agency: a combo that lists only the rows on screen, however many there are.
  std::string preview = s.text.visual(agency_label(a, r.anonymized, lang), true);
  ImGui::SetNextItemWidth(width);
  if (ImGui::BeginCombo("##trend_agency", preview.c_str(), ImGuiComboFlags_HeightLarge)) {
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(r.agencies.size()));
    while (clipper.Step())
      for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
        std::string n = s.text.visual(agency_label(r.agencies[static_cast<size_t>(i)], r.anonymized, lang), true) + "##" +
                        std::to_string(i);
        if (ImGui::Selectable(n.c_str(), static_cast<size_t>(i) == trend_agency_)) trend_agency_ = static_cast<size_t>(i);
      }
    clipper.End();
    ImGui::EndCombo();
  }

  // The chart: periods along x (oldest first, from the start side), dimension progress
  // 0..3 up, one line per dimension.
  float axis_w = std::min(em(7), width * 0.25f);
  float ch = em(13);
  ImVec2 p = ImGui::GetCursorScreenPos();
  ImGui::Dummy(ImVec2(width, ch + ImGui::GetTextLineHeightWithSpacing()));
  ImDrawList* dl = ImGui::GetWindowDrawList();
  float plot_x0 = rtl ? p.x : p.x + axis_w, plot_w = width - axis_w - em(0.5f);
  float top = p.y + em(0.5f), bottom = p.y + ch;
  auto y_of = [&](double v) { return bottom - static_cast<float>(v / 3.0) * (bottom - top); };
  for (int l = 0; l <= 3; ++l) {
    float y = y_of(l);
    dl->AddLine(ImVec2(plot_x0, y), ImVec2(plot_x0 + plot_w, y), IM_COL32(0, 0, 0, 30));
    float ax = rtl ? plot_x0 + plot_w + em(0.3f) : p.x;
    s.text.draw_line(dl, ImVec2(ax, y - ImGui::GetTextLineHeight() * 0.5f), axis_w - em(0.3f),
                     s.text.elided(r.rubric.level_name(static_cast<Level>(l)).get(lang), axis_w - em(0.3f)),
                     muted_text_color());
  }
  size_t np = a.periods.size();
  auto x_of = [&](size_t i) {
    float t = np <= 1 ? 0.5f : static_cast<float>(i) / static_cast<float>(np - 1);
    // Inset by half a period label, so the first and last labels are not cut.
    float x = plot_x0 + em(3) + t * (plot_w - em(6));
    return rtl ? plot_x0 + plot_w - (x - plot_x0) : x;
  };
  for (size_t i = 0; i < np; ++i) {
    float x = x_of(i);
    s.text.draw_line(dl, ImVec2(x - em(3), bottom + em(0.2f)), em(6), a.periods[i].period, muted_text_color(), true);
  }
  for (size_t d = 0; d < r.dimensions.size(); ++d) {
    ImU32 col = kLineColors[d % (sizeof kLineColors / sizeof kLineColors[0])];
    for (size_t i = 0; i < np; ++i) {
      ImVec2 pt(x_of(i), y_of(a.periods[i].dimension_progress[d]));
      if (i > 0) dl->AddLine(ImVec2(x_of(i - 1), y_of(a.periods[i - 1].dimension_progress[d])), pt, col, em(0.12f));
      dl->AddCircleFilled(pt, em(0.22f), col);
    }
  }
  // Legend, and what moved in the latest period.
  Row legend(rtl, width);
  std::string improved, fell;
  for (size_t d = 0; d < r.dimensions.size(); ++d) {
    const std::string& id = r.dimensions[d]->id;
    float w = em(0.8f) + s.text.width(id) + em(0.6f);
    legend.place(w);
    ImVec2 q = ImGui::GetCursorScreenPos();
    ImU32 col = kLineColors[d % (sizeof kLineColors / sizeof kLineColors[0])];
    float sx = rtl ? q.x + w - em(0.7f) : q.x;
    dl->AddRectFilled(ImVec2(sx, q.y + em(0.3f)), ImVec2(sx + em(0.6f), q.y + em(0.9f)), col);
    s.text.draw_line(dl, ImVec2(rtl ? q.x : q.x + em(0.8f), q.y), w - em(0.8f), id, ImGui::GetColorU32(ImGuiCol_Text));
    ImGui::Dummy(ImVec2(w, ImGui::GetTextLineHeight()));
    Trend t = a.latest().dimension_trend[d];
    if (t == Trend::improved) improved += (improved.empty() ? "" : ", ") + id;
    if (t == Trend::fell_back) fell += (fell.empty() ? "" : ", ") + id;
  }
  legend.end();
  if (np > 1) {
    label(s, s.tr.format("compare.improved", {improved.empty() ? "–" : isolate_ltr(improved)}), IM_COL32(46, 125, 50, 255),
          false, width);
    label(s, s.tr.format("compare.fell_back", {fell.empty() ? "–" : isolate_ltr(fell)}), warning_color(), false, width);
  } else {
    label(s, s.tr("compare.one_period"), muted_text_color(), false, width);
  }
}

void CompareView::draw_unmet(AppState& s, float width) {
  const CompareResult& r = *result_;
  Lang lang = s.tr.lang();
  heading(s, s.tr("compare.unmet"), width);
  float count_w = em(9), id_w = em(4);
  float text_w = width - count_w - id_w - ImGui::GetStyle().ItemSpacing.x * 2;
  size_t n = std::min<size_t>(r.unmet.size(), 12);
  if (n == 0) label(s, s.tr("compare.none_unmet"), muted_text_color(), false, width);
  for (size_t i = 0; i < n; ++i) {
    const UnmetItem& u = r.unmet[i];
    const Item* item = r.items[u.item];
    Row row(s.rtl(), width);
    row.place(count_w);
    label(s, s.tr.format("compare.unmet_count", {std::to_string(u.not_met + u.unanswered), std::to_string(u.applicable)}),
          warning_color(), false, count_w);
    row.place(id_w);
    label(s, item->id, kAccent, false, id_w);
    row.place(text_w);
    label(s, s.text.elided(item->text.get(lang), text_w), 0, false, text_w);
    row.end();
  }
}

void CompareView::draw_files(AppState& s, float width) {
  const CompareResult& r = *result_;
  if (r.warnings.empty()) return;
  warnings_open_ = disclosure(s, "compare_warnings", s.tr.format("compare.warnings", {std::to_string(r.warnings.size())}),
                              warnings_open_, width);
  if (!warnings_open_) return;
  size_t n = std::min<size_t>(r.warnings.size(), 50);
  for (size_t i = 0; i < n; ++i) paragraph(s, r.warnings[i], muted_text_color(), true, width);
}

void CompareView::draw(AppState& s) {
  if (worker_.joinable() && finished_.load(std::memory_order_acquire)) take();
  drawn_labels_.clear();
  drawn_cells_ = 0;
  ImGui::BeginChild("compare", ImVec2(0, 0), false);
  float width = ImGui::GetContentRegionAvail().x;
  heading(s, s.tr("compare.title"), width);
  draw_toolbar(s, width);
  if (!result_) {
    if (inputs_.empty()) paragraph(s, s.tr("compare.empty"), muted_text_color(), false, width);
    ImGui::EndChild();
    return;
  }
  ImGui::Spacing();
  draw_matrix(s, width);
  ImGui::Spacing();
  float half = (width - ImGui::GetStyle().ItemSpacing.x * 3) * 0.5f;
  Row row(s.rtl(), width);
  row.place(half);
  ImGui::BeginGroup();
  draw_distribution(s, half);
  ImGui::EndGroup();
  row.skip(ImGui::GetStyle().ItemSpacing.x * 2);
  row.place(half);
  ImGui::BeginGroup();
  draw_trend(s, half);
  ImGui::EndGroup();
  row.end();
  ImGui::Spacing();
  draw_unmet(s, width);
  draw_files(s, width);
  ImGui::EndChild();
}

}  // namespace mizan::ui
