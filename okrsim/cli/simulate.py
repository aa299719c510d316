"""``okrsim simulate [PLAN.yaml] [--trials N] [--seed S] [--json] [--plot F] [--plot-dir DIR]
[--csv F] [--xlsx F] [--sensitivity]``: feasibility of a plan (no plan: the built-in plan)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from okrsim.cli.arguments import (
    add_lang_argument,
    precision_argument,
    seed_argument,
    speaking,
    trials_argument,
)
from okrsim.cli.output import print_json
from okrsim.errors import OkrsimError
from okrsim.plan import Plan
from okrsim.sim.feasibility import simulate
from okrsim.sim.inputs import as_plan
from okrsim.sim.messages import TEXT, number


def add_run_arguments(parser: argparse.ArgumentParser) -> None:
    """``--trials``, ``--seed``, ``--json`` and ``--lang``, shared with ``solve``, ``compare``."""
    parser.add_argument("--trials", type=trials_argument, default=20_000, metavar="N",
                        help="Monte Carlo trials (default 20000)")
    parser.add_argument("--seed", type=seed_argument, default=0, metavar="S",
                        help="random seed; the same seed gives the same answer (default 0)")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    add_lang_argument(parser, "the text printed and of the plan file's problems (JSON keys "
                      "stay English)")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``okrsim simulate``."""
    parser.add_argument("plan", nargs="?", metavar="PLAN.yaml",
                        help="the plan file (default: the built-in plan of the source article)")
    add_run_arguments(parser)
    parser.add_argument("--plot", metavar="FILE.png",
                        help="save the growth histogram and the monthly fan chart")
    parser.add_argument("--plot-dir", metavar="DIR",
                        help="write every chart (histogram, ARR fan chart, waterfall; the tornado "
                             "with --sensitivity) as PNG files into DIR")
    parser.add_argument("--csv", metavar="FILE", help="write one row per trial to a CSV file")
    parser.add_argument("--xlsx", metavar="FILE.xlsx",
                        help="write a workbook: sheets Summary, Inputs, Monthly, Trials")
    parser.add_argument("--precision", type=precision_argument, metavar="SE",
                        help="add trials until the standard error of P(target) is at most SE "
                             "(e.g. 0.005 for half a point); replaces --trials")
    parser.add_argument("--sensitivity", action="store_true",
                        help="also hold each uncertain input at its P10 and P90 (tornado)")


def stderr_progress(label: str):
    """A progress callback printing ``label: NN%`` on stderr, on one line."""
    finished = False

    def report(fraction: float) -> None:
        nonlocal finished
        if finished:
            return
        finished = fraction >= 1
        end = "\n" if finished else ""
        print(f"\r{label}: {fraction:4.0%}", end=end, file=sys.stderr, flush=True)
    return report


def run(args: argparse.Namespace) -> int:
    """Simulate a plan and print the answer; exit 0, or 2 for bad input (errors in ``--lang``)."""
    with speaking(args.lang):
        return _run(args)


def _run(args: argparse.Namespace) -> int:
    plan = as_plan(args.plan, args.lang)
    steps = []
    if args.precision:
        from okrsim.sim.precision import simulate_to_precision

        result, steps = simulate_to_precision(plan, args.precision, seed=args.seed)
    else:
        result = simulate(plan, trials=args.trials, seed=args.seed)
    sens = None
    if args.sensitivity:
        from okrsim.sim.sensitivity_analysis import sensitivity

        sens = sensitivity(plan, trials=result.trials, seed=args.seed,
                           progress=stderr_progress(TEXT.say(args.lang, "sensitivity.progress")))
    if args.plot or args.plot_dir:
        write_charts(result, sens, plan, args.plot, args.plot_dir, args.lang)
    if args.csv:
        from okrsim.plots.units import Units
        from okrsim.reports import write_trials_csv

        write_trials_csv(result, args.csv, Units.of(plan))
    if args.xlsx:
        from okrsim.reports import write_workbook

        write_workbook(result, plan, args.xlsx)
    if args.json:
        data = result.to_dict()
        if sens is not None:
            data["sensitivity"] = sens.to_dict()
        if steps:
            data["convergence"] = [step.to_dict() for step in steps]
        print_json(data)
    else:
        if steps:
            print(convergence_text(steps, args.precision, args.lang))
            print()
        print(result.summary_text(args.lang))
        if sens is not None:
            print()
            print(sens.to_text(args.lang))
    return 0


def write_charts(result, sens, plan: Plan, plot: str | None, plot_dir: str | None,
                 lang: str = "en") -> list[Path]:
    """Save the overview (``--plot``) and every chart into a folder (``--plot-dir``)."""
    import matplotlib

    matplotlib.use("Agg")
    from okrsim.plots import Units, all_charts, overview, save_figure

    units = Units.of(plan)
    written = []
    if plot:
        written.append(save_figure(overview(result, units=units), plot))
    if plot_dir:
        folder = Path(plot_dir)
        if folder.exists() and not folder.is_dir():
            raise OkrsimError(TEXT.say(lang, "cli.plot_dir_is_file", folder=folder))
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OkrsimError(TEXT.say(lang, "cli.plot_dir_fails", folder=folder,
                                       reason=exc.strerror or exc)) from None
        for name, fig in all_charts(result, sens, units=units).items():
            written.append(save_figure(fig, folder / f"{name}.png"))
    return written


def convergence_text(steps, se: float, lang: str = "en") -> str:
    """How P(target) settled, one line per step, and whether the precision was reached."""
    lines = [TEXT.say(lang, "convergence.title", se=number(f"{se * 100:.2f}", lang))]
    lines.extend(TEXT.say(lang, "convergence.step", trials=number(f"{s.trials:>9,}", lang),
                          p=number(f"{s.p_target:.2%}", lang),
                          se=number(f"{s.p_target_se * 100:.2f}", lang)) for s in steps)
    last = steps[-1]
    if last.p_target_se > se:
        lines.append(TEXT.say(lang, "convergence.capped", trials=number(f"{last.trials:,}", lang)))
    return "\n".join(lines)
