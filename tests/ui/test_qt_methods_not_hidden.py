"""A widget or model whose own attribute took the name of a Qt method hid that method: Qt, and code that calls
it on any widget, then reached the attribute instead. The lazy tab's built screen and the links table's row
match have names of their own, and Qt's methods work on them."""

from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QLabel, QTableView

from intake_app.domain.matching import SAME_EVENT, Match, OtherIncident
from intake_app.ui.links.links_model import LinksModel
from intake_app.ui.shell.lazy_screen import LazyScreen


def test_typing_a_report_number_in_the_links_table_goes_to_its_row(qtbot):
    """The view's keyboard search asks the model's match(): a LinksModel.match(row) made it fail."""
    model = LinksModel()
    model.set_rows([Match(OtherIncident("a", "D012-2026-M3X-00007", 12, None, "draft"), SAME_EVENT, 0.9),
                    Match(OtherIncident("b", "D025-2026-P8R-00101", 25, None, "draft"), SAME_EVENT, 0.5)])
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.keyboardSearch("D025")
    assert view.currentIndex().row() == 1
    assert model.match_at(1).other.report_number == "D025-2026-P8R-00101"


def test_a_lazy_tab_says_which_display_it_is_on_before_and_after_its_screen_is_built(qtbot):
    tab = LazyScreen(lambda: QLabel("built"))
    qtbot.addWidget(tab)
    assert isinstance(tab.screen(), QScreen) and tab.content is None  # not built until shown
    tab.show()
    qtbot.waitExposed(tab)
    assert isinstance(tab.content, QLabel) and tab.content.text() == "built"
    assert tab.built() is tab.content and isinstance(tab.screen(), QScreen)
