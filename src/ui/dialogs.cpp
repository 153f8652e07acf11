#include "ui/dialogs.hpp"

#include <algorithm>

#include "ui/app_commands.hpp"
#include "ui/layout.hpp"
#include "ui/theme.hpp"

namespace mizan::ui {

namespace {

constexpr const char* kMessage = "##message";
constexpr const char* kUnsaved = "##unsaved";
constexpr const char* kRecover = "##recover";

bool any_popup() { return ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId | ImGuiPopupFlags_AnyPopupLevel); }

bool begin_dialog(const char* id, float width) {
  ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(width, 0));
  return ImGui::BeginPopupModal(id, nullptr, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_AlwaysAutoResize);
}

void title(AppState& s, const std::string& t, float width) {
  ImGui::PushFont(s.fonts.heading);
  label(s, t, 0, false, width);
  ImGui::PopFont();
}

// Buttons in a row from the start side; returns the index pressed, or -1.
int buttons(AppState& s, std::initializer_list<std::string> labels, float width) {
  float bw = em(6);
  for (const auto& l : labels) bw = std::max(bw, button_width(s, l));
  Row row(s.rtl(), width);
  int pressed = -1, i = 0;
  for (const auto& l : labels) {
    row.place(bw);
    if (button(s, l, std::to_string(i).c_str(), bw)) pressed = i;
    ++i;
  }
  row.end();
  return pressed;
}

}  // namespace

void Dialogs::draw(AppState& s) {
  draw_message(s);
  draw_unsaved(s);
  draw_recover(s);
}

void Dialogs::draw_message(AppState& s) {
  if (!message_open_ && !s.messages.empty() && !any_popup()) {
    ImGui::OpenPopup(kMessage);
    message_open_ = true;
  }
  float w = em(36);
  if (!begin_dialog(kMessage, w)) {
    message_open_ = false;
    return;
  }
  float inner = ImGui::GetContentRegionAvail().x;
  const Message& m = s.messages.front();
  title(s, m.title, inner);
  s.text.paragraph(m.text, inner);
  if (!m.details.empty()) {
    float h = std::min(em(14), ImGui::GetTextLineHeightWithSpacing() * static_cast<float>(m.details.size() * 2 + 1));
    ImGui::BeginChild("details", ImVec2(inner, h), true);
    float dw = ImGui::GetContentRegionAvail().x;
    for (const auto& d : m.details) s.text.paragraph(d, dw, warning_color(), /*user=*/true);
    ImGui::EndChild();
  }
  if (buttons(s, {s.tr("button.ok")}, inner) == 0 || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
    s.messages.erase(s.messages.begin());
    message_open_ = false;
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

void Dialogs::draw_unsaved(AppState& s) {
  if (!unsaved_open_ && s.ask_unsaved && !any_popup()) {
    ImGui::OpenPopup(kUnsaved);
    unsaved_open_ = true;
  }
  if (!begin_dialog(kUnsaved, em(32))) {
    unsaved_open_ = false;
    return;
  }
  float inner = ImGui::GetContentRegionAvail().x;
  title(s, s.tr("unsaved.title"), inner);
  s.text.paragraph(s.tr("unsaved.text"), inner);
  int b = buttons(s, {s.tr("button.save"), s.tr("button.discard"), s.tr("button.cancel")}, inner);
  if (b >= 0) {
    s.ask_unsaved = false;
    unsaved_open_ = false;
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
  if (b == 0 && save(s)) continue_pending(s);  // without a file name the browser asks first
  if (b == 1) continue_pending(s);
  if (b == 2) s.pending = PendingStep::none;
}

void Dialogs::draw_recover(AppState& s) {
  if (!recover_open_ && !s.recover_offer.empty() && !any_popup()) {
    ImGui::OpenPopup(kRecover);
    recover_open_ = true;
  }
  if (!begin_dialog(kRecover, em(34))) {
    recover_open_ = false;
    return;
  }
  float inner = ImGui::GetContentRegionAvail().x;
  title(s, s.tr("recover.title"), inner);
  s.text.paragraph(s.tr("recover.text"), inner);
  s.text.paragraph(s.recover_offer, inner, muted_text_color(), /*user=*/true);
  int b = buttons(s, {s.tr("button.recover"), s.tr("button.discard"), s.tr("button.later")}, inner);
  std::string path = s.recover_offer;
  if (b >= 0) {
    s.recover_offer.clear();
    recover_open_ = false;
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
  if (b == 0) recover_autosave(s, path);
  if (b == 1) remove_autosave(path + ".autosave");
}

}  // namespace mizan::ui
