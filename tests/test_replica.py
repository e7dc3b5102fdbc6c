"""A real PostgreSQL streaming replica serves the read-only routes; writes go to the primary.

Issue 17, run by ``bash scripts/test.sh`` with every other test, or alone on its database:

    NETMETH_LINT=0 bash scripts/test.sh tests/test_replica.py

With only the PostgreSQL server binaries of this machine (``initdb``, ``pg_ctl``,
``pg_basebackup``; ``NETMETH_PG_BIN`` points elsewhere) and nothing on the machine's own server
changed, it

1. backs up the test database with ``docker/backup.sh`` (pg_dump + filestore, the deployment's
   own procedure) and creates a temporary *primary* cluster (``initdb``; Unix socket in a
   temporary folder, TCP on 127.0.0.1:5441), set up by ``docker/postgres/primary-init.sh``
   (replication role, slot, ``pg_hba.conf`` line), where ``docker/restore.sh`` restores the
   backup: the restore test (same rows, every attachment's file present);
2. starts the replica with db-replica's own entrypoint, ``docker/postgres/replica-entrypoint.sh``
   (``pg_basebackup -R`` over TCP with the replication role's password into a temporary folder,
   then a second ``postgres`` on port 5442 as hot standby) and checks the primary streams to
   it through the slot;
3. runs Odoo with prefork workers and ``db_replica_host``/``db_replica_port`` on the replica
   (HTTP on 127.0.0.1, ``NETMETH_REPLICA_HTTP_PORT`` or a free port; its gevent process
   answers /websocket), both clusters logging every statement;
4. shows that the read-only pages (the public matrix, its download, verification; a
   coordinator's catalogue, requests, needs, bank and a form shown by GET; a teacher's card,
   certificates and events) read their tables on the replica and not on the primary; that
   none of these nor the other portal lists writes (Odoo logs no read-only retry); and that a
   form posted by a coordinator inserts on the primary, streams to the replica and is then
   read from there.

Every process and folder it starts is stopped and removed at the end, whatever happens. When
run by root, the PostgreSQL servers run as the ``postgres`` OS user (they refuse root).
"""

import os
import pwd
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from contextlib import closing, contextmanager
from pathlib import Path

import psycopg2
import pytest
import requests
import websocket

import odoo
from odoo.tools import config

ROOT = Path(__file__).resolve().parent.parent
PRIMARY_PORT = 5441
REPLICA_PORT = 5442
DB = "netmeth"
ROLE = "odoo"  # superuser of the temporary clusters (Odoo refuses the role "postgres")
TIMEOUT = 60  # seconds for each wait (server start, replication, Odoo's first answer)
RETRY_WARNING = "retrying with a read/write cursor"


def _pg_bin():
    """Folder of the PostgreSQL server binaries: NETMETH_PG_BIN, else the newest installed."""
    candidates = [os.environ.get("NETMETH_PG_BIN")] if os.environ.get("NETMETH_PG_BIN") else []
    candidates += sorted(
        (str(path.parent) for path in Path("/usr/lib/postgresql").glob("*/bin/initdb")),
        key=lambda folder: int(Path(folder).parent.name),
        reverse=True,
    )
    pg_config = shutil.which("pg_config")
    if pg_config:
        candidates.append(subprocess.check_output([pg_config, "--bindir"], text=True).strip())
    for folder in candidates:
        if all((Path(folder) / tool).exists() for tool in ("initdb", "pg_ctl", "pg_basebackup")):
            return Path(folder)
    pytest.fail(
        "no PostgreSQL server binaries (initdb, pg_ctl, pg_basebackup) found: install the "
        "postgresql package or set NETMETH_PG_BIN"
    )


def _run(command, **kwargs):
    """Runs a command; on failure the assertion shows its output."""
    result = subprocess.run(
        command, capture_output=True, text=True, timeout=TIMEOUT * 2, check=False, **kwargs
    )
    assert result.returncode == 0, (
        f"{' '.join(map(str, command))} exited with {result.returncode}:\n"
        f"{result.stdout[-2000:]}{result.stderr[-2000:]}"
    )
    return result


def _free_port():
    with closing(socket.socket()) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Clusters:
    """The temporary primary and replica, their logs, and the commands run as their owner."""

    def __init__(self, tmp):
        self.tmp = tmp
        self.bin = _pg_bin()
        self.as_owner = []
        if os.geteuid() == 0:
            try:
                pwd.getpwnam("postgres")
            except KeyError:
                pytest.fail("run as root, the test needs the postgres OS user for the servers")
            self.as_owner = ["runuser", "-u", "postgres", "--"]
            shutil.chown(tmp, "postgres", "postgres")
        self.started = []
        self.processes = []  # servers run in the foreground (the replica's entrypoint)

    def run(self, tool, *args):
        _run([*self.as_owner, str(self.bin / tool), *args], cwd=self.tmp)

    def log(self, name):
        return self.tmp / f"{name}.log"

    def start(self, name, port):
        self.started.append(name)  # stopped at the end even if pg_ctl gives up waiting
        self.run(
            "pg_ctl",
            "-D",
            str(self.tmp / name),
            "-l",
            str(self.log(name)),
            "-o",
            f"-p {port}",
            "-w",
            "-t",
            str(TIMEOUT),
            "start",
        )

    def stop_all(self):
        for name in reversed(self.started):
            subprocess.run(
                [
                    *self.as_owner,
                    str(self.bin / "pg_ctl"),
                    "-D",
                    str(self.tmp / name),
                    "-m",
                    "immediate",
                    "-w",
                    "stop",
                ],
                capture_output=True,
                timeout=TIMEOUT,
                check=False,
            )
        for process in self.processes:
            if process.poll() is None:  # e.g. still waiting for the primary
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()

    def connect(self, port, dbname=DB):
        conn = psycopg2.connect(host=str(self.tmp), port=port, user=ROLE, dbname=dbname)
        conn.autocommit = True
        return conn

    def query(self, port, sql, params=None):
        with closing(self.connect(port)) as conn, conn.cursor() as cr:
            cr.execute(sql, params)
            return cr.fetchall()


# The primary listens on 127.0.0.1 too: the replica streams over TCP with a password, as
# db-replica does from db in docker-compose.yml.
SERVER_SETTINGS = """
listen_addresses = '127.0.0.1'
unix_socket_directories = '{tmp}'
wal_level = replica
max_wal_senders = 4
max_replication_slots = 4
hot_standby = on
fsync = off
shared_buffers = 32MB
log_statement = 'all'
log_line_prefix = '%m [%p] '
"""
REPLICATION = {"REPLICATION_USER": "replicator", "REPLICATION_PASSWORD": uuid.uuid4().hex}


def _script_env(clusters, **variables):
    """``env`` arguments running a docker/postgres script here, with this machine's binaries."""
    path = f"PATH={clusters.bin}:/usr/local/bin:/usr/bin:/bin"
    return ["env", path, *(f"{key}={value}" for key, value in variables.items())]


def _make_primary(clusters):
    """initdb, then docker/postgres/primary-init.sh as the postgres image runs it on the first
    start (role, slot, pg_hba.conf line). As in the image, initdb's own replication lines are
    gone, so the replica gets in by the script's line only, with the role's password."""
    tmp = clusters.tmp
    clusters.run("initdb", "-D", str(tmp / "primary"), "-U", ROLE, "--auth-local=trust",
                 "--auth-host=scram-sha-256", "-E", "UTF8", "--no-locale", "--no-sync")  # fmt: skip
    hba = tmp / "primary" / "pg_hba.conf"
    lines = hba.read_text().splitlines(keepends=True)
    hba.write_text("".join(line for line in lines if " replication " not in line))
    with open(tmp / "primary" / "postgresql.conf", "a") as conf:
        conf.write(SERVER_SETTINGS.format(tmp=tmp))
    clusters.start("primary", PRIMARY_PORT)
    script = ROOT / "docker" / "postgres" / "primary-init.sh"
    environment = _script_env(clusters, POSTGRES_USER=ROLE, PGDATA=tmp / "primary", PGHOST=tmp,
                              PGPORT=PRIMARY_PORT, **REPLICATION)  # fmt: skip
    _run([*clusters.as_owner, *environment, "bash", str(script)], cwd=tmp)
    clusters.run("pg_ctl", "-D", str(tmp / "primary"), "reload")


def _make_replica(clusters):
    """docker/postgres/replica-entrypoint.sh, the entrypoint of db-replica: pg_basebackup -R
    from the primary into the empty folder (standby.signal, primary_conninfo with the slot),
    then postgres as hot standby on its own port."""
    tmp = clusters.tmp
    script = ROOT / "docker" / "postgres" / "replica-entrypoint.sh"
    environment = _script_env(clusters, PGDATA=tmp / "replica", PRIMARY_HOST="127.0.0.1",
                              PRIMARY_PORT=PRIMARY_PORT, **REPLICATION)  # fmt: skip
    clusters.started.append("replica")
    with open(clusters.log("replica"), "w") as log:
        process = subprocess.Popen(
            [*clusters.as_owner, *environment, "bash", str(script), "-c", f"port={REPLICA_PORT}"],
            cwd=tmp, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
    clusters.processes.append(process)

    def ready():
        assert process.poll() is None, "the replica stopped: " + _tail(clusters.log("replica"))
        try:
            return clusters.query(REPLICA_PORT, "SELECT pg_is_in_recovery()") == [(True,)]
        except psycopg2.OperationalError:
            return False

    _wait(ready, "the replica answers as a hot standby")
    assert (tmp / "replica" / "standby.signal").exists()


def _backup_and_restore(clusters):
    """docker/backup.sh of the test database on its server, docker/restore.sh into the
    temporary primary: returns the restored filestore folder."""
    source_db = config["db_name"]  # the database pytest-odoo runs the tests on
    source_env = dict(os.environ, NETMETH_LOCAL="1", ODOO_DB=source_db)
    source_env["PATH"] = f"{clusters.bin}:{os.environ['PATH']}"
    source_env["NETMETH_FILESTORE"] = str(Path(config.filestore(source_db)).parent)
    for key, option in (
        ("PGHOST", "db_host"),
        ("PGPORT", "db_port"),
        ("PGUSER", "db_user"),
        ("PGPASSWORD", "db_password"),
    ):
        if config[option]:
            source_env[key] = str(config[option])
    backup = _run(
        ["bash", str(ROOT / "docker" / "backup.sh"), str(clusters.tmp / "backups")], env=source_env
    )
    dump, archive = backup.stdout.split()
    filestore_root = clusters.tmp / "data" / "filestore"
    target_env = dict(
        source_env,
        PGHOST=str(clusters.tmp),
        PGPORT=str(PRIMARY_PORT),
        PGUSER=ROLE,
        NETMETH_FILESTORE=str(filestore_root),
    )
    target_env.pop("PGPASSWORD", None)
    _run(["bash", str(ROOT / "docker" / "restore.sh"), dump, archive, DB], env=target_env)

    # The restore test: the same rows as the source, every stored attachment's file present.
    tables = (
        "res_partner",
        "res_users",
        "ir_attachment",
        "network_request",
        "network_offer",
        "network_activity_token",
        "network_certificate",
    )
    counts = " UNION ALL ".join(f"SELECT '{table}', count(*) FROM {table}" for table in tables)
    source_conn = psycopg2.connect(
        **{
            key: value
            for key, value in odoo.sql_db.connection_info_for(source_db)[1].items()
            if key != "application_name"
        }
    )
    with closing(source_conn), source_conn.cursor() as cr:
        cr.execute(counts)
        source_counts = dict(cr.fetchall())
    assert dict(clusters.query(PRIMARY_PORT, counts)) == source_counts
    assert all(source_counts.values()), source_counts
    stored = [
        name
        for (name,) in clusters.query(
            PRIMARY_PORT, "SELECT store_fname FROM ir_attachment WHERE store_fname IS NOT NULL"
        )
    ]
    assert stored
    missing = [name for name in stored if not (filestore_root / DB / name).is_file()]
    assert not missing, f"{len(missing)} of {len(stored)} attachment files not restored"
    return filestore_root


@contextmanager
def _odoo_server(clusters, http_port, gevent_port):
    tmp = clusters.tmp
    conf = tmp / "odoo.conf"
    conf.write_text(
        "\n".join(
            [
                "[options]",
                f"addons_path = {config['addons_path']}",
                f"data_dir = {tmp / 'data'}",
                f"db_host = {tmp}",
                f"db_port = {PRIMARY_PORT}",
                f"db_user = {ROLE}",
                f"db_replica_host = {tmp}",
                f"db_replica_port = {REPLICA_PORT}",
                f"db_name = {DB}",
                f"dbfilter = ^{DB}$",
                "list_db = False",
                "http_interface = 127.0.0.1",
                f"http_port = {http_port}",
                f"gevent_port = {gevent_port}",
                "workers = 2",
                "max_cron_threads = 0",
                "limit_time_cpu = 120",
                "limit_time_real = 240",
                "log_level = info",
                f"logfile = {tmp / 'odoo.log'}",
                "",
            ]
        )
    )
    odoo_bin = Path(odoo.__file__).resolve().parent.parent / "odoo-bin"
    env = dict(os.environ, PYTHONPATH=str(odoo_bin.parent))
    for key in ("PGHOST", "PGPORT", "PGUSER", "PGPASSWORD"):
        env.pop(key, None)
    process = subprocess.Popen(
        [sys.executable, str(odoo_bin), "-c", str(conf)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        url = f"http://127.0.0.1:{http_port}"
        deadline = time.monotonic() + TIMEOUT
        while True:
            try:
                if requests.get(f"{url}/web/login", timeout=TIMEOUT).status_code == 200:
                    break
            except requests.ConnectionError:
                pass
            assert process.poll() is None, "Odoo stopped: see its log " + _tail(tmp / "odoo.log")
            assert time.monotonic() < deadline, "Odoo did not answer: " + _tail(tmp / "odoo.log")
            time.sleep(0.5)
        yield url
    finally:
        # the prefork server's master stops its workers and its gevent process on SIGTERM
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def _tail(path, lines=30):
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except FileNotFoundError:
        return "(no log)"


class StatementLogs:
    """What each server executed during one request (log_statement = 'all')."""

    def __init__(self, clusters):
        self.paths = {"primary": clusters.log("primary"), "replica": clusters.log("replica")}

    @contextmanager
    def during(self):
        offsets = {name: path.stat().st_size for name, path in self.paths.items()}
        seen = {}
        yield seen
        time.sleep(0.2)  # the servers write their log lines as they run the statements
        for name, path in self.paths.items():
            with open(path, errors="replace") as log:
                log.seek(offsets[name])
                seen[name] = log.read()


def _login(url, login):
    session = requests.Session()
    page = session.get(f"{url}/web/login", timeout=TIMEOUT)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
    answer = session.post(
        f"{url}/web/login",
        data={"login": login, "password": login, "csrf_token": token, "redirect": "/my"},
        timeout=TIMEOUT,
    )
    assert answer.status_code == 200 and "/web/login" not in answer.url, f"{login} logs in"
    return session


def _uses(text, table):
    return re.search(rf"(?<!\w){table}(?!\w)", text) is not None


def test_readonly_routes_answer_from_the_replica():
    started = time.monotonic()
    timings = {}
    tmp = Path(tempfile.mkdtemp(prefix="nm_replica_"))
    clusters = Clusters(tmp)
    try:
        _make_primary(clusters)
        _backup_and_restore(clusters)
        timings["backup and restore"] = time.monotonic() - started
        _make_replica(clusters)
        assert clusters.query(PRIMARY_PORT, "SELECT pg_is_in_recovery()") == [(False,)]
        # the replica streams through the slot primary-init.sh created, as the replication role
        streaming = """
            SELECT r.usename, s.slot_name FROM pg_stat_replication r
              JOIN pg_replication_slots s ON s.active_pid = r.pid
             WHERE r.state = 'streaming'"""
        _wait(
            lambda: clusters.query(PRIMARY_PORT, streaming) == [("replicator", "replica1")],
            "the primary streams to the replica",
        )
        timings["replica"] = time.monotonic() - started

        http_port = int(os.environ.get("NETMETH_REPLICA_HTTP_PORT") or _free_port())
        gevent_port = _free_port()
        with _odoo_server(clusters, http_port, gevent_port) as url:
            timings["odoo up"] = time.monotonic() - started
            _check_routes(clusters, url)
            _check_websocket(url, gevent_port)
        timings["routes"] = time.monotonic() - started
        odoo_log = (tmp / "odoo.log").read_text(errors="replace")
        assert RETRY_WARNING not in odoo_log, "a read-only page wrote:\n" + "\n".join(
            line for line in odoo_log.splitlines() if RETRY_WARNING in line
        )
        errors = [line for line in odoo_log.splitlines() if re.search(r" (ERROR|CRITICAL) ", line)]
        assert not errors, "\n".join(errors)
        print("replica test timings (s, cumulative):", {k: round(v, 1) for k, v in timings.items()})
    finally:
        clusters.stop_all()
        shutil.rmtree(tmp, ignore_errors=True)


def _wait(condition, what):
    deadline = time.monotonic() + TIMEOUT
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting until {what}"
        time.sleep(0.2)


# Lists of the portal checked to answer without writing (besides the pages of _check_routes).
COORDINATOR_PAGES = [
    "/my/network/agreements",
    "/my/network/offers",
    "/my/network/events",
    "/my/network/materials",
    "/my/network/teachers",
    "/my/network/certificates",
    "/my/network/communities",
    "/my/network/documents",
    "/my/network/resources",
    "/my/network/resource-requests",
    "/my/network/pairs",
    "/my/network/diagnostics",
    "/my/network/councils",
    "/my/network/roadmap",
    "/my/network/offers/new",
    "/my/network/materials/new",
]
TEACHER_PAGES = [
    "/my/network/routes",
    "/my/network/mentoring",
    "/my/network/profile",
    "/my/network/communities",
    "/my/network/diagnostics",
]


def _check_websocket(url, gevent_port):
    """The prefork server's gevent process answers /websocket (nginx sends it there)."""
    session = _login(url, "teacher")
    deadline = time.monotonic() + TIMEOUT
    while True:  # the master starts the gevent process after the workers
        try:
            connection = websocket.create_connection(
                f"ws://127.0.0.1:{gevent_port}/websocket",
                cookie=f"session_id={session.cookies['session_id']}",
                origin=url,
                timeout=TIMEOUT,
            )
            break
        except ConnectionRefusedError:
            assert time.monotonic() < deadline, "the gevent process does not listen"
            time.sleep(0.5)
    try:
        assert connection.getstatus() == 101
    finally:
        connection.close()


def _check_routes(clusters, url):
    logs = StatementLogs(clusters)
    code = clusters.query(
        PRIMARY_PORT,
        "SELECT verification_code FROM network_certificate WHERE state = 'issued' LIMIT 1",
    )[0][0]
    anonymous = requests.Session()
    coordinator = _login(url, "coordinator")
    teacher = _login(url, "teacher")
    # (who, page, a table the page reads): read-only routes, read on the replica only
    pages = [
        (anonymous, "/network/matrix", "network_request"),
        (anonymous, "/network/matrix/export/xlsx", "network_request"),
        (anonymous, f"/network/certificate/verify/{code}", "network_certificate"),
        (coordinator, "/my/network/catalogue", "network_offer"),
        (coordinator, "/my/network/requests", "network_request"),
        (coordinator, "/my/network/needs", "network_need"),
        (coordinator, "/my/network/bank", "network_material"),
        (coordinator, "/my/network/needs/new", "res_partner"),  # a form, shown by GET
        (teacher, "/my/network/card", "network_activity_token"),
        (teacher, "/my/network/certificates", "network_certificate"),
        (teacher, "/my/network/events", "event_event"),
    ]
    # Each worker loads the registry and fills its caches; the other lists are only checked
    # to answer without writing (the read-only retry is looked for in Odoo's log at the end).
    others = [(coordinator, page) for page in COORDINATOR_PAGES]
    others += [(teacher, page) for page in TEACHER_PAGES]
    statuses = {}
    details = []
    for session, page in [(session, page) for session, page, _table in pages] + others:
        answer = session.get(f"{url}{page}", timeout=TIMEOUT)
        statuses[page] = (answer.status_code, len(answer.history))
        # and the first record the list links to (records show their discussion)
        link = re.search(rf'href="({re.escape(page)}/\d+)"', answer.text)
        if link and page.startswith("/my/network/"):
            details.append((session, link.group(1)))
    for session, page in details:
        answer = session.get(f"{url}{page}", timeout=TIMEOUT)
        statuses[page] = (answer.status_code, len(answer.history))
    assert len(details) >= 8, details
    assert set(statuses.values()) == {(200, 0)}, statuses
    for session, page, table in pages:
        with logs.during() as seen:
            answer = session.get(f"{url}{page}", timeout=TIMEOUT)
        assert answer.status_code == 200 and not answer.history, f"{page}: {answer.status_code}"
        assert _uses(seen["replica"], table), f"{page} reads {table} on the replica"
        assert not _uses(seen["primary"], table), f"{page} does not read {table} on the primary"

    # A form posted: the insert runs on the primary (a hot standby cannot write), streams to
    # the replica, and the need's page then reads it from the replica.
    form = coordinator.get(f"{url}/my/network/needs/new", timeout=TIMEOUT)
    token = re.search(r'name="csrf_token" value="([^"]+)"', form.text).group(1)
    theme = f"Replica check {uuid.uuid4().hex[:8]}"
    with logs.during() as seen:
        posted = coordinator.post(
            f"{url}/my/network/needs/new",
            data={"csrf_token": token, "name": theme, "audience": "teachers"},
            allow_redirects=False,
            timeout=TIMEOUT,
        )
    assert posted.status_code in (302, 303), posted.status_code
    assert re.search(r'INSERT INTO "network_need"', seen["primary"])
    assert not re.search(r"\b(INSERT|UPDATE|DELETE)\b", seen["replica"])
    lsn = clusters.query(PRIMARY_PORT, "SELECT pg_current_wal_lsn()::text")[0][0]
    _wait(
        lambda: clusters.query(
            REPLICA_PORT, "SELECT pg_last_wal_replay_lsn() >= %s::pg_lsn", (lsn,)
        )
        == [(True,)],
        "the replica replays the insert",
    )
    assert clusters.query(
        REPLICA_PORT, "SELECT count(*) FROM network_need WHERE name = %s", (theme,)
    ) == [(1,)]
    with logs.during() as seen:
        location = posted.headers["Location"]
        page = coordinator.get(location if "://" in location else url + location, timeout=TIMEOUT)
    assert page.status_code == 200 and theme in page.text
    assert _uses(seen["replica"], "network_need") and not _uses(seen["primary"], "network_need")
