#include "ui/main_window.hpp"

#include <filesystem>

#include "ui/app_commands.hpp"
#include "ui/layout.hpp"
#include "ui/menu_bar.hpp"
#include "ui/theme.hpp"

namespace mizan::ui {

std::string window_title(const AppState& s) {
  std::string name = s.doc.path.empty() ? s.tr("file.untitled") : std::filesystem::path(s.doc.path).filename().string();
  return "Mizan — " + name + (s.doc.dirty ? " *" : "");
}

bool select_view(AppState& s, const std::string& view) {
  if (view.empty() || view == "checklist") s.view = ViewId::checklist;
  else if (view == "dashboard") s.view = ViewId::dashboard;
  else if (view == "details") s.view = ViewId::details;
  else if (view == "actions" || view == "action-plan") s.view = ViewId::action_plan;
  else if (view == "changes" || view == "review") s.view = ViewId::review;
  else if (view == "indicators") s.view = ViewId::indicators;
  else if (view == "compare") s.view = ViewId::compare;
  else if (view.rfind("checklist:", 0) == 0) {
    std::string id = view.substr(10);
    if (!s.rubric.find_section(id)) return false;
    s.view = ViewId::checklist;
    s.section = id;
  } else {
    return false;
  }
  return true;
}

void MainWindow::draw(AppState& s) {
  handle_shortcuts(s);
  casedata_.update(s);  // a finished case-data import, File > Import case data…
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->WorkPos);
  ImGui::SetNextWindowSize(vp->WorkSize);
  ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_MenuBar | ImGuiWindowFlags_NoMove |
                           ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
  ImGui::Begin("Mizan", nullptr, flags);
  draw_menu_bar(s);
  float width = ImGui::GetContentRegionAvail().x;
  draw_banners(s, width);
  draw_view_bar(s, width);

  float nav_w = std::min(em(21), width * 0.34f);
  float view_w = width - nav_w - ImGui::GetStyle().ItemSpacing.x;
  float height = ImGui::GetContentRegionAvail().y;
  Row row(s.rtl(), width);
  row.place(nav_w);
  navigator_.draw(s, nav_w);
  row.place(view_w);
  ImGui::BeginChild("view", ImVec2(view_w, height), true);
  draw_view(s);
  ImGui::EndChild();
  row.end();
  ImGui::End();

  browser_.draw(s);
  casedata_.draw_dialogs(s);  // the mapping editor
  dialogs_.draw(s);
  finish_text_fields(s);
}

void MainWindow::draw_banners(AppState& s, float width) {
  for (const auto& w : s.fonts.warnings) label(s, s.tr(w), warning_color(), false, width);
  if (!s.has_rubric) label(s, s.tr("banner.no_rubric"), warning_color(), false, width);
  if (s.doc.assessment.signed_off()) review_.draw_banner(s, width);  // who signed, and Reopen
}

void MainWindow::draw_view_bar(AppState& s, float width) {
  Row row(s.rtl(), width);
  for (const auto& v : kViews) {
    float w = button_width(s, s.tr(v.label_key)) + em(1.0f);
    row.place(w);
    bool on = s.view == v.id;
    if (toggle(s, s.tr(v.label_key), v.label_key, on, IM_COL32(41, 98, 180, 255), w, true)) s.view = v.id;
  }
  // The document's name and state on the end side of the bar.
  std::string state = (s.doc.path.empty() ? s.tr("file.untitled") : std::filesystem::path(s.doc.path).filename().string()) +
                      (s.doc.dirty ? "  " + s.tr("file.unsaved") : "");
  float sw = s.text.width(state, true);
  float rest = width - row.used();
  if (rest > sw + em(1)) {
    row.skip(rest - sw - ImGui::GetStyle().ItemSpacing.x);
    row.place(sw);
    ImGui::AlignTextToFramePadding();
    label(s, state, muted_text_color(), true, sw);
  }
  row.end();
}

void MainWindow::draw_view(AppState& s) {
  switch (s.view) {
    case ViewId::checklist: checklist_.draw(s); break;
    case ViewId::dashboard: dashboard_.draw(s); break;
    case ViewId::details: details_.draw(s); break;
    case ViewId::action_plan: action_plan_.draw(s); break;
    case ViewId::review: review_.draw(s); break;
    case ViewId::indicators: casedata_.draw(s); break;
    case ViewId::compare: compare_.draw(s); break;
  }
}

}  // namespace mizan::ui
