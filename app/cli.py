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
from typing import TYPE_CHECKING

import app
from app import errors, logging_setup

if TYPE_CHECKING:
    from app.services.workspace import Workspace

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
    _password_stdin_arg(parser, top_level=True)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    gui = commands.add_parser("gui", help="start the application (the default)")
    _workspace_arg(gui)
    _password_stdin_arg(gui)

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
    demo.add_argument(
        "--as",
        dest="as_role",
        choices=("collector", "lead"),
        default="collector",
        help="open the collector's workspace (default) or the team lead's, in the folder beside "
        "it, logged in to the same embedded central database",
    )

    export = commands.add_parser("export", help="export data from a workspace")
    export_what = export.add_subparsers(dest="what", metavar="WHAT", required=True)
    export_cases = export_what.add_parser("cases", help="the case list")
    _workspace_arg(export_cases)
    _password_stdin_arg(export_cases)
    export_cases.add_argument(
        "-o", "--output", type=Path, required=True, help="FILE.csv, FILE.xlsx or FILE.json"
    )

    record = commands.add_parser(
        "record", help="record a contact offline, with the same rules and outbox as the dialog"
    )
    _workspace_arg(record)
    _password_stdin_arg(record)
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
    _password_stdin_arg(agreement)
    which = agreement.add_mutually_exclusive_group(required=True)
    which.add_argument("--plan", metavar="ID", help="the plan's id")
    which.add_argument("--case", metavar="LOAN_REF", help="the case's active or latest plan")
    agreement.add_argument("-o", "--output", type=Path, required=True, help="FILE.pdf")
    agreement.add_argument("--language", choices=("zh_CN", "en"), default="zh_CN")
    agreement.add_argument("--place", default="", help="where it is signed")

    verify = commands.add_parser("verify", help="check an agreement PDF's verification code")
    verify.add_argument("file", type=Path, help="FILE.pdf")
    verify.add_argument(
        "--server", default=None, metavar="URL", help="also check the agreement recorded there"
    )

    plan = commands.add_parser("plan", help="solve a route problem given as JSON")
    plan.add_argument("problem", type=Path, help="PROBLEM.json (see docs/routing.md)")
    plan.add_argument("-o", "--output", type=Path, default=None, help="write SOLUTION.json here")
    plan.add_argument("--seconds", type=float, default=None, help="time budget for the solver")

    login = commands.add_parser(
        "login", help="log in to the central database from a workspace, then sync"
    )
    _workspace_arg(login)
    login.add_argument("--server", required=True, metavar="URL", help="the central database")
    login.add_argument("--user", required=True, metavar="NAME", help="your login name")
    _password_stdin_arg(login)

    sync = commands.add_parser("sync", help="push the workspace's changes, then pull")
    _workspace_arg(sync)
    _password_stdin_arg(sync)
    sync.add_argument(
        "--password-changed",
        action="store_true",
        help="your central password was changed: the old one opens the workspace (first line "
        "with --password-stdin), the new one logs in (second line) and re-wraps its key",
    )

    admin = commands.add_parser("admin", help="administer a central database")
    admin_jobs = admin.add_subparsers(dest="job", metavar="JOB", required=True)
    init_central = admin_jobs.add_parser(
        "init-central",
        help="create or upgrade the central schema, roles and Row-Level Security (repeatable)",
    )
    init_central.add_argument("url", metavar="URL", help="the central database (SQLAlchemy URL)")
    add_user = admin_jobs.add_parser("add-user", help="add a user and his database login")
    add_user.add_argument("url", metavar="URL", help="the central database (SQLAlchemy URL)")
    add_user.add_argument("name", metavar="NAME", help="the login name")
    add_user.add_argument("--role", required=True, choices=("collector", "lead", "admin"))
    add_user.add_argument("--team", default=None, metavar="T", help="the team's name")
    add_user.add_argument("--display-name", default=None, help="the name people read")
    _password_stdin_arg(add_user)
    import_file = admin_jobs.add_parser(
        "import", help="import cases or payments (CSV in UTF-8 or GBK, or XLSX): all or nothing"
    )
    import_file.add_argument("url", metavar="URL", help="the central database (SQLAlchemy URL)")
    import_file.add_argument("file", type=Path, metavar="FILE", help="FILE.csv or FILE.xlsx")
    import_file.add_argument("--kind", choices=("cases", "payments"), default="cases")
    import_file.add_argument(
        "--mapping", type=Path, default=None, metavar="M.json", help="file column → field"
    )
    assign = admin_jobs.add_parser("assign", help="assign cases to collectors (history kept)")
    assign.add_argument("url", metavar="URL", help="the central database (SQLAlchemy URL)")
    how = assign.add_mutually_exclusive_group(required=True)
    how.add_argument("--auto", action="store_true", help="by territory, workload and skills")
    how.add_argument("--case", action="append", metavar="LOAN_REF", help="a case (repeatable)")
    assign.add_argument("--to", metavar="NAME", help="the collector (with --case)")
    assign.add_argument(
        "--date",
        type=dt.date.fromisoformat,
        default=None,
        help="with --auto: only cases already past due on this day",
    )
    plan_team = admin_jobs.add_parser(
        "plan-team", help="route a team's day(s); apply as assignments and planned visits"
    )
    plan_team.add_argument("url", metavar="URL", help="the central database (SQLAlchemy URL)")
    plan_team.add_argument("--team", required=True, metavar="T", help="the team's name")
    plan_team.add_argument("--date", type=dt.date.fromisoformat, required=True, help="first day")
    plan_team.add_argument("--days", type=int, default=1, help="days to plan (default 1)")
    plan_team.add_argument("--seconds", type=float, default=2.0, help="solver budget per day")
    plan_team.add_argument("--dry-run", action="store_true", help="propose only: write nothing")
    verify_audit = admin_jobs.add_parser(
        "verify-audit", help="check the audit trail's hash chain and name the first broken link"
    )
    verify_audit.add_argument("url", metavar="URL", help="the central database (SQLAlchemy URL)")
    return parser


def _password_stdin_arg(parser: argparse.ArgumentParser, *, top_level: bool = False) -> None:
    # Like --workspace: before the command or after it. The one line read serves both the
    # workspace's store (when its key is wrapped by the password) and the central login.
    parser.add_argument(
        "--password-stdin",
        action="store_true",
        default=False if top_level else argparse.SUPPRESS,
        help="read the password from the first line of standard input",
    )


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


def _run_gui(folder: Path, password: str | None = None) -> int:
    from ui import application  # Qt is loaded only for the GUI

    return application.run_gui(folder, sys.argv, password=password)


def _stdin_password(args: argparse.Namespace) -> str | None:
    """The password on standard input (--password-stdin), read once however often it is asked."""
    if not getattr(args, "password_stdin", False):
        return None
    if getattr(args, "stdin_password", None) is None:
        password = sys.stdin.readline().rstrip("\r\n")
        if not password:
            raise errors.KnownError("--password-stdin: standard input held no password")
        args.stdin_password = password
    return str(args.stdin_password)


def _open_workspace(
    args: argparse.Namespace, *, create: bool = False, password: str | None = None
) -> Workspace:
    """The workspace of `args`, opened with the password when its key is wrapped by it.

    The password is `password`, else the one on standard input (--password-stdin), else, on a
    terminal, asked for when the workspace turns out to need it.
    """
    from app.services.workspace import Workspace, WorkspacePasswordNeededError

    folder = _workspace_folder(args.workspace)
    password = password if password is not None else _stdin_password(args)
    try:
        return Workspace.open(folder, create=create, password=password)
    except WorkspacePasswordNeededError:
        if not sys.stdin.isatty():
            raise
    import getpass

    return Workspace.open(
        folder, create=create, password=getpass.getpass(f"password of the workspace {folder}: ")
    )


def _cmd_demo(args: argparse.Namespace) -> int:
    from app.services import demo

    if args.cases < 1:
        raise errors.KnownError(f"--cases must be at least 1, got {args.cases}")
    folder = _workspace_folder(args.workspace)
    if args.as_role == "lead":
        summary = demo.build_lead_workspace(
            folder, seed=args.seed, cases=args.cases, as_of=args.as_of
        )
        verb = "built" if summary.created else "already there, synced"
    else:
        summary = demo.build_demo_workspace(
            folder, seed=args.seed, cases=args.cases, as_of=args.as_of
        )
        verb = "built" if summary.created else "already there, nothing added"
    print(
        f"demo workspace {verb}: {summary.folder} — {summary.cases_in_workspace} cases for "
        f"{summary.username}, {summary.cases_in_central} in the embedded central database"
    )
    return 0 if args.no_gui else _run_gui(summary.folder)


def _cmd_export(args: argparse.Namespace) -> int:
    from app.services import case_export

    with _open_workspace(args) as workspace:
        count = case_export.export_cases(workspace, args.output)
    print(f"exported {count} cases to {args.output}")
    return 0


def _cmd_record(args: argparse.Namespace) -> int:
    from app.services.visits import VisitService

    with _open_workspace(args) as workspace:
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

    with _open_workspace(args) as workspace:
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

    if args.server:
        result = agreements.verify_pdf_with_server(args.file, args.server)
    else:
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


def _password(args: argparse.Namespace, user: str) -> str | None:
    """The password from stdin (--password-stdin), else asked on a terminal, else none."""
    if args.password_stdin:
        return _stdin_password(args)
    if sys.stdin.isatty():
        import getpass

        return getpass.getpass(f"password of {user}: ") or None
    return None


def _new_password(args: argparse.Namespace) -> str:
    """The changed central password (--password-changed): the second line of standard input
    with --password-stdin, else asked on a terminal."""
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    elif sys.stdin.isatty():
        import getpass

        password = getpass.getpass("new password: ")
    else:
        password = ""
    if not password:
        raise errors.KnownError(
            "--password-changed needs the new password: the second line of standard input "
            "(--password-stdin), after the old one"
        )
    return password


def _print_sync(report: object) -> None:
    from app.services.sync import SyncReport

    assert isinstance(report, SyncReport)
    print(
        f"pushed {report.pushed} changes ({report.repeated} already there), "
        f"{report.rejected} refused, {report.conflicts} conflicts; pulled {report.pulled_rows} "
        f"rows ({report.deleted_rows} deleted); cases given {report.granted_cases}, "
        f"removed {report.removed_cases}, kept until pushed {report.deferred_cases}"
    )


def _print_refused(service: object, newly: int) -> int:
    from app.services.sync import SyncService

    assert isinstance(service, SyncService)
    refused = service.refused_changes()
    if not refused:
        return 0
    print(f"{len(refused)} changes set aside (kept in the outbox):", file=sys.stderr)
    for change in refused:
        print(
            f"  {change.mutation_id} {change.table_name} {change.row_id}: {change.outcome} "
            f"({change.reason}) {change.message or ''}".rstrip(),
            file=sys.stderr,
        )
    return 1 if newly else 0


def _cmd_login(args: argparse.Namespace) -> int:
    from app.services.sync import SyncService

    password = _password(args, args.user)
    with _open_workspace(args, create=True, password=password) as workspace:
        service = SyncService(workspace)
        result = service.login(args.server, args.user, password)
        print(f"logged in as {result.username} ({result.display_name}, {result.role})")
        if workspace.password_keyed:
            print(
                "fieldcollect: this machine has no keyring (backend "
                f"{result.keyring_backend}): the workspace's encryption key is kept beside it "
                "wrapped by your password, and the password was used for this session only and "
                "not saved; give it again to every command that opens this workspace "
                "(--password-stdin)",
                file=sys.stderr,
            )
        elif password is not None and not result.password_in_keyring:
            print(
                "fieldcollect: this machine has no keyring (backend "
                f"{result.keyring_backend}): the password was used for this session only and "
                "not saved; give it again to 'fieldcollect sync' (--password-stdin)",
                file=sys.stderr,
            )
        _print_sync(result.first_sync)
        return _print_refused(service, result.first_sync.rejected + result.first_sync.conflicts)


def _cmd_sync(args: argparse.Namespace) -> int:
    from app.services.sync import SyncService

    password = _stdin_password(args)
    with _open_workspace(args, password=password) as workspace:
        service = SyncService(workspace)
        if args.password_changed:
            password = _new_password(args)
        if password is None and sys.stdin.isatty() and service.needs_password():
            password = _password(args, "the workspace's user")
        report = service.run(password=password)
        _print_sync(report)
        return _print_refused(service, report.rejected + report.conflicts)


def _cmd_admin(args: argparse.Namespace) -> int:
    from app.services import admin

    if args.job == "init-central":
        ready = admin.init_central(args.url)
        verb = "upgraded" if ready.upgraded else "already current"
        print(f"central database {ready.url}: schema {ready.schema_revision} ({verb})")
        if ready.roles is None:
            print("embedded SQLite central: no roles or Row-Level Security (single user)")
        else:
            print(
                f"group roles {ready.roles.collector}, {ready.roles.lead}, {ready.roles.admin}; "
                f"Row-Level Security forced on {ready.secured_tables} tables, "
                f"{ready.policies} policies"
            )
        return 0
    if args.job == "add-user":
        password = _password(args, args.name)
        added = admin.add_user(
            args.url,
            args.name,
            args.role,
            team=args.team,
            password=password,
            display_name=args.display_name,
        )
        verb = "added" if added.created else "updated"
        team = f" in team {added.team}" if added.team else ""
        login = f", login role {added.login_role}" if added.login_role else ""
        print(f"{verb} {added.username} ({added.role}{team}{login})")
        if added.login_role and password is None:
            print("no password set (give one with --password-stdin)", file=sys.stderr)
        return 0
    if args.job == "import":
        return _admin_import(args)
    if args.job == "assign":
        return _admin_assign(args)
    if args.job == "plan-team":
        return _admin_plan_team(args)
    if args.job == "verify-audit":
        from app.services import audit

        verdict = audit.verify_database(args.url)
        if verdict.intact:
            print(f"audit trail intact: {verdict.checked} events in {verdict.chains} chains")
            return 0
        first = verdict.first_break
        assert first is not None
        print(
            f"audit trail broken at event {first.event_id} ({first.reason}): {first.explanation}; "
            f"{len(verdict.breaks)} broken links in {verdict.checked} events",
            file=sys.stderr,
        )
        return 1
    raise AssertionError(args.job)


def _admin_import(args: argparse.Namespace) -> int:
    from app.services import portfolio_import
    from app.store import engines

    engine = engines.central_engine(args.url)
    try:
        service = portfolio_import.ImportService(engine)
        result = service.run(args.file, args.kind, mapping=args.mapping)
    finally:
        engine.dispose()
    print(
        f"imported {args.file} ({result.encoding}, {result.rows} rows of {result.kind}): "
        f"{result.created} created, {result.updated} updated, {result.unchanged} unchanged; "
        f"{result.promises_kept} promises kept, {result.instalments_paid} instalments paid, "
        f"{result.cases_settled} cases settled in {result.seconds:.1f} s"
    )
    return 0


def _admin_assign(args: argparse.Namespace) -> int:
    from app.services import assignment
    from app.store import engines

    if args.case and not args.to:
        raise errors.KnownError("--case needs --to NAME: the collector to give the cases to")
    engine = engines.central_engine(args.url)
    try:
        service = assignment.AssignmentService(engine)
        if args.case:
            done = service.assign(args.case, args.to)
            print(
                f"{len(done.changed)} cases assigned to {done.to_username}, "
                f"{len(done.unchanged)} were his already"
            )
            return 0
        auto = service.auto_assign(case_filter=assignment.CaseFilter(overdue_on=args.date))
    finally:
        engine.dispose()
    print(f"{len(auto.cases)} cases assigned automatically")
    for load in auto.collectors:
        print(
            f"  {load.username}: {load.cases} cases, {load.outstanding:,.2f} yuan, "
            f"{load.travel_km:.1f} km, workload {load.workload_before} → {load.workload_after}"
        )
    return 0


def _admin_plan_team(args: argparse.Namespace) -> int:
    from app.services import team_plan
    from app.store import engines

    engine = engines.central_engine(args.url)
    try:
        plans = team_plan.TeamPlanService(engine).plan_team_days(
            args.team, args.date, args.days, seconds=args.seconds, apply=not args.dry_run
        )
    finally:
        engine.dispose()
    for plan in plans:
        verb = "planned" if plan.applied else "proposed"
        print(f"{plan.day}: {plan.visits} visits {verb}, {len(plan.left_out)} left out")
        for day in plan.collectors:
            print(
                f"  {day.username}: {len(day.loan_refs)} visits, {day.distance_km:.1f} km, "
                f"{day.duty_minutes} min: {' '.join(day.loan_refs)}"
            )
        for left in plan.left_out:
            print(f"  left out {left.loan_ref}: {left.reason}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = _build_parser()
    args = parser.parse_args(argv)
    # A rotating, redacted log file in the platform's log folder, and warnings on stderr.
    logging_setup.configure(
        level=logging.DEBUG if args.verbose else logging.INFO,
        console_level=logging.DEBUG if args.verbose else logging.WARNING,
    )
    logging_setup.log_uncaught_exceptions()
    handlers = {
        "demo": _cmd_demo,
        "export": _cmd_export,
        "record": _cmd_record,
        "agreement": _cmd_agreement,
        "verify": _cmd_verify,
        "plan": _cmd_plan,
        "login": _cmd_login,
        "sync": _cmd_sync,
        "admin": _cmd_admin,
    }
    try:
        if args.command in (None, "gui"):
            return _run_gui(_workspace_folder(args.workspace), _stdin_password(args))
        return handlers[args.command](args)
    except errors.KnownError as exc:
        print(f"fieldcollect: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
