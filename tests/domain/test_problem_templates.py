"""Validation problems carry an English template and its values, so the desktop UI can translate the
sentence whole; the CLI, the server and the logs keep reading the English sentence."""

import ast
from pathlib import Path

from intake_app.domain.problems import Problem, Severity
from intake_app.domain.validation import validate
from tests.factories import make_incident

VALIDATION = Path(__file__).resolve().parents[2] / "intake_app" / "domain" / "validation.py"


def test_a_problem_reads_as_its_template_filled_in():
    problem = Problem("beat", "beat {beat} is not in district {district}", Severity.INVALID,
                      {"beat": "0111", "district": "9"})
    assert problem.message == "beat 0111 is not in district 9"
    assert str(problem) == "beat: beat 0111 is not in district 9"


def test_a_problem_without_values_keeps_braces_it_quotes():
    assert Problem("statute", "'{x}' is not in the statute catalogue").message == "'{x}' is not in the statute catalogue"


def test_the_validator_fills_the_values_of_a_wrong_beat():
    incident = make_incident(district=9, beat="0111")
    [problem] = [p for p in validate(incident) if p.path == "beat"]
    assert problem.template == "beat {beat} is not in district {district} (its first two digits are the district)"
    assert dict(problem.params) == {"beat": "0111", "district": "9"}
    assert problem.message == "beat 0111 is not in district 9 (its first two digits are the district)"


def validator_message_arguments() -> list[ast.expr]:
    """The message argument of every _missing/_wrong call in the validator."""
    calls = [n for n in ast.walk(ast.parse(VALIDATION.read_text(encoding="utf-8")))
             if isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id in ("_missing", "_wrong")]
    assert len(calls) > 30
    return [c.args[1] for c in calls]


def test_every_validator_message_is_a_fixed_template_not_a_formatted_string():
    # A message built with an f-string could not be found in the translations: values go in as params.
    formatted = [ast.unparse(a) for a in validator_message_arguments() if not isinstance(a, ast.Constant)]
    assert not formatted


def test_the_validator_builds_problems_only_through_its_two_helpers():
    tree = ast.parse(VALIDATION.read_text(encoding="utf-8"))
    direct = [n.lineno for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)
              and n.func.id == "Problem"]
    assert len(direct) == 2  # inside _missing and _wrong
