#include "export/labels.hpp"

namespace mizan::xlsx {

namespace {

WorkbookWords english() {
  WorkbookWords w;
  w.summary_sheet = "Summary";
  w.plan_sheet = "Action plan";
  w.checklist_sheet = "Checklist";
  w.indicators_sheet = "Indicators";
  w.audit_sheet = "Audit trail";

  w.title = "Quality self-assessment of case management — summary";
  w.agency = "Agency";
  w.period = "Review period";
  w.rubric = "Framework";
  w.assessment_date = "Assessment date";
  w.assessors = "Assessors";
  w.exported_on = "Exported on";
  w.source_file = "Source file";
  w.signed_off = "Signed off";
  w.unknown_items = "Items not in the framework (kept in the file, not scored)";
  w.dimensions_table = "Dimensions";
  w.sections_table = "Sections";
  w.dimension = "Dimension";
  w.section = "Section";
  w.name = "Name";
  w.level = "Level";
  w.dimension_progress = "Progress (0–3)";
  w.section_progress = "Next step met";
  w.met = "Met";
  w.not_met = "Not met";
  w.na = "N/A";
  w.unanswered = "Unanswered";
  w.open_actions = "Open actions";
  w.overdue_actions = "Overdue actions";
  w.chart_title = "Dimension levels";
  w.chart_axis = "Progress (0–3)";
  w.scale_note = "Scale of progress: 0 = critical, 1 = medium, 2 = acceptable, 3 = good; the fraction is the share of the next step met.";
  w.progress_note = "A section reaches the next level when every applicable item of its next step is met.";

  w.plan_headers = {"Dimension", "Section", "Target level", "Stage", "Item", "Item text", "Owner", "Due date",
                    "Priority", "Status", "Resources needed", "Note"};
  w.next_step = "Next step";
  w.later_step = "Later step";
  w.now_resolved = "Item now met or N/A";
  w.not_in_rubric = "Item not in the framework";
  w.overdue_note = "Rows in red are overdue: the due date has passed and the action is neither done nor dropped.";
  w.no_actions = "No actions: every section is at good.";

  w.checklist_headers = {"Dimension", "Section", "Step", "Item", "Item text", "Answer", "N/A reason", "Note",
                         "Evidence"};

  w.indicator_headers = {"Import", "Indicator", "Value", "Numerator", "Denominator"};
  w.import_label = "Import";
  w.indicators_note = "Aggregates from case-data imports, as stored in the assessment file (no case rows).";
  w.audit_headers = {"When (UTC)", "Who", "Item", "Field", "Before", "After"};
  w.no_changes = "No changes recorded.";

  w.changes_sheet = "What changed";
  w.explanations_sheet = "Explanations";
  w.signoff_sheet = "Sign-off";
  w.changes_headers = {"Item", "Section", "Item text", "Before", "Now", "Change", "Carried over", "Reason given",
                       "Reason required"};
  w.against_baseline = "Against the baseline review";
  w.baseline_file = "Baseline file";
  w.baseline_recorded_sha = "SHA-256 recorded";
  w.baseline_check = "Baseline check";
  w.baseline_ok = "The baseline file is the one recorded (its SHA-256 matches).";
  w.baseline_no_sha = "No SHA-256 was recorded for the baseline, so the file cannot be verified.";
  w.baseline_changed =
      "The baseline file has changed since this review was started from it: its SHA-256 is now {sha}. The "
      "changes below are against the file as it is now.";
  w.baseline_missing = "The baseline file was not found (looked for {paths}); the changes cannot be listed.";
  w.baseline_unreadable = "The baseline file cannot be read ({why}); the changes cannot be listed.";
  w.change_counts = "Changes";
  w.carried_over = "Carried over, not confirmed";
  w.reason_missing = "Missing";
  w.reason_given = "Given";
  w.no_item_changes = "No item changed against the baseline.";
  w.changes_note =
      "Every item whose answer differs from the baseline review, is still open, or was carried over and not yet "
      "confirmed; items met or N/A in both reviews are left out. Falls back and new N/As come first, then "
      "reopened, improved and still open items (framework order within each). A fall back or a new N/A needs a "
      "reason: rows in red have none.";
  w.explanation_headers = {"Section", "Name", "Level", "Not met", "Not answered yet", "Level if met",
                           "Explanation"};
  w.all_good = "Every section is at good: nothing holds a level back.";
  w.explanations_note =
      "For every section below good: the open items of its next step, which hold it at its level, and the level "
      "meeting all of them would give.";
  w.signoff_status = "Status";
  w.status_signed = "Signed";
  w.status_not_signed = "Not signed";
  w.status_reopened = "Reopened after sign-off";
  w.signed_by = "Signed by";
  w.signer_role = "Role";
  w.signoff_date = "Date signed";
  w.signed_at = "Signed at (UTC)";
  w.reopened_by = "Reopened by";
  w.reopened_at = "Reopened at (UTC)";
  w.reopen_reason = "Reason for reopening";
  w.earlier_signoff = "Earlier sign-off";
  w.assessment_file = "Assessment file";
  w.file_sha256 = "SHA-256 of the file";
  w.sha_note =
      "The SHA-256 of the assessment file as it was on disk when this workbook was exported; sha256sum (or "
      "Get-FileHash on Windows) shows the same digits for the same file.";
  w.sha_unavailable = "The file could not be read to compute it: ";
  return w;
}

WorkbookWords arabic() {
  WorkbookWords w;
  w.summary_sheet = "الملخص";
  w.plan_sheet = "خطة التحسين";
  w.checklist_sheet = "قائمة التحقق";
  w.indicators_sheet = "المؤشرات";
  w.audit_sheet = "سجل التغييرات";

  w.title = "التقييم الذاتي لجودة إدارة الحالة — ملخص";
  w.agency = "الجهة";
  w.period = "فترة المراجعة";
  w.rubric = "الإطار المرجعي";
  w.assessment_date = "تاريخ التقييم";
  w.assessors = "المقيّمون";
  w.exported_on = "تاريخ التصدير";
  w.source_file = "الملف المصدر";
  w.signed_off = "الاعتماد";
  w.unknown_items = "بنود غير موجودة في الإطار (محفوظة في الملف، غير محتسبة)";
  w.dimensions_table = "الأبعاد";
  w.sections_table = "الأقسام";
  w.dimension = "البعد";
  w.section = "القسم";
  w.name = "الاسم";
  w.level = "المستوى";
  w.dimension_progress = "التقدم (0–3)";
  w.section_progress = "المستوفى من الخطوة التالية";
  w.met = "مستوفى";
  w.not_met = "غير مستوفى";
  w.na = "لا ينطبق";
  w.unanswered = "بلا إجابة";
  w.open_actions = "إجراءات مفتوحة";
  w.overdue_actions = "إجراءات متأخرة";
  w.chart_title = "مستويات الأبعاد";
  w.chart_axis = "التقدم (0–3)";
  w.scale_note = "مقياس التقدم: 0 = حرج، 1 = متوسط، 2 = مقبول، 3 = جيد؛ والكسر هو نسبة المستوفى من الخطوة التالية.";
  w.progress_note = "يبلغ القسم المستوى التالي عندما تُستوفى جميع البنود المنطبقة في خطوته التالية.";

  w.plan_headers = {"البعد", "القسم", "المستوى المستهدف", "المرحلة", "البند", "نص البند", "المسؤول",
                    "تاريخ الاستحقاق", "الأولوية", "الحالة", "الموارد اللازمة", "ملاحظات"};
  w.next_step = "الخطوة التالية";
  w.later_step = "خطوة لاحقة";
  w.now_resolved = "البند مستوفى أو لا ينطبق الآن";
  w.not_in_rubric = "بند غير موجود في الإطار";
  w.overdue_note = "الصفوف الحمراء متأخرة: مضى تاريخ الاستحقاق ولم يُنجز الإجراء ولم يُلغَ.";
  w.no_actions = "لا إجراءات: جميع الأقسام في مستوى جيد.";

  w.checklist_headers = {"البعد", "القسم", "الخطوة", "البند", "نص البند", "الإجابة", "سبب عدم الانطباق",
                         "ملاحظات", "الأدلة"};

  w.indicator_headers = {"الاستيراد", "المؤشر", "القيمة", "البسط", "المقام"};
  w.import_label = "الاستيراد";
  w.indicators_note = "أرقام إجمالية من استيراد بيانات الحالات كما حُفظت في ملف التقييم (دون صفوف الحالات).";
  w.audit_headers = {"الوقت (UTC)", "المستخدم", "البند", "الحقل", "القيمة السابقة", "القيمة الجديدة"};
  w.no_changes = "لا تغييرات مسجلة.";

  w.changes_sheet = "ما الذي تغيّر";
  w.explanations_sheet = "تفسير المستويات";
  w.signoff_sheet = "الاعتماد";
  w.changes_headers = {"البند", "القسم", "نص البند", "قبل", "الآن", "التغيير", "منقول من المراجعة السابقة",
                       "السبب المذكور", "السبب مطلوب"};
  w.against_baseline = "مقارنةً بالمراجعة السابقة";
  w.baseline_file = "ملف المراجعة السابقة";
  w.baseline_recorded_sha = "بصمة SHA-256 المسجلة";
  w.baseline_check = "التحقق من الملف";
  w.baseline_ok = "ملف المراجعة السابقة هو الملف المسجل (بصمة SHA-256 مطابقة).";
  w.baseline_no_sha = "لم تُسجَّل بصمة SHA-256 للمراجعة السابقة، فلا يمكن التحقق من الملف.";
  w.baseline_changed =
      "تغيّر ملف المراجعة السابقة منذ بدء هذه المراجعة منه: بصمته الآن {sha}. التغييرات أدناه مقارنةً بالملف "
      "كما هو الآن.";
  w.baseline_missing = "لم يُعثر على ملف المراجعة السابقة (بُحث عنه في {paths})؛ لا يمكن عرض التغييرات.";
  w.baseline_unreadable = "تعذّرت قراءة ملف المراجعة السابقة ({why})؛ لا يمكن عرض التغييرات.";
  w.change_counts = "التغييرات";
  w.carried_over = "منقول، لم يُؤكَّد";
  w.reason_missing = "غير مذكور";
  w.reason_given = "مذكور";
  w.no_item_changes = "لم يتغيّر أي بند مقارنةً بالمراجعة السابقة.";
  w.changes_note =
      "كل بند اختلفت إجابته عن المراجعة السابقة، أو ما زال مفتوحاً، أو نُقل ولم يُؤكَّد بعد؛ ولا تظهر البنود "
      "المستوفاة أو غير المنطبقة في المراجعتين. تأتي أولاً البنود المتراجعة والتي أصبحت لا تنطبق، ثم التي عادت "
      "مفتوحة، ثم التي تحسّنت، ثم التي ما زالت مفتوحة (بترتيب الإطار داخل كل مجموعة). التراجع أو عدم الانطباق "
      "الجديد يتطلب ذكر السبب: الصفوف الحمراء بلا سبب.";
  w.explanation_headers = {"القسم", "الاسم", "المستوى", "غير مستوفى", "دون إجابة بعد", "المستوى عند الاستيفاء",
                           "التفسير"};
  w.all_good = "جميع الأقسام في مستوى جيد: لا شيء يُبقي أي مستوى دون ذلك.";
  w.explanations_note =
      "لكل قسم دون المستوى جيد: البنود المفتوحة في خطوته التالية، وهي التي تُبقيه عند مستواه، والمستوى الذي "
      "يبلغه باستيفائها جميعاً.";
  w.signoff_status = "الحالة";
  w.status_signed = "معتمد";
  w.status_not_signed = "غير معتمد";
  w.status_reopened = "أُعيد فتحه بعد الاعتماد";
  w.signed_by = "اعتمده";
  w.signer_role = "الصفة";
  w.signoff_date = "تاريخ الاعتماد";
  w.signed_at = "وقت الاعتماد (UTC)";
  w.reopened_by = "أعاد فتحه";
  w.reopened_at = "وقت إعادة الفتح (UTC)";
  w.reopen_reason = "سبب إعادة الفتح";
  w.earlier_signoff = "الاعتماد السابق";
  w.assessment_file = "ملف التقييم";
  w.file_sha256 = "بصمة SHA-256 للملف";
  w.sha_note =
      "بصمة SHA-256 لملف التقييم كما كان على القرص عند تصدير هذا المصنف؛ يُظهر الأمر sha256sum (أو "
      "Get-FileHash على ويندوز) الأرقام نفسها للملف نفسه.";
  w.sha_unavailable = "تعذّرت قراءة الملف لحسابها: ";
  return w;
}

}  // namespace

const WorkbookWords& words(Lang lang) {
  static const WorkbookWords en = english();
  static const WorkbookWords ar = arabic();
  return lang == Lang::ar ? ar : en;
}

std::string action_status_name(ActionStatus s, Lang lang) {
  bool ar = lang == Lang::ar;
  switch (s) {
    case ActionStatus::not_started: return ar ? "لم يبدأ" : "Not started";
    case ActionStatus::in_progress: return ar ? "قيد التنفيذ" : "In progress";
    case ActionStatus::done: return ar ? "منجز" : "Done";
    case ActionStatus::dropped: return ar ? "ملغى" : "Dropped";
  }
  return "";
}

std::string priority_name(Priority p, Lang lang) {
  bool ar = lang == Lang::ar;
  switch (p) {
    case Priority::high: return ar ? "عالية" : "High";
    case Priority::medium: return ar ? "متوسطة" : "Medium";
    case Priority::low: return ar ? "منخفضة" : "Low";
  }
  return "";
}

std::string answer_name(ItemStatus s, Lang lang) {
  bool ar = lang == Lang::ar;
  switch (s) {
    case ItemStatus::met: return ar ? "مستوفى" : "Met";
    case ItemStatus::not_met: return ar ? "غير مستوفى" : "Not met";
    case ItemStatus::na: return ar ? "لا ينطبق" : "N/A";
    case ItemStatus::unanswered: return ar ? "بلا إجابة" : "Unanswered";
  }
  return "";
}

std::vector<std::string> action_status_names(Lang lang) {
  std::vector<std::string> out;
  for (auto s : {ActionStatus::not_started, ActionStatus::in_progress, ActionStatus::done, ActionStatus::dropped})
    out.push_back(action_status_name(s, lang));
  return out;
}

std::vector<std::string> priority_names(Lang lang) {
  std::vector<std::string> out;
  for (auto p : {Priority::high, Priority::medium, Priority::low}) out.push_back(priority_name(p, lang));
  return out;
}

std::string level_name(const Rubric& r, Level l, Lang lang) {
  const std::string& name = r.level_name(l).get(lang);
  return name.empty() ? level_id(l) : name;
}

std::string step_name(const Rubric& r, int step, Lang lang) {
  std::string from = level_name(r, static_cast<Level>(step), lang);
  std::string to = level_name(r, step_target(step), lang);
  return lang == Lang::ar ? "من " + from + " إلى " + to : from + " → " + to;
}

std::string change_kind_name(ChangeKind k, Lang lang) {
  bool ar = lang == Lang::ar;
  switch (k) {
    case ChangeKind::unchanged: return ar ? "دون تغيير" : "Unchanged";
    case ChangeKind::improved: return ar ? "تحسّن" : "Improved";
    case ChangeKind::fell_back: return ar ? "تراجع" : "Fell back";
    case ChangeKind::newly_na: return ar ? "أصبح لا ينطبق" : "Newly N/A";
    case ChangeKind::reopened: return ar ? "عاد مفتوحاً (كان لا ينطبق)" : "Reopened (was N/A)";
    case ChangeKind::still_open: return ar ? "ما زال مفتوحاً" : "Still open";
  }
  return "";
}

}  // namespace mizan::xlsx
