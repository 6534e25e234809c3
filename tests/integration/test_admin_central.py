"""`fieldcollect admin init-central` and `admin add-user` on a real PostgreSQL (and on SQLite)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import io
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, select, text
from sqlalchemy.engine import URL
from sqlalchemy.orm import Session

from app import cli
from app.services import admin
from app.store import models, schema_upgrade
from app.sync import central_security
from tests.helpers import postgres

pytestmark = pytest.mark.postgres


@pytest.fixture
def fresh_url() -> Iterator[URL]:
    """An empty database; it, its group roles and the test's login roles are dropped after."""
    logins: list[str] = []
    with postgres.fresh_database() as url:
        yield url
        engine = create_engine(url)
        with engine.connect() as connection:
            if inspect(connection).has_table("app_user"):
                logins = connection.execute(select(models.AppUser.username)).scalars().all()
        engine.dispose()
    server = create_engine(postgres.ADMIN_URL, isolation_level="AUTOCOMMIT")
    with server.connect() as connection:
        for role in (*logins, *central_security.group_roles(url.database or "").every_role):
            connection.execute(text(f'DROP ROLE IF EXISTS "{role}"'))
    server.dispose()


def _run(*argv: str, stdin: str = "", monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    return cli.main(list(argv))


def test_init_central_twice_builds_and_then_leaves_the_database_alone(
    fresh_url: URL, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    url = fresh_url.render_as_string(hide_password=False)
    assert _run("admin", "init-central", url, monkeypatch=monkeypatch) == 0
    first = capsys.readouterr().out
    assert "(upgraded)" in first and "Row-Level Security forced on 22 tables" in first
    engine = create_engine(fresh_url)
    with engine.connect() as connection:
        policies_before = connection.execute(
            text("SELECT tablename, policyname, qual, with_check FROM pg_policies ORDER BY 1, 2")
        ).all()
    assert _run("admin", "init-central", url, monkeypatch=monkeypatch) == 0
    assert "(already current)" in capsys.readouterr().out
    with engine.connect() as connection:
        policies_after = connection.execute(
            text("SELECT tablename, policyname, qual, with_check FROM pg_policies ORDER BY 1, 2")
        ).all()
        roles = connection.execute(
            text("SELECT rolname, rolcanlogin FROM pg_roles WHERE rolname LIKE :prefix"),
            {"prefix": f"fc_{fresh_url.database}%"},
        ).all()
    assert policies_after == policies_before
    assert sorted(roles) == sorted(
        (role, False) for role in central_security.group_roles(fresh_url.database or "").every_role
    )
    assert schema_upgrade.schema_drift(engine, schema_upgrade.SchemaKind.CENTRAL) == []
    engine.dispose()


def test_the_policy_helpers_are_pl_pgsql_security_definer_functions(
    fresh_url: URL, monkeypatch: pytest.MonkeyPatch
) -> None:
    """PL/pgSQL keeps the helpers' plans for the session; a SECURITY DEFINER SQL function would
    be planned again at every INSERT a push sends (sync.push.500 spent most of its time there)."""
    url = fresh_url.render_as_string(hide_password=False)
    assert _run("admin", "init-central", url, monkeypatch=monkeypatch) == 0
    engine = create_engine(fresh_url)
    with engine.connect() as connection:
        helpers = connection.execute(
            text(
                "SELECT p.proname, l.lanname, p.prosecdef, p.provolatile FROM pg_proc p"
                " JOIN pg_language l ON l.oid = p.prolang"
                " JOIN pg_namespace n ON n.oid = p.pronamespace"
                " WHERE n.nspname = 'fc_sync' AND p.proname IN"
                " ('my_user_id', 'my_team_id', 'may_add_to_case', 'case_of_plan')"
                " ORDER BY 1"
            )
        ).all()
    engine.dispose()
    assert helpers == [
        ("case_of_plan", "plpgsql", True, "s"),
        ("may_add_to_case", "plpgsql", True, "s"),
        ("my_team_id", "plpgsql", True, "s"),
        ("my_user_id", "plpgsql", True, "s"),
    ]


def test_add_user_makes_a_login_in_exactly_one_group_and_the_user_row(
    fresh_url: URL, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    url = fresh_url.render_as_string(hide_password=False)
    admin.init_central(url)
    name = f"wang_{uuid.uuid4().hex[:8]}"
    assert (
        _run(
            "admin", "add-user", url, name, "--role", "collector", "--team", "成都一组",
            "--password-stdin", stdin="correct horse\n", monkeypatch=monkeypatch,
        )
        == 0
    )  # fmt: skip
    assert (
        f"added {name} (collector in team 成都一组, login role {name})" in capsys.readouterr().out
    )
    # Promoted to lead: the login moves from one group to the other.
    assert _run("admin", "add-user", url, name, "--role", "lead", "--team", "成都一组",
                monkeypatch=monkeypatch) == 0  # fmt: skip
    roles = central_security.group_roles(fresh_url.database or "")
    engine = create_engine(fresh_url)
    with engine.connect() as connection:
        groups = (
            connection.execute(
                text(
                    "SELECT g.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid"
                    " JOIN pg_roles u ON u.oid = m.member WHERE u.rolname = :name"
                ),
                {"name": name},
            )
            .scalars()
            .all()
        )
        stored = connection.execute(
            text("SELECT rolpassword FROM pg_authid WHERE rolname = :name"), {"name": name}
        ).scalar_one()
    with Session(engine) as session:
        user = session.scalars(select(models.AppUser).where(models.AppUser.username == name)).one()
        team = session.get_one(models.Team, user.team_id)
    engine.dispose()
    assert groups == [roles.lead]
    assert (user.role, team.name) == ("lead", "成都一组")
    # The server kept our SCRAM verifier as it was, and it proves the password we gave.
    assert _proves(stored, "correct horse")
    assert not _proves(stored, "wrong horse")


def _proves(verifier: str, password: str) -> bool:
    """RFC 5802: StoredKey = H(HMAC(SaltedPassword, "Client Key"))."""
    method, rest = verifier.split("$", 1)
    iterations_salt, keys = rest.split("$")
    iterations, salt = iterations_salt.split(":")
    stored_key = keys.split(":")[0]
    salted = hashlib.pbkdf2_hmac(
        "sha256", password.encode(), base64.b64decode(salt), int(iterations)
    )
    client_key = hmac.new(salted, b"Client Key", hashlib.sha256).digest()
    return method == "SCRAM-SHA-256" and hashlib.sha256(client_key).digest() == base64.b64decode(
        stored_key
    )


def test_add_user_explains_what_is_wrong(
    fresh_url: URL, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    url = fresh_url.render_as_string(hide_password=False)
    assert _run("admin", "add-user", url, "li", "--role", "admin", monkeypatch=monkeypatch) == 1
    assert "init-central" in capsys.readouterr().err
    admin.init_central(url)
    assert _run("admin", "add-user", url, "li", "--role", "collector", monkeypatch=monkeypatch) == 1
    assert "belongs to a team: give --team" in capsys.readouterr().err
    assert (
        _run("admin", "add-user", url, "-x; drop", "--role", "admin", monkeypatch=monkeypatch) == 1
    )
    assert "cannot be a user name" in capsys.readouterr().err
    with pytest.raises(SystemExit) as usage:
        _run("admin", "add-user", url, "li", "--role", "boss", monkeypatch=monkeypatch)
    assert usage.value.code == 2


def test_init_central_on_sqlite_makes_the_embedded_central(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'central.db'}"
    assert _run("admin", "init-central", url, monkeypatch=monkeypatch) == 0
    assert "no roles or Row-Level Security" in capsys.readouterr().out
    assert _run("admin", "add-user", url, "zhao", "--role", "collector", "--team", "一组",
                monkeypatch=monkeypatch) == 0  # fmt: skip
    engine = create_engine(url)
    assert "sync_mutation" in inspect(engine).get_table_names()
    with Session(engine) as session:
        assert session.scalars(select(models.AppUser.username)).all() == ["zhao"]
    engine.dispose()
