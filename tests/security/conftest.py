import pytest

from tests.people import ADMIN_PASS, LT2_PASS, LT_PASS, SGT_PASS, add_people

__all__ = ["ADMIN_PASS", "LT2_PASS", "LT_PASS", "SGT_PASS"]  # tests of this folder import them from here


@pytest.fixture
def people(store):
    """A station with an administrator, a supervisor (the record's sergeant, star 2231) and two reviewers."""
    return add_people(store)
