#include "ui/theme.hpp"

namespace mizan::ui {

void apply_style(float scale, bool rtl) {
  ImGuiStyle style;
  ImGui::StyleColorsLight(&style);
  style.WindowRounding = 0.0f;
  style.FrameRounding = 4.0f;
  style.GrabRounding = 4.0f;
  style.PopupRounding = 4.0f;
  style.ChildRounding = 4.0f;
  style.FramePadding = ImVec2(8, 5);
  style.ItemSpacing = ImVec2(8, 7);  // Arabic needs more room between lines than Latin
  style.WindowPadding = ImVec2(12, 10);
  style.ScrollbarSize = 16.0f;
  style.SelectableTextAlign = ImVec2(rtl ? 1.0f : 0.0f, 0.5f);
  style.WindowTitleAlign = ImVec2(rtl ? 1.0f : 0.0f, 0.5f);
  style.Colors[ImGuiCol_WindowBg] = ImVec4(0.97f, 0.97f, 0.96f, 1.0f);
  style.Colors[ImGuiCol_ChildBg] = ImVec4(1.0f, 1.0f, 1.0f, 1.0f);
  style.Colors[ImGuiCol_MenuBarBg] = ImVec4(0.90f, 0.91f, 0.93f, 1.0f);
  style.Colors[ImGuiCol_Header] = ImVec4(0.26f, 0.46f, 0.72f, 0.22f);
  style.Colors[ImGuiCol_HeaderHovered] = ImVec4(0.26f, 0.46f, 0.72f, 0.32f);
  style.Colors[ImGuiCol_HeaderActive] = ImVec4(0.26f, 0.46f, 0.72f, 0.45f);
  style.Colors[ImGuiCol_Border] = ImVec4(0.0f, 0.0f, 0.0f, 0.16f);
  // Fields must show where they are on the white panels.
  style.Colors[ImGuiCol_FrameBg] = ImVec4(0.93f, 0.94f, 0.95f, 1.0f);
  style.Colors[ImGuiCol_FrameBgHovered] = ImVec4(0.88f, 0.91f, 0.96f, 1.0f);
  style.Colors[ImGuiCol_FrameBgActive] = ImVec4(0.84f, 0.89f, 0.97f, 1.0f);
  style.ScaleAllSizes(scale);
  ImGui::GetStyle() = style;
}

ImU32 level_color(Level l) {
  switch (l) {
    case Level::critical: return IM_COL32(192, 57, 43, 255);
    case Level::medium: return IM_COL32(230, 126, 34, 255);
    case Level::acceptable: return IM_COL32(241, 196, 15, 255);
    case Level::good: return IM_COL32(39, 174, 96, 255);
  }
  return IM_COL32(128, 128, 128, 255);
}

ImU32 level_text_color(Level l) {
  return l == Level::acceptable || l == Level::medium ? IM_COL32(30, 30, 30, 255) : IM_COL32(255, 255, 255, 255);
}

ImU32 status_color(ItemStatus s) {
  switch (s) {
    case ItemStatus::met: return IM_COL32(39, 174, 96, 255);
    case ItemStatus::not_met: return IM_COL32(192, 57, 43, 255);
    case ItemStatus::na: return IM_COL32(100, 116, 139, 255);
    case ItemStatus::unanswered: return IM_COL32(160, 160, 160, 255);
  }
  return IM_COL32(128, 128, 128, 255);
}

ImU32 muted_text_color() { return IM_COL32(100, 100, 110, 255); }
ImU32 warning_color() { return IM_COL32(176, 96, 0, 255); }

}  // namespace mizan::ui
