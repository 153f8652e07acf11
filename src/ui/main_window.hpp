#pragma once
// One frame of the whole window, drawn into the current Dear ImGui context: menu bar,
// warnings, the view bar, the navigator and the chosen view, then the dialogs. It knows
// nothing of GLFW or GL, so tests draw it headless.
#include <string>

#include "ui/app_state.hpp"
#include "ui/checklist_view.hpp"
#include "ui/dashboard_view.hpp"
#include "ui/details_view.hpp"
#include "ui/dialogs.hpp"
#include "ui/file_browser.hpp"
#include "ui/navigator_view.hpp"

namespace mizan::ui {

class MainWindow {
 public:
  // Between ImGui::NewFrame() and ImGui::Render().
  void draw(AppState& s);
  ChecklistView& checklist() { return checklist_; }

 private:
  void draw_banners(AppState& s, float width);
  void draw_view_bar(AppState& s, float width);
  void draw_view(AppState& s);

  NavigatorView navigator_;
  ChecklistView checklist_;
  DashboardView dashboard_;
  DetailsView details_;
  FileBrowser browser_;
  Dialogs dialogs_;
};

// "Mizan — amal-2026-H2.mizan.json *" for the window's title bar.
std::string window_title(const AppState& s);
// Applies --view: "dashboard", "details", "checklist" or "checklist:<section>".
bool select_view(AppState& s, const std::string& view);

}  // namespace mizan::ui
