"""Every label of the record's vocabularies (status, agency, camera kind...) can be shown in Spanish."""

from __future__ import annotations

from intake_app.domain.enums import LABELS, ORDER_LABELS, Agency, FootageKind, Status, YesNoUnknown, label
from intake_app.ui.common import i18n
from intake_app.ui.common.vocabulary import KNOWN_LABELS, vocabulary_label


def test_the_translatable_list_is_exactly_the_domains_labels():
    assert set(KNOWN_LABELS) == set(LABELS.values()) | set(ORDER_LABELS.values())


def test_an_unknown_agency_and_an_unknown_answer_keep_their_own_labels():
    assert (label(Agency.UNKNOWN), label(YesNoUnknown.UNKNOWN)) == ("Unknown agency", "Unknown")


def test_labels_show_in_spanish_when_spanish_is_chosen(qapp):
    i18n.install_language("es")
    try:
        assert vocabulary_label(Status.DRAFT) == "Borrador"
        assert vocabulary_label(FootageKind.BODY_WORN) == "Cámara corporal"
        assert vocabulary_label(Agency.CBP_BORDER_PATROL) == "CBP Patrulla Fronteriza"
    finally:
        i18n.install_language("en")
    assert vocabulary_label(Status.DRAFT) == "Draft"
