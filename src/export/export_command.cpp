#include "export/export_command.hpp"

#include <filesystem>
#include <iostream>

#include "core/assessment.hpp"
#include "export/assessment_workbook.hpp"

namespace fs = std::filesystem;

namespace mizan {

namespace {

// A piece of a file name: letters (any script), digits, '-', '_' and '.'; the rest '-'.
std::string file_part(const std::string& s) {
  std::string out;
  for (unsigned char ch : s) {
    bool ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '-' ||
              ch == '_' || ch == '.' || ch >= 0x80;
    out += ok ? static_cast<char>(ch) : '-';
  }
  while (!out.empty() && (out.front() == '.' || out.front() == '-')) out.erase(out.begin());
  return out;
}

}  // namespace

std::string default_export_path(const std::string& agency_code, const std::string& period, const std::string& lang) {
  std::string name = file_part(agency_code);
  std::string p = file_part(period);
  if (name.empty()) name = "assessment";
  if (!p.empty()) name += "-" + p;
  name += "-action-plan";
  if (lang == "ar") name += "-ar";
  return (fs::path("exports") / (name + ".xlsx")).string();
}

int export_command(const std::string& assessment, const std::string& out_path, const std::string& lang,
                   const std::string& rubric, std::ostream& out, std::ostream& err) {
  auto parsed_lang = parse_lang(lang.empty() ? "en" : lang);
  if (!parsed_lang) {
    err << "mizan export: unknown language \"" << lang << "\" (use ar or en)\n";
    return 2;
  }
  try {
    auto first = load_assessment(assessment);  // to learn its rubric id
    std::string rpath =
        rubric.empty() ? find_rubric(first.assessment.rubric_id, first.assessment.rubric_version) : rubric;
    Rubric r = load_rubric(rpath);
    auto loaded = load_assessment(assessment, &r);
    for (const auto& w : loaded.warnings) err << "warning: " << w.str() << "\n";
    const Assessment& a = loaded.assessment;
    if (!a.rubric_id.empty() && a.rubric_id != r.id) {
      err << assessment << ": the assessment uses rubric \"" << a.rubric_id << "\" but " << rpath << " is \"" << r.id
          << "\"\n";
      return 1;
    }

    std::string path = out_path;
    if (path.empty()) {
      path = default_export_path(a.agency_code, a.period, lang);
      std::error_code ec;
      fs::create_directories(fs::path(path).parent_path(), ec);
      if (ec) {
        err << fs::path(path).parent_path().string() << ": cannot create the folder: " << ec.message() << "\n";
        return 1;
      }
    } else {
      std::error_code ec;
      fs::path parent = fs::path(path).parent_path();
      if (fs::is_directory(path, ec)) {
        err << path << ": is a folder; give a file name such as " << (fs::path(path) / "plan.xlsx").string() << "\n";
        return 1;
      }
      if (!parent.empty() && !fs::is_directory(parent, ec)) {
        err << path << ": the folder " << parent.string() << " does not exist\n";
        return 1;
      }
      if (fs::path(path).extension() != ".xlsx")
        err << "warning: " << path << " does not end in .xlsx; spreadsheet programs may not open it\n";
    }

    WorkbookOptions options;
    options.source_file = fs::path(assessment).filename().string();
    options.review_sheets = true;  // sign-off with the file's SHA-256, what changed, explanations
    options.assessment_file = assessment;
    WorkbookReport report = export_assessment_workbook(r, a, path, *parsed_lang, options);
    for (const auto& w : report.warnings) err << "warning: " << assessment << ": " << w << "\n";
    if (report.truncated_cells)
      err << "warning: " << report.truncated_cells << " cell(s) longer than Excel's 32,767 characters were cut\n";
    out << "wrote " << path << ": " << report.actions << " actions, " << report.items << " checklist items (";
    for (size_t i = 0; i < report.sheets.size(); ++i) out << (i ? ", " : "") << report.sheets[i];
    out << ")\n";
    return 0;
  } catch (const InputError& e) {
    for (const auto& p : e.problems()) err << p.str() << "\n";
    return 1;
  } catch (const std::exception& e) {
    err << assessment << ": " << e.what() << "\n";
    return 1;
  }
}

}  // namespace mizan
