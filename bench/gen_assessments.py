#!/usr/bin/env python3
"""Generate fictional assessment files of many agencies and review periods.

    gen_assessments.py N OUT_DIR [--agencies K] [--seed S] [--rubric rubric/cmtf-qaf.json]

Writes N files OUT_DIR/<code>/<code>-<period>.mizan.json (one folder per agency, so
`mizan compare OUT_DIR` also exercises the recursive search). Agencies (K, default N/5)
each have up to N/K consecutive half-year periods ending 2026-H2; each agency has a
"maturity" that grows from period to period with noise, so trends go up and sometimes
fall back. Answers follow the framework's steps: the steps below the agency's reach are
met, the step it is working on is partly met, later steps are a mix; a few items are N/A
with a justification and a few are left unanswered. About a third of the files carry
case-data aggregates (some counts below 5). Every file is valid against the rubric
(format, ids, statuses). Deterministic for a given seed. No real data.
"""
import argparse
import json
import os
import random
import sys

NAMES = ["Amal", "Noor", "Sanad", "Rahma", "Basma", "Ghad", "Salam", "Hayat", "Wafa", "Karama",
         "Tamkeen", "Ataa", "Manar", "Yasmin", "Afaq", "Bayader", "Jusoor", "Ruwad", "Sabil", "Dar"]
KINDS = [("Child Protection Association", "جمعية حماية الطفل"), ("Relief Foundation", "مؤسسة الإغاثة"),
         ("Family Support Centre", "مركز دعم الأسرة"), ("Community Network", "شبكة المجتمع")]
ASSESSORS = ["Rania H.", "Omar K.", "Lina S.", "Yousef A.", "Huda M.", "Sami R.", "Dana T.", "Karim B."]


def periods_ending(last_year, last_half, count):
    out = []
    y, h = last_year, last_half
    for _ in range(count):
        out.append(f"{y}-H{h}")
        y, h = (y, 1) if h == 2 else (y - 1, 2)
    return list(reversed(out))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("n", type=int)
    ap.add_argument("out")
    ap.add_argument("--agencies", type=int, default=0)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--rubric", default=os.path.join(os.path.dirname(__file__), "..", "rubric", "cmtf-qaf.json"))
    a = ap.parse_args()
    rnd = random.Random(a.seed)
    rubric = json.load(open(a.rubric, encoding="utf-8"))
    # sections -> steps -> item ids, in framework order
    sections = []
    for d in rubric["dimensions"]:
        for s in d["sections"]:
            steps = [[it["id"] for it in s["steps"][k]] for k in ("m", "a", "g")]
            sections.append((s["id"], steps))

    k = a.agencies or max(1, a.n // 5)
    per = [a.n // k + (1 if i < a.n % k else 0) for i in range(k)]
    os.makedirs(a.out, exist_ok=True)
    written = 0
    for ag in range(k):
        code = f"AG{ag + 1:03d}"
        base = NAMES[ag % len(NAMES)] + ("" if ag < len(NAMES) else f" {ag // len(NAMES) + 1}")
        kind_en, kind_ar = KINDS[ag % len(KINDS)]
        name = f"{base} {kind_en} ({kind_ar})"
        maturity = rnd.uniform(0.0, 1.6)  # in steps passed, per section on average
        folder = os.path.join(a.out, code)
        os.makedirs(folder, exist_ok=True)
        for pi, period in enumerate(periods_ending(2026, 2, per[ag])):
            maturity = max(0.0, min(3.0, maturity + rnd.uniform(-0.25, 0.6)))
            year, half = int(period[:4]), int(period[-1])
            month = 6 if half == 1 else 12
            day = rnd.randint(1, 27)
            stamp = f"{year}-{month:02d}-{day:02d}T{rnd.randint(8, 16):02d}:{rnd.randint(0, 59):02d}:00Z"
            who = rnd.sample(ASSESSORS, 2)
            items = {}
            for sid, steps in sections:
                reach = maturity + rnd.uniform(-0.8, 0.8)  # this section's reach, in steps
                for st, ids in enumerate(steps):
                    p_met = 0.97 if st + 1 <= reach else (0.55 if st < reach else 0.25)
                    for iid in ids:
                        x = rnd.random()
                        if x < 0.03:
                            items[iid] = {"status": "na", "justification": "Service not offered in this area"}
                            continue
                        if x < 0.06:
                            continue  # unanswered
                        status = "met" if rnd.random() < p_met else "not_met"
                        entry = {"status": status, "changed_by": who[0], "changed_at": stamp}
                        if status == "not_met" and rnd.random() < 0.2:
                            entry["note"] = "Planned for the next period"
                        items[iid] = entry
            doc = {
                "format": "mizan-assessment",
                "format_version": 1,
                "rubric": {"id": rubric["id"], "version": rubric["version"]},
                "agency": {"name": name, "code": code},
                "period": period,
                "assessment_date": stamp[:10],
                "assessors": who,
                "items": items,
                "audit": [{"at": stamp, "by": who[0], "item": "", "field": "created", "from": "", "to": period}],
            }
            if rnd.random() < 0.33:
                total = rnd.randint(1, 400)
                open_ = rnd.randint(0, total)
                consent = rnd.randint(0, total)
                doc["case_data"] = {"rows": total, "as_of": stamp[:10], "indicators": {
                    "cases.total": total, "cases.open": open_, "cases.closed": total - open_,
                    "consent.rate": {"value": consent / total, "numerator": consent, "denominator": total}}}
            path = os.path.join(folder, f"{code}-{period}.mizan.json")
            with open(path, "w", encoding="utf-8") as f:
                json.dump(doc, f, ensure_ascii=False, indent=1)
                f.write("\n")
            written += 1
    print(f"wrote {written} assessment files of {k} agencies into {a.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
