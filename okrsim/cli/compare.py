"""``okrsim compare PLAN.yaml --scenarios FILE.csv [--trials N] [--seed S] [--json] [--csv OUT]``:
one row per scenario on the same random draws (exit 0, or 2 for bad input)."""

from __future__ import annotations

import argparse
import csv
import math
from pathlib import Path

from okrsim.cli.arguments import speaking
from okrsim.cli.output import print_json
from okrsim.cli.simulate import add_run_arguments
from okrsim.errors import OkrsimError
from okrsim.exports import safe_cell
from okrsim.sim.inputs import as_plan
from okrsim.sim.messages import TEXT, number
from okrsim.sim.scenario_file import read_scenarios
from okrsim.sim.scenarios import compare


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``okrsim compare``."""
    parser.add_argument("plan", metavar="PLAN.yaml", help="the plan the scenarios change")
    parser.add_argument("--scenarios", required=True, metavar="FILE.csv",
                        help="CSV: column 'scenario' plus one column per model path; a cell is a "
                             "number or a distribution such as triangular(3,5,7)")
    add_run_arguments(parser)
    parser.add_argument("--csv", metavar="OUT", help="write the comparison to a CSV file")


def run(args: argparse.Namespace) -> int:
    """Compare the plan as written with each scenario of the file; print the table."""
    with speaking(args.lang):
        return _run(args)


def _run(args: argparse.Namespace) -> int:
    plan = as_plan(args.plan, args.lang)
    scenarios: dict = {TEXT.say(args.lang, "compare.as_written"): {}}
    scenarios.update(read_scenarios(args.scenarios, plan.months))
    table = compare(scenarios, trials=args.trials, seed=args.seed, plan=plan).reset_index()
    rows = [{k: _plain(v) for k, v in row.items()} for row in table.to_dict(orient="records")]
    if args.csv:
        write_csv(rows, args.csv, args.lang)
    if args.json:
        print_json(rows)
    else:
        print(to_text(rows, plan.name, args.trials, args.seed, args.lang))
    return 0


def _plain(value):
    if isinstance(value, float) and math.isnan(value):
        return None
    return value.item() if hasattr(value, "item") else value


def to_text(rows: list[dict], plan_name: str, trials: int, seed: int, lang: str = "en") -> str:
    """The comparison as a table for the terminal, with a note for each fixed input, in ``lang``."""
    def say(key: str, **values: object) -> str:
        return TEXT.say(lang, f"compare.{key}", **values)

    def fmt(spec: str, x: float) -> str:
        return number(format(x, spec), lang)

    head = say("scenario")
    width = max(len(head), *(len(r["scenario"]) for r in rows))
    paper, odds_head, median = say("on_paper"), say("p_target"), say("median")
    w_paper, w_median = max(9, len(paper)), max(13, len(median))
    lines = [say("title", plan=plan_name, trials=fmt(",", trials), seed=seed),
             f"{head:{width}}  {paper:>{w_paper}}  {odds_head:>16}  {median:>{w_median}}"]
    for r in rows:
        odds = f"{fmt('.1%', r['p_target'])} ± {fmt('.1f', r['p_target_se'] * 100)} pt"
        lines.append(f"{r['scenario']:{width}}  {fmt('+.1%', r['on_paper_growth']):>{w_paper}}  "
                     f"{odds:>16}  {fmt('+.1%', r['growth_p50']):>{w_median}}")
    for r in rows:
        if r["fixed_inputs"]:
            lines.append(say("fixed", scenario=repr(r["scenario"]), inputs=r["fixed_inputs"]))
    return "\n".join(lines)


def write_csv(rows: list[dict], out: str | Path, lang: str = "en") -> Path:
    """The comparison as CSV; text cells (scenario and plan names) made spreadsheet-safe."""
    out = Path(out)
    try:
        with out.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
            writer.writeheader()
            for row in rows:
                writer.writerow({k: safe_cell(v) for k, v in row.items()})
    except OSError as exc:
        raise OkrsimError(TEXT.say(lang, "cli.csv_fails", out=out,
                                   reason=exc.strerror or exc)) from None
    return out
