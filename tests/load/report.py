"""The load test's verdict: reads locust's statistics (``--csv PREFIX``: PREFIX_stats.csv) and
the server's log (Odoo logs each request with its query count, SQL time and the rest), prints
a Markdown table per page and whether the targets are met:

- our pages' median latency at most 1.5 times the median of Odoo's portal home ``/my``;
- no error at all.

    python tests/load/report.py PREFIX SERVER_LOG [REPORT.md]

Exit code 1 when a target is missed. Standard library only (runs in either virtualenv).
"""

import csv
import re
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from routes import ANONYMOUS, COORDINATOR, COUNTERS, LOGIN, TEACHER, YARDSTICK  # noqa: E402

TARGET_RATIO = 1.5
# ... INFO db werkzeug: 127.0.0.1 - - [..] "GET /my HTTP/1.1" 200 - 12 0.010 0.050
# (query count, SQL time and other time in seconds)
LOG_LINE = re.compile(
    r'werkzeug: \S+ - - \[[^\]]+\] "(?P<method>[A-Z]+) (?P<path>\S+) [^"]*" '
    r"(?P<status>\d+) \S+ (?P<queries>\d+) (?P<sql>[\d.]+) (?P<rest>[\d.]+)"
)


def url_patterns():
    """(URL regex, URL template) of every page, the templates' fields as path segments."""
    urls = [url for scenario in (TEACHER, COORDINATOR, ANONYMOUS) for _name, url in scenario]
    urls += [LOGIN, COUNTERS]
    patterns = {}
    for url in dict.fromkeys(urls):
        regex = re.sub(r"\\\{\w+\\\}", "[^/?]+", re.escape(url))
        patterns[url] = re.compile(f"^{regex}(\\?.*)?$")
    return patterns


def server_figures(log_path):
    """Per URL template: the medians of the query count, SQL time and other time (ms)."""
    patterns = url_patterns()
    rows = {url: [] for url in patterns}
    with open(log_path, encoding="utf-8", errors="replace") as log:
        for line in log:
            match = LOG_LINE.search(line)
            if not match:
                continue
            path = match["path"]
            for url, pattern in patterns.items():
                if pattern.match(path):
                    rows[url].append(
                        (int(match["queries"]), float(match["sql"]), float(match["rest"]))
                    )
                    break
    return {
        url: (
            statistics.median(q for q, _s, _r in values),
            1000 * statistics.median(s for _q, s, _r in values),
            1000 * statistics.median(r for _q, _s, r in values),
        )
        for url, values in rows.items()
        if values
    }


def main(prefix, log_path, output=None):
    with open(f"{prefix}_stats.csv", encoding="utf-8") as file:
        stats = {row["Name"]: row for row in csv.DictReader(file)}
    server = server_figures(log_path)
    url_of = {name: url for scenario in (TEACHER, COORDINATOR, ANONYMOUS) for name, url in scenario}
    url_of.update({LOGIN: LOGIN, COUNTERS: COUNTERS})
    yardstick = stats.get(YARDSTICK)
    if not yardstick:
        sys.exit(f"no request to the yardstick {YARDSTICK} in {prefix}_stats.csv")
    base = float(yardstick["Median Response Time"])
    lines = [
        "| page | requests | errors | median ms | p95 ms | req/s | median ÷ `/my` "
        "| queries | SQL ms | other server ms | target |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    missed = []
    for name, row in stats.items():
        if name == "Aggregated":
            continue
        median = float(row["Median Response Time"])
        errors = int(row["Failure Count"])
        ratio = median / base if base else float("inf")
        ok = errors == 0 and (name in (YARDSTICK, LOGIN) or ratio <= TARGET_RATIO)
        if not ok:
            missed.append(name)
        queries, sql, rest = server.get(url_of.get(name), ("", "", ""))
        lines.append(
            f"| `{name}` | {row['Request Count']} | {errors} | {median:.0f} | {row['95%']} "
            f"| {float(row['Requests/s']):.2f} | {ratio:.2f} "
            f"| {queries if queries == '' else f'{queries:.0f}'} "
            f"| {sql if sql == '' else f'{sql:.0f}'} "
            f"| {rest if rest == '' else f'{rest:.0f}'} "
            f"| {'ok' if ok else 'MISSED'} |"
        )
    total = stats.get("Aggregated")
    if total:
        lines.append(
            f"| all | {total['Request Count']} | {total['Failure Count']} "
            f"| {float(total['Median Response Time']):.0f} | {total['95%']} "
            f"| {float(total['Requests/s']):.2f} | | | | | |"
        )
    lines.append("")
    lines.append(
        "Targets: every page's median at most %.1f × the median of `%s`, no error. %s"
        % (
            TARGET_RATIO,
            YARDSTICK,
            "All met." if not missed else "Missed by: " + ", ".join(f"`{m}`" for m in missed),
        )
    )
    text = "\n".join(lines) + "\n"
    sys.stdout.write(text)
    if output:
        Path(output).write_text(text, encoding="utf-8")
    return 1 if missed else 0


if __name__ == "__main__":
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    sys.exit(main(*sys.argv[1:]))
