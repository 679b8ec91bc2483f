"""The county database's append-only guards and its read-only views for outside dashboards.

The views (``county_v_*``) are plain SQL that PostgreSQL and SQLite both read; a
county that charts with Metabase, Superset or DHIS2 grants its reporting role
``SELECT`` on them and nothing else (see the README). They never show package
bytes, key material beyond fingerprints, or user passwords.
"""

from alembic import op

FIGURES = ("households", "transactions", "issued_cards", "awarded", "deducted", "redeemed",
           "redemptions", "recovered", "reversals", "labour_points", "hygiene_points",
           "after_hours", "own_household", "flags", "flags_reviewed", "outstanding",
           "outstanding_fen", "donations", "donations_fen", "purchases_fen", "count_lines",
           "count_fen", "writeoff_fen", "notes")

VIEWS = {
    "county_v_village": """
        SELECT v.id AS village_id, v.name AS village, v.head_seq, v.closure_number,
               v.first_month, v.last_month, v.registered_at, v.last_import_at,
               (SELECT k.fingerprint FROM county_key k
                 WHERE k.village_id = v.id AND k.status = 'pinned') AS key_fingerprint,
               (SELECT COUNT(*) FROM county_key k
                 WHERE k.village_id = v.id AND k.status = 'held') AS keys_held,
               (SELECT COUNT(*) FROM county_package p
                 WHERE p.village_id = v.id AND p.status = 'refused') AS packages_refused
          FROM county_village v""",
    "county_v_village_month": f"""
        SELECT m.village_id, v.name AS village, m.month, m.closure_number, m.closed_at,
               m.imported_at, m.point_value_fen, {", ".join(f"m.{f}" for f in FIGURES)}
          FROM county_month m JOIN county_village v ON v.id = m.village_id""",
    "county_v_county_month": f"""
        SELECT month, COUNT(*) AS villages, {", ".join(f"SUM({f}) AS {f}" for f in FIGURES)}
          FROM county_month GROUP BY month""",
    "county_v_month_detail": """
        SELECT d.village_id, v.name AS village, d.month, d.section, d.name, d.quantity, d.points
          FROM county_month_detail d JOIN county_village v ON v.id = d.village_id""",
    "county_v_package": """
        SELECT id AS package_id, village_id, village_name AS village, file_name, version,
               fingerprint, status, reason, closures, months, from_seq, to_seq, fork_seq,
               received_at, received_by, size
          FROM county_package""",
    "county_v_key": """
        SELECT village_id, village_name AS village, algorithm, fingerprint, status,
               first_seen_at, decided_by, decided_at
          FROM county_key""",
    "county_v_finding": """
        SELECT f.spotcheck_id, s.village_id, v.name AS village, s.month, f.kind, f.ref,
               f.expected, f.found, f.differs, f.note, f.entered_by, f.entered_at
          FROM county_finding f
          JOIN county_spotcheck s ON s.id = f.spotcheck_id
          JOIN county_village v ON v.id = s.village_id""",
}


def create() -> None:
    for name, query in VIEWS.items():
        op.execute(f"CREATE VIEW {name} AS {query}")


def drop() -> None:
    for name in VIEWS:
        op.execute(f"DROP VIEW IF EXISTS {name}")


def refuse_changes(*tables: str) -> None:
    """Triggers that refuse UPDATE and DELETE on ``tables``, on either engine."""
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        op.execute("CREATE OR REPLACE FUNCTION county_append_only() RETURNS trigger LANGUAGE plpgsql "
                   "AS $$ BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $$")
    for table in tables:
        if dialect == "sqlite":
            for action in ("UPDATE", "DELETE"):
                op.execute(f"CREATE TRIGGER {table}_no_{action.lower()} BEFORE {action} ON {table} "
                           f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END")
        elif dialect == "postgresql":
            op.execute(f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
                       f"FOR EACH ROW EXECUTE FUNCTION county_append_only()")
