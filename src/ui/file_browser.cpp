#include "ui/file_browser.hpp"

#include <algorithm>
#include <filesystem>

#include <imgui_stdlib.h>

#include "ui/app_commands.hpp"
#include "ui/layout.hpp"
#include "ui/theme.hpp"

namespace fs = std::filesystem;

namespace mizan::ui {

namespace {
constexpr const char* kPopup = "##file_browser";

bool ends_with(const std::string& s, const std::string& end) {
  return s.size() >= end.size() && s.compare(s.size() - end.size(), end.size(), end) == 0;
}
}  // namespace

std::vector<FolderEntry> list_folder(const std::string& dir, bool all_json) {
  std::vector<FolderEntry> out;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (name.empty() || name[0] == '.') continue;
    std::error_code e2;
    bool folder = it->is_directory(e2);
    if (!folder && !(ends_with(name, ".mizan.json") || (all_json && ends_with(name, ".json")))) continue;
    out.push_back({name, folder});
  }
  std::sort(out.begin(), out.end(), [](const FolderEntry& a, const FolderEntry& b) {
    return a.folder != b.folder ? a.folder : a.name < b.name;
  });
  return out;
}

std::vector<FolderEntry> list_folder(const std::string& dir, const std::vector<std::string>& extensions) {
  auto lower = [](std::string t) {
    for (char& c : t)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return t;
  };
  std::vector<FolderEntry> out;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (name.empty() || name[0] == '.') continue;
    std::error_code e2;
    bool folder = it->is_directory(e2);
    bool wanted = folder || extensions.empty();
    for (const auto& ext : extensions) wanted = wanted || ends_with(lower(name), lower(ext));
    if (wanted) out.push_back({name, folder});
  }
  std::sort(out.begin(), out.end(), [](const FolderEntry& a, const FolderEntry& b) {
    return a.folder != b.folder ? a.folder : a.name < b.name;
  });
  return out;
}

std::string assessment_file_name(const std::string& name) {
  if (name.empty() || ends_with(name, ".json")) return name;
  return name + ".mizan.json";
}

void FileBrowser::go_to(const std::string& dir) {
  std::error_code ec;
  fs::path p = fs::absolute(dir, ec).lexically_normal();
  std::string d = p.string();
  if (d.size() > 1 && d.back() == '/') d.pop_back();
  dir_ = d;
  entries_ = mode_ == BrowseFor::pick ? list_folder(dir_, request_.extensions) : list_folder(dir_, all_json_);
  confirm_replace_.clear();
  chosen_.clear();
}

void FileBrowser::open(AppState& s, BrowseFor mode) {
  mode_ = mode;
  std::error_code ec;
  std::string start = !s.doc.path.empty() ? fs::path(s.doc.path).parent_path().string() : s.settings.last_folder;
  if (start.empty() || !fs::is_directory(start, ec)) start = fs::current_path(ec).string();
  go_to(start);
  name_ = mode == BrowseFor::save_as
              ? (s.doc.path.empty() ? assessment_file_name(s.doc.assessment.agency_code.empty()
                                                               ? "assessment"
                                                               : s.doc.assessment.agency_code +
                                                                     (s.doc.assessment.period.empty() ? "" : "-" + s.doc.assessment.period))
                                    : fs::path(s.doc.path).filename().string())
              : mode == BrowseFor::pick ? request_.name : "";
  ImGui::OpenPopup(kPopup);
}

void FileBrowser::finish(AppState& s, const std::string& path) {
  s.settings.last_folder = dir_;
  if (mode_ == BrowseFor::pick) {
    auto done = std::move(request_.done);
    std::vector<std::string> paths = chosen_.empty() ? std::vector<std::string>{path} : chosen_;
    if (request_.multiple && !chosen_.empty())
      for (auto& p : paths) p = dir_ + "/" + p;
    request_ = FileRequest{};
    mode_ = BrowseFor::none;
    ImGui::CloseCurrentPopup();
    if (done) done(paths);
    return;
  }
  if (mode_ == BrowseFor::open) request(s, PendingStep::open_file, path);
  else if (save_as(s, path) && s.pending != PendingStep::none) continue_pending(s);  // "save, then quit"
  mode_ = BrowseFor::none;
  ImGui::CloseCurrentPopup();
}

void FileBrowser::draw_recent(AppState& s, float width, float height) {
  ImGui::BeginChild("recent", ImVec2(width, height), true);
  label(s, s.tr("browser.recent"), muted_text_color());
  for (const auto& r : s.settings.recent) {
    std::string name = fs::path(r).filename().string();
    if (ImGui::Selectable((s.text.visual(name, true) + "##" + r).c_str(), false, ImGuiSelectableFlags_AllowDoubleClick)) {
      go_to(fs::path(r).parent_path().string());
      name_ = name;
      if (ImGui::IsMouseDoubleClicked(0) && (mode_ == BrowseFor::open || (mode_ == BrowseFor::pick && !request_.save)))
        finish(s, r);
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", r.c_str());
  }
  ImGui::EndChild();
}

void FileBrowser::draw_folder(AppState& s, float width, float height) {
  ImGui::BeginChild("folder", ImVec2(width, height), true);
  std::string to_enter;
  if (ImGui::Selectable((s.text.visual(s.tr("browser.up")) + "##up").c_str(), false,
                        ImGuiSelectableFlags_AllowDoubleClick) &&
      ImGui::IsMouseDoubleClicked(0))
    to_enter = fs::path(dir_).parent_path().string();
  for (const auto& e : entries_) {
    std::string shown = s.text.visual(e.name, true) + (e.folder ? "/" : "");
    bool many = mode_ == BrowseFor::pick && request_.multiple;
    auto ticked = std::find(chosen_.begin(), chosen_.end(), e.name);
    bool selected = !e.folder && (many ? ticked != chosen_.end() : e.name == name_);
    if (ImGui::Selectable((shown + "##" + e.name).c_str(), selected, ImGuiSelectableFlags_AllowDoubleClick)) {
      if (e.folder) {
        if (ImGui::IsMouseDoubleClicked(0)) to_enter = dir_ + "/" + e.name;
      } else if (many) {
        if (ticked == chosen_.end()) chosen_.push_back(e.name);  // a click ticks, another unticks
        else chosen_.erase(ticked);
        name_ = chosen_.empty() ? "" : chosen_.back();
      } else {
        name_ = e.name;
        bool opens = mode_ == BrowseFor::open || (mode_ == BrowseFor::pick && !request_.save);
        if (ImGui::IsMouseDoubleClicked(0) && opens) {
          finish(s, dir_ + "/" + e.name);
          break;
        }
      }
    }
  }
  ImGui::EndChild();
  if (!to_enter.empty() && mode_ != BrowseFor::none) go_to(to_enter);
}

void FileBrowser::draw(AppState& s) {
  if (s.browse == BrowseFor::pick) {
    request_ = std::move(s.file_request);
    s.file_request = FileRequest{};
  }
  if (s.browse != BrowseFor::none) {
    open(s, s.browse);
    s.browse = BrowseFor::none;
  }
  ImVec2 vp = ImGui::GetMainViewport()->Size;
  ImGui::SetNextWindowSize(ImVec2(std::min(vp.x * 0.9f, em(48)), std::min(vp.y * 0.85f, em(32))), ImGuiCond_Appearing);
  ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  if (!ImGui::BeginPopupModal(kPopup, nullptr, ImGuiWindowFlags_NoTitleBar)) return;
  float width = ImGui::GetContentRegionAvail().x;
  ImGui::PushFont(s.fonts.heading);
  label(s, s.tr(mode_ == BrowseFor::pick ? request_.title_key
                : mode_ == BrowseFor::open ? "browser.open_title" : "browser.save_title"), 0, false, width);
  ImGui::PopFont();
  // Paths read left to right in both languages.
  ImGui::TextUnformatted(s.text.visual(dir_, true).c_str());

  // Below the lists: the name, the filter, a possible warning and the buttons.
  float bottom = ImGui::GetFrameHeightWithSpacing() * 4 + ImGui::GetTextLineHeightWithSpacing();
  float height = ImGui::GetContentRegionAvail().y - bottom;
  float recent_w = width * 0.35f;
  Row row(s.rtl(), width);
  row.place(recent_w);
  draw_recent(s, recent_w, height);
  if (mode_ == BrowseFor::none) {  // finished by a double click in the list
    ImGui::EndPopup();
    return;
  }
  row.place(width - recent_w - ImGui::GetStyle().ItemSpacing.x);
  draw_folder(s, width - recent_w - ImGui::GetStyle().ItemSpacing.x, height);
  row.end();
  if (mode_ == BrowseFor::none) {  // a file picked by a double click
    ImGui::EndPopup();
    return;
  }

  float name_label_w = button_width(s, s.tr("browser.name"));
  Row name_row(s.rtl(), width);
  name_row.place(name_label_w);
  label(s, s.tr("browser.name"), 0, false, name_label_w);
  name_row.place(width - name_label_w - ImGui::GetStyle().ItemSpacing.x);
  ImGui::SetNextItemWidth(width - name_label_w - ImGui::GetStyle().ItemSpacing.x);
  if (ImGui::InputText("##name", &name_)) confirm_replace_.clear();
  name_row.end();
  if (mode_ != BrowseFor::pick && checkbox(s, s.tr("browser.all_json"), "all_json", &all_json_, width)) go_to(dir_);

  bool pick = mode_ == BrowseFor::pick;
  bool saving = mode_ == BrowseFor::save_as || (pick && request_.save);
  std::string target = name_.empty() ? "" : dir_ + "/" + (mode_ == BrowseFor::save_as ? assessment_file_name(name_) : name_);
  bool folder_answer = pick && request_.folder && name_.empty() && chosen_.empty();
  if (folder_answer) target = dir_;
  std::error_code ec;
  bool exists = !target.empty() && fs::exists(target, ec);
  std::string ok_label = folder_answer ? s.tr("browser.choose_folder")
                         : pick && !saving ? s.tr("browser.choose")
                         : mode_ == BrowseFor::open ? s.tr("button.open")
                         : !confirm_replace_.empty() ? s.tr("button.replace") : s.tr("button.save");
  if (!confirm_replace_.empty()) label(s, s.tr("browser.exists"), warning_color(), false, width);
  float bw = std::max({button_width(s, ok_label), button_width(s, s.tr("button.cancel")), em(6)});
  Row buttons(s.rtl(), width);
  buttons.place(bw);
  bool can = saving ? !target.empty() : pick && !chosen_.empty() ? true : exists;
  if (button(s, ok_label, "ok", bw, can)) {
    if (saving && exists && confirm_replace_ != target) confirm_replace_ = target;
    else finish(s, target);
  }
  buttons.place(bw);
  bool escape = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)) && !ImGui::GetIO().WantTextInput;
  if (button(s, s.tr("button.cancel"), "cancel", bw) || escape) {
    if (mode_ != BrowseFor::pick) s.pending = PendingStep::none;  // "save, then …" is called off with the save
    mode_ = BrowseFor::none;
    request_ = FileRequest{};
    ImGui::CloseCurrentPopup();
  }
  buttons.end();
  ImGui::EndPopup();
}

}  // namespace mizan::ui
