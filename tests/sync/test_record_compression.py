"""The server's stored records (change log and newest versions, about 4 kB of JSON each) are compressed with
lz4 on a PostgreSQL that has it (migration s0007_lz4_records): pglz cost a third of writing a pushed batch."""

from __future__ import annotations


def test_the_change_log_and_the_newest_versions_store_their_records_with_lz4(admin):
    [(has_lz4,)] = admin.sql("SELECT count(*) > 0 FROM pg_settings WHERE name = 'default_toast_compression' "
                             "AND 'lz4' = ANY(enumvals)")
    compressions = dict(admin.sql(
        "SELECT c.relname, a.attcompression FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
        "WHERE c.relname IN ('changes', 'incidents') AND a.attname = 'record_json'"))
    assert compressions == ({"changes": "l", "incidents": "l"} if has_lz4 else {"changes": "", "incidents": ""})
