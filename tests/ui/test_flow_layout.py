"""Rows of filters and buttons wrap when the window is narrow (flow_layout.py); side by side or wrapped, they
keep the style's gap between them, as Qt's own layouts do."""

from PySide6.QtWidgets import QPushButton, QStyle, QWidget

from intake_app.ui.common.flow_layout import FlowLayout


def buttons_in_a_flow(qtbot, width: int) -> tuple[QWidget, list[QPushButton]]:
    holder = QWidget()
    qtbot.addWidget(holder)
    flow = FlowLayout(holder)
    buttons = [QPushButton(text) for text in ("Drafts", "In review", "Approved")]
    for button in buttons:
        flow.addWidget(button)
    holder.resize(width, flow.heightForWidth(width))
    holder.show()
    qtbot.waitExposed(holder)
    return holder, buttons


def test_buttons_side_by_side_keep_the_styles_gap(qtbot):
    holder, (first, second, third) = buttons_in_a_flow(qtbot, 600)
    gap = holder.style().pixelMetric(QStyle.PixelMetric.PM_LayoutHorizontalSpacing)
    assert gap > 0
    assert first.y() == second.y() == third.y()
    assert second.x() - first.geometry().right() - 1 == gap
    assert third.x() - second.geometry().right() - 1 == gap


def test_wrapped_buttons_keep_the_same_gap_between_lines(qtbot):
    holder, (first, second, _third) = buttons_in_a_flow(qtbot, 10)  # narrower than any button: one a line
    gap = holder.style().pixelMetric(QStyle.PixelMetric.PM_LayoutHorizontalSpacing)
    assert second.x() == first.x()
    assert second.y() - first.geometry().bottom() - 1 == gap
