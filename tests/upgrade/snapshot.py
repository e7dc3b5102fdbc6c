"""Snapshot of what the add-ons store, for tests/upgrade/run.sh: prints JSON.

    python snapshot.py DATABASE ADDON,ADDON,…

For every stored field the add-ons define (their own models' fields and the fields they add to
core models: res.partner, event.event, …), read from ir_model_fields through the add-ons'
external ids: the table's row count and a digest (md5) of the column's values in the order of
the rows' ids; for many2many fields, the count and a digest of the relation table's pairs.
Columns that an upgrade rewrites by design (write_date, write_uid) are left out. The connection
comes from the PG* environment variables (scripts/lib.sh exports them).
"""

import json
import sys

import psycopg2
from psycopg2 import sql

SKIPPED_COLUMNS = {"write_date", "write_uid"}


def fields_of(cr, addons):
    cr.execute(
        """
        SELECT DISTINCT f.model, f.name, f.ttype, f.relation_table, f.column1, f.column2
          FROM ir_model_fields f
          JOIN ir_model_data d ON d.model = 'ir.model.fields' AND d.res_id = f.id
         WHERE d.module = ANY(%s) AND f.store
        """,
        [addons],
    )
    return cr.fetchall()


def base_tables(cr):
    cr.execute(
        "SELECT relname FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace"
    )
    return {row[0] for row in cr.fetchall()}


def columns_of(cr, table):
    cr.execute("SELECT column_name FROM information_schema.columns WHERE table_name = %s", [table])
    return {row[0] for row in cr.fetchall()}


def snapshot(dbname, addons):
    with psycopg2.connect(dbname=dbname) as conn, conn.cursor() as cr:
        tables = base_tables(cr)
        columns = {}
        relations = {}
        for model, name, ttype, relation, column1, column2 in fields_of(cr, addons):
            if ttype == "many2many":
                if relation in tables:
                    relations[relation] = (column1, column2)
                continue
            table = model.replace(".", "_")
            if table in tables and name not in SKIPPED_COLUMNS:
                columns.setdefault(table, set()).add(name)
        result = {"tables": {}, "relations": {}}
        for table, names in sorted(columns.items()):
            names = sorted(names & columns_of(cr, table))
            digests = [
                sql.SQL("md5(string_agg(coalesce({}::text, '∅'), '|' ORDER BY id))").format(
                    sql.Identifier(name)
                )
                for name in names
            ]
            cr.execute(
                sql.SQL("SELECT count(*), {} FROM {}").format(
                    sql.SQL(", ").join([sql.SQL("0"), *digests]), sql.Identifier(table)
                )
            )
            row = cr.fetchone()
            result["tables"][table] = {
                "count": row[0],
                "columns": dict(zip(names, row[2:], strict=False)),
            }
        for relation, (column1, column2) in sorted(relations.items()):
            cr.execute(
                sql.SQL(
                    "SELECT count(*), md5(string_agg({a}::text || '-' || {b}::text, '|' "
                    "ORDER BY {a}, {b})) FROM {t}"
                ).format(
                    a=sql.Identifier(column1),
                    b=sql.Identifier(column2),
                    t=sql.Identifier(relation),
                )
            )
            count, digest = cr.fetchone()
            result["relations"][relation] = {"count": count, "digest": digest}
    return result


if __name__ == "__main__":
    json.dump(snapshot(sys.argv[1], sys.argv[2].split(",")), sys.stdout, indent=1, sort_keys=True)
