"""The `fieldcollect` command line: the application, demo, exports, contacts, agreements, routes.

Exit status 0 on success; 1 with a message on stderr naming what is wrong; 2 for a usage error.
The GUI is imported only when asked for, so every other command runs without Qt.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import sys
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation
from pathlib import Path

import app
from app import errors

logger = logging.getLogger(__name__)


def _workspace_arg(parser: argparse.ArgumentParser, *, top_level: bool = False) -> None:
    # Given before the command (`fieldcollect --workspace W`) or after it; a command's own
    # option is left unset when absent so that it does not hide the top-level one.
    parser.add_argument(
        "--workspace",
        type=Path,
        default=None if top_level else argparse.SUPPRESS,
        help="workspace folder (default: the platform's data folder)",
    )


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="fieldcollect",
        description="Offline-first field collection: cases, visits, routes, agreements, sync.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {app.__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log more")
    _workspace_arg(parser, top_level=True)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    gui = commands.add_parser("gui", help="start the application (the default)")
    _workspace_arg(gui)

    demo = commands.add_parser("demo", help="build the demo workspace and open it")
    _workspace_arg(demo)
    demo.add_argument("--seed", type=int, default=7, help="random seed (default 7)")
    demo.add_argument("--cases", type=int, default=600, help="cases in the collector's book")
    demo.add_argument(
        "--as-of",
        type=dt.date.fromisoformat,
        default=None,
        help="the demo's today, YYYY-MM-DD (default: today)",
    )
    demo.add_argument("--no-gui", action="store_true", help="build it and exit")

    export = commands.add_parser("export", help="export data from a workspace")
    export_what = export.add_subparsers(dest="what", metavar="WHAT", required=True)
    export_cases = export_what.add_parser("cases", help="the case list")
    _workspace_arg(export_cases)
    export_cases.add_argument(
        "-o", "--output", type=Path, required=True, help="FILE.csv, FILE.xlsx or FILE.json"
    )

    record = commands.add_parser(
        "record", help="record a contact offline, with the same rules and outbox as the dialog"
    )
    _workspace_arg(record)
    record.add_argument("--case", required=True, metavar="LOAN_REF", help="the case's loan ref")
    record.add_argument("--outcome", required=True, metavar="CODE", help="an outcome code")
    record.add_argument(
        "--channel", choices=("visit", "phone", "sms"), default="visit", help="default: visit"
    )
    record.add_argument(
        "--at", type=_aware_time, default=None, help="ISO time with its offset (default: now)"
    )
    record.add_argument("--note", default=None, help="notes on the contact")
    record.add_argument("--person-met", default=None, help="who was met or spoken to")
    record.add_argument("--promise", type=_amount, default=None, metavar="AMOUNT")
    record.add_argument(
        "--promise-date", type=dt.date.fromisoformat, default=None, metavar="YYYY-MM-DD"
    )
    record.add_argument(
        "--consent-reason", default=None, help="the borrower's consent to a contact out of hours"
    )

    agreement = commands.add_parser("agreement", help="print a repayment plan's agreement PDF")
    _workspace_arg(agreement)
    which = agreement.add_mutually_exclusive_group(required=True)
    which.add_argument("--plan", metavar="ID", help="the plan's id")
    which.add_argument("--case", metavar="LOAN_REF", help="the case's active or latest plan")
    agreement.add_argument("-o", "--output", type=Path, required=True, help="FILE.pdf")
    agreement.add_argument("--language", choices=("zh_CN", "en"), default="zh_CN")
    agreement.add_argument("--place", default="", help="where it is signed")

    verify = commands.add_parser("verify", help="check an agreement PDF's verification code")
    verify.add_argument("file", type=Path, help="FILE.pdf")

    plan = commands.add_parser("plan", help="solve a route problem given as JSON")
    plan.add_argument("problem", type=Path, help="PROBLEM.json (see docs/routing.md)")
    plan.add_argument("-o", "--output", type=Path, default=None, help="write SOLUTION.json here")
    plan.add_argument("--seconds", type=float, default=None, help="time budget for the solver")
    return parser


def _aware_time(text: str) -> dt.datetime:
    value = dt.datetime.fromisoformat(text)
    if value.tzinfo is None:
        raise argparse.ArgumentTypeError(
            f"{text!r} has no UTC offset (e.g. 2026-11-23T10:30+08:00)"
        )
    return value


def _amount(text: str) -> Decimal:
    try:
        return Decimal(text.replace(",", ""))
    except InvalidOperation:
        raise argparse.ArgumentTypeError(f"{text!r} is not an amount") from None


def _workspace_folder(given: Path | None) -> Path:
    from app.services.workspace import default_workspace_dir

    return given if given is not None else default_workspace_dir()


def _run_gui(folder: Path) -> int:
    from ui import application  # Qt is loaded only for the GUI

    return application.run_gui(folder, sys.argv)


def _cmd_demo(args: argparse.Namespace) -> int:
    from app.services import demo

    if args.cases < 1:
        raise errors.KnownError(f"--cases must be at least 1, got {args.cases}")
    folder = _workspace_folder(args.workspace)
    summary = demo.build_demo_workspace(folder, seed=args.seed, cases=args.cases, as_of=args.as_of)
    verb = "built" if summary.created else "already there, nothing added"
    print(
        f"demo workspace {verb}: {summary.folder} — {summary.cases_in_workspace} cases for "
        f"{summary.username}, {summary.cases_in_central} in the embedded central database"
    )
    return 0 if args.no_gui else _run_gui(folder)


def _cmd_export(args: argparse.Namespace) -> int:
    from app.services import case_export
    from app.services.workspace import Workspace

    with Workspace.open(_workspace_folder(args.workspace)) as workspace:
        count = case_export.export_cases(workspace, args.output)
    print(f"exported {count} cases to {args.output}")
    return 0


def _cmd_record(args: argparse.Namespace) -> int:
    from app.services.visits import VisitService
    from app.services.workspace import Workspace

    with Workspace.open(_workspace_folder(args.workspace)) as workspace:
        service = VisitService(workspace)
        case_id = service.case_id_for_ref(args.case)
        phone_id = service.primary_phone_id(case_id) if args.channel == "phone" else None
        contact_id = service.record_contact(
            case_id,
            args.channel,
            args.outcome,
            args.at or dt.datetime.now(dt.UTC),
            person_met=args.person_met,
            notes=args.note,
            promise_amount=args.promise,
            promise_date=args.promise_date,
            consent_reason=args.consent_reason,
            phone_id=phone_id,
        )
    print(f"recorded contact {contact_id} on {args.case}: {args.outcome}")
    return 0


def _cmd_agreement(args: argparse.Namespace) -> int:
    from app.services import agreements
    from app.services.workspace import Workspace

    with Workspace.open(_workspace_folder(args.workspace)) as workspace:
        service = agreements.AgreementService(workspace)
        plan_id = args.plan or service.plan_for_case(args.case)
        details = agreements.SigningDetails(language=args.language, place=args.place)
        written = service.write_pdf(plan_id, args.output, details)
    print(
        f"agreement {written.agreement_id} for {written.loan_ref} written to {written.path} "
        f"(SHA-256 {written.content_sha256})"
    )
    return 0


def _cmd_verify(args: argparse.Namespace) -> int:
    from app.services import agreements

    result = agreements.verify_pdf(args.file)
    if result.ok:
        print(
            f"{args.file}: verified, agreement {result.agreement_id}, "
            f"SHA-256 {result.actual_sha256}"
        )
        return 0
    print(f"{args.file}: does NOT match its verification code", file=sys.stderr)
    for difference in result.differences:
        print(f"  {difference}", file=sys.stderr)
    return 1


def _cmd_plan(args: argparse.Namespace) -> int:
    from app.services import route_planning

    try:
        solution = route_planning.solve_problem_file(args.problem, args.output, args.seconds)
    except route_planning.RouteProblemError as exc:
        raise errors.InputFileError(str(exc)) from exc
    if args.output is None:
        print(json.dumps(solution, ensure_ascii=False, indent=1))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = _build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    handlers = {
        "demo": _cmd_demo,
        "export": _cmd_export,
        "record": _cmd_record,
        "agreement": _cmd_agreement,
        "verify": _cmd_verify,
        "plan": _cmd_plan,
    }
    try:
        if args.command in (None, "gui"):
            return _run_gui(_workspace_folder(args.workspace))
        return handlers[args.command](args)
    except errors.KnownError as exc:
        print(f"fieldcollect: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
