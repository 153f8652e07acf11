#include "ui/rtl_text.hpp"

#include <algorithm>
#include <cfloat>

namespace mizan::ui {

std::string isolate_ltr(std::string_view value) {
  if (value.empty()) return "";
  return "\u2066" + std::string(value) + "\u2069";  // LRI … PDI
}

text::BaseDirection BidiText::base(bool user) const {
  if (user) return text::BaseDirection::Auto;
  return rtl_ ? text::BaseDirection::RTL : text::BaseDirection::LTR;
}

const std::vector<text::DisplayLine>& BidiText::lines(std::string_view s, float width, bool user) {
  ImFont* font = ImGui::GetFont();
  float size = ImGui::GetFontSize();
  auto measure = [font, size](std::string_view v) {
    return font->CalcTextSizeA(size, FLT_MAX, 0.0f, v.data(), v.data() + v.size()).x;
  };
  return caches_[font].get(s, width, base(user), measure);
}

std::string BidiText::visual(std::string_view logical, bool user) {
  const auto& ls = lines(logical, 0.0f, user);
  if (ls.size() == 1) return ls.front().visual;
  std::string out;  // a label with line breaks: keep them, each line in visual order
  for (const auto& l : ls) out += (out.empty() ? "" : "\n") + l.visual;
  return out;
}

float BidiText::width(std::string_view logical, bool user) {
  float w = 0;
  for (const auto& l : lines(logical, 0.0f, user)) w = std::max(w, ImGui::CalcTextSize(l.visual.c_str()).x);
  return w;
}

std::string BidiText::elided(std::string_view logical, float width, bool user) {
  {
    const auto& whole = lines(logical, 0.0f, user);
    if (whole.size() == 1 && ImGui::CalcTextSize(whole.front().visual.c_str()).x <= width) return std::string(logical);
  }
  float ellipsis = ImGui::CalcTextSize("…").x;
  return lines(logical, std::max(1.0f, width - ellipsis), user).front().logical + "…";
}

void BidiText::paragraph(std::string_view s, float width, ImU32 color, bool user, bool centered) {
  const auto& ls = lines(s, width, user);
  ImVec2 pos = ImGui::GetCursorScreenPos();
  float line_h = ImGui::GetTextLineHeightWithSpacing();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  if (color == 0) color = ImGui::GetColorU32(ImGuiCol_Text);
  for (size_t i = 0; i < ls.size(); ++i) {
    const auto& l = ls[i];
    float w = ImGui::CalcTextSize(l.visual.c_str()).x;
    float x = centered ? pos.x + (width - w) * 0.5f : l.rtl ? pos.x + width - w : pos.x;
    dl->AddText(ImVec2(x, pos.y + line_h * static_cast<float>(i)), color, l.visual.c_str());
  }
  float h = line_h * static_cast<float>(ls.size()) - ImGui::GetStyle().ItemSpacing.y;
  ImGui::Dummy(ImVec2(width, std::max(h, ImGui::GetTextLineHeight())));
}

float BidiText::paragraph_height(std::string_view s, float width, bool user) {
  size_t n = lines(s, width, user).size();
  return ImGui::GetTextLineHeightWithSpacing() * static_cast<float>(n) - ImGui::GetStyle().ItemSpacing.y;
}

void BidiText::draw_line(ImDrawList* dl, ImVec2 min, float width, std::string_view s, ImU32 color, bool centered,
                         bool user) {
  std::string v = visual(s, user);
  float w = ImGui::CalcTextSize(v.c_str()).x;
  float x = centered ? min.x + (width - w) * 0.5f : (rtl_ ? min.x + width - w : min.x);
  dl->AddText(ImVec2(x, min.y), color, v.c_str());
}

size_t BidiText::misses() const {
  size_t n = 0;
  for (const auto& [f, c] : caches_) n += c.misses();
  return n;
}

}  // namespace mizan::ui
