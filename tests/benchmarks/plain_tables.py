"""The benchmarks' baseline on PostgreSQL: the rows the server writes for a pushed version (change log, newest
version, idempotency key) as three plain tables with no index but their keys, written straight with psycopg."""

from __future__ import annotations

import psycopg

PLAIN_TABLES = ("bench_changes", "bench_incidents", "bench_pushes")


def create_plain_tables(conn: psycopg.Connection) -> None:
    conn.execute(f"DROP TABLE IF EXISTS {', '.join(PLAIN_TABLES)}")
    conn.execute("CREATE TABLE bench_changes (seq bigserial primary key, incident_id text, district int, "
                 "version int, record_json text, device_id bigint, at timestamptz default now())")
    conn.execute("CREATE TABLE bench_incidents (id text primary key, district int, version int, "
                 "record_json text, last_seq bigint, updated_at timestamptz default now())")
    conn.execute("CREATE TABLE bench_pushes (idempotency_key text primary key, device_id bigint, "
                 "incident_id text, result_json text, at timestamptz default now())")
