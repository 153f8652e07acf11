#!/usr/bin/python3
"""Opens a Mizan assessment workbook with its review sheets (openpyxl) and checks them.

    /usr/bin/python3 check_review_sheets.py WORKBOOK.xlsx EXPECT.json

EXPECT.json (written by tests/export/test_review_sheets.cpp):
    {"lang": "ar"|"en",
     "sheets": [... every sheet name in order ...],
     "assessment_file": "<path>"        the file the workbook came from (its SHA-256 is
                                         recomputed here with hashlib),
     "current": "<path>", "baseline": "<path>" | null   the two reviews as JSON files, to
                                         recompute what changed independently,
     "baseline_state": "ok" | "changed" | "missing" | "unreadable" | "none",
     "changes": [{"item", "before", "after", "change", "carried_over", "needs_reason",
                  "reason"}]            what core's changes_against reports (the rows of
                                         `mizan changes --json`, framework order),
     "explanations": {"<section>": "<text>"}   core's explanation_text for every section
                                         below good,
     "explain_names": {"<section>": ["<item>", ...]}   ids its text must name,
     "good": "<the rubric's name of good in this language>",
     "signoff": {"status": "signed"|"not_signed"|"reopened", "name", "role", "date"},
     "texts": ["=1+1", ...]             strings that must be text cells,
     "forbidden": ["..."]               strings no cell may contain}

Independently of the C++ code this checks: the review sheets' names and header rows (the
words users see), right-to-left sheets for Arabic, no formula anywhere; the What changed
rows recomputed from the two JSON files by the rules of the README (improved, fell back,
newly N/A, reopened, still open; a fall back or new N/A needs a change_reason), grouped by
kind (falls back first) in the Checklist sheet's framework order within each kind; the Explanations rows recomputed from the Checklist
sheet by the scoring rules of CONTRACT.md section 2 (the open items of each section's next
step) and the levels agreeing with the Summary; the SHA-256 and file name on the Sign-off
sheet. Exit 0 when all hold; otherwise each failure on stderr, exit 1.
"""
import datetime
import hashlib
import json
import os
import sys

import openpyxl

WORDS = {
    "en": {
        "summary": "Summary", "checklist": "Checklist",
        "changes": "What changed", "explanations": "Explanations", "signoff": "Sign-off",
        "changes_headers": ["Item", "Section", "Item text", "Before", "Now", "Change", "Carried over",
                            "Reason given", "Reason required"],
        "explanation_headers": ["Section", "Name", "Level", "Not met", "Not answered yet", "Level if met",
                                "Explanation"],
        "answers": {"Met": "met", "Not met": "not_met", "N/A": "na", "Unanswered": ""},
        "kinds": {"Improved": "improved", "Fell back": "fell_back", "Newly N/A": "newly_na",
                  "Reopened (was N/A)": "reopened", "Still open": "still_open", "Unchanged": "unchanged"},
        "carried": "Carried over, not confirmed",
        "missing": "Missing", "given": "Given",
        "check_label": "Baseline check",
        "check": {"ok": "is the one recorded", "changed": "has changed", "missing": "was not found",
                  "unreadable": "cannot be read"},
        "status_label": "Status",
        "status": {"signed": "Signed", "not_signed": "Not signed", "reopened": "Reopened after sign-off"},
        "signed_by": "Signed by", "role": "Role", "date": "Date signed",
        "file": "Assessment file", "sha": "SHA-256 of the file",
    },
    "ar": {
        "summary": "الملخص", "checklist": "قائمة التحقق",
        "changes": "ما الذي تغيّر", "explanations": "تفسير المستويات", "signoff": "الاعتماد",
        "changes_headers": ["البند", "القسم", "نص البند", "قبل", "الآن", "التغيير", "منقول من المراجعة السابقة",
                            "السبب المذكور", "السبب مطلوب"],
        "explanation_headers": ["القسم", "الاسم", "المستوى", "غير مستوفى", "دون إجابة بعد",
                                "المستوى عند الاستيفاء", "التفسير"],
        "answers": {"مستوفى": "met", "غير مستوفى": "not_met", "لا ينطبق": "na", "بلا إجابة": ""},
        "kinds": {"تحسّن": "improved", "تراجع": "fell_back", "أصبح لا ينطبق": "newly_na",
                  "عاد مفتوحاً (كان لا ينطبق)": "reopened", "ما زال مفتوحاً": "still_open",
                  "دون تغيير": "unchanged"},
        "carried": "منقول، لم يُؤكَّد",
        "missing": "غير مذكور", "given": "مذكور",
        "check_label": "التحقق من الملف",
        "check": {"ok": "هو الملف المسجل", "changed": "تغيّر ملف", "missing": "لم يُعثر",
                  "unreadable": "تعذّرت قراءة"},
        "status_label": "الحالة",
        "status": {"signed": "معتمد", "not_signed": "غير معتمد", "reopened": "أُعيد فتحه بعد الاعتماد"},
        "signed_by": "اعتمده", "role": "الصفة", "date": "تاريخ الاعتماد",
        "file": "ملف التقييم", "sha": "بصمة SHA-256 للملف",
    },
}
STEPS = "mag"

failures = []


def check(cond, message):
    if not cond:
        failures.append(message)
    return cond


def labelled(ws, value_col=2):
    """{label in column A: the cell in value_col} for the label/value rows of a sheet."""
    out = {}
    for r in range(1, ws.max_row + 1):
        a = ws.cell(r, 1).value
        if isinstance(a, str) and a not in out:
            out[a] = ws.cell(r, value_col)
    return out


def find_header(ws, headers):
    for r in range(1, ws.max_row + 1):
        if [ws.cell(r, c).value for c in range(1, len(headers) + 1)] == headers:
            return r
    return None


def rows_below(ws, header_row, columns):
    rows = []
    r = header_row + 1
    while ws.cell(r, 1).value not in (None, ""):
        rows.append([ws.cell(r, c).value for c in range(1, columns + 1)])
        r += 1
    return rows


def statuses(path):
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    return doc.get("items", {})


RANK = ["fell_back", "newly_na", "reopened", "improved", "still_open", "unchanged"]


def grouped(rows):
    """The sheet's order: what needs a reason first, framework order within each kind."""
    return sorted(rows, key=lambda r: RANK.index(r["change"]))


def kind_of(before, after):
    """The README's rules (core/review.hpp ChangeKind)."""
    open_ = ("not_met", "")
    if after == "na" and before != "na":
        return "newly_na"
    if after == "met" and before != "met":
        return "improved"
    if before == "met" and after in open_:
        return "fell_back"
    if before == "na" and after in open_:
        return "reopened"
    if before in open_ and after in open_:
        return "still_open"
    return "unchanged"


def main():
    path, expect_path = sys.argv[1], sys.argv[2]
    with open(expect_path, encoding="utf-8") as f:
        expect = json.load(f)
    lang = expect["lang"]
    w = WORDS[lang]
    wb = openpyxl.load_workbook(path)

    check(wb.sheetnames == expect["sheets"], f"sheet names {wb.sheetnames} != {expect['sheets']}")
    want = [w["signoff"], w["explanations"]] + ([w["changes"]] if expect["baseline_state"] != "none" else [])
    for name in want:
        check(name in wb.sheetnames, f"no sheet {name!r}")
    check(expect["baseline_state"] != "none" or w["changes"] not in wb.sheetnames,
          "a What changed sheet without a baseline")
    for ws in wb.worksheets:
        rtl = bool(ws.sheet_view.rightToLeft)
        check(rtl == (lang == "ar"), f"{ws.title}: rightToLeft is {rtl} for lang {lang}")
        for row in ws.iter_rows():
            for cell in row:
                check(cell.data_type != "f", f"{ws.title}!{cell.coordinate} is a formula: {cell.value!r}")
    if failures:
        return

    # The framework's order and the answers, from the Checklist sheet.
    cl = wb[w["checklist"]]
    checklist = []
    r = 2
    answers = WORDS[lang]["answers"]
    while cl.cell(r, 4).value not in (None, ""):
        checklist.append((cl.cell(r, 4).value, answers.get(cl.cell(r, 6).value, "?"), cl.cell(r, 7).value))
        r += 1
    check(len(checklist) > 0, "the checklist is empty")

    # ---- Sign-off
    so = wb[w["signoff"]]
    info = labelled(so)
    exp_so = expect["signoff"]
    status = info.get(w["status_label"])
    check(status is not None and status.value == w["status"][exp_so["status"]],
          f"sign-off status {status.value if status else None!r}, want {w['status'][exp_so['status']]!r}")
    if exp_so["status"] == "signed":
        check(info[w["signed_by"]].value == exp_so["name"], f"signed by {info[w['signed_by']].value!r}")
        check(info[w["role"]].value == exp_so["role"], f"role {info[w['role']].value!r}")
        d = info[w["date"]]
        check(isinstance(d.value, datetime.datetime) and d.value.date().isoformat() == exp_so["date"],
              f"sign-off date {d.value!r} is not the date cell {exp_so['date']}")
    else:
        check(w["signed_by"] not in info, "a signer is shown for an assessment that is not signed")
    with open(expect["assessment_file"], "rb") as f:
        sha = hashlib.sha256(f.read()).hexdigest()
    cell = info.get(w["sha"])
    check(cell is not None and cell.value == sha and cell.data_type == "s",
          f"SHA-256 on the sheet {cell.value if cell else None!r} != {sha}")
    fname = info.get(w["file"])
    check(fname is not None and fname.value == os.path.basename(expect["assessment_file"]),
          f"file name {fname.value if fname else None!r}")

    # ---- What changed
    if expect["baseline_state"] != "none":
        ch = wb[w["changes"]]
        info = labelled(ch, 3)  # labels over A:B, values from C
        note = info.get(w["check_label"])
        state = expect["baseline_state"]
        check(note is not None and w["check"][state] in (note.value or ""),
              f"baseline check says {note.value if note else None!r}, want it to say {w['check'][state]!r}")
        hr = find_header(ch, w["changes_headers"])
        check(hr is not None, f"no What changed header {w['changes_headers']}")
        if hr is None:
            return
        check(ch.freeze_panes == f"A{hr + 1}", f"What changed freeze panes {ch.freeze_panes}")
        rows = rows_below(ch, hr, 9)
        for i, row in enumerate(rows):  # rows lacking a reason are red
            fill = ch.cell(hr + 1 + i, 1).fill
            red = fill is not None and fill.fill_type == "solid" and str(fill.fgColor.rgb).upper().endswith("FFC7CE")
            check(red == (row[8] == w["missing"]), f"{row[0]}: red is {red} but reason required is {row[8]!r}")
        got = []
        for row in rows:
            check(row[3] in w["answers"] and row[4] in w["answers"], f"{row[0]}: answers {row[3]!r} {row[4]!r}")
            check(row[5] in w["kinds"], f"{row[0]}: unknown change {row[5]!r}")
            check(row[6] in (None, w["carried"]), f"{row[0]}: carried over {row[6]!r}")
            check(row[8] in (None, w["missing"], w["given"]), f"{row[0]}: reason required {row[8]!r}")
            got.append({"item": row[0], "before": w["answers"].get(row[3]), "after": w["answers"].get(row[4]),
                        "change": w["kinds"].get(row[5]), "carried_over": row[6] == w["carried"],
                        "needs_reason": row[8] is not None, "reason": row[7] or "",
                        "missing": row[8] == w["missing"]})
        # The counts table: each kind's name over its number, and the carried-over count.
        counts = {}
        for r in range(1, hr):
            for col in range(4, 10):
                name = ch.cell(r, col).value
                if name in w["kinds"] or name == w["carried"]:
                    counts[name] = ch.cell(r + 1, col).value
        if state not in ("missing", "unreadable"):
            for name, kind in w["kinds"].items():
                if kind != "unchanged":
                    n = sum(1 for g in got if g["change"] == kind)
                    check(counts.get(name) == n, f"count of {name!r} is {counts.get(name)!r}, {n} rows")
            n = sum(1 for g in got if g["carried_over"])
            check(counts.get(w["carried"]) == n, f"carried-over count {counts.get(w['carried'])!r}, {n} rows")
        exp = grouped([dict(c, missing=c["needs_reason"] and not c["reason"].strip()) for c in expect["changes"]])
        check(got == exp, "What changed rows differ from core's changes_against:\n  got  "
              + json.dumps(got, ensure_ascii=False) + "\n  want " + json.dumps(exp, ensure_ascii=False))
        if state in ("missing", "unreadable"):
            check(rows == [], "rows listed without a readable baseline file")
        elif expect.get("baseline"):
            # Recomputed here from the two files, in the Checklist's order.
            cur, base = statuses(expect["current"]), statuses(expect["baseline"])
            mine = []
            for item, _, _ in checklist:
                c, b = cur.get(item, {}), base.get(item, {})
                k = kind_of(b.get("status", ""), c.get("status", ""))
                carried = bool(c.get("carried_over", False))
                if k != "unchanged" or carried:
                    reason = c.get("change_reason", "")
                    needs = k in ("fell_back", "newly_na")
                    mine.append({"item": item, "before": b.get("status", ""), "after": c.get("status", ""),
                                 "change": k, "carried_over": carried, "needs_reason": needs, "reason": reason,
                                 "missing": needs and not reason.strip()})
            mine = grouped(mine)
            check(got == mine, "What changed rows differ from the two files:\n  got  "
                  + json.dumps(got, ensure_ascii=False) + "\n  want " + json.dumps(mine, ensure_ascii=False))

    # ---- Explanations
    ex = wb[w["explanations"]]
    check([ex.cell(1, c).value for c in range(1, 8)] == w["explanation_headers"],
          f"Explanations header {[ex.cell(1, c).value for c in range(1, 8)]}")
    check(ex.freeze_panes == "A2", f"Explanations freeze panes {ex.freeze_panes}")
    rows = rows_below(ex, 1, 7)
    texts = {row[0]: row[6] for row in rows}
    check(texts == expect["explanations"], "Explanations differ from core's explanation_text:\n  got  "
          + json.dumps(texts, ensure_ascii=False) + "\n  want " + json.dumps(expect["explanations"], ensure_ascii=False))
    for section, ids in expect.get("explain_names", {}).items():
        text = texts.get(section) or ""
        for i in ids:
            check(i in text, f"the explanation of {section} does not name {i}: {text!r}")
    # Independently: the open items of each section's next step (CONTRACT.md section 2).
    by_section = {}
    for item, status, reason in checklist:
        section, rest = item.split(".", 1)
        by_section.setdefault(section, [[], [], []])[STEPS.index(rest[0])].append((item, status, reason))

    def is_open(entry):
        _, status, reason = entry
        if status == "na" and (reason or "").strip():
            return False
        return status != "met"
    want_sections = []
    for section, steps in by_section.items():
        level = 0
        while level < 3 and not any(is_open(e) for e in steps[level]):
            level += 1
        if level == 3:
            continue
        want_sections.append(section)
        blocking = [e for e in steps[level] if is_open(e)]
        # An N/A without a written reason counts as not answered yet.
        not_met = [e[0] for e in blocking if e[1] == "not_met"]
        unanswered = [e[0] for e in blocking if e[1] != "not_met"]
        row = next((r for r in rows if r[0] == section), None)
        if check(row is not None, f"section {section} is below good but not explained"):
            check((row[3] or "") == ", ".join(not_met), f"{section}: not met {row[3]!r} != {not_met}")
            check((row[4] or "") == ", ".join(unanswered), f"{section}: unanswered {row[4]!r} != {unanswered}")
            for i in not_met + unanswered:
                check(i in (row[6] or ""), f"{section}: the explanation does not name {i}")
    check([r[0] for r in rows] == want_sections, f"explained sections {[r[0] for r in rows]} != {want_sections}")
    # The levels agree with the Summary's section table.
    summary = wb[w["summary"]]
    levels = {}
    for r in range(1, summary.max_row + 1):
        key = summary.cell(r, 1).value
        if isinstance(key, str) and key in by_section:  # the sections table comes after the dimensions
            levels[key] = summary.cell(r, 3).value
    for row in rows:
        check(levels.get(row[0]) == row[2], f"{row[0]}: level {row[2]!r} but the Summary says {levels.get(row[0])!r}")
        check(row[2] != expect["good"], f"{row[0]} is at good but explained")
    for section in by_section:
        if section not in want_sections:
            check(levels.get(section) == expect["good"], f"{section} is not explained but at {levels.get(section)!r}")

    cells = {}
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if isinstance(c.value, str):
                    cells.setdefault(c.value, c)
    for text in expect.get("texts", []):
        c = cells.get(text)
        check(c is not None and c.data_type == "s", f"{text!r} is not stored as a text cell")
    for text in expect.get("forbidden", []):
        leaks = [c.coordinate for v, c in cells.items() if text in v]
        check(not leaks, f"{text!r} from a file's content appears in the workbook: {leaks}")


if __name__ == "__main__":
    try:
        main()
    except Exception as e:  # a reader that cannot open the file is a failure too
        failures.append(f"{type(e).__name__}: {e}")
    for f in failures:
        print("check_review_sheets:", f, file=sys.stderr)
    sys.exit(1 if failures else 0)
