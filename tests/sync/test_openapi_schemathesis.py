"""Schemathesis drives the real server from its own OpenAPI document: no 500, no answer outside the schema."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import httpx

CHECKS = "not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance"


def test_generated_requests_never_get_a_500_or_an_off_schema_answer(server, admin):
    token = httpx.post(server.base + "/enroll", json={"code": admin.code(9)}).json()["token"]
    cli = Path(sys.executable).with_name("schemathesis")
    run = subprocess.run(
        [str(cli), "run", f"{server.base}/openapi.json", "--checks", CHECKS, "--max-examples", "20",
         "--header", f"Authorization: Bearer {token}", "--seed", "2026", "--workers", "1", "--no-color"],
        capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    assert "passed" in run.stdout.lower()
