"""A first pull into an empty store from the embedded central: the same rows, every index built,
and a pull stopped or failing half-way resuming with nothing missed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Connection, Engine, func, select

from app.services.workspace import STATE_SERVER_URL, Workspace
from app.store import schema_upgrade
from app.sync import codec, handshake, pull
from tests.helpers import demo_copies, embedded_conflict

PAGE = 7


@pytest.fixture(scope="module")
def small_demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return embedded_conflict.build_demo(tmp_path_factory.mktemp("first-pull") / "demo")


@pytest.fixture
def demo(small_demo: Path, tmp_path: Path) -> Iterator[Workspace]:
    """The demo's workspace (filled by its snapshot) and its central."""
    with demo_copies.opened_copy(small_demo, tmp_path / "demo") as workspace:
        yield workspace


@pytest.fixture
def central(demo: Workspace) -> Iterator[Engine]:
    with demo_copies.embedded_central(demo) as engine:
        yield engine


@pytest.fixture
def empty(tmp_path: Path, demo: Workspace) -> Iterator[Workspace]:
    """A new workspace of the demo's collector that has never pulled."""
    with Workspace.open(tmp_path / "fresh", create=True) as workspace:
        workspace.set_state(STATE_SERVER_URL, f"sqlite:///{demo.embedded_central_path}")
        yield workspace


def _viewer(central: Engine) -> handshake.Viewer:
    with central.connect() as connection:
        return handshake.viewer(connection, "zhang.wei")


def _rows(connection: Connection) -> dict[str, set[tuple]]:
    """Every synced row as stored, by table."""
    return {
        name: {
            tuple(row) for row in connection.execute(select(*codec.stored_columns(table, "sqlite")))
        }
        for name, table in codec.SYNCED_TABLES.items()
    }


def _counts(engine: Engine) -> dict[str, int]:
    with engine.connect() as connection:
        return {
            name: connection.scalar(select(func.count()).select_from(table))
            for name, table in codec.SYNCED_TABLES.items()
        }


def _contact_indexes(connection: Connection) -> int:
    return connection.exec_driver_sql(
        "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'contact'"
        " AND sql IS NOT NULL"
    ).scalar_one()


def _no_drift(workspace: Workspace) -> None:
    assert schema_upgrade.schema_drift(workspace.engine, schema_upgrade.SchemaKind.LOCAL) == []


def test_a_first_pull_copies_the_visible_rows_as_stored_and_builds_every_index(
    demo: Workspace, central: Engine, empty: Workspace
) -> None:
    during: list[int] = []

    def count_indexes(stage: str, done: int, total: int) -> None:
        with empty.engine.connect() as connection:
            during.append(_contact_indexes(connection))

    with empty.engine.connect() as connection:
        before = _contact_indexes(connection)
    report = pull.pull(
        empty.engine, central, _viewer(central), page_size=PAGE, progress=count_indexes
    )
    assert report.pages > len(codec.SYNCED_TABLES)  # several pages per big table
    assert before > 0 and min(during) == 0  # built after the load, not kept up through it
    _no_drift(empty)
    # The stamps differ (the demo's own store was copied before the central stamped rows).
    with empty.engine.connect() as fresh, central.connect() as there:
        pulled = _rows(fresh)
        centrally = _rows(there)
    for name, rows in pulled.items():
        if name == "audit_event":
            continue
        assert rows <= centrally[name], name
    assert _counts(empty.engine)["loan_case"] == _counts(demo.engine)["loan_case"] > 0
    assert report.total_rows == sum(_counts(empty.engine).values())


def test_a_first_pull_stopped_half_way_builds_its_indexes_and_resumes_without_gaps(
    demo: Workspace, central: Engine, empty: Workspace
) -> None:
    viewer = _viewer(central)
    asked = []

    def stop_after_three_pages() -> bool:
        asked.append(1)
        return len(asked) >= 3

    stopped = pull.pull(
        empty.engine, central, viewer, page_size=PAGE, should_stop=stop_after_three_pages
    )
    assert (stopped.stopped and stopped.total_rows == 3 * PAGE) or stopped.total_rows > 0
    _no_drift(empty)  # the indexes dropped for the load are back although it stopped
    with empty.engine.connect() as local:
        assert pull.cursor_of(local) == 0
    resumed = pull.pull(empty.engine, central, viewer, page_size=PAGE)
    assert resumed.resumed and not resumed.stopped
    _no_drift(empty)
    whole = Workspace.open(empty.folder.parent / "whole", create=True)
    try:
        pull.pull(whole.engine, central, viewer, page_size=1000)
        assert _counts(empty.engine) == _counts(whole.engine)
    finally:
        whole.close()


def test_a_first_pull_that_fails_half_way_builds_its_indexes_and_the_next_one_finishes(
    central: Engine, empty: Workspace
) -> None:
    viewer = _viewer(central)
    pages = []

    def fail_on_the_second_page(stage: str, done: int, total: int) -> None:
        pages.append(done)
        if len(pages) == 2:
            raise ConnectionError("the network went away")

    with pytest.raises(ConnectionError):
        pull.pull(empty.engine, central, viewer, page_size=PAGE, progress=fail_on_the_second_page)
    _no_drift(empty)
    assert sum(_counts(empty.engine).values()) == pages[-1]  # the two committed pages
    resumed = pull.pull(empty.engine, central, viewer, page_size=PAGE)
    assert resumed.resumed
    _no_drift(empty)
    with empty.engine.connect() as local:
        assert pull.cursor_of(local) > 0


def test_a_first_pull_stopped_after_every_page_ends_with_every_row_once(
    central: Engine, empty: Workspace, tmp_path: Path
) -> None:
    """The reader runs ahead into the next table; each stop must still resume at the committed
    page, table boundaries (a full last page, a table with no rows left) included."""
    viewer = _viewer(central)
    runs = 0
    while True:
        report = pull.pull(empty.engine, central, viewer, page_size=PAGE, should_stop=lambda: True)
        runs += 1
        assert report.pages <= 1 or not report.stopped
        if not report.stopped:
            break
    assert runs > len(codec.SYNCED_TABLES)
    _no_drift(empty)
    whole = Workspace.open(tmp_path / "whole", create=True)
    try:
        pull.pull(whole.engine, central, viewer, page_size=1000)
        assert _counts(empty.engine) == _counts(whole.engine)
        with empty.engine.connect() as stopped, whole.engine.connect() as unbroken:
            assert _rows(stopped) == _rows(unbroken)
    finally:
        whole.close()
