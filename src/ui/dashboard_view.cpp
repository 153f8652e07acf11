#include "ui/dashboard_view.hpp"

#include <algorithm>

#include "ui/layout.hpp"
#include "ui/theme.hpp"

namespace mizan::ui {

void DashboardView::rebuild(const AppState& s) {
  dimensions_.clear();
  sections_.clear();
  Lang lang = s.tr.lang();
  const Score& sc = s.doc.score();
  for (const auto& d : s.rubric.dimensions) {
    const DimensionScore& ds = sc.dimensions.at(d.id);
    dimensions_.push_back({d.id + "  " + d.name.get(lang), ds.progress, ds.level});
    for (const auto& sec : d.sections) {
      const SectionScore& ss = sc.sections.at(sec.id);
      double v = ss.level == Level::good ? 3.0 : static_cast<int>(ss.level) + ss.progress;
      sections_.push_back({sec.id + "  " + sec.name.get(lang), v, ss.level});
    }
  }
  built_revision_ = s.doc.revision();
  built_lang_ = lang;
}

void DashboardView::draw_counts(AppState& s, float width) {
  const Counts& c = s.doc.score().counts;
  struct Tile {
    const char* key;
    int n;
    ItemStatus st;
  } tiles[] = {{"status.met", c.met, ItemStatus::met},
               {"status.not_met", c.not_met, ItemStatus::not_met},
               {"status.na", c.na, ItemStatus::na},
               {"status.unanswered", c.unanswered, ItemStatus::unanswered}};
  float gap = ImGui::GetStyle().ItemSpacing.x;
  float tw = (width - gap * 3) / 4;
  float th = em(3.6f);
  Row row(s.rtl(), width);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  for (const auto& t : tiles) {
    row.place(tw);
    ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(tw, th));
    dl->AddRectFilled(p, ImVec2(p.x + tw, p.y + th), IM_COL32(255, 255, 255, 255), em(0.3f));
    ImVec2 edge = s.rtl() ? ImVec2(p.x + tw - em(0.35f), p.y) : p;
    dl->AddRectFilled(edge, ImVec2(edge.x + em(0.35f), p.y + th), status_color(t.st), em(0.3f));
    std::string num = std::to_string(t.n);
    ImGui::PushFont(s.fonts.heading);
    s.text.draw_line(dl, ImVec2(p.x + em(0.8f), p.y + em(0.4f)), tw - em(1.6f), num, status_color(t.st));
    ImGui::PopFont();
    s.text.draw_line(dl, ImVec2(p.x + em(0.8f), p.y + em(2.0f)), tw - em(1.6f), s.tr(t.key), muted_text_color());
  }
  row.end();
}

void DashboardView::draw(AppState& s) {
  ImGui::BeginChild("dashboard", ImVec2(0, 0), false);
  if (!s.has_rubric) {
    ImGui::EndChild();
    return;
  }
  if (built_revision_ != s.doc.revision() || built_lang_ != s.tr.lang()) rebuild(s);
  float width = ImGui::GetContentRegionAvail().x;
  const Assessment& a = s.doc.assessment;
  ImGui::PushFont(s.fonts.heading);
  std::string title = a.agency_name.empty() ? s.tr("dashboard.title") : a.agency_name;
  if (!a.period.empty()) title += "  —  " + isolate_ltr(a.period);
  label(s, title, 0, !a.agency_name.empty(), width);
  ImGui::PopFont();
  draw_counts(s, width);
  ImGui::Spacing();

  float radar = std::clamp(width * 0.5f, em(20), em(36));
  float bars_w = width - radar - ImGui::GetStyle().ItemSpacing.x * 3;
  Row row(s.rtl(), width);
  row.place(radar);
  ImGui::BeginGroup();
  label(s, s.tr("dashboard.dimensions"), muted_text_color(), false, radar);
  radar_chart(s, dimensions_, radar);
  ImGui::EndGroup();
  row.place(bars_w);
  ImGui::BeginGroup();
  label(s, s.tr("dashboard.sections"), muted_text_color(), false, bars_w);
  bar_rows(s, sections_, bars_w);
  ImGui::EndGroup();
  row.end();
  ImGui::EndChild();
}

}  // namespace mizan::ui
