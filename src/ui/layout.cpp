#include "ui/layout.hpp"

#include <algorithm>

#include <imgui_stdlib.h>

#include "text/bidi.hpp"
#include "ui/theme.hpp"

namespace mizan::ui {

Row::Row(bool rtl, float width) : rtl_(rtl), width_(width), origin_(ImGui::GetCursorScreenPos()) {
  bottom_ = origin_.y;
}

float Row::peek_x(float w) const { return rtl_ ? origin_.x + width_ - used_ - w : origin_.x + used_; }

void Row::place(float w) {
  if (any_) bottom_ = std::max(bottom_, ImGui::GetItemRectMax().y);
  any_ = true;
  ImGui::SetCursorScreenPos(ImVec2(peek_x(w), origin_.y));
  used_ += w + ImGui::GetStyle().ItemSpacing.x;
}

void Row::skip(float w) { used_ += w; }

void Row::end() {
  if (any_) bottom_ = std::max(bottom_, ImGui::GetItemRectMax().y);
  ImGui::SetCursorScreenPos(ImVec2(origin_.x, bottom_ + ImGui::GetStyle().ItemSpacing.y));
  ImGui::Dummy(ImVec2(0, 0));
}

float button_width(AppState& s, std::string_view text) {
  return s.text.width(text) + ImGui::GetStyle().FramePadding.x * 2.0f;
}

bool button(AppState& s, std::string_view text, const char* id, float width, bool enabled) {
  std::string lbl = s.text.visual(text) + "##" + id;
  if (!enabled) ImGui::BeginDisabled();
  bool pressed = ImGui::Button(lbl.c_str(), ImVec2(width, 0));
  if (!enabled) ImGui::EndDisabled();
  return pressed && enabled;
}

bool toggle(AppState& s, std::string_view text, const char* id, bool on, ImU32 color, float width, bool enabled) {
  int pushed = 0;
  if (on) {
    ImVec4 c = ImGui::ColorConvertU32ToFloat4(color);
    ImGui::PushStyleColor(ImGuiCol_Button, c);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImVec4(c.x * 0.9f, c.y * 0.9f, c.z * 0.9f, 1));
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, ImVec4(c.x * 0.8f, c.y * 0.8f, c.z * 0.8f, 1));
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
    pushed = 4;
  }
  bool pressed = button(s, text, id, width, enabled);
  ImGui::PopStyleColor(pushed);
  return pressed;
}

bool checkbox(AppState& s, std::string_view text, const char* id, bool* value, float width) {
  float box = ImGui::GetFrameHeight();
  Row row(s.rtl(), width);
  row.place(box);
  bool changed = ImGui::Checkbox((std::string("##") + id).c_str(), value);
  float lw = width - box - ImGui::GetStyle().ItemSpacing.x;
  row.place(lw);
  ImGui::AlignTextToFramePadding();
  label(s, text, 0, false, lw);
  if (ImGui::IsItemClicked()) {
    *value = !*value;
    changed = true;
  }
  row.end();
  return changed;
}

void label(AppState& s, std::string_view text, ImU32 color, bool user, float width) {
  float avail = width > 0 ? width : ImGui::GetContentRegionAvail().x;
  std::string v = s.text.visual(text, user);
  float w = ImGui::CalcTextSize(v.c_str()).x;
  bool right = user ? text::resolves_to_rtl(text, text::BaseDirection::Auto) : s.rtl();
  if (right) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, avail - w));
  if (color) ImGui::PushStyleColor(ImGuiCol_Text, color);
  ImGui::TextUnformatted(v.c_str());
  if (color) ImGui::PopStyleColor();
}

void paragraph(AppState& s, std::string_view text, ImU32 color, bool user, float width) {
  if (width <= 0) width = ImGui::GetContentRegionAvail().x;
  s.text.paragraph(text, width, color, user);
}

float badge_width(AppState& s, std::string_view text) { return s.text.width(text) + em(0.8f); }

void badge(AppState& s, std::string_view text, ImU32 bg, ImU32 fg, float width) {
  if (width <= 0) width = badge_width(s, text);
  ImVec2 p = ImGui::GetCursorScreenPos();
  float h = ImGui::GetTextLineHeight() + em(0.2f);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(p, ImVec2(p.x + width, p.y + h), bg, em(0.3f));
  s.text.draw_line(dl, ImVec2(p.x, p.y + em(0.1f)), width, text, fg, /*centered=*/true);
  ImGui::Dummy(ImVec2(width, h));
}

void progress_bar(AppState& s, float fraction, ImVec2 size, ImU32 color, std::string_view overlay) {
  fraction = std::clamp(fraction, 0.0f, 1.0f);
  ImVec2 p = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  float r = size.y * 0.3f;
  dl->AddRectFilled(p, ImVec2(p.x + size.x, p.y + size.y), IM_COL32(0, 0, 0, 28), r);
  float fill = size.x * fraction;
  if (fill > 0.5f) {
    ImVec2 a = s.rtl() ? ImVec2(p.x + size.x - fill, p.y) : p;
    dl->AddRectFilled(a, ImVec2(a.x + fill, p.y + size.y), color, r);
  }
  if (!overlay.empty()) {
    float ty = p.y + (size.y - ImGui::GetTextLineHeight()) * 0.5f;
    s.text.draw_line(dl, ImVec2(p.x, ty), size.x, overlay, ImGui::GetColorU32(ImGuiCol_Text), /*centered=*/true);
  }
  ImGui::Dummy(size);
}

bool disclosure(AppState& s, const char* id, std::string_view text, bool open, float width) {
  float w = width > 0 ? width : ImGui::GetContentRegionAvail().x;
  float h = ImGui::GetFrameHeight();
  ImVec2 p = ImGui::GetCursorScreenPos();
  ImGui::PushID(id);
  bool clicked = ImGui::InvisibleButton("##disclosure", ImVec2(w, h));
  bool hovered = ImGui::IsItemHovered();
  ImGui::PopID();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  if (hovered) dl->AddRectFilled(p, ImVec2(p.x + w, p.y + h), ImGui::GetColorU32(ImGuiCol_HeaderHovered), em(0.2f));
  float arrow = em(0.9f);
  float ty = p.y + (h - ImGui::GetTextLineHeight()) * 0.5f;
  ImU32 col = ImGui::GetColorU32(ImGuiCol_Text);
  ImGuiDir dir = open ? ImGuiDir_Down : (s.rtl() ? ImGuiDir_Left : ImGuiDir_Right);
  float ax = s.rtl() ? p.x + w - arrow : p.x;
  // RenderArrow is internal in 1.86; a triangle drawn here keeps to the public API.
  ImVec2 c(ax + arrow * 0.5f, p.y + h * 0.5f);
  float r = arrow * 0.3f;
  if (dir == ImGuiDir_Down) dl->AddTriangleFilled(ImVec2(c.x - r, c.y - r * 0.6f), ImVec2(c.x + r, c.y - r * 0.6f), ImVec2(c.x, c.y + r * 0.7f), col);
  else if (dir == ImGuiDir_Right) dl->AddTriangleFilled(ImVec2(c.x - r * 0.6f, c.y - r), ImVec2(c.x - r * 0.6f, c.y + r), ImVec2(c.x + r * 0.7f, c.y), col);
  else dl->AddTriangleFilled(ImVec2(c.x + r * 0.6f, c.y - r), ImVec2(c.x + r * 0.6f, c.y + r), ImVec2(c.x - r * 0.7f, c.y), col);
  float tx = s.rtl() ? p.x : p.x + arrow + em(0.2f);
  s.text.draw_line(dl, ImVec2(tx, ty), w - arrow - em(0.2f), text, col);
  return clicked ? !open : open;
}

bool menu_entry(AppState& s, std::string_view text, const char* shortcut, bool enabled) {
  std::string v = s.text.visual(text);
  float lw = ImGui::CalcTextSize(v.c_str()).x;
  float sw = shortcut && *shortcut ? ImGui::CalcTextSize(shortcut).x + em(2.0f) : 0.0f;
  ImGui::PushID(v.c_str());
  if (!enabled) ImGui::BeginDisabled();
  bool pressed = ImGui::Selectable("##entry", false, 0, ImVec2(lw + sw, 0));
  if (!enabled) ImGui::EndDisabled();
  ImGui::PopID();
  ImVec2 min = ImGui::GetItemRectMin();
  float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  float width = std::max(right - min.x, lw + sw);
  ImU32 col = ImGui::GetColorU32(enabled ? ImGuiCol_Text : ImGuiCol_TextDisabled);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  if (s.rtl()) {
    dl->AddText(ImVec2(min.x + width - lw, min.y), col, v.c_str());
    if (sw > 0) dl->AddText(min, ImGui::GetColorU32(ImGuiCol_TextDisabled), shortcut);
  } else {
    dl->AddText(min, col, v.c_str());
    if (sw > 0)
      dl->AddText(ImVec2(min.x + width - ImGui::CalcTextSize(shortcut).x, min.y),
                  ImGui::GetColorU32(ImGuiCol_TextDisabled), shortcut);
  }
  return pressed && enabled;
}

bool begin_menu(AppState& s, std::string_view text, const char* id) {
  std::string lbl = s.text.visual(text) + "##" + id;
  return ImGui::BeginMenu(lbl.c_str());
}

void text_field(AppState& s, const char* id, const std::string& value, float width, int lines,
                std::function<void(const std::string&)> commit, std::string_view hint, bool enabled) {
  ImGuiID gid = ImGui::GetID(id);
  float line_h = ImGui::GetTextLineHeightWithSpacing();
  float pad = ImGui::GetStyle().FramePadding.y;
  if (s.edit.id == gid) {
    s.edit.seen = true;
    if (s.edit.focus) {
      ImGui::SetKeyboardFocusHere();
      s.edit.focus = false;
    }
    ImGui::PushID(id);
    if (lines > 1) {
      ImGui::InputTextMultiline("##edit", &s.edit.buffer, ImVec2(width, line_h * static_cast<float>(lines) + pad * 2));
    } else {
      ImGui::SetNextItemWidth(width);
      ImGui::InputText("##edit", &s.edit.buffer);
    }
    bool done = ImGui::IsItemDeactivated();
    ImGui::PopID();
    if (text::has_rtl(s.edit.buffer)) {  // what the typed Arabic will look like
      ImGui::PushStyleColor(ImGuiCol_Text, muted_text_color());
      s.text.paragraph(s.edit.buffer, width, 0, /*user=*/true);
      ImGui::PopStyleColor();
    }
    if (done) {
      FieldEdit e = std::move(s.edit);
      s.edit = FieldEdit{};
      if (e.buffer != e.original && e.commit) e.commit(e.buffer);
    }
    return;
  }
  // Shown shaped; a click turns it into an input.
  bool empty = value.empty();
  std::string_view shown = empty ? hint : std::string_view(value);
  float text_h = s.text.paragraph_height(shown, width - pad * 4, /*user=*/!empty);
  float h = std::max(text_h, line_h * static_cast<float>(lines) - ImGui::GetStyle().ItemSpacing.y) + pad * 2;
  ImVec2 p = ImGui::GetCursorScreenPos();
  ImGui::PushID(id);
  if (!enabled) ImGui::BeginDisabled();
  bool clicked = ImGui::InvisibleButton("##show", ImVec2(width, h));
  if (!enabled) ImGui::EndDisabled();
  bool hovered = ImGui::IsItemHovered();
  ImGui::PopID();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(p, ImVec2(p.x + width, p.y + h),
                    ImGui::GetColorU32(hovered && enabled ? ImGuiCol_FrameBgHovered : ImGuiCol_FrameBg),
                    ImGui::GetStyle().FrameRounding);
  ImVec2 after = ImGui::GetCursorScreenPos();
  ImGui::SetCursorScreenPos(ImVec2(p.x + pad * 2, p.y + pad));
  ImU32 col = empty ? ImGui::GetColorU32(ImGuiCol_TextDisabled) : ImGui::GetColorU32(ImGuiCol_Text);
  s.text.paragraph(shown, width - pad * 4, col, /*user=*/!empty);
  ImGui::SetCursorScreenPos(after);
  ImGui::Dummy(ImVec2(0, 0));
  if (clicked && enabled) {
    if (s.edit.id != 0 && s.edit.commit && s.edit.buffer != s.edit.original) s.edit.commit(s.edit.buffer);
    s.edit = FieldEdit{gid, value, value, std::move(commit), true, true};
  }
}

void finish_text_fields(AppState& s) {
  if (s.edit.id != 0 && !s.edit.seen) {
    FieldEdit e = std::move(s.edit);
    s.edit = FieldEdit{};
    if (e.buffer != e.original && e.commit) e.commit(e.buffer);
    return;
  }
  s.edit.seen = false;
}

}  // namespace mizan::ui
