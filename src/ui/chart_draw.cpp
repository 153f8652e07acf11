#include "ui/chart_draw.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "ui/layout.hpp"
#include "ui/navigator_view.hpp"
#include "ui/theme.hpp"

namespace mizan::ui {

namespace {
constexpr float kPi = 3.14159265f;
constexpr float kScaleMax = 3.0f;

ImU32 with_alpha(ImU32 c, int a) { return (c & ~IM_COL32_A_MASK) | (static_cast<ImU32>(a) << IM_COL32_A_SHIFT); }
}  // namespace

void radar_chart(AppState& s, const std::vector<ChartValue>& values, float size) {
  ImVec2 p = ImGui::GetCursorScreenPos();
  ImGui::Dummy(ImVec2(size, size));
  if (values.size() < 3) return;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  float label_room = em(7.0f);  // labels around the chart need room of their own
  ImVec2 c(p.x + size * 0.5f, p.y + size * 0.5f);
  float r = size * 0.5f - label_room;
  size_t n = values.size();
  float dir = s.rtl() ? -1.0f : 1.0f;
  auto at = [&](size_t i, float radius) {
    float a = -kPi / 2 + dir * 2 * kPi * static_cast<float>(i) / static_cast<float>(n);
    return ImVec2(c.x + std::cos(a) * radius, c.y + std::sin(a) * radius);
  };
  // Rings at medium, acceptable and good, tinted with the level they stand for.
  for (int ring = 3; ring >= 1; --ring) {
    std::vector<ImVec2> pts;
    for (size_t i = 0; i < n; ++i) pts.push_back(at(i, r * ring / kScaleMax));
    dl->AddConvexPolyFilled(pts.data(), static_cast<int>(n), with_alpha(level_color(static_cast<Level>(ring)), 26));
    dl->AddPolyline(pts.data(), static_cast<int>(n), IM_COL32(0, 0, 0, 50), ImDrawFlags_Closed, 1.0f);
  }
  for (size_t i = 0; i < n; ++i) dl->AddLine(c, at(i, r), IM_COL32(0, 0, 0, 40));
  std::vector<ImVec2> shape;
  for (size_t i = 0; i < n; ++i)
    shape.push_back(at(i, r * static_cast<float>(std::clamp(values[i].value, 0.0, 3.0)) / kScaleMax));
  // The value polygon may be concave: fill it as triangles from the centre.
  for (size_t i = 0; i < n; ++i)
    dl->AddTriangleFilled(c, shape[i], shape[(i + 1) % n], IM_COL32(41, 98, 255, 70));
  dl->AddPolyline(shape.data(), static_cast<int>(n), IM_COL32(41, 98, 255, 255), ImDrawFlags_Closed, 2.0f);
  for (size_t i = 0; i < n; ++i) dl->AddCircleFilled(shape[i], em(0.25f), level_color(values[i].level));

  for (size_t i = 0; i < n; ++i) {
    ImVec2 a = at(i, r + em(0.5f));
    // Labels beside the chart get the room left on that side; above and below, more.
    bool side = std::fabs(a.x - c.x) > em(1);
    float lw = side ? label_room - em(0.2f) : label_room * 2.0f;
    float h = s.text.paragraph_height(values[i].label, lw);
    // Place the label box on the outside of its axis end, inside the chart's square.
    float x = a.x - lw * 0.5f;
    if (a.x > c.x + em(1)) x = a.x;
    else if (a.x < c.x - em(1)) x = a.x - lw;
    x = std::clamp(x, p.x, p.x + size - lw - em(0.3f));
    float y = a.y - h * 0.5f;
    if (a.y < c.y - r * 0.9f) y = a.y - h;
    else if (a.y > c.y + r * 0.9f) y = a.y;
    ImVec2 keep = ImGui::GetCursorScreenPos();
    ImGui::SetCursorScreenPos(ImVec2(x, y));
    s.text.paragraph(values[i].label, lw, 0, false, /*centered=*/!side);
    ImGui::SetCursorScreenPos(keep);
  }
  ImGui::Dummy(ImVec2(0, 0));
}

void bar_rows(AppState& s, const std::vector<ChartValue>& values, float width) {
  const ImGuiStyle& st = ImGui::GetStyle();
  float name_w = std::min(em(16), width * 0.45f);
  float level_w = 0;
  for (int i = 0; i < kLevelCount; ++i) level_w = std::max(level_w, s.text.width(level_name(s, static_cast<Level>(i))));
  float bar_w = std::max(em(4), width - name_w - level_w - st.ItemSpacing.x * 2);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  for (const auto& v : values) {
    Row row(s.rtl(), width);
    row.place(name_w);
    // One line per name: long names are cut here; the navigator shows them in full.
    std::string name = s.text.visual(s.text.elided(v.label, name_w));
    float nw = ImGui::CalcTextSize(name.c_str()).x;
    ImVec2 np = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(name_w, ImGui::GetTextLineHeight()));
    dl->AddText(ImVec2(s.rtl() ? np.x + name_w - nw : np.x, np.y), ImGui::GetColorU32(ImGuiCol_Text), name.c_str());
    if (ImGui::IsItemHovered() && nw >= name_w - em(1)) ImGui::SetTooltip("%s", s.text.visual(v.label).c_str());
    row.place(bar_w);
    ImVec2 bp = ImGui::GetCursorScreenPos();
    float bh = ImGui::GetTextLineHeight();
    ImGui::Dummy(ImVec2(bar_w, bh));
    dl->AddRectFilled(bp, ImVec2(bp.x + bar_w, bp.y + bh), IM_COL32(0, 0, 0, 20), em(0.2f));
    for (int t = 1; t < 3; ++t) {  // ticks at medium and acceptable
      float x = bp.x + bar_w * t / kScaleMax;
      dl->AddLine(ImVec2(x, bp.y), ImVec2(x, bp.y + bh), IM_COL32(0, 0, 0, 45));
    }
    float fill = bar_w * static_cast<float>(std::clamp(v.value, 0.0, 3.0)) / kScaleMax;
    ImVec2 a = s.rtl() ? ImVec2(bp.x + bar_w - fill, bp.y) : bp;
    if (fill > 0.5f) dl->AddRectFilled(a, ImVec2(a.x + fill, bp.y + bh), level_color(v.level), em(0.2f));
    char num[16];
    std::snprintf(num, sizeof num, "%.1f", v.value);
    float numw = ImGui::CalcTextSize(num).x;
    float nx = s.rtl() ? bp.x + em(0.3f) : bp.x + bar_w - numw - em(0.3f);
    dl->AddText(ImVec2(nx, bp.y), IM_COL32(30, 30, 30, 210), num);
    row.place(level_w);
    label(s, level_name(s, v.level), 0, false, level_w);
    row.end();
  }
}

}  // namespace mizan::ui
