#!/usr/bin/env python3
"""The indicators of CONTRACT.md section 5 computed with pandas, for the benchmark.

    pandas_indicators.py CASES.csv --as-of YYYY-MM-DD

Reads the canonical columns (as bench/gen_cases.py writes them: ISO dates, canonical
values) and prints {"rows": N, "indicators": {...}} like `mizan indicators --json`.
The straightforward way an analyst would do it: load the whole table, then vectorised
column operations.
"""
import argparse
import json
import sys

import pandas as pd

DUE = {"high": 1, "medium": 3, "low": 7}
FOLLOW = {"high": 7, "medium": 14, "low": 30}
CASELOAD = 25
PER_SUPERVISOR = 6
POST_CLOSURE = 90
REASONS = {"needs_met", "death", "over_18", "relocated", "lost_contact"}


def rate(num, den):
    return None if den == 0 else float(num) / float(den)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("csv")
    ap.add_argument("--as-of", required=True)
    a = ap.parse_args()
    D = pd.Timestamp(a.as_of)

    df = pd.read_csv(a.csv, dtype=str, keep_default_na=False, na_values=[])
    rows = len(df)
    # gen_cases.py writes clean values (no padding, lower-case codes), so no clean-up here:
    # this is pandas at its fastest. Mizan trims and case-folds as it goes.
    cases = df[df["case_id"] != ""].copy()
    date = lambda c: pd.to_datetime(cases[c], format="%Y-%m-%d", errors="coerce")
    reg, ass, cp = date("registration_date"), date("assessment_date"), date("case_plan_date")
    fu, cd, pcr = date("last_followup_date"), date("closure_date"), date("post_closure_review_date")

    total = len(cases)
    is_open = cases["status"] == "open"
    is_closed = cases["status"] == "closed"
    ind = {}
    ind["cases.total"] = total
    ind["cases.open"] = int(is_open.sum())
    ind["cases.closed"] = int(is_closed.sum())
    ind["cases.duplicate_ids"] = int(cases["case_id"].duplicated().sum())

    op = cases[is_open & (cases["caseworker"] != "")]
    load = op.groupby("caseworker").size()
    ind["caseload.caseworkers"] = int(len(load))
    ind["caseload.max"] = int(load.max()) if len(load) else None
    ind["caseload.median"] = float(load.median()) if len(load) else None
    ind["caseload.over_limit"] = int((load > CASELOAD).sum()) if len(load) else None
    sup = op[op["supervisor"] != ""].groupby("supervisor")["caseworker"].nunique()
    ind["supervision.max"] = int(sup.max()) if len(sup) else None
    ind["supervision.over_limit"] = int((sup > PER_SUPERVISOR).sum()) if len(sup) else None

    ind["consent.rate"] = rate((cases["consent"] == "yes").sum(), total)
    risk = cases["risk_level"]
    has_risk = risk.isin(DUE.keys())
    ind["risk.recorded_rate"] = rate(has_risk.sum(), total)

    m = has_risk & reg.notna() & ass.notna()
    due = risk[m].map(DUE)
    ind["assessment.timely_rate"] = rate(((ass[m] - reg[m]).dt.days <= due).sum(), int(m.sum()))
    ind["case_plan.rate"] = rate((cp.notna() & ass.notna()).sum(), int(ass.notna().sum()))
    ind["case_plan.approved_rate"] = rate(((cases["case_plan_approved"] == "yes") & cp.notna()).sum(),
                                          int(cp.notna().sum()))

    m = is_open & has_risk
    ref = fu[m].fillna(reg[m])
    ok = (D - ref).dt.days <= risk[m].map(FOLLOW)
    ind["followup.timely_rate"] = rate(ok.sum(), int(m.sum()))

    n_closed = int(is_closed.sum())
    ind["closure.valid_reason_rate"] = rate((is_closed & cases["closure_reason"].isin(REASONS)).sum(), n_closed)
    ind["closure.approved_rate"] = rate((is_closed & (cases["closure_approved"] == "yes")).sum(), n_closed)
    m = is_closed & cd.notna() & ((D - cd).dt.days >= POST_CLOSURE)
    good = pcr[m].notna() & (pcr[m] >= cd[m] + pd.Timedelta(days=POST_CLOSURE))
    ind["closure.post_review_rate"] = rate(good.sum(), int(m.sum()))
    ind["disability.recorded_rate"] = rate(cases["disability"].isin(["yes", "no"]).sum(), total)

    json.dump({"rows": rows, "indicators": ind}, sys.stdout, indent=1)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
