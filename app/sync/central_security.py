"""Roles, grants and Row-Level Security of a central PostgreSQL database (PostgreSQL only).

Authorisation lives in the database: each person logs in with his own login role, a member of
one group role (collector, lead or admin), and every table's policies limit what that role may
read (USING) and write (WITH CHECK). Roles are shared by all databases of a server, so the group
roles carry the database's name (`fc_<database>_collector`); the first install records them in
the database (`fc_sync.role_prefix()`), so that a copy keeps using them. Everything here can run
again on the same database and leaves it as it was: policies are dropped and created anew,
grants repeated, roles created only when missing. No password is ever sent in clear: a login
role's password travels as a SCRAM-SHA-256 verifier computed here."""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from psycopg import sql
from sqlalchemy import Connection, text

from app import errors

ROLE_KINDS = ("collector", "lead", "admin")
# PostgreSQL truncates identifiers longer than this many bytes.
_MAX_IDENTIFIER = 63
_LOGIN_NAME = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.\-]{0,62}$")


@dataclass(frozen=True, slots=True)
class GroupRoles:
    """The group roles of one central database.

    Attributes:
        collector: field collectors' group role.
        lead: team leads' group role.
        admin: administrators' group role.
        definer: owner of the SECURITY DEFINER helpers; nobody logs in as it.
    """

    collector: str
    lead: str
    admin: str
    definer: str

    def for_kind(self, kind: str) -> str:
        return {"collector": self.collector, "lead": self.lead, "admin": self.admin}[kind]

    @property
    def app_roles(self) -> tuple[str, str, str]:
        return (self.collector, self.lead, self.admin)

    @property
    def every_role(self) -> tuple[str, str, str, str]:
        return (self.collector, self.lead, self.admin, self.definer)


def group_roles(database: str) -> GroupRoles:
    """The group role names of `database` (`fc_<database>_<kind>`, shortened with a hash)."""
    stem = re.sub(r"[^a-z0-9_]", "_", database.lower())
    longest_suffix = len("_collector")
    if len(f"fc_{stem}") + longest_suffix > _MAX_IDENTIFIER:
        digest = hashlib.sha256(database.encode("utf-8")).hexdigest()[:8]
        stem = f"{stem[: _MAX_IDENTIFIER - longest_suffix - 3 - 9]}_{digest}"
    return roles_with_prefix(f"fc_{stem}")


def roles_with_prefix(prefix: str) -> GroupRoles:
    return GroupRoles(
        collector=f"{prefix}_collector",
        lead=f"{prefix}_lead",
        admin=f"{prefix}_admin",
        definer=f"{prefix}_sync",
    )


def roles_of(connection: Connection) -> GroupRoles:
    """The group roles the database was secured with (recorded by `install`), or by its name.

    The names are recorded in the database, so a copy or a renamed database keeps its roles.
    """
    recorded = connection.execute(
        text("SELECT to_regprocedure('fc_sync.role_prefix()') IS NOT NULL")
    ).scalar_one()
    if recorded:
        prefix = connection.execute(text("SELECT fc_sync.role_prefix()")).scalar_one()
        return roles_with_prefix(prefix)
    database = connection.execute(text("SELECT current_database()")).scalar_one()
    return group_roles(database)


# Tables ------------------------------------------------------------------------------------------

_FACT_AUTHORS = {
    "visit": "user_id",
    "contact": "user_id",
    "promise_to_pay": "user_id",
    "repayment_plan": "proposed_by_id",
    "attachment": "created_by_id",
    "agreement": "created_by_id",
}
_CASE_TABLES = ("case_assignment", "payment", *_FACT_AUTHORS)
_SYNCED = (
    "team",
    "app_user",
    "borrower",
    "borrower_phone",
    "borrower_address",
    "loan_case",
    *_CASE_TABLES,
    "instalment",
    "audit_event",
)
_BOOKKEEPING = (
    "sync_mutation",
    "sync_conflict",
    "case_access_event",
    "sync_tombstone",
    "sync_clock",
    "attachment_content",
)

# What each group may do, table by table; Row-Level Security then picks the rows.
_COLLECTOR_INSERT = (
    "borrower_phone",
    "borrower_address",
    "payment",
    *_FACT_AUTHORS,
    "instalment",
    "audit_event",
    "sync_mutation",
    "sync_conflict",
)
_COLLECTOR_UPDATE = (
    "borrower_phone",
    "borrower_address",
    "visit",
    "promise_to_pay",
    "repayment_plan",
    "instalment",
    "attachment",
    "agreement",
)
# A collector edits the state of his case, never its balances, owner or team.
_COLLECTOR_CASE_COLUMNS = (
    "status",
    "next_action_date",
    "last_contact_at",
    "last_contact_outcome",
    "last_payment_at",
    "promised_date",
    "promised_amount",
    "active_plan_id",
    "updated_at",
)
_COLLECTOR_BORROWER_COLUMNS = ("language", "safety_flags", "notes", "updated_at")
_LEAD_INSERT = (
    "borrower",
    "borrower_phone",
    "borrower_address",
    "loan_case",
    "case_assignment",
    "payment",
    *_FACT_AUTHORS,
    "instalment",
    "audit_event",
    "sync_mutation",
    "sync_conflict",
)
_LEAD_UPDATE = (
    "borrower",
    "borrower_phone",
    "borrower_address",
    "loan_case",
    "visit",
    "promise_to_pay",
    "repayment_plan",
    "instalment",
    "attachment",
    "agreement",
    "sync_conflict",
)


# What fc_sync.push_author_of reads beyond the other helpers' tables.
_PUSH_AUTHOR_READS = (
    "borrower_phone",
    "borrower_address",
    "instalment",
    "visit",
    "promise_to_pay",
    "attachment",
    "agreement",
    "sync_mutation",
)


@dataclass(frozen=True, slots=True)
class _Policy:
    name: str
    table: str
    command: str
    roles: tuple[str, ...]
    using: str | None
    check: str | None


_ME = "(SELECT fc_sync.my_user_id())"
_MY_TEAM = "(SELECT fc_sync.my_team_id())"
_SESSION_USER = "(session_user)::text"


# The subqueries run under the reader's own policies on loan_case (repayment_plan). EXISTS, not
# IN: PostgreSQL plans a correlated EXISTS both ways and picks per statement — one hash of the
# visible cases for a scan, an index probe for a statement touching a few rows — whereas
# `IN (SELECT …)` hashes every visible case for each INSERT or UPDATE, however many rows it
# writes (a lead's single-row write cost ~15 ms per 20,000 cases of his team, and importing
# 20,000 cases as himself, one statement per row batch, took eight minutes). The row's own
# column is named with its table: loan_case has columns of the same names.


def _visible_case(table: str, column: str = "case_id") -> str:
    return f"EXISTS (SELECT 1 FROM public.loan_case lc WHERE lc.id = {table}.{column})"


def _visible_borrower(table: str, column: str) -> str:
    return f"EXISTS (SELECT 1 FROM public.loan_case lc WHERE lc.borrower_id = {table}.{column})"


def _visible_plan(table: str) -> str:
    return f"EXISTS (SELECT 1 FROM public.repayment_plan rp WHERE rp.id = {table}.plan_id)"


_TEAM_MEMBERS = f"(SELECT au.id FROM public.app_user au WHERE au.team_id = {_MY_TEAM})"


def _policies(roles: GroupRoles) -> list[_Policy]:
    collector, lead, admin, definer = roles.every_role
    staff = (collector, lead)
    everyone = roles.app_roles
    policies: list[_Policy] = []

    def add(
        table: str,
        name: str,
        command: str,
        to: Sequence[str],
        using: str | None,
        check: str | None = None,
    ) -> None:
        policies.append(_Policy(f"fc_{name}", table, command, tuple(to), using, check))

    for table in _SYNCED:
        if table != "audit_event":
            add(table, "admin", "ALL", (admin,), "true", "true")
    add("team", "read", "SELECT", staff, f"id = {_MY_TEAM}")
    add(
        "app_user",
        "read",
        "SELECT",
        staff,
        f"team_id = {_MY_TEAM} OR username = {_SESSION_USER}",
    )
    add("app_user", "definer", "SELECT", (definer,), "true")

    borrower = _visible_borrower("borrower", "id")
    add("borrower", "read", "SELECT", staff, borrower)
    add("borrower", "edit", "UPDATE", staff, borrower, borrower)
    add("borrower", "lead_add", "INSERT", (lead,), None, "true")
    for table in ("borrower_phone", "borrower_address"):
        visible = _visible_borrower(table, "borrower_id")
        add(table, "read", "SELECT", staff, visible)
        add(table, "add", "INSERT", staff, None, visible)
        add(table, "edit", "UPDATE", staff, visible, visible)

    mine = f"assigned_to_id = {_ME}"
    team_case = f"team_id = {_MY_TEAM}"
    lead_owner = f"(assigned_to_id IS NULL OR assigned_to_id IN {_TEAM_MEMBERS})"
    add("loan_case", "collector_read", "SELECT", (collector,), mine)
    add("loan_case", "collector_edit", "UPDATE", (collector,), mine, mine)
    add("loan_case", "lead_read", "SELECT", (lead,), team_case)
    add("loan_case", "lead_add", "INSERT", (lead,), None, f"{team_case} AND {lead_owner}")
    add("loan_case", "lead_edit", "UPDATE", (lead,), team_case, f"{team_case} AND {lead_owner}")
    add("loan_case", "definer", "SELECT", (definer,), "true")

    add("case_assignment", "read", "SELECT", staff, _visible_case("case_assignment"))
    add("case_assignment", "lead_add", "INSERT", (lead,), None, _visible_case("case_assignment"))

    # Facts: what a collector recorded on a case he held is accepted even after the case moved
    # on (DESIGN, sync contract 4); he signs it with his own id.
    add("payment", "read", "SELECT", staff, _visible_case("payment"))
    add(
        "payment",
        "collector_add",
        "INSERT",
        (collector,),
        None,
        f"recorded_by_id = {_ME} AND fc_sync.may_add_to_case(case_id)",
    )
    add("payment", "lead_add", "INSERT", (lead,), None, _visible_case("payment"))
    for table, author in _FACT_AUTHORS.items():
        readable = _visible_case(table)
        addable = "fc_sync.may_add_to_case(case_id)"
        if table == "attachment":
            readable = f"{readable} OR {author} = {_ME}"
            addable = f"(case_id IS NULL OR {addable})"
        add(table, "read", "SELECT", staff, readable)
        add(table, "collector_add", "INSERT", (collector,), None, f"{author} = {_ME} AND {addable}")
        add(table, "lead_add", "INSERT", (lead,), None, _visible_case(table))
        add(table, "edit", "UPDATE", staff, _visible_case(table), _visible_case(table))
    add(table="repayment_plan", name="definer", command="SELECT", to=(definer,), using="true")

    plan = _visible_plan("instalment")
    add("instalment", "read", "SELECT", staff, plan)
    add(
        "instalment",
        "collector_add",
        "INSERT",
        (collector,),
        None,
        "fc_sync.may_add_to_case(fc_sync.case_of_plan(plan_id))",
    )
    add("instalment", "lead_add", "INSERT", (lead,), None, plan)
    add("instalment", "edit", "UPDATE", staff, plan, plan)

    # Audit events: written under one's own name, read back by oneself, the lead and admins;
    # nobody updates or deletes them (no grant, and a trigger refuses it even to the owner).
    add("audit_event", "collector_read", "SELECT", (collector,), f"user_id = {_ME}")
    add(
        "audit_event",
        "lead_read",
        "SELECT",
        (lead,),
        f"user_id = {_ME} OR user_id IN {_TEAM_MEMBERS}",
    )
    add("audit_event", "admin_read", "SELECT", (admin,), "true")
    add("audit_event", "add", "INSERT", everyone, None, f"user_id = {_ME}")

    own_push = f"pushed_by = {_SESSION_USER}"
    add("sync_mutation", "own", "ALL", everyone, own_push, own_push)
    for table in _PUSH_AUTHOR_READS:
        add(table, "definer", "SELECT", (definer,), "true")
    add("sync_conflict", "collector_read", "SELECT", (collector,), own_push)
    conflict_case = _visible_case("sync_conflict")
    add("sync_conflict", "lead_read", "SELECT", (lead,), f"{own_push} OR {conflict_case}")
    add("sync_conflict", "lead_resolve", "UPDATE", (lead,), conflict_case, conflict_case)
    add("sync_conflict", "add", "INSERT", everyone, None, own_push)
    add("sync_conflict", "admin", "ALL", (admin,), "true", "true")

    add("case_access_event", "collector_read", "SELECT", (collector,), f"user_id = {_ME}")
    add(
        "case_access_event",
        "lead_read",
        "SELECT",
        (lead,),
        f"team_id = {_MY_TEAM} OR user_id = {_ME}",
    )
    add("case_access_event", "admin_read", "SELECT", (admin,), "true")
    add("case_access_event", "definer", "ALL", (definer,), "true", "true")

    add("sync_tombstone", "collector_read", "SELECT", (collector,), f"assigned_to_id = {_ME}")
    add("sync_tombstone", "lead_read", "SELECT", (lead,), f"team_id = {_MY_TEAM}")
    add("sync_tombstone", "admin_read", "SELECT", (admin,), "true")
    add("sync_tombstone", "definer", "ALL", (definer,), "true", "true")
    add("sync_clock", "admin", "ALL", (admin,), "true", "true")

    # Attachment files: anyone stores a content under his own name; he reads those of the
    # attachment rows he may see (their policies apply inside the subquery) and his own uploads.
    # Nobody changes or deletes one (no grant, and a trigger refuses it even to the owner).
    own_upload = f"uploaded_by = {_SESSION_USER}"
    add(
        "attachment_content",
        "read",
        "SELECT",
        staff,
        f"sha256 IN (SELECT a.sha256 FROM public.attachment a) OR {own_upload}",
    )
    add("attachment_content", "admin_read", "SELECT", (admin,), "true")
    add("attachment_content", "add", "INSERT", everyone, None, own_upload)
    return policies


# Who pushed a row's central version: a collector's push records it in a conflict, but Row-Level
# Security hides other people's `sync_mutation` rows from him. This answers with the username and
# arrival time only, and only for a row the caller may see (the policies' rules on the row's
# cases: an admin any, a lead his team's, a collector his own); nothing for another row, an
# unlisted table, or a version no push wrote (an import, an administrator). The first applied
# push that produced the version is its author (a later no-change push records the same one).
_PUSH_AUTHOR_SIGNATURE = "fc_sync.push_author_of(text, uuid, integer)"
_PUSH_AUTHOR_OF = """CREATE OR REPLACE FUNCTION fc_sync.push_author_of(
        the_table text, the_row uuid, the_version integer)
    RETURNS TABLE (changed_by text, changed_at timestamptz) {header} AS $$
    DECLARE
        me uuid;
        my_team uuid;
        prefix text := fc_sync.role_prefix();
        cases uuid[];
    BEGIN
        SELECT au.id, au.team_id INTO me, my_team FROM public.app_user au
            WHERE au.username = session_user::text AND au.active;
        IF the_table = 'loan_case' THEN
            cases := ARRAY[the_row];
        ELSIF the_table = 'borrower' THEN
            cases := ARRAY(SELECT lc.id FROM public.loan_case lc WHERE lc.borrower_id = the_row);
        ELSIF the_table IN ('borrower_phone', 'borrower_address') THEN
            EXECUTE format('SELECT ARRAY(SELECT lc.id FROM public.loan_case lc'
                           ' WHERE lc.borrower_id = (SELECT t.borrower_id FROM public.%I t'
                           ' WHERE t.id = $1))', the_table)
                INTO cases USING the_row;
        ELSIF the_table = 'instalment' THEN
            cases := ARRAY(SELECT rp.case_id FROM public.instalment i
                           JOIN public.repayment_plan rp ON rp.id = i.plan_id
                           WHERE i.id = the_row);
        ELSIF the_table IN ('visit', 'promise_to_pay', 'repayment_plan', 'attachment',
                            'agreement') THEN
            EXECUTE format('SELECT ARRAY(SELECT t.case_id FROM public.%I t WHERE t.id = $1)',
                           the_table)
                INTO cases USING the_row;
        ELSE
            RETURN;
        END IF;
        IF NOT (pg_has_role(session_user, prefix || '_admin', 'MEMBER')
                OR EXISTS (SELECT 1 FROM public.loan_case lc
                           WHERE lc.id = ANY (cases)
                             AND ((lc.assigned_to_id = me
                                   AND pg_has_role(session_user, prefix || '_collector',
                                                   'MEMBER'))
                                  OR (lc.team_id = my_team
                                      AND pg_has_role(session_user, prefix || '_lead',
                                                      'MEMBER'))))) THEN
            RETURN;
        END IF;
        RETURN QUERY
            SELECT m.pushed_by::text, m.received_at FROM public.sync_mutation m
            WHERE m.table_name = the_table AND m.row_id = the_row
              AND m.outcome = 'applied' AND m.row_version = the_version
            ORDER BY m.received_at
            LIMIT 1;
    END
$$"""


def _helpers(definer: str) -> list[str]:
    """Functions the policies call; SECURITY DEFINER so a policy may read what its reader may not.

    The person is always `session_user` (the login role): inside a definer function
    `current_user` is the function's owner.
    """
    # PL/pgSQL, not SQL: a SECURITY DEFINER SQL function is never inlined and its body is
    # planned again at every statement that calls it, while PL/pgSQL keeps its plans for the
    # session. A push sends one INSERT per fact, each checking these: 500 contacts spent ~0.2 s
    # of server time planning them, ~0.06 s with cached plans.
    header = "LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public"
    statements = [
        f"""CREATE OR REPLACE FUNCTION fc_sync.my_user_id() RETURNS uuid {header} AS $$
            BEGIN
                RETURN (SELECT id FROM public.app_user
                        WHERE username = session_user::text AND active);
            END
        $$""",
        f"""CREATE OR REPLACE FUNCTION fc_sync.my_team_id() RETURNS uuid {header} AS $$
            BEGIN
                RETURN (SELECT team_id FROM public.app_user
                        WHERE username = session_user::text AND active);
            END
        $$""",
        # Checked for every fact a collector pushes: the person is looked up once, not per
        # EXISTS (a push of 500 contacts spends most of its server time in these checks).
        f"""CREATE OR REPLACE FUNCTION fc_sync.may_add_to_case(the_case uuid) RETURNS boolean
            {header} AS $$
            DECLARE
                me uuid := (SELECT id FROM public.app_user
                            WHERE username = session_user::text AND active);
            BEGIN
                RETURN EXISTS (SELECT 1 FROM public.loan_case lc
                               WHERE lc.id = the_case AND lc.assigned_to_id = me)
                    OR EXISTS (SELECT 1 FROM public.case_access_event ev
                               WHERE ev.case_id = the_case AND ev.user_id = me
                                 AND ev.kind = 'granted');
            END
        $$""",
        f"""CREATE OR REPLACE FUNCTION fc_sync.case_of_plan(the_plan uuid) RETURNS uuid
            {header} AS $$
            BEGIN
                RETURN (SELECT case_id FROM public.repayment_plan WHERE id = the_plan);
            END
        $$""",
        _PUSH_AUTHOR_OF.format(header=header),
    ]
    definer_functions = (
        "fc_sync.my_user_id()",
        "fc_sync.my_team_id()",
        "fc_sync.may_add_to_case(uuid)",
        "fc_sync.case_of_plan(uuid)",
        _PUSH_AUTHOR_SIGNATURE,
        "fc_sync.record_tombstone()",
        "fc_sync.record_case_access()",
        "fc_sync.record_case_access_inserted()",
    )
    for function in definer_functions:
        statements.append(f"ALTER FUNCTION {function} OWNER TO {_ident(definer)}")
        statements.append(f"REVOKE ALL ON FUNCTION {function} FROM PUBLIC")
    return statements


def _helper_grants(roles: GroupRoles) -> list[str]:
    apps = ", ".join(_ident(role) for role in roles.app_roles)
    return [
        *(
            f"GRANT EXECUTE ON FUNCTION {function} TO {apps}"
            for function in (
                "fc_sync.my_user_id()",
                "fc_sync.my_team_id()",
                "fc_sync.may_add_to_case(uuid)",
                "fc_sync.case_of_plan(uuid)",
                _PUSH_AUTHOR_SIGNATURE,
            )
        ),
        # Those who import (portfolio_import); it stays the tables' owner's, as ANALYZE needs.
        f"GRANT EXECUTE ON FUNCTION fc_sync.analyze_cases() TO {_ident(roles.lead)},"
        f" {_ident(roles.admin)}",
    ]


def _literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _role_exists(connection: Connection, name: str) -> bool:
    found = connection.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": name})
    return found.first() is not None


def _grants(roles: GroupRoles, database: str) -> list[str]:
    collector, lead, admin, definer = (_ident(role) for role in roles.every_role)
    apps = f"{collector}, {lead}, {admin}"
    every_table = ", ".join((*_SYNCED, *_BOOKKEEPING))
    statements = [
        f"REVOKE ALL ON {every_table} FROM PUBLIC",
        f"REVOKE CONNECT, TEMPORARY ON DATABASE {_ident(database)} FROM PUBLIC",
        f"GRANT CONNECT ON DATABASE {_ident(database)} TO {apps}",
        f"GRANT USAGE ON SCHEMA public, fc_sync TO {apps}, {definer}",
        # The stamping trigger runs as the writer and draws the next revision.
        f"GRANT USAGE ON SEQUENCE fc_sync.revision_seq TO {apps}, {definer}",
        f"GRANT SELECT ON alembic_version TO {apps}",
        f"GRANT SELECT ON {', '.join(_SYNCED)} TO {apps}",
        f"GRANT SELECT ON sync_mutation, sync_conflict, case_access_event, sync_tombstone"
        f" TO {apps}",
        f"GRANT SELECT, INSERT ON attachment_content TO {apps}",
        f"GRANT INSERT ON {', '.join(_COLLECTOR_INSERT)} TO {collector}",
        f"GRANT UPDATE ON {', '.join(_COLLECTOR_UPDATE)} TO {collector}",
        f"GRANT UPDATE ({', '.join(_COLLECTOR_CASE_COLUMNS)}) ON loan_case TO {collector}",
        f"GRANT UPDATE ({', '.join(_COLLECTOR_BORROWER_COLUMNS)}) ON borrower TO {collector}",
        f"GRANT INSERT ON {', '.join(_LEAD_INSERT)} TO {lead}",
        f"GRANT UPDATE ON {', '.join(_LEAD_UPDATE)} TO {lead}",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON"
        f" {', '.join(table for table in _SYNCED if table != 'audit_event')} TO {admin}",
        f"GRANT INSERT ON audit_event, sync_mutation, sync_conflict TO {admin}",
        f"GRANT UPDATE ON sync_conflict TO {admin}",
        f"GRANT SELECT, INSERT, UPDATE ON sync_clock TO {admin}",
        # What the SECURITY DEFINER helpers and triggers read and write.
        f"GRANT SELECT ON app_user, loan_case, repayment_plan, case_access_event TO {definer}",
        # fc_sync.push_author_of: the rows whose cases it checks, and the pushes it names.
        f"GRANT SELECT ON {', '.join(_PUSH_AUTHOR_READS)} TO {definer}",
        f"GRANT INSERT ON case_access_event, sync_tombstone TO {definer}",
        f"GRANT USAGE ON SEQUENCE case_access_event_id_seq, sync_tombstone_id_seq TO {definer}",
    ]
    return statements


def install(connection: Connection) -> GroupRoles:
    """Create the group roles, grants, helper functions and policies of the connected database.

    The connection's role needs CREATEROLE and must own the tables (the one that migrated them).
    Runs inside the caller's transaction; running it again changes nothing.
    """
    roles = roles_of(connection)
    database = connection.execute(text("SELECT current_database()")).scalar_one()
    for role in roles.every_role:
        if not _role_exists(connection, role):
            connection.execute(text(f"CREATE ROLE {_ident(role)} NOLOGIN"))
    superuser = connection.execute(
        text("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
    ).scalar_one()
    if not superuser:
        # Handing the helpers to the definer role needs membership in it (and admin acts as one).
        connection.execute(text(f"GRANT {_ident(roles.definer)} TO CURRENT_USER"))
        connection.execute(text(f"GRANT {_ident(roles.admin)} TO CURRENT_USER"))
    prefix = roles.collector.removesuffix("_collector")
    connection.execute(
        text(
            "CREATE OR REPLACE FUNCTION fc_sync.role_prefix() RETURNS text LANGUAGE sql IMMUTABLE"
            f" AS $$ SELECT {_literal(prefix)}::text $$"
        )
    )
    for statement in _helpers(roles.definer):
        connection.execute(text(statement))
    for statement in [*_grants(roles, database), *_helper_grants(roles)]:
        connection.execute(text(statement))
    _replace_policies(connection, _policies(roles))
    for table in (*_SYNCED, *_BOOKKEEPING):
        connection.execute(text(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY"))
        connection.execute(text(f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY"))
    return roles


def _replace_policies(connection: Connection, policies: Iterable[_Policy]) -> None:
    existing = connection.execute(
        text(
            "SELECT tablename, policyname FROM pg_policies"
            " WHERE schemaname = 'public' AND policyname LIKE 'fc\\_%'"
        )
    ).all()
    for table, name in existing:
        connection.execute(text(f"DROP POLICY {_ident(name)} ON {table}"))
    for policy in policies:
        statement = (
            f"CREATE POLICY {_ident(policy.name)} ON {policy.table} FOR {policy.command}"
            f" TO {', '.join(_ident(role) for role in policy.roles)}"
        )
        if policy.using is not None:
            statement += f" USING ({policy.using})"
        if policy.check is not None:
            statement += f" WITH CHECK ({policy.check})"
        connection.execute(text(statement))


def security_summary(connection: Connection) -> dict[str, int]:
    """How many tables have Row-Level Security enabled and forced, and how many policies exist."""
    forced = connection.execute(
        text(
            "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            " WHERE n.nspname = 'public' AND c.relkind = 'r'"
            " AND c.relrowsecurity AND c.relforcerowsecurity"
        )
    ).scalar_one()
    policies = connection.execute(
        text("SELECT count(*) FROM pg_policies WHERE schemaname = 'public'")
    ).scalar_one()
    return {"tables": int(forced), "policies": int(policies)}


# Login roles --------------------------------------------------------------------------------------


def check_login_name(name: str) -> None:
    if not _LOGIN_NAME.match(name):
        raise errors.KnownError(
            f"{name!r} cannot be a user name: use letters, digits, '.', '_' or '-' "
            "(at most 63, not starting with '.' or '-')"
        )


def scram_sha256_verifier(password: str, iterations: int = 4096) -> str:
    """The SCRAM-SHA-256 verifier PostgreSQL stores for `password` (RFC 5802, RFC 7677).

    Sent instead of the password, so that the password never reaches the server's logs.
    """
    salt = secrets.token_bytes(16)
    salted = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, iterations)
    client_key = hmac.new(salted, b"Client Key", hashlib.sha256).digest()
    stored_key = hashlib.sha256(client_key).digest()
    server_key = hmac.new(salted, b"Server Key", hashlib.sha256).digest()

    def b64(raw: bytes) -> str:
        return base64.b64encode(raw).decode("ascii")

    return f"SCRAM-SHA-256${iterations}:{b64(salt)}${b64(stored_key)}:{b64(server_key)}"


def ensure_login(connection: Connection, name: str, kind: str, password: str | None) -> bool:
    """Create (or bring up to date) the login role `name` as a member of the `kind` group only.

    Returns True when the role was created. A given password replaces the role's password.
    """
    check_login_name(name)
    roles = roles_of(connection)
    if not _role_exists(connection, roles.collector):
        raise errors.KnownError(
            "the central database has no roles yet; run 'fieldcollect admin init-central' first"
        )
    created = not _role_exists(connection, name)
    raw = connection.connection.driver_connection
    assert raw is not None
    cursor = raw.cursor()
    role = sql.Identifier(name)
    if created:
        cursor.execute(sql.SQL("CREATE ROLE {} LOGIN INHERIT").format(role))
    else:
        is_group = connection.execute(
            text("SELECT NOT rolcanlogin OR rolsuper FROM pg_roles WHERE rolname = :n"),
            {"n": name},
        ).scalar_one()
        if is_group:
            raise errors.KnownError(
                f"{name!r} is an existing role that is not an ordinary login; choose another name"
            )
    if password is not None:
        verifier = scram_sha256_verifier(password)
        cursor.execute(sql.SQL("ALTER ROLE {} PASSWORD {}").format(role, sql.Literal(verifier)))
    for other in ROLE_KINDS:
        group = sql.Identifier(roles.for_kind(other))
        if other == kind:
            cursor.execute(sql.SQL("GRANT {} TO {}").format(group, role))
        else:
            cursor.execute(sql.SQL("REVOKE {} FROM {}").format(group, role))
    # An abandoned laptop never holds locks or a pull window for long.
    cursor.execute(
        sql.SQL("ALTER ROLE {} SET idle_in_transaction_session_timeout = '5min'").format(role)
    )
    return created
