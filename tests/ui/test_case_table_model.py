"""The case list model over the demo: Qt's model contract, lazy paging, sort and filter."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester

from app.services.cases import CaseListService, CaseQuery, CaseSort
from app.services.workspace import Workspace
from ui.models.case_table_model import CASE_ID_ROLE, PAGE_SIZE, CaseTableModel, Column


def _model(workspace: Workspace) -> CaseTableModel:
    return CaseTableModel(CaseListService(workspace))


def test_the_model_keeps_qts_model_contract_while_it_fetches_pages(
    qtmodeltester: ModelTester, demo_workspace: Workspace
) -> None:
    # Qt's tester fetches more rows itself while it handles a reset, which it then flags as an
    # insertion inside the reset; so each ordering and filter is checked on a model set up first.
    for sort, search in ((Column.TIER, ""), (Column.OUTSTANDING, "CD"), (Column.BORROWER, "王")):
        model = _model(demo_workspace)
        model.sort(sort, Qt.SortOrder.DescendingOrder)
        model.set_query(replace(model.query, search=search))
        qtmodeltester.check(model)
        while model.canFetchMore(QModelIndex()):
            model.fetchMore(QModelIndex())
        assert model.rowCount() == model.total


def test_only_the_first_page_is_loaded_until_the_view_scrolls(demo_workspace: Workspace) -> None:
    model = _model(demo_workspace)
    assert model.total == 600
    assert model.rowCount() == PAGE_SIZE
    assert model.canFetchMore(QModelIndex())
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 600
    ids = {model.index(row, 0).data(CASE_ID_ROLE) for row in range(model.rowCount())}
    assert len(ids) == 600


def test_sorting_by_a_column_orders_the_rows_by_that_value(demo_workspace: Workspace) -> None:
    model = _model(demo_workspace)
    model.sort(Column.OUTSTANDING, Qt.SortOrder.DescendingOrder)
    amounts = [model.case_row(row).outstanding for row in range(model.rowCount())]
    assert amounts == sorted(amounts, reverse=True)
    assert amounts[0] > amounts[-1]

    model.sort(Column.DAYS_PAST_DUE, Qt.SortOrder.DescendingOrder)
    days = [model.case_row(row).days_past_due for row in range(model.rowCount())]
    assert days == sorted(days, reverse=True)

    model.sort(Column.TIER, Qt.SortOrder.AscendingOrder)
    tiers = [model.case_row(row).tier for row in range(model.rowCount())]
    assert tiers == sorted(tiers)
    assert model.query.sort is CaseSort.TIER


def test_a_query_narrows_the_rows_and_the_total(demo_workspace: Workspace) -> None:
    model = _model(demo_workspace)
    first = model.case_row(0)
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    model.set_query(replace(model.query, search=first.loan_ref))
    assert resets == [True]
    assert model.total == 1
    assert model.index(0, Column.LOAN_REF).data() == first.loan_ref
    assert model.index(0, Column.BORROWER).data() == first.borrower_name

    model.set_query(CaseQuery(tiers=frozenset({"A"})))
    assert 0 < model.total < 600
    assert all(model.case_row(row).tier == "A" for row in range(model.rowCount()))


def test_cells_show_words_and_money_not_codes(demo_workspace: Workspace) -> None:
    model = _model(demo_workspace)
    for row in range(model.rowCount()):
        case = model.case_row(row)
        status = model.index(row, Column.STATUS).data()
        assert status and status != case.status  # "in_plan" reads "In plan"
        money = model.index(row, Column.OUTSTANDING).data()
        assert money == f"{case.outstanding:,.2f}"
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers[:3] == ["Borrower", "Loan ref", "Outstanding"]
