"""Demo records (`intake demo`) are synthetic in every part, the reporting party included."""

from intake_app.domain.demo import demo_incidents


def test_demo_reporting_parties_have_a_plainly_synthetic_name_phone_and_address():
    parties = [inc.reporting_party for inc in demo_incidents(40, seed=3) if inc.reporting_party]
    assert parties
    assert all(p.address.endswith(" W Demo Street (synthetic address)") for p in parties)
    assert all(p.name.startswith("Demo Person ") and p.phone.startswith("312-555-") for p in parties)
