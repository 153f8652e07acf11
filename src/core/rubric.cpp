#include "core/rubric.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "core/json_io.hpp"

#ifndef MIZAN_SOURCE_RUBRIC_DIR
#define MIZAN_SOURCE_RUBRIC_DIR ""
#endif

namespace fs = std::filesystem;
using nlohmann::json;

namespace mizan {

std::optional<Lang> parse_lang(std::string_view s) {
  if (s == "ar") return Lang::ar;
  if (s == "en") return Lang::en;
  return std::nullopt;
}
const char* lang_id(Lang l) { return l == Lang::ar ? "ar" : "en"; }

const char* level_id(Level l) {
  switch (l) {
    case Level::critical: return "critical";
    case Level::medium: return "medium";
    case Level::acceptable: return "acceptable";
    case Level::good: return "good";
  }
  return "critical";
}

std::optional<Level> parse_level(std::string_view s) {
  for (int i = 0; i < kLevelCount; ++i)
    if (s == level_id(static_cast<Level>(i))) return static_cast<Level>(i);
  return std::nullopt;
}

int step_index(char step) {
  for (int i = 0; i < 3; ++i)
    if (kStepIds[i] == step) return i;
  return -1;
}

bool EvidenceRule::holds(double v) const {
  if (op == "<") return v < threshold;
  if (op == "<=") return v <= threshold;
  if (op == ">") return v > threshold;
  if (op == ">=") return v >= threshold;
  if (op == "==") return v == threshold;
  return false;
}

const Item* Rubric::find_item(std::string_view id) const {
  auto dot = id.find('.');
  if (dot == std::string_view::npos || dot + 2 > id.size()) return nullptr;
  const Section* s = find_section(id.substr(0, dot));
  if (!s) return nullptr;
  int st = step_index(id[dot + 1]);
  if (st < 0) return nullptr;
  for (const auto& it : s->steps[st])
    if (it.id == id) return &it;
  return nullptr;
}

const Section* Rubric::find_section(std::string_view id) const {
  for (const auto& d : dimensions)
    for (const auto& s : d.sections)
      if (s.id == id) return &s;
  return nullptr;
}

const Dimension* Rubric::find_dimension(std::string_view id) const {
  for (const auto& d : dimensions)
    if (d.id == id) return &d;
  return nullptr;
}

std::vector<const Item*> Rubric::all_items() const {
  std::vector<const Item*> out;
  for (const auto& d : dimensions)
    for (const auto& s : d.sections)
      for (const auto& st : s.steps)
        for (const auto& it : st) out.push_back(&it);
  return out;
}

size_t Rubric::item_count() const { return all_items().size(); }

std::string read_text_file(const std::string& path, size_t max_bytes) {
  std::error_code ec;
  if (fs::is_directory(path, ec))
    throw InputError(Problem{path, 0, 0, "", "is a folder, not a file"});
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(Problem{path, 0, 0, "", "cannot open the file"});
  in.seekg(0, std::ios::end);
  auto size = in.tellg();
  if (size < 0) throw InputError(Problem{path, 0, 0, "", "cannot read the file"});
  if (static_cast<uint64_t>(size) > max_bytes)
    throw InputError(Problem{path, 0, 0, "",
                             "the file is " + std::to_string(static_cast<uint64_t>(size) >> 20) +
                                 " MiB; the limit is " + std::to_string(max_bytes >> 20) + " MiB"});
  in.seekg(0);
  std::string s(static_cast<size_t>(size), '\0');
  in.read(s.data(), size);
  if (!in) throw InputError(Problem{path, 0, 0, "", "cannot read the file"});
  return s;
}

namespace {

struct Reader {
  ProblemList& probs;

  const json* member(const json& obj, const char* key, const std::string& ptr, bool required) {
    if (!obj.is_object()) return nullptr;
    auto it = obj.find(key);
    if (it == obj.end()) {
      if (required) probs.add(ptr, std::string("missing \"") + key + "\"");
      return nullptr;
    }
    return &*it;
  }
  std::string str(const json& obj, const char* key, const std::string& ptr, bool required = true) {
    const json* v = member(obj, key, ptr, required);
    if (!v) return {};
    if (!v->is_string()) {
      probs.add(ptr + "/" + key, std::string("\"") + key + "\" must be a string");
      return {};
    }
    std::string s = v->get<std::string>();
    if (required && s.find_first_not_of(" \t\r\n") == std::string::npos)
      probs.add(ptr + "/" + key, std::string("\"") + key + "\" is empty");
    return s;
  }
  Text text(const json& obj, const char* key, const std::string& ptr, bool required = true) {
    Text t;
    const json* v = member(obj, key, ptr, required);
    if (!v) return t;
    std::string p = ptr + "/" + key;
    if (!v->is_object()) {
      probs.add(p, std::string("\"") + key + "\" must be an object {\"ar\": …, \"en\": …}");
      return t;
    }
    t = bilingual(*v, p);
    return t;
  }
  Text bilingual(const json& v, const std::string& p) {
    Text t;
    for (const char* lang : {"ar", "en"}) {
      auto it = v.find(lang);
      if (it == v.end()) {
        probs.add(p, std::string("missing ") + (lang[0] == 'a' ? "Arabic" : "English") +
                         " translation \"" + lang + "\"");
        continue;
      }
      if (!it->is_string()) {
        probs.add(p + "/" + lang, std::string("\"") + lang + "\" must be a string");
        continue;
      }
      std::string s = it->get<std::string>();
      if (s.find_first_not_of(" \t\r\n") == std::string::npos)
        probs.add(p + "/" + lang, std::string("empty ") + (lang[0] == 'a' ? "Arabic" : "English") + " text");
      (lang[0] == 'a' ? t.ar : t.en) = s;
    }
    return t;
  }
};

const std::set<std::string> kOps = {"<", "<=", ">", ">=", "=="};

}  // namespace

Rubric parse_rubric(std::string_view text, const std::string& file) {
  json doc = parse_json_text(text, file);
  ProblemList probs(file, text);
  Reader r{probs};
  Rubric rub;
  rub.path = file;
  if (!doc.is_object()) throw InputError(Problem{file, 1, 1, "", "a rubric must be a JSON object"});

  std::string format = r.str(doc, "format", "");
  if (!format.empty() && format != "mizan-rubric")
    probs.add("/format", "\"format\" must be \"mizan-rubric\", not \"" + format + "\"");
  if (const json* fv = r.member(doc, "format_version", "", true)) {
    if (!fv->is_number_integer()) probs.add("/format_version", "\"format_version\" must be an integer");
    else if (fv->get<long long>() != 1)
      probs.add("/format_version", "format_version " + fv->dump() + " is not supported (this Mizan reads 1)");
  }
  rub.id = r.str(doc, "id", "");
  rub.version = r.str(doc, "version", "");
  rub.title = r.text(doc, "title", "");
  rub.source = r.text(doc, "source", "", false);

  if (const json* lv = r.member(doc, "levels", "", true)) {
    if (!lv->is_object()) {
      probs.add("/levels", "\"levels\" must be an object");
    } else {
      for (int i = 0; i < kLevelCount; ++i) {
        const char* id = level_id(static_cast<Level>(i));
        auto it = lv->find(id);
        if (it == lv->end()) {
          probs.add("/levels", std::string("missing level \"") + id + "\"");
          continue;
        }
        std::string p = std::string("/levels/") + id;
        if (!it->is_object()) {
          probs.add(p, "a level must be an object");
          continue;
        }
        rub.levels[i].name = r.bilingual(*it, p);
        Text l;
        l.ar = r.str(*it, "ar_long", p, false);  // optional; a wrong type is reported
        l.en = r.str(*it, "en_long", p, false);
        if (l.ar.empty()) l.ar = rub.levels[i].name.ar;
        if (l.en.empty()) l.en = rub.levels[i].name.en;
        rub.levels[i].long_name = l;
      }
      for (auto it = lv->begin(); it != lv->end(); ++it)
        if (!parse_level(it.key()))
          probs.add("/levels/" + pointer_escape(it.key()),
                    "unknown level \"" + it.key() + "\" (levels are critical, medium, acceptable, good)");
    }
  }

  std::set<std::string> section_ids, item_ids, dim_ids;
  const json* dims = r.member(doc, "dimensions", "", true);
  if (dims && !dims->is_array()) {
    probs.add("/dimensions", "\"dimensions\" must be an array");
    dims = nullptr;
  }
  if (dims && dims->empty()) probs.add("/dimensions", "the rubric has no dimensions");
  for (size_t di = 0; dims && di < dims->size(); ++di) {
    const json& dj = (*dims)[di];
    std::string dp = "/dimensions/" + std::to_string(di);
    if (!dj.is_object()) {
      probs.add(dp, "a dimension must be an object");
      continue;
    }
    Dimension d;
    d.id = r.str(dj, "id", dp);
    if (!d.id.empty() && !dim_ids.insert(d.id).second) probs.add(dp + "/id", "duplicate dimension id \"" + d.id + "\"");
    d.name = r.text(dj, "name", dp);
    const json* secs = r.member(dj, "sections", dp, true);
    if (secs && (!secs->is_array() || secs->empty())) {
      probs.add(dp + "/sections", "\"sections\" must be a non-empty array");
      secs = nullptr;
    }
    for (size_t si = 0; secs && si < secs->size(); ++si) {
      const json& sj = (*secs)[si];
      std::string sp = dp + "/sections/" + std::to_string(si);
      if (!sj.is_object()) {
        probs.add(sp, "a section must be an object");
        continue;
      }
      Section s;
      s.dimension = d.id;
      s.id = r.str(sj, "id", sp);
      if (!s.id.empty()) {
        if (!section_ids.insert(s.id).second) probs.add(sp + "/id", "duplicate section id \"" + s.id + "\"");
        if (s.id.find('.') != std::string::npos) probs.add(sp + "/id", "a section id cannot contain \".\"");
        if (!d.id.empty() && s.id.compare(0, d.id.size(), d.id) != 0)
          probs.add(sp + "/id", "section \"" + s.id + "\" does not start with its dimension id \"" + d.id + "\"");
      }
      s.name = r.text(sj, "name", sp);
      const json* steps = r.member(sj, "steps", sp, true);
      if (steps && !steps->is_object()) {
        probs.add(sp + "/steps", "\"steps\" must be an object with keys m, a, g");
        steps = nullptr;
      }
      if (steps) {
        for (auto it = steps->begin(); it != steps->end(); ++it)
          if (it.key().size() != 1 || step_index(it.key()[0]) < 0)
            probs.add(sp + "/steps/" + pointer_escape(it.key()),
                      "unknown step \"" + it.key() + "\" (steps are m, a, g)");
        for (int st = 0; st < 3; ++st) {
          std::string key(1, kStepIds[st]);
          std::string stp = sp + "/steps/" + key;
          auto it = steps->find(key);
          if (it == steps->end()) {
            probs.add(sp + "/steps", "missing step \"" + key + "\"");
            continue;
          }
          if (!it->is_array()) {
            probs.add(stp, "a step must be an array of items");
            continue;
          }
          for (size_t ii = 0; ii < it->size(); ++ii) {
            const json& ij = (*it)[ii];
            std::string ip = stp + "/" + std::to_string(ii);
            if (!ij.is_object()) {
              probs.add(ip, "an item must be an object");
              continue;
            }
            Item item;
            item.section = s.id;
            item.step = st;
            item.number = static_cast<int>(ii) + 1;
            item.id = r.str(ij, "id", ip);
            std::string expected = s.id + "." + key + std::to_string(ii + 1);
            if (!item.id.empty()) {
              if (!item_ids.insert(item.id).second)
                probs.add(ip + "/id", "duplicate item id \"" + item.id + "\"");
              else if (item.id != expected)
                probs.add(ip + "/id", "item id \"" + item.id + "\" should be \"" + expected +
                                          "\" (section, step, position from 1)");
            }
            item.text = r.text(ij, "text", ip);
            if (const json* refs = r.member(ij, "references", ip, false)) {
              if (!refs->is_array()) probs.add(ip + "/references", "\"references\" must be an array");
              else
                for (size_t k = 0; k < refs->size(); ++k) {
                  std::string rp = ip + "/references/" + std::to_string(k);
                  if (!(*refs)[k].is_object()) probs.add(rp, "a reference must be {\"ar\": …, \"en\": …}");
                  else item.references.push_back(r.bilingual((*refs)[k], rp));
                }
            }
            if (const json* ev = r.member(ij, "evidence", ip, false)) {
              if (!ev->is_array()) probs.add(ip + "/evidence", "\"evidence\" must be an array");
              else
                for (size_t k = 0; k < ev->size(); ++k) {
                  const json& ej = (*ev)[k];
                  std::string ep = ip + "/evidence/" + std::to_string(k);
                  if (!ej.is_object()) {
                    probs.add(ep, "an evidence rule must be an object");
                    continue;
                  }
                  EvidenceRule rule;
                  rule.indicator = r.str(ej, "indicator", ep);
                  rule.op = r.str(ej, "op", ep);
                  if (!rule.op.empty() && !kOps.count(rule.op))
                    probs.add(ep + "/op", "unknown comparison \"" + rule.op + "\" (use <, <=, >, >=, ==)");
                  if (const json* th = r.member(ej, "threshold", ep, true)) {
                    if (!th->is_number()) probs.add(ep + "/threshold", "\"threshold\" must be a number");
                    else rule.threshold = th->get<double>();
                  }
                  if (ej.contains("note")) rule.note = r.text(ej, "note", ep, false);
                  item.evidence.push_back(std::move(rule));
                }
            }
            s.steps[st].push_back(std::move(item));
          }
        }
      }
      d.sections.push_back(std::move(s));
    }
    rub.dimensions.push_back(std::move(d));
  }
  if (!probs.empty()) throw InputError(probs.problems());
  return rub;
}

Rubric load_rubric(const std::string& path) { return parse_rubric(read_text_file(path), path); }

std::vector<Problem> validate_rubric_file(const std::string& path) {
  try {
    load_rubric(path);
    return {};
  } catch (const InputError& e) {
    return e.problems();
  }
}

static std::string exe_dir() {
  std::error_code ec;
  auto p = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return {};
  return p.parent_path().string();
}

std::vector<std::string> rubric_search_dirs() {
  std::vector<std::string> dirs;
  if (const char* env = std::getenv("MIZAN_RUBRIC_DIR"); env && *env) dirs.push_back(env);
  std::string exe = exe_dir();
  if (!exe.empty()) {
    dirs.push_back(exe + "/../share/mizan/rubric");
    dirs.push_back(exe + "/rubric");
  }
  if (*MIZAN_SOURCE_RUBRIC_DIR) dirs.push_back(MIZAN_SOURCE_RUBRIC_DIR);
  return dirs;
}

std::string find_rubric(const std::string& id, const std::string& version) {
  std::string want = id.empty() ? "cmtf-qaf" : id;
  std::string fallback;
  for (const auto& dir : rubric_search_dirs()) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) continue;
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(dir, ec))
      if (e.path().extension() == ".json") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      try {
        json doc = parse_json_text(read_text_file(f.string()), f.string());
        if (!doc.is_object() || doc.value("format", "") != "mizan-rubric") continue;
        if (doc.value("id", "") != want) continue;
        if (version.empty() || doc.value("version", "") == version) return f.string();
        if (fallback.empty()) fallback = f.string();
      } catch (const std::exception&) {
        continue;
      }
    }
  }
  if (!fallback.empty()) return fallback;
  throw InputError(Problem{"", 0, 0, "",
                           "no rubric with id \"" + want + "\"" + (version.empty() ? "" : " version " + version) +
                               " found; pass --rubric FILE or set MIZAN_RUBRIC_DIR"});
}

}  // namespace mizan
