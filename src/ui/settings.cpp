#include "ui/settings.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "core/atomic_file.hpp"
#include "core/rubric.hpp"

namespace fs = std::filesystem;
using nlohmann::json;

namespace mizan::ui {

std::string settings_dir() {
  if (const char* x = std::getenv("XDG_CONFIG_HOME"); x && *x) return std::string(x) + "/mizan";
  if (const char* h = std::getenv("HOME"); h && *h) return std::string(h) + "/.config/mizan";
  return "";
}

Settings load_settings(const std::string& file) {
  Settings s;
  if (file.empty()) return s;
  std::error_code ec;
  if (!fs::exists(file, ec)) return s;
  try {
    json j = json::parse(read_text_file(file, 1 << 20));
    if (!j.is_object()) return s;
    for (auto& [k, v] : j.items()) {
      if (k == "lang" && v.is_string()) s.lang = v.get<std::string>();
      else if (k == "last_folder" && v.is_string()) s.last_folder = v.get<std::string>();
      else if (k == "user_name" && v.is_string()) s.user_name = v.get<std::string>();
      else if (k == "autosave_seconds" && v.is_number_integer()) s.autosave_seconds = std::max(0, v.get<int>());
      else if (k == "recent" && v.is_array()) {
        for (const auto& r : v)
          if (r.is_string() && s.recent.size() < kRecentLimit) s.recent.push_back(r.get<std::string>());
      } else s.extra[k] = v;
    }
  } catch (const std::exception&) {
    // A damaged settings file only costs the remembered choices.
  }
  if (s.lang != "ar" && s.lang != "en") s.lang.clear();
  return s;
}

void save_settings(const std::string& file, const Settings& s) {
  if (file.empty()) return;
  json j = s.extra.is_object() ? s.extra : json::object();
  j["lang"] = s.lang;
  j["recent"] = s.recent;
  j["last_folder"] = s.last_folder;
  j["user_name"] = s.user_name;
  j["autosave_seconds"] = s.autosave_seconds;
  std::error_code ec;
  fs::create_directories(fs::path(file).parent_path(), ec);
  write_file_atomic(file, j.dump(2) + "\n", /*keep_backup=*/false);
}

void add_recent(Settings& s, const std::string& path) {
  std::error_code ec;
  fs::path abs = fs::absolute(path, ec);
  std::string p = ec ? path : abs.lexically_normal().string();
  s.recent.erase(std::remove(s.recent.begin(), s.recent.end(), p), s.recent.end());
  s.recent.insert(s.recent.begin(), p);
  if (s.recent.size() > kRecentLimit) s.recent.resize(kRecentLimit);
}

std::string language_from_locale() {
  for (const char* var : {"LC_ALL", "LC_MESSAGES", "LANG"})
    if (const char* v = std::getenv(var); v && *v) return std::string(v).rfind("ar", 0) == 0 ? "ar" : "en";
  return "en";
}

std::string user_name(const Settings& s) {
  if (!s.user_name.empty()) return s.user_name;
  if (const char* u = std::getenv("USER"); u && *u) return u;
  return "";
}

}  // namespace mizan::ui
