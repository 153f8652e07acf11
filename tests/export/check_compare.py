#!/usr/bin/python3
"""Opens a Mizan comparison workbook with a real reader (openpyxl) and checks every figure
against a count made here, independently of the C++ code, from the assessment files.

    /usr/bin/python3 check_compare.py WORKBOOK.xlsx EXPECT.json

EXPECT.json: {"lang": "ar"|"en", "anonymized": bool, "rubric": "path/to/rubric.json",
              "inputs": [files or folders], "secrets": [strings that must not appear],
              "hand": {optional hand counts: "distribution": {"<dim>": [c, m, a, g]},
                       "median": {"<dim>": "<level id>"}, "unmet": {"<item>": n},
                       "trend_periods": {"<agency label>": ["2025-H2", ...]}}}

Recomputed here (CONTRACT.md section 2 and docs/compare.md): which files are used (the
rubric most files use, agency = code else name, duplicates: latest change wins, a tie the
last path), each section's and dimension's level and progress, the latest period of each
agency (periods ordered by end month then start month), the distribution and lower median,
the not-met counts, the trends. Checked in the workbook: the Matrix (levels, progress,
level colours), Distribution (counts, medians, a native column chart), Trends (order,
values, improved / fell back, native line charts), Unmet items, Files, right-to-left for
Arabic, no formulas, and when anonymised that no secret appears in any part of the file.
Exit 0 when all hold; otherwise each failure on stderr, exit 1.
"""
import json
import os
import re
import sys
import zipfile

import openpyxl

LEVELS = ["critical", "medium", "acceptable", "good"]
COLOURS = {"critical": "C0392B", "medium": "E67E22", "acceptable": "F1C40F", "good": "27AE60"}
WORDS = {
    "en": {"sheets": ["Matrix", "Distribution", "Trends", "Unmet items", "Files"], "agency": "Agency",
           "period": "Period", "dimension": "Dimension", "rank": "Rank", "used": "Used", "prefix": "Agency "},
    "ar": {"sheets": ["المصفوفة", "التوزيع", "الاتجاهات", "البنود غير المستوفاة", "الملفات"], "agency": "الجهة",
           "period": "الفترة", "dimension": "البُعد", "rank": "الترتيب", "used": "مستخدم", "prefix": "الجهة "},
}
failures = []


def check(cond, message):
    if not cond:
        failures.append(message)
    return cond


def period_key(p):
    m = re.fullmatch(r"(\d{4})-H([12])", p)
    if m:
        y, h = int(m[1]), int(m[2])
        return (0, y * 12 + (6 if h == 1 else 12), y * 12 + (1 if h == 1 else 7), p)
    m = re.fullmatch(r"(\d{4})-Q([1-4])", p)
    if m:
        y, q = int(m[1]), int(m[2])
        return (0, y * 12 + 3 * q, y * 12 + 3 * q - 2, p)
    m = re.fullmatch(r"(\d{4})-(\d{2})", p)
    if m and 1 <= int(m[2]) <= 12:
        y, mo = int(m[1]), int(m[2])
        return (0, y * 12 + mo, y * 12 + mo, p)
    m = re.fullmatch(r"(\d{4})", p)
    if m and int(m[1]) >= 1000:
        y = int(m[1])
        return (0, y * 12 + 12, y * 12 + 1, p)
    return (1, 0, 0, p)


def collect(inputs):
    out = []
    for i in inputs:
        if os.path.isdir(i):
            for root, _, names in os.walk(i):
                out += [os.path.join(root, n) for n in names if n.endswith(".mizan.json") and n != ".mizan.json"]
        else:
            out.append(i)
    return sorted(set(out))


def score(rubric, items):
    def status(iid):
        a = items.get(iid)
        if not isinstance(a, dict):
            return ""
        st = a.get("status", "")
        if st == "na" and not str(a.get("justification", "")).strip():
            return ""
        return st
    sections, dims = {}, {}
    for d in rubric["dimensions"]:
        levels, total = [], 0.0
        for s in d["sections"]:
            level, progress, reached = 0, 0.0, True
            for k, step in enumerate("mag"):
                sts = [status(it["id"]) for it in s["steps"][step]]
                app = [x for x in sts if x != "na"]
                met = sum(1 for x in app if x == "met")
                if met == len(app):
                    level = k + 1
                else:
                    progress = met / len(app)
                    reached = False
                    break
            if reached:
                progress = 1.0
            sections[s["id"]] = (level, progress)
            levels.append(level)
            total += 3 if level == 3 else level + progress
        dims[d["id"]] = (min(levels), total / len(d["sections"]))
    return sections, dims


def main():
    book_path, expect_path = sys.argv[1], sys.argv[2]
    e = json.load(open(expect_path, encoding="utf-8"))
    lang, anon = e["lang"], e["anonymized"]
    W = WORDS[lang]
    rubric = json.load(open(e["rubric"], encoding="utf-8"))
    level_names = [rubric["levels"][l][lang] for l in LEVELS]
    level_of_name = {n: i for i, n in enumerate(level_names)}
    dim_ids = [d["id"] for d in rubric["dimensions"]]
    sec_ids = [s["id"] for d in rubric["dimensions"] for s in d["sections"]]
    item_ids = [it["id"] for d in rubric["dimensions"] for s in d["sections"] for st in "mag" for it in s["steps"][st]]

    # Which files are used.
    files = collect(e["inputs"])
    docs = {}
    for f in files:
        try:
            d = json.load(open(f, encoding="utf-8"))
            if isinstance(d, dict) and d.get("format") == "mizan-assessment":
                docs[f] = d
        except Exception:
            pass
    counts = {}
    for f, d in docs.items():
        r = d.get("rubric", {})
        if r.get("id"):
            key = (r.get("id"), r.get("version", ""))
            counts.setdefault(key, [0, files.index(f)])[0] += 1
    common = sorted(counts.items(), key=lambda kv: (-kv[1][0], kv[1][1]))[0][0]
    check(common == (rubric["id"], rubric["version"]), f"the common rubric {common} is not the one given")
    groups = {}
    for f, d in docs.items():
        r = d.get("rubric", {})
        if (r.get("id"), r.get("version", "")) != common:
            continue
        ag = d.get("agency", {})
        key = (ag.get("code") or "").strip() or (ag.get("name") or "").strip()
        if not key:
            continue
        times = [a.get("changed_at", "") for a in d.get("items", {}).values()] + \
                [a.get("at", "") for a in d.get("audit", [])] + [d.get("signoff", {}).get("at", "")]
        groups.setdefault((key, d.get("period", "").strip()), []).append((max(times), files.index(f), f))
    used = {}
    for (key, period), cands in groups.items():
        win = max(cands)[2]
        used.setdefault(key, []).append(win)
    agencies = {}
    for key, fl in used.items():
        fl.sort(key=lambda f: period_key(docs[f]["period"].strip()))
        latest = docs[fl[-1]]
        name, code = latest["agency"].get("name", "").strip(), latest["agency"].get("code", "").strip()
        label = name if not code else (code if not name else f"{name} ({code})")
        agencies[key] = {"label": label, "periods": [(docs[f]["period"].strip(), score(rubric, docs[f].get("items", {})))
                                                     for f in fl]}
    n_used = sum(len(a["periods"]) for a in agencies.values())

    wb = openpyxl.load_workbook(book_path)
    for s in W["sheets"]:
        check(s in wb.sheetnames, f"no sheet {s}")
    if failures:
        return

    def table(ws, first_col_title, second_col_title=None):
        for row in ws.iter_rows(min_row=1, max_row=ws.max_row):
            if row[0].value == first_col_title and (second_col_title is None or row[1].value == second_col_title):
                head = row[0].row
                out = []
                r = head + 1
                while ws.cell(r, 1).value not in (None, ""):
                    out.append([c.value for c in ws[r]])
                    r += 1
                return head, out
        failures.append(f"{ws.title}: no table headed {first_col_title}")
        return 0, []

    # Matrix.
    ws = wb[W["sheets"][0]]
    head, rows = table(ws, W["agency"], W["period"])
    nd, ns = len(dim_ids), len(sec_ids)
    check(len(rows) == len(agencies), f"Matrix: {len(rows)} agencies, counted {len(agencies)}")
    want = []
    for a in agencies.values():
        period, (secs, dims) = a["periods"][-1]
        want.append((a["label"] if not anon else "", period,
                     tuple(level_names[dims[d][0]] for d in dim_ids), tuple(round(dims[d][1], 6) for d in dim_ids),
                     tuple(level_names[secs[s][0]] for s in sec_ids), tuple(round(secs[s][1], 6) for s in sec_ids)))
    got = []
    for k, r in enumerate(rows):
        label = r[0]
        if anon:
            check(re.fullmatch(re.escape(W["prefix"]) + r"A\d{2,4}", label or "") is not None,
                  f"Matrix: agency {label!r} is not a code")
            label = ""
        got.append((label, r[1], tuple(r[2:2 + nd]), tuple(round(x, 6) for x in r[2 + nd:2 + 2 * nd]),
                    tuple(r[2 + 2 * nd:2 + 2 * nd + ns]), tuple(round(x, 6) for x in r[2 + 2 * nd + ns:2 + 2 * nd + 2 * ns])))
        for c in range(nd):  # level colours as in the assessment workbook
            cell = ws.cell(head + 1 + k, 3 + c)
            lvl = LEVELS[level_of_name[cell.value]]
            check(cell.fill.fgColor.rgb[-6:].upper() == COLOURS[lvl], f"Matrix {cell.coordinate}: not coloured {lvl}")
    check(sorted(got) == sorted(want), "Matrix: levels or progress differ from the count made here:\n" +
          "\n".join(str(x) for x in sorted(set(got) ^ set(want))[:6]))

    # Distribution.
    ws = wb[W["sheets"][1]]
    _, rows = table(ws, W["dimension"])
    check(len(rows) == nd, f"Distribution: {len(rows)} dimension rows")
    for r in rows:
        d = str(r[0])
        lv = sorted(a["periods"][-1][1][1][d][0] for a in agencies.values())
        cnt = [lv.count(i) for i in range(4)]
        check(list(r[2:6]) == cnt, f"Distribution {d}: {r[2:6]} agencies per level, counted {cnt}")
        check(r[6] == len(lv), f"Distribution {d}: total {r[6]}")
        check(r[7] == level_names[lv[(len(lv) - 1) // 2]], f"Distribution {d}: median {r[7]}")
        if "hand" in e and d in e["hand"].get("distribution", {}):
            check(cnt == e["hand"]["distribution"][d], f"Distribution {d}: recount {cnt} is not the hand count")
            check(list(r[2:6]) == e["hand"]["distribution"][d], f"Distribution {d}: not the hand count")
        if "hand" in e and d in e["hand"].get("median", {}):
            check(r[7] == level_names[LEVELS.index(e["hand"]["median"][d])], f"Distribution {d}: not the hand median")

    # Trends.
    ws = wb[W["sheets"][2]]
    _, rows = table(ws, W["agency"], W["period"])
    check(len(rows) == n_used, f"Trends: {len(rows)} rows, {n_used} assessments used")
    by_label = {}
    for r in rows:
        by_label.setdefault(r[0], []).append(r)
    for label, rs in by_label.items():
        keys = [period_key(r[1]) for r in rs]
        check(keys == sorted(keys), f"Trends: {label} periods not in order: {[r[1] for r in rs]}")
        for k in range(1, len(rs)):
            got_up = [x for x in (rs[k][2 + nd] or "").split(", ") if x]
            got_down = [x for x in (rs[k][3 + nd] or "").split(", ") if x]
            check(not set(got_up) & set(got_down), f"Trends: {label} {rs[k][1]}: both improved and fell back")
        if "hand" in e and label in e["hand"].get("trend_periods", {}):
            check([r[1] for r in rs] == e["hand"]["trend_periods"][label], f"Trends: {label} order {[r[1] for r in rs]}")
    if not anon:
        for a in agencies.values():
            rs = by_label.get(a["label"], [])
            check([r[1] for r in rs] == [p for p, _ in a["periods"]], f"Trends: {a['label']} periods differ")
            for r, (p, (secs, dims)) in zip(rs, a["periods"]):
                check([round(x, 6) for x in r[2:2 + nd]] == [round(dims[d][1], 6) for d in dim_ids],
                      f"Trends: {a['label']} {p}: progress differs")
            for k in range(1, len(rs)):
                prev, cur = a["periods"][k - 1][1][1], a["periods"][k][1][1]
                up, down = [], []
                for d in dim_ids:
                    (lp, pp), (lc, pc) = prev[d], cur[d]
                    if lc != lp:
                        (up if lc > lp else down).append(d)
                    elif abs(pc - pp) >= 0.005:
                        (up if pc > pp else down).append(d)
                got_up = [x for x in (rs[k][2 + nd] or "").split(", ") if x]
                got_down = [x for x in (rs[k][3 + nd] or "").split(", ") if x]
                check(got_up == up and got_down == down,
                      f"Trends: {a['label']} {rs[k][1]}: improved {got_up} fell back {got_down}, counted {up} {down}")

    # Unmet items.
    ws = wb[W["sheets"][3]]
    _, rows = table(ws, W["rank"])
    got = {r[1]: r[6] for r in rows}
    for i, iid in enumerate(item_ids):
        n = 0
        for a in agencies.values():
            f_latest = used[[k for k, v in agencies.items() if v is a][0]][-1]
            it = docs[f_latest].get("items", {}).get(iid, {})
            n += isinstance(it, dict) and it.get("status") == "not_met"
        check(got.get(iid, 0) == n, f"Unmet items: {iid} not met by {got.get(iid, 0)} agencies, counted {n}")
        if "hand" in e and iid in e["hand"].get("unmet", {}):
            check(n == e["hand"]["unmet"][iid] and got.get(iid, 0) == n, f"Unmet items: {iid} is not the hand count")
    nm = [r[6] for r in rows]
    check(nm == sorted(nm, reverse=True), "Unmet items: not most often first")

    # Files.
    ws = wb[W["sheets"][4]]
    rows = [[c.value for c in r] for r in ws.iter_rows(min_row=2) if r[0].value is not None]
    check(len(rows) == len(files), f"Files: {len(rows)} rows, {len(files)} files")
    check(sum(1 for r in rows if r[2] == W["used"]) == n_used, "Files: used count differs")

    # The whole file: charts, direction, no formulas, no secrets.
    z = zipfile.ZipFile(book_path)
    parts = {n: z.read(n) for n in z.namelist()}
    charts = [v.decode("utf-8") for n, v in parts.items() if n.startswith("xl/charts/chart")]
    check(sum("<c:barChart>" in c for c in charts) == 1, "no native column chart of the distribution")
    multi = sum(1 for a in agencies.values() if len(a["periods"]) >= 2)
    check(sum("<c:lineChart>" in c for c in charts) == min(multi, 200), f"line charts: {multi} agencies with trends")
    for n, v in parts.items():
        if n.startswith("xl/worksheets/sheet"):
            s = v.decode("utf-8")
            check("<f>" not in s, f"{n}: a formula")
            check(('rightToLeft="1"' in s) == (lang == "ar"), f"{n}: direction")
    if anon:
        for secret in e.get("secrets", []):
            forms = {secret, secret.replace("&", "&amp;"), secret.replace("'", "&apos;").replace("&", "&amp;")}
            for n, v in parts.items():
                text = v.decode("utf-8", "replace")
                # cell references (r="AG100", ref="A1:AP105") are not text: a code such as
                # AG100 would match them
                text = re.sub(r'\b(r|ref|sqref|topLeftCell|activeCell|spans)="[^"]*"', "", text).lower()
                for form in forms:
                    check(form.lower() not in text, f"{n}: contains {secret!r}")


if __name__ == "__main__":
    try:
        main()
    except Exception as ex:  # a crash in the checker is a failure, with its reason
        import traceback
        traceback.print_exc()
        failures.append(f"checker error: {ex}")
    for f in failures:
        print(f, file=sys.stderr)
    sys.exit(1 if failures else 0)
