#include "export/compare_command.hpp"

#include <filesystem>
#include <iostream>

#include "core/compare.hpp"
#include "export/compare_workbook.hpp"

namespace fs = std::filesystem;

namespace mizan {

int compare_command(const std::vector<std::string>& inputs, const std::string& out_path, bool anonymize,
                    const std::string& lang, std::ostream& out, std::ostream& err) {
  auto parsed_lang = parse_lang(lang.empty() ? "en" : lang);
  if (!parsed_lang) {
    err << "mizan compare: unknown language \"" << lang << "\" (use ar or en)\n";
    return 2;
  }
  if (inputs.empty()) {
    err << "mizan compare: give assessment files or folders to compare\n";
    return 2;
  }
  if (out_path.empty()) {
    err << "mizan compare: give the workbook to write with -o FILE.xlsx\n";
    return 2;
  }
  {
    std::error_code ec;
    fs::path parent = fs::path(out_path).parent_path();
    if (fs::is_directory(out_path, ec)) {
      err << out_path << ": is a folder; give a file name such as " << (fs::path(out_path) / "compare.xlsx").string()
          << "\n";
      return 1;
    }
    if (!parent.empty() && !fs::is_directory(parent, ec)) {
      err << out_path << ": the folder " << parent.string() << " does not exist\n";
      return 1;
    }
    if (fs::path(out_path).extension() != ".xlsx")
      err << "warning: " << out_path << " does not end in .xlsx; spreadsheet programs may not open it\n";
  }
  try {
    std::vector<std::string> files = collect_assessment_files(inputs);
    if (files.empty()) {
      err << "mizan compare: no *.mizan.json file found in";
      for (const auto& in : inputs) err << " " << in;
      err << "\n";
      return 1;
    }
    CompareOptions options;
    options.anonymize = anonymize;
    CompareResult r = compare_files(files, options);

    // Said aloud, with the real paths (this is for the person running the command; the
    // workbook shows only labels when anonymised).
    for (const auto& f : r.files) {
      if (f.use == FileUse::used) continue;
      err << "warning: " << f.path;
      if (anonymize) err << " (" << f.label << " in the workbook)";
      err << ": left out: " << f.reason.en;
      if (anonymize && f.winner) err << " [" << r.files[*f.winner].label << " is " << r.files[*f.winner].path << "]";
      err << "\n";
    }
    for (const auto& wmsg : r.warnings)
      if (wmsg.rfind("period ", 0) == 0) err << "warning: " << wmsg << "\n";
    if (r.agencies.empty()) {
      err << "mizan compare: nothing to compare: every file was left out (no workbook written)\n";
      return 1;
    }
    CompareWorkbookReport rep = export_compare_workbook(r, out_path, *parsed_lang);
    if (rep.trend_charts_left_out)
      err << "warning: line charts drawn for the first " << kMaxTrendCharts << " agencies only ("
          << rep.trend_charts_left_out << " more in the table)\n";
    if (rep.truncated_cells)
      err << "warning: " << rep.truncated_cells << " cell(s) longer than Excel's 32,767 characters were cut\n";
    const size_t used = r.used_files();
    auto count = [](size_t n, const char* one, const char* many) {
      return std::to_string(n) + " " + (n == 1 ? one : many);
    };
    out << "wrote " << out_path << ": " << count(r.agencies.size(), "agency", "agencies") << ", "
        << count(used, "assessment", "assessments") << ", " << count(r.periods.size(), "period", "periods")
        << " (" << r.rubric.id << " " << r.rubric.version << ")";
    if (r.files.size() > used) out << "; " << r.files.size() - used << " file(s) left out, see the Files sheet";
    if (anonymize) out << "; anonymised";
    out << "\n";
    return 0;
  } catch (const InputError& e) {
    for (const auto& p : e.problems()) err << p.str() << "\n";
    return 1;
  } catch (const std::exception& e) {
    err << out_path << ": " << e.what() << "\n";
    return 1;
  }
}

}  // namespace mizan
