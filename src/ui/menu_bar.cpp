#include "ui/menu_bar.hpp"

#include <filesystem>

#include "ui/app_commands.hpp"
#include "ui/layout.hpp"
#include "ui/theme.hpp"

namespace mizan::ui {

namespace {

// GLFW, the only backend, reports letter keys by their upper-case ASCII code, and Dear
// ImGui 1.86 names only the clipboard and undo letters; these are the others we need.
constexpr int kKeyN = 'N', kKeyO = 'O', kKeyS = 'S', kKeyQ = 'Q';

// Menus in a bar: in Arabic each goes left of the previous one, starting at the right.
class MenuPlacer {
 public:
  explicit MenuPlacer(AppState& s) : s_(s), right_(ImGui::GetWindowPos().x + ImGui::GetWindowWidth()) {}
  bool begin(const char* key, const char* id) {
    if (s_.rtl()) {
      float w = s_.text.width(s_.tr(key)) + ImGui::GetStyle().ItemSpacing.x * 2;
      right_ -= w;
      ImGui::SetCursorScreenPos(ImVec2(right_, ImGui::GetCursorScreenPos().y));
    }
    return begin_menu(s_, s_.tr(key), id);
  }

 private:
  AppState& s_;
  float right_;
};

void file_menu(AppState& s) {
  bool have = s.has_rubric;
  if (menu_entry(s, s.tr("menu.new"), "Ctrl+N", have)) request(s, PendingStep::new_file);
  if (menu_entry(s, s.tr("menu.open"), "Ctrl+O", have)) s.browse = BrowseFor::open;
  if (begin_menu(s, s.tr("menu.recent"), "recent")) {
    if (s.settings.recent.empty()) menu_entry(s, s.tr("menu.no_recent"), "", false);
    for (const auto& r : s.settings.recent)
      if (menu_entry(s, std::filesystem::path(r).filename().string(), "", have)) request(s, PendingStep::open_file, r);
    ImGui::EndMenu();
  }
  ImGui::Separator();
  if (menu_entry(s, s.tr("menu.save"), "Ctrl+S", have)) save(s);
  if (menu_entry(s, s.tr("menu.save_as"), "Ctrl+Shift+S", have)) s.browse = BrowseFor::save_as;
  ImGui::Separator();
  if (menu_entry(s, s.tr("menu.import_cases"), "", have && !s.doc.assessment.signed_off())) s.import_cases = true;
  ImGui::Separator();
  if (menu_entry(s, s.tr("menu.quit"), "Ctrl+Q")) request(s, PendingStep::quit);
}

void edit_menu(AppState& s) {
  const UndoStack& u = s.doc.undo_stack();
  if (menu_entry(s, s.tr("menu.undo"), "Ctrl+Z", u.can_undo())) undo(s);
  if (menu_entry(s, s.tr("menu.redo"), "Ctrl+Y", u.can_redo())) redo(s);
}

void view_menu(AppState& s) {
  for (const auto& v : kViews)
    if (menu_entry(s, s.tr(v.label_key))) s.view = v.id;
}

void language_menu(AppState& s) {
  // Each language is named in itself, so it can be found whatever is showing.
  if (menu_entry(s, "العربية", "", s.tr.lang() != Lang::ar)) set_language(s, Lang::ar);
  if (menu_entry(s, "English", "", s.tr.lang() != Lang::en)) set_language(s, Lang::en);
}

}  // namespace

void draw_menu_bar(AppState& s) {
  if (!ImGui::BeginMenuBar()) return;
  MenuPlacer menus(s);
  if (menus.begin("menu.file", "file")) {
    file_menu(s);
    ImGui::EndMenu();
  }
  if (menus.begin("menu.edit", "edit")) {
    edit_menu(s);
    ImGui::EndMenu();
  }
  if (menus.begin("menu.view", "view")) {
    view_menu(s);
    ImGui::EndMenu();
  }
  if (menus.begin("menu.language", "language")) {
    language_menu(s);
    ImGui::EndMenu();
  }
  ImGui::EndMenuBar();
}

void handle_shortcuts(AppState& s) {
  ImGuiIO& io = ImGui::GetIO();
  if (!io.KeyCtrl || io.WantTextInput || ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId | ImGuiPopupFlags_AnyPopupLevel))
    return;
  auto pressed = [](int key) { return ImGui::IsKeyPressed(key, false); };
  if (pressed(ImGui::GetKeyIndex(ImGuiKey_Z))) io.KeyShift ? redo(s) : undo(s);
  else if (pressed(ImGui::GetKeyIndex(ImGuiKey_Y))) redo(s);
  else if (!s.has_rubric) return;
  else if (pressed(kKeyS)) io.KeyShift ? (void)(s.browse = BrowseFor::save_as) : (void)save(s);
  else if (pressed(kKeyO)) s.browse = BrowseFor::open;
  else if (pressed(kKeyN)) request(s, PendingStep::new_file);
  if (pressed(kKeyQ)) request(s, PendingStep::quit);
}

}  // namespace mizan::ui
