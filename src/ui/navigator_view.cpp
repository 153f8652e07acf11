#include "ui/navigator_view.hpp"

#include <algorithm>
#include <cstdio>

#include "ui/layout.hpp"
#include "ui/theme.hpp"

namespace mizan::ui {

const std::string& level_name(const AppState& s, Level l) { return s.rubric.level_name(l).get(s.tr.lang()); }

float standing(Level l, double progress) {
  if (l == Level::good) return 1.0f;
  return static_cast<float>((static_cast<int>(l) + progress) / 3.0);
}

float NavigatorView::level_badge_width(AppState& s) {
  float w = 0;
  for (int i = 0; i < kLevelCount; ++i) w = std::max(w, badge_width(s, level_name(s, static_cast<Level>(i))));
  return w;
}

void NavigatorView::draw(AppState& s, float width) {
  ImGui::BeginChild("navigator", ImVec2(width, 0), true);
  if (s.has_rubric) {
    float inner = ImGui::GetContentRegionAvail().x;
    for (const auto& d : s.rubric.dimensions) {
      draw_dimension(s, d, inner);
      for (const auto& sec : d.sections) draw_section(s, sec, inner);
      ImGui::Spacing();
    }
  }
  ImGui::EndChild();
}

void NavigatorView::draw_dimension(AppState& s, const Dimension& d, float width) {
  auto it = s.doc.score().dimensions.find(d.id);
  if (it == s.doc.score().dimensions.end()) return;
  const DimensionScore& ds = it->second;
  float bw = level_badge_width(s);
  Row row(s.rtl(), width);
  row.place(bw);
  badge(s, level_name(s, ds.level), level_color(ds.level), level_text_color(ds.level), bw);
  float text_w = width - bw - ImGui::GetStyle().ItemSpacing.x;
  row.place(text_w);
  ImGui::PushFont(s.fonts.heading);
  s.text.paragraph(d.id + "  " + d.name.get(s.tr.lang()), text_w);
  ImGui::PopFont();
  row.end();
  char value[32];
  std::snprintf(value, sizeof value, "%.1f / 3", ds.progress);
  progress_bar(s, static_cast<float>(ds.progress / 3.0), ImVec2(width, em(0.9f)), level_color(ds.level), value);
}

void NavigatorView::draw_section(AppState& s, const Section& sec, float width) {
  auto it = s.doc.score().sections.find(sec.id);
  if (it == s.doc.score().sections.end()) return;
  const SectionScore& ss = it->second;
  const ImGuiStyle& st = ImGui::GetStyle();
  float indent = em(1.0f);
  float bw = level_badge_width(s);
  float text_w = width - indent - bw - st.ItemSpacing.x * 2;
  std::string name = sec.name.get(s.tr.lang());
  float h = s.text.paragraph_height(name, text_w) + em(0.5f) + st.ItemSpacing.y + st.FramePadding.y * 2;

  ImVec2 p = ImGui::GetCursorScreenPos();
  bool selected = s.view == ViewId::checklist && s.section == sec.id;
  ImGui::PushID(sec.id.c_str());
  if (ImGui::Selectable("##section", selected, 0, ImVec2(width, h))) {
    s.section = sec.id;
    s.view = ViewId::checklist;
  }
  if (ImGui::IsItemHovered()) {
    std::string tip = s.tr.format("nav.tooltip", {level_name(s, ss.level), std::to_string(ss.counts.met),
                                                  std::to_string(ss.counts.total())});
    ImGui::SetTooltip("%s", s.text.visual(tip).c_str());
  }
  ImGui::PopID();
  ImVec2 after = ImGui::GetCursorScreenPos();

  // Contents over the selectable: badge, name, then a thin bar of the section's standing.
  ImGui::SetCursorScreenPos(ImVec2(p.x, p.y + st.FramePadding.y));
  Row row(s.rtl(), width);
  row.skip(indent);
  row.place(bw);
  badge(s, level_name(s, ss.level), level_color(ss.level), level_text_color(ss.level), bw);
  row.place(text_w);
  s.text.paragraph(name, text_w);
  row.end();
  float bar_x = s.rtl() ? p.x + st.ItemSpacing.x : p.x + indent + bw + st.ItemSpacing.x;
  ImGui::SetCursorScreenPos(ImVec2(bar_x, ImGui::GetCursorScreenPos().y - st.ItemSpacing.y * 0.5f));
  progress_bar(s, standing(ss.level, ss.progress), ImVec2(text_w, em(0.35f)), level_color(ss.level));
  ImGui::SetCursorScreenPos(after);
  ImGui::Dummy(ImVec2(0, 0));
}

}  // namespace mizan::ui
