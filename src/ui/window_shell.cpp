// The thin shell around MainWindow: a GLFW window with an OpenGL 3.3 core context, Dear
// ImGui's GLFW and OpenGL3 backends, and a loop that sleeps until something happens.
#include <glad/gl.h>
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>

#include <algorithm>
#include <cfloat>
#include <cstdio>
#include <iostream>

#include "ui/app.hpp"
#include "ui/app_commands.hpp"
#include "ui/main_window.hpp"
#include "ui/screenshot.hpp"
#include "ui/theme.hpp"

namespace mizan::ui {

namespace {

constexpr float kBodyPixels = 16.0f;  // at content scale 1; Arabic is scaled up in fonts.cpp
// Frames drawn after the last event: Dear ImGui settles hover states and opens popups one
// frame after the input that asked for them.
constexpr int kSettleFrames = 3;

struct Shell {
  AppState* state = nullptr;
  int frames_left = kSettleFrames;
  bool rescale = false;
};

Shell* shell_of(GLFWwindow* w) { return static_cast<Shell*>(glfwGetWindowUserPointer(w)); }

void on_close(GLFWwindow* w) {
  Shell* sh = shell_of(w);
  if (sh->state->quit_confirmed) return;
  glfwSetWindowShouldClose(w, GLFW_FALSE);  // ask about unsaved changes first
  request(*sh->state, PendingStep::quit);
  sh->frames_left = kSettleFrames;
}

float content_scale(GLFWwindow* w) {
  float x = 1, y = 1;
  glfwGetWindowContentScale(w, &x, &y);
  return std::clamp(std::max(x, y), 1.0f, 4.0f);
}

void load_fonts_for(AppState& s, float scale) {
  s.fonts = load_fonts(*ImGui::GetIO().Fonts, kBodyPixels * scale);
  apply_style(scale, s.rtl());
  s.text.clear();
}

// --cases: the import of File > Import case data, finished before the first frame.
bool import_cases_now(AppState& s, MainWindow& main, const GuiOptions& o) {
  if (!o.as_of.empty()) {
    auto d = casedata::Date::parse_iso(o.as_of);
    if (!d) {
      std::cerr << "mizan: --as-of expects a date as YYYY-MM-DD\n";
      return false;
    }
    main.casedata().set_as_of(d);
  }
  size_t messages = s.messages.size();
  ImportState st = main.casedata().import_and_wait(s, o.cases, o.mapping);
  if (st == ImportState::needs_mapping)
    std::cerr << "mizan: --cases: the columns of " << o.cases << " do not suit the mapping \""
              << (o.mapping.empty() ? "canonical" : o.mapping) << "\"; give --mapping primero or a mapping file\n";
  return st == ImportState::done && s.messages.size() == messages;  // stored, or a message says why not
}

}  // namespace

int run_gui(const GuiOptions& o) {
  glfwSetErrorCallback([](int code, const char* what) { std::fprintf(stderr, "mizan: GLFW error %d: %s\n", code, what); });
  if (!glfwInit()) {
    std::cerr << "mizan: cannot open a window (no display?). The command line works without one: mizan --help\n";
    return 1;
  }
  bool shot = !o.screenshot.empty();
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
  if (shot) glfwWindowHint(GLFW_RESIZABLE, GLFW_FALSE);
  // A screenshot has a fixed size (the README's pictures); otherwise the window takes most
  // of the screen, which on a 1366x768 laptop is less than a fixed 1280x800 would need.
  int width = 1440, height = 900;
  if (o.width > 0 && o.height > 0) {
    width = o.width;
    height = o.height;
  } else if (!shot) {
    int x = 0, y = 0, w = 0, h = 0;
    if (GLFWmonitor* m = glfwGetPrimaryMonitor()) glfwGetMonitorWorkarea(m, &x, &y, &w, &h);
    width = w > 0 ? std::min(1440, w * 9 / 10) : 1280;
    height = h > 0 ? std::min(960, h * 9 / 10) : 720;
  }
  GLFWwindow* window = glfwCreateWindow(width, height, "Mizan", nullptr, nullptr);
  if (!window) {
    glfwTerminate();
    std::cerr << "mizan: cannot create an OpenGL 3.3 window\n";
    return 1;
  }
  glfwMakeContextCurrent(window);
  if (!gladLoadGL(glfwGetProcAddress)) {
    glfwDestroyWindow(window);
    glfwTerminate();
    std::cerr << "mizan: cannot load OpenGL 3.3 functions\n";
    return 1;
  }
  glfwSwapInterval(1);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // the layout is computed, nothing to remember
  AppState s;
  Shell sh{&s};
  glfwSetWindowUserPointer(window, &sh);
  glfwSetWindowCloseCallback(window, on_close);
  glfwSetWindowContentScaleCallback(window, [](GLFWwindow* w, float, float) { shell_of(w)->rescale = true; });
  ImGui_ImplGlfw_InitForOpenGL(window, true);
  ImGui_ImplOpenGL3_Init("#version 330 core");

  s.settings_file = settings_dir().empty() ? "" : settings_dir() + "/settings.json";
  s.autosave_dir = settings_dir();
  s.settings = load_settings(s.settings_file);
  std::string lang = !o.lang.empty() ? o.lang : !s.settings.lang.empty() ? s.settings.lang : language_from_locale();
  if (shot) {  // a screenshot run changes no one's settings and offers no recovery
    s.settings_file.clear();
    s.autosave_dir.clear();
  }
  load_fonts_for(s, content_scale(window));
  set_language(s, parse_lang(lang).value_or(Lang::en));
  s.wake = [] { glfwPostEmptyEvent(); };
  start_up(s, o.file);
  if (!o.view.empty() && !select_view(s, o.view)) std::cerr << "mizan: unknown view \"" << o.view << "\"\n";
  if (shot) s.recover_offer.clear();  // a screenshot shows the file, not a question about it

  MainWindow main;
  // Case data and assessments to compare, taken in before the first frame so that a
  // screenshot shows them as a user would see them after importing and adding them.
  bool setup_failed = false;
  if (!o.cases.empty() && !import_cases_now(s, main, o)) setup_failed = true;
  if (!o.compare.empty()) {
    main.compare().add_inputs(s, o.compare);
    main.compare().wait();
    if (!main.compare().error().empty()) {
      std::cerr << "mizan: --compare: " << main.compare().error() << "\n";
      setup_failed = true;
    }
  }
  if (shot) {
    for (const auto& m : s.messages) {
      std::cerr << "mizan: " << m.title << ": " << m.text << "\n";
      for (const auto& d : m.details) std::cerr << "  " << d << "\n";
    }
  }
  int frame = 0;
  int exit_code = 0;
  if (shot && setup_failed) {  // a picture without what was asked for would mislead
    exit_code = 1;
    glfwSetWindowShouldClose(window, GLFW_TRUE);
  }
  std::string title;
  while (!glfwWindowShouldClose(window)) {
    if (shot || sh.frames_left > 0) {
      glfwPollEvents();
    } else {
      double wait = autosave_wait(s, ImGui::GetTime());
      if (io.WantTextInput) wait = wait < 0 ? 0.5 : std::min(wait, 0.5);  // the caret blinks
      if (wait < 0) glfwWaitEvents();
      else glfwWaitEventsTimeout(std::max(wait, 0.01));
      sh.frames_left = kSettleFrames;  // woken by input, a timer or background work
    }
    if (sh.rescale) {
      sh.rescale = false;
      ImGui_ImplOpenGL3_DestroyFontsTexture();
      load_fonts_for(s, content_scale(window));
      ImGui_ImplOpenGL3_CreateFontsTexture();
    }
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    if (shot) io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);  // no hover highlight where the pointer happens to be
    ImGui::NewFrame();
    main.draw(s);
    ImGui::Render();
    int fw = 0, fh = 0;
    glfwGetFramebufferSize(window, &fw, &fh);
    glViewport(0, 0, fw, fh);
    glClearColor(0.97f, 0.97f, 0.96f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    ++frame;
    --sh.frames_left;
    if (shot && frame >= o.frames) {
      try {
        write_screenshot(o.screenshot, fw, fh);
      } catch (const std::exception& e) {
        std::cerr << "mizan: " << e.what() << "\n";
        exit_code = 1;
      }
      break;
    }
    glfwSwapBuffers(window);
    autosave_if_due(s, ImGui::GetTime());
    if (std::string t = window_title(s); t != title) glfwSetWindowTitle(window, (title = t).c_str());
    if (s.quit_confirmed) glfwSetWindowShouldClose(window, GLFW_TRUE);
  }
  if (shot && frame < o.frames) exit_code = 1;
  main.compare().wait();  // no worker may outlive the window's state
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  glfwDestroyWindow(window);
  glfwTerminate();
  return exit_code;
}

}  // namespace mizan::ui
