"""Compares two snapshots (snapshot.py) taken before and after an upgrade, for
tests/upgrade/run.sh: every table, row count, column and many2many relation of the add-ons
before the upgrade must be there after it with the same values. Exits 1 on any difference.

    python compare.py BEFORE.json AFTER.json

EXPECTED lists the differences an upgrade makes by design (a migration script that converts a
column), each with its reason: none so far.
"""

import json
import sys

# {"table.column": "why the upgrade changes it"}
EXPECTED = {}


def compare(before, after):
    problems = []
    checked_columns = 0
    for table, old in before["tables"].items():
        new = after["tables"].get(table)
        if new is None:
            problems.append(f"table {table} lost")
            continue
        if new["count"] != old["count"]:
            problems.append(f"{table}: {old['count']} rows before, {new['count']} after")
        for column, digest in old["columns"].items():
            checked_columns += 1
            key = f"{table}.{column}"
            if column not in new["columns"]:
                problems.append(f"{key}: column lost")
            elif new["columns"][column] != digest and key not in EXPECTED:
                problems.append(f"{key}: values changed")
    for relation, old in before["relations"].items():
        new = after["relations"].get(relation)
        if new is None:
            problems.append(f"relation table {relation} lost")
        elif new != old:
            problems.append(f"{relation}: {old['count']} pairs before, {new['count']} after")
    rows = sum(table["count"] for table in before["tables"].values())
    print(
        f"checked {len(before['tables'])} tables ({rows:,} rows, {checked_columns} columns) and "
        f"{len(before['relations'])} many2many relations"
    )
    return problems


def main():
    with open(sys.argv[1], encoding="utf-8") as handle:
        before = json.load(handle)
    with open(sys.argv[2], encoding="utf-8") as handle:
        after = json.load(handle)
    problems = compare(before, after)
    for table, data in sorted(before["tables"].items()):
        print(f"  {table}: {data['count']:,} rows, {len(data['columns'])} columns")
    if problems:
        print("the upgrade lost or changed data:")
        for problem in problems:
            print(f"  {problem}")
        sys.exit(1)
    print("nothing lost, nothing changed")


if __name__ == "__main__":
    main()
