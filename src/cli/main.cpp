// mizan — the command line (CONTRACT.md section 4). With no subcommand it opens the window.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#ifdef MIZAN_HAVE_CASEDATA
#include "casedata/indicators_command.hpp"
#endif
#ifdef MIZAN_HAVE_EXPORT
#include "export/compare_command.hpp"
#include "export/export_command.hpp"
#endif
#ifdef MIZAN_HAVE_GUI
#include "ui/app.hpp"
#endif

int main(int argc, char** argv) {
  CLI::App app{"Mizan — quality self-assessment for child protection case management", "mizan"};
  app.require_subcommand(0, 1);
  app.set_version_flag("--version", "mizan 0.1.0");

  // gui
  std::string gui_file, gui_screenshot, gui_lang, gui_view, gui_cases, gui_mapping = "canonical", gui_as_of;
  std::vector<std::string> gui_compare;
  int gui_frames = 3;
  auto* gui = app.add_subcommand("gui", "Open the window (the default with no subcommand)");
  gui->add_option("FILE", gui_file, "Assessment file (*.mizan.json) to open");
  gui->add_option("--screenshot", gui_screenshot, "Render, write a PNG of the window to this path, and exit");
  gui->add_option("--lang", gui_lang, "Interface language")->check(CLI::IsMember({"ar", "en"}));
  gui->add_option("--view", gui_view,
                  "View to show: dashboard, details, checklist:<section>, actions, indicators, compare, review");
  gui->add_option("--frames", gui_frames, "Frames to render before the screenshot")->check(CLI::Range(1, 1000));
  std::string gui_size;
  gui->add_option("--size", gui_size, "Window size in pixels, WxH (a screenshot is 1440x900 unless given)")
      ->check([](const std::string& v) -> std::string {
        int w = 0, h = 0;
        char x = 0, extra = 0;
        if (std::sscanf(v.c_str(), "%d%c%d%c", &w, &x, &h, &extra) != 3 || x != 'x' || w < 640 || h < 480 || w > 8192 ||
            h > 8192)
          return "expected WxH, e.g. 1440x1600 (640x480 to 8192x8192)";
        return "";
      });
  gui->add_option("--cases", gui_cases,
                  "Import this case export (.csv or .xlsx) into the open assessment before the first frame, as "
                  "File > Import case data does (aggregates only; the file is marked changed, not saved)");
  gui->add_option("--mapping", gui_mapping, "Column mapping of --cases: canonical, primero, or a mapping JSON file")
      ->capture_default_str()
      ->needs("--cases");
  gui->add_option("--as-of", gui_as_of, "Reference date of --cases, YYYY-MM-DD (default: today)")->needs("--cases");
  gui->add_option("--compare", gui_compare,
                  "Assessment file, or folder searched for *.mizan.json, put in the compare view (repeatable)")
      ->allow_extra_args(false);

  // validate
  std::string validate_path;
  auto* validate = app.add_subcommand("validate", "Check a rubric (default: the bundled one) or an assessment file");
  validate->add_option("RUBRIC", validate_path, "Rubric or assessment JSON file");

  // score
  mizan::cli::ScoreOptions so;
  auto* score = app.add_subcommand("score", "Score an assessment: level and progress of every section and dimension");
  score->add_option("ASSESSMENT", so.assessment, "Assessment file (*.mizan.json)")->required();
  score->add_option("--rubric", so.rubric, "Rubric file (default: found by the assessment's rubric id)");
  score->add_flag("--json", so.json, "Print JSON: {\"sections\": …, \"dimensions\": …}");
  score->add_option("--lang", so.lang, "Language of names in the table")->check(CLI::IsMember({"ar", "en"}));

  // review cycle
  std::string nr_prev, nr_period, nr_out, nr_by;
  auto* new_review = app.add_subcommand("new-review", "Start a review from the previous one (answers carried over)");
  new_review->add_option("PREVIOUS", nr_prev, "The previous review's assessment file")->required();
  new_review->add_option("--period", nr_period, "The new review period (default: the one after the previous)");
  new_review->add_option("-o,--output", nr_out, "The new assessment file")->required();
  new_review->add_option("--by", nr_by, "Who starts the review (audit trail)");

  std::string ch_cur, ch_base;
  bool ch_json = false;
  auto* changes = app.add_subcommand("changes", "What changed against the baseline review, item by item");
  changes->add_option("ASSESSMENT", ch_cur, "The current review")->required();
  changes->add_option("--baseline", ch_base, "The previous review (default: the file's baseline)");
  changes->add_flag("--json", ch_json, "Print JSON");

  std::string ex_path, ex_lang = "en";
  bool ex_json = false;
  auto* explain = app.add_subcommand("explain", "Why each section stands at its level, and what would raise it");
  explain->add_option("ASSESSMENT", ex_path, "Assessment file")->required();
  explain->add_option("--lang", ex_lang, "Language")->check(CLI::IsMember({"ar", "en"}));
  explain->add_flag("--json", ex_json, "Print JSON");

  std::vector<std::string> mg_copies;
  std::string mg_lead, mg_out;
  auto* merge = app.add_subcommand("merge", "Merge several assessors' copies; disagreements are left for the lead");
  merge->add_option("COPIES", mg_copies, "Assessors' copies of the same assessment")->required();
  merge->add_option("--lead", mg_lead, "The lead assessor")->required();
  merge->add_option("-o,--output", mg_out, "The merged assessment file")->required();

  std::string sg_path, sg_name, sg_role, sg_date, sg_reason;
  bool sg_reopen = false;
  auto* sign = app.add_subcommand("sign", "Sign an assessment off (it opens read-only), or reopen it");
  sign->add_option("ASSESSMENT", sg_path, "Assessment file")->required();
  sign->add_option("--name", sg_name, "Reviewer's name");
  sign->add_option("--role", sg_role, "Reviewer's role");
  sign->add_option("--date", sg_date, "Date YYYY-MM-DD (default: today)");
  sign->add_flag("--reopen", sg_reopen, "Reopen a signed assessment for changes");
  sign->add_option("--reason", sg_reason, "Why it is reopened");

#ifdef MIZAN_HAVE_EXPORT
  std::string ex_assessment, ex_out, ex_xlang = "en", ex_rubric;
  auto* export_cmd = app.add_subcommand("export", "Write the improvement action plan and the whole assessment to Excel");
  export_cmd->add_option("ASSESSMENT", ex_assessment, "Assessment file (*.mizan.json)")->required();
  export_cmd->add_option("-o,--output", ex_out, "Workbook to write (default: exports/<agency>-<period>-action-plan.xlsx)");
  export_cmd->add_option("--lang", ex_xlang, "Workbook language (Arabic: right-to-left sheets)")->check(CLI::IsMember({"ar", "en"}));
  export_cmd->add_option("--rubric", ex_rubric, "Rubric file (default: found by the assessment's rubric id)");

  std::vector<std::string> cmp_inputs;
  std::string cmp_out, cmp_lang = "en";
  bool cmp_anonymize = false;
  auto* compare_cmd = app.add_subcommand("compare", "Compare assessments: agencies side by side, trends across periods");
  compare_cmd->add_option("INPUTS", cmp_inputs, "Assessment files, or folders searched for *.mizan.json")->required();
  compare_cmd->add_option("-o,--output", cmp_out, "Workbook to write (.xlsx)")->required();
  compare_cmd->add_flag("--anonymize,--anonymise", cmp_anonymize,
                        "Agency names replaced by codes, small case-data counts shown as <5");
  compare_cmd->add_option("--lang", cmp_lang, "Workbook language (Arabic: right-to-left sheets)")->check(CLI::IsMember({"ar", "en"}));
#endif

#ifdef MIZAN_HAVE_CASEDATA
  mizan::casedata::IndicatorsCommandOptions ind;
  ind.mapping = "canonical";
  auto* indicators = app.add_subcommand("indicators", "Compute case-management indicators from a case export (aggregates only)");
  indicators->add_option("CASES", ind.path, "Case export (.csv or .xlsx)")->required();
  indicators->add_option("--mapping", ind.mapping, "Column mapping: canonical, primero, auto (guessed from the header), or a mapping JSON file");
  indicators->add_option("--as-of", ind.as_of, "Reference date YYYY-MM-DD (default: today)");
  indicators->add_flag("--json", ind.json, "Print JSON: {\"rows\": N, \"indicators\": {…}}");
  indicators->add_flag("--shared", ind.suppress_small, "For sharing between agencies: counts below 5 shown as \"<5\"");
  indicators->add_option("--attach", ind.attach, "Store the aggregates (never rows) in this assessment's case_data");
#endif

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? 0 : 2;
  }

  if (*validate) return mizan::cli::validate_command(validate_path, std::cout, std::cerr);
  if (*score) return mizan::cli::score_command(so, std::cout, std::cerr);
  if (*new_review) return mizan::cli::new_review_command(nr_prev, nr_period, nr_out, nr_by, std::cout, std::cerr);
  if (*changes) return mizan::cli::changes_command(ch_cur, ch_base, ch_json, std::cout, std::cerr);
  if (*explain) return mizan::cli::explain_command(ex_path, ex_lang, ex_json, std::cout, std::cerr);
  if (*merge) return mizan::cli::merge_command(mg_copies, mg_lead, mg_out, std::cout, std::cerr);
  if (*sign)
    return mizan::cli::sign_command(sg_path, sg_name, sg_role, sg_date, sg_reopen, sg_reason, std::cout, std::cerr);
#ifdef MIZAN_HAVE_EXPORT
  if (*export_cmd) return mizan::export_command(ex_assessment, ex_out, ex_xlang, ex_rubric, std::cout, std::cerr);
  if (*compare_cmd) return mizan::compare_command(cmp_inputs, cmp_out, cmp_anonymize, cmp_lang, std::cout, std::cerr);
#endif
#ifdef MIZAN_HAVE_CASEDATA
  if (*indicators) return mizan::casedata::run_indicators_command(ind, std::cout, std::cerr);
#endif
#ifdef MIZAN_HAVE_GUI
  mizan::ui::GuiOptions go;
  go.file = gui_file;
  go.screenshot = gui_screenshot;
  go.lang = gui_lang;
  go.view = gui_view;
  go.frames = gui_frames;
  if (!gui_size.empty()) std::sscanf(gui_size.c_str(), "%dx%d", &go.width, &go.height);
  go.cases = gui_cases;
  go.mapping = gui_mapping;
  go.as_of = gui_as_of;
  go.compare = gui_compare;
  return mizan::ui::run_gui(go);
#else
  (void)gui;
  std::cerr << "mizan: this build has no window (built with MIZAN_BUILD_GUI=OFF); see mizan --help\n";
  return 2;
#endif
}
