#pragma once
// Dear ImGui without a window: a context with a built font atlas and a display size,
// frames run with NewFrame()/Render(), the mouse driven through io.MousePos/MouseDown
// (1.86 has no input queue). The same MainWindow the real window draws.
#include <imgui.h>

#include <string>

#include "core/rubric.hpp"
#include "ui/app_commands.hpp"
#include "ui/app_state.hpp"
#include "ui/fonts.hpp"
#include "ui/main_window.hpp"
#include "ui/theme.hpp"

namespace mizan::ui::test {

class Harness {
 public:
  explicit Harness(Lang lang = Lang::en, ImVec2 display = ImVec2(1600, 3000)) {
    ctx_ = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = display;
    io.DeltaTime = 1.0f / 60.0f;
    io.KeyMap[ImGuiKey_Z] = 'Z';  // as the GLFW backend maps them
    io.KeyMap[ImGuiKey_Y] = 'Y';
    state.fonts = load_fonts(*io.Fonts, 16.0f);
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);  // NewFrame() needs a built atlas
    apply_style(1.0f, lang == Lang::ar);
    set_language(state, lang);  // settings_file is empty: nothing is written
    start_up(state, "");
  }
  ~Harness() { ImGui::DestroyContext(ctx_); }
  Harness(const Harness&) = delete;
  Harness& operator=(const Harness&) = delete;

  void frame() {
    ImGui::NewFrame();
    window.draw(state);
    ImGui::Render();
  }
  void frames(int n) {
    for (int i = 0; i < n; ++i) frame();
  }
  // Press and release the left button over `p`, a frame each, as a hand would.
  void click(ImVec2 p) {
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = p;
    frame();
    io.MouseDown[0] = true;
    frame();
    io.MouseDown[0] = false;
    frame();
  }
  // Clicks the status control of `item` ("2a.m1") drawn in the last frame.
  bool click_status(const std::string& item, const char* status) {
    const auto& controls = window.checklist().cards().controls;
    auto it = controls.find(item + "/" + status);
    if (it == controls.end()) return false;
    click(it->second.center());
    return true;
  }
  void press_ctrl(int key) {
    ImGuiIO& io = ImGui::GetIO();
    io.KeyCtrl = true;
    io.KeysDown[key] = true;
    frame();
    io.KeysDown[key] = false;
    io.KeyCtrl = false;
    frame();
  }

  AppState state;
  MainWindow window;

 private:
  ImGuiContext* ctx_ = nullptr;
};

}  // namespace mizan::ui::test
