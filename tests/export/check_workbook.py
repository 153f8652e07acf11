#!/usr/bin/python3
"""Opens a Mizan assessment workbook with a real reader (openpyxl) and checks it.

    /usr/bin/python3 check_workbook.py WORKBOOK.xlsx EXPECT.json

EXPECT.json (written by tests/export/test_export.cpp):
    {"lang": "ar"|"en", "item_ids": [... framework order ...], "agency": "...",
     "dates": {"<item>": "YYYY-MM-DD"}, "texts": ["=1+1", ...], "text_dates": {"<item>": "..."},
     "indicators": true|false, "indicator_values": {"<id>": [value, numerator, denominator]},
     "audit_rows": N, "truncated_marker": "..." | null}

What is checked independently of the C++ code: sheet names and header rows (the words
users see), the right-to-left flag, that the action plan holds exactly the open items of
each section's next step plus later steps marked later (recomputed here from the
Checklist sheet by the rules of CONTRACT.md section 2), real date cells, drop-down lists,
the overdue rule, frozen header, filter, print setup, the native chart, and that no cell
anywhere is a formula. Exit 0 when all hold; otherwise each failure on stderr, exit 1.
Debian's openpyxl is visible to /usr/bin/python3 only.
"""
import datetime
import json
import re
import sys
import zipfile

import openpyxl

WORDS = {
    "en": {
        "sheets": ["Summary", "Action plan", "Checklist", "Indicators", "Audit trail"],
        "plan": ["Dimension", "Section", "Target level", "Stage", "Item", "Item text", "Owner", "Due date",
                 "Priority", "Status", "Resources needed", "Note"],
        "checklist": ["Dimension", "Section", "Step", "Item", "Item text", "Answer", "N/A reason", "Note",
                      "Evidence"],
        "statuses": ["Not started", "In progress", "Done", "Dropped"],
        "priorities": ["High", "Medium", "Low"],
        "answers": {"Met": "met", "Not met": "not_met", "N/A": "na", "Unanswered": ""},
        "stages": {"Next step": "next", "Later step": "later", "Item now met or N/A": "resolved",
                   "Item not in the framework": "unknown"},
    },
    "ar": {
        "sheets": ["الملخص", "خطة التحسين", "قائمة التحقق", "المؤشرات", "سجل التغييرات"],
        "plan": ["البعد", "القسم", "المستوى المستهدف", "المرحلة", "البند", "نص البند", "المسؤول",
                 "تاريخ الاستحقاق", "الأولوية", "الحالة", "الموارد اللازمة", "ملاحظات"],
        "checklist": ["البعد", "القسم", "الخطوة", "البند", "نص البند", "الإجابة", "سبب عدم الانطباق",
                      "ملاحظات", "الأدلة"],
        "statuses": ["لم يبدأ", "قيد التنفيذ", "منجز", "ملغى"],
        "priorities": ["عالية", "متوسطة", "منخفضة"],
        "answers": {"مستوفى": "met", "غير مستوفى": "not_met", "لا ينطبق": "na", "بلا إجابة": ""},
        "stages": {"الخطوة التالية": "next", "خطوة لاحقة": "later", "البند مستوفى أو لا ينطبق الآن": "resolved",
                   "بند غير موجود في الإطار": "unknown"},
    },
}
STEPS = "mag"

failures = []


def check(cond, message):
    if not cond:
        failures.append(message)
    return cond


def header(ws, count):
    return [ws.cell(1, c).value for c in range(1, count + 1)]


def table_rows(ws, columns, key_col):
    """Rows under the header until the first row whose key column is empty."""
    rows = []
    r = 2
    while ws.cell(r, key_col).value not in (None, ""):
        rows.append([ws.cell(r, c) for c in range(1, columns + 1)])
        r += 1
    return rows


def expected_plan(checklist):
    """(item, stage) of every open item, by the scoring rules, in framework order."""
    by_section = {}
    for item, status, reason in checklist:
        section, rest = item.split(".", 1)
        by_section.setdefault(section, [[], [], []])[STEPS.index(rest[0])].append((item, status, reason))
    out = []
    for section, steps in by_section.items():
        def is_open(entry):
            _, status, reason = entry
            if status == "na" and (reason or "").strip():
                return False
            return status != "met"
        level = 0
        while level < 3 and not any(is_open(e) for e in steps[level]):
            level += 1
        for st in range(level, 3):
            out += [(e[0], "next" if st == level else "later") for e in steps[st] if is_open(e)]
    order = {item: i for i, (item, _, _) in enumerate(checklist)}
    return sorted(out, key=lambda x: order[x[0]])


def main():
    path, expect_path = sys.argv[1], sys.argv[2]
    with open(expect_path, encoding="utf-8") as f:
        expect = json.load(f)
    lang = expect["lang"]
    w = WORDS[lang]
    wb = openpyxl.load_workbook(path)

    names = [n for n in w["sheets"] if expect.get("indicators") or n != w["sheets"][3]]
    check(wb.sheetnames == names, f"sheet names {wb.sheetnames} != {names}")
    for ws in wb.worksheets:
        check(len(ws.title) <= 31 and not re.search(r"[\[\]:*?/\\]", ws.title), f"bad sheet name {ws.title!r}")
        rtl = bool(ws.sheet_view.rightToLeft)
        check(rtl == (lang == "ar"), f"{ws.title}: rightToLeft is {rtl} for lang {lang}")
        for row in ws.iter_rows():
            for cell in row:
                check(cell.data_type != "f", f"{ws.title}!{cell.coordinate} is a formula: {cell.value!r}")
    if failures:
        return

    summary = wb[names[0]]
    summary_text = [c.value for row in summary.iter_rows() for c in row if isinstance(c.value, str)]
    check(expect["agency"] in " ".join(summary_text), "the agency is not on the summary")
    with zipfile.ZipFile(path) as z:
        charts = [n for n in z.namelist() if n.startswith("xl/charts/chart")]
        check(len(charts) == 1, f"expected one chart, found {charts}")
        if charts:
            xml = z.read(charts[0]).decode("utf-8")
            check("<c:barChart>" in xml, "the chart is not a bar/column chart")

    # Checklist: exactly the rubric's items, in order.
    cl = wb[names[2]]
    check(header(cl, 9) == w["checklist"], f"checklist header {header(cl, 9)}")
    rows = table_rows(cl, 9, 4)
    ids = [r[3].value for r in rows]
    check(ids == expect["item_ids"], f"checklist has {len(ids)} items, expected {len(expect['item_ids'])}")
    answers = []
    for r in rows:
        check(r[5].value in w["answers"], f"checklist {r[3].value}: unknown answer {r[5].value!r}")
        answers.append((r[3].value, w["answers"].get(r[5].value, "?"), r[6].value))
    check(cl.freeze_panes == "A2", f"checklist freeze panes {cl.freeze_panes}")

    # Action plan.
    ap = wb[names[1]]
    check(header(ap, 12) == w["plan"], f"action plan header {header(ap, 12)}")
    plan = table_rows(ap, 12, 5)
    n = len(plan)
    stages = []
    for r in plan:
        stage = w["stages"].get(r[3].value)
        check(stage is not None, f"action {r[4].value}: unknown stage {r[3].value!r}")
        stages.append((r[4].value, stage))
        check(r[9].value in w["statuses"], f"action {r[4].value}: status {r[9].value!r} not in the list")
        check(r[8].value in w["priorities"], f"action {r[4].value}: priority {r[8].value!r}")
    known_answers = {a[0]: a for a in answers}
    open_rows = [(i, s) for i, s in stages if s in ("next", "later")]
    check(open_rows == expected_plan(answers),
          f"action plan rows {open_rows} != open items {expected_plan(answers)}")
    for item, stage in stages:
        if stage == "resolved":
            check(item in known_answers and known_answers[item][1] in ("met", "na"),
                  f"{item} is marked resolved but is not met or N/A")
        if stage == "unknown":
            check(item not in known_answers, f"{item} is marked not in the framework but is")

    for r in plan:
        item, due = r[4].value, r[7]
        if item in expect.get("dates", {}):
            check(due.is_date and isinstance(due.value, datetime.datetime),
                  f"{item}: due {due.value!r} is not a date cell")
            if isinstance(due.value, datetime.datetime):
                check(due.value.date().isoformat() == expect["dates"][item], f"{item}: due {due.value}")
        if item in expect.get("text_dates", {}):
            check(due.data_type == "s" and due.value == expect["text_dates"][item], f"{item}: due {due.value!r}")

    cells = {}
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if isinstance(c.value, str):
                    cells.setdefault(c.value, c)
    for text in expect.get("texts", []):
        c = cells.get(text)
        check(c is not None and c.data_type == "s", f"{text!r} is not stored as a text cell")

    marker = expect.get("truncated_marker")
    if marker:
        longest = max((c for c in cells.values()), key=lambda c: len(c.value))
        check(len(longest.value) <= 32767 and longest.value.endswith(marker),
              f"the longest cell has {len(longest.value)} characters and ends {longest.value[-20:]!r}")

    last = max(n, 1) + 1
    def column_range(col):  # a one-cell range reads back as "J2"
        return f"{col}2:{col}{last}" if last > 2 else f"{col}2"
    lists = {}
    for dv in ap.data_validations.dataValidation:
        if dv.type == "list":
            lists[str(dv.sqref)] = dv.formula1
    status_list = '"' + ",".join(w["statuses"]) + '"'
    check(lists.get(column_range("J")) == status_list,
          f"status drop-down: {lists} (want {column_range('J')} {status_list})")
    check(column_range("I") in lists, f"priority drop-down missing: {lists}")
    check(ap.freeze_panes == "A2", f"action plan freeze panes {ap.freeze_panes}")
    check(ap.auto_filter.ref == f"A1:L{last}", f"action plan filter {ap.auto_filter.ref}")
    check(ap.page_setup.orientation == "landscape", "action plan is not landscape")
    check(ap.print_title_rows in ("1:1", "$1:$1"), f"header not repeated: {ap.print_title_rows}")
    # fitToWidth is left out of the XML when it is 1, its default.
    check(ap.page_setup.fitToWidth in (None, 1) and str(ap.page_setup.fitToHeight) == "0"
          and ap.sheet_properties.pageSetUpPr.fitToPage, "not fit to one page wide")
    if n:
        rules = [r for cf in ap.conditional_formatting for r in cf.rules]
        formulas = " ".join(f for r in rules for f in (r.formula or []))
        check("TODAY()" in formulas and "$H2" in formulas and "$J2" in formulas and w["statuses"][2] in formulas,
              f"overdue rule: {formulas!r}")

    if expect.get("indicators"):
        ind = wb[names[3]]
        got = {r[1].value: [c.value for c in r[2:5]] for r in table_rows(ind, 5, 2)}
        for ident, values in expect.get("indicator_values", {}).items():
            check(got.get(ident) == values, f"indicator {ident}: {got.get(ident)} != {values}")
    audit = wb[names[-1]]
    check(len(table_rows(audit, 6, 1)) == expect.get("audit_rows", 0), "audit trail rows")


if __name__ == "__main__":
    try:
        main()
    except Exception as e:  # a reader that cannot open the file is a failure too
        failures.append(f"{type(e).__name__}: {e}")
    for f in failures:
        print("check_workbook:", f, file=sys.stderr)
    sys.exit(1 if failures else 0)
