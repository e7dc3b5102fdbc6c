"""docker/: the pieces of the deployment agree with each other (no Docker needed).

Odoo's configuration, the compose file, nginx's site and the PostgreSQL scripts name the same
ports, services and settings; a change to one of them that forgets the others fails here.
``docker compose config`` and ``nginx -t`` check the syntax where Docker and nginx exist."""

import configparser
import re
from pathlib import Path

DOCKER = Path(__file__).resolve().parent.parent / "docker"


def _odoo_options():
    options = configparser.ConfigParser()
    options.read(DOCKER / "odoo.conf")
    return options["options"]


def _compose_services():
    """Names of the compose file's services (top-level keys under ``services:``)."""
    text = (DOCKER / "docker-compose.yml").read_text()
    block = text.split("\nservices:\n", 1)[1].split("\nvolumes:\n", 1)[0]
    return set(re.findall(r"^  ([a-z][a-z0-9-]*):$", block, re.M))


def test_odoo_runs_prefork_behind_the_proxy_with_limits():
    options = _odoo_options()
    assert options["proxy_mode"] == "True"
    assert int(options["workers"]) > 0
    assert int(options["max_cron_threads"]) >= 1
    assert options["gevent_port"] == "8072"
    assert options["http_port"] == "8069"
    soft, hard = int(options["limit_memory_soft"]), int(options["limit_memory_hard"])
    assert 0 < soft < hard
    assert 0 < int(options["limit_time_cpu"]) <= int(options["limit_time_real"])
    assert int(options["limit_request"]) > 0
    assert options["list_db"] == "False" and "admin_passwd" not in options
    assert options["without_demo"] == "all"
    # the primary comes from the image's environment (HOST/PORT/USER/PASSWORD)
    assert not {"db_host", "db_user", "db_password"} & set(options)


def test_the_replica_is_a_service_of_the_compose_file():
    options = _odoo_options()
    services = _compose_services()
    assert services == {"db", "db-replica", "odoo", "nginx"}
    assert options["db_replica_host"] in services
    assert options["db_replica_port"] == "5432"
    compose = (DOCKER / "docker-compose.yml").read_text()
    assert "--workers=${ODOO_WORKERS" in compose
    assert "./postgres/primary-init.sh:/docker-entrypoint-initdb.d/" in compose
    assert "./postgres/replica-entrypoint.sh:/usr/local/bin/replica-entrypoint.sh" in compose
    assert 'entrypoint: ["/usr/local/bin/replica-entrypoint.sh"]' in compose
    env = (DOCKER / ".env.example").read_text()
    for variable in re.findall(r"\$\{([A-Z_]+)[:?}-]", compose):
        assert re.search(rf"^{variable}=", env, re.M), f"{variable} is in .env.example"


def test_replication_scripts_agree():
    primary = (DOCKER / "postgres" / "primary-init.sh").read_text()
    replica = (DOCKER / "postgres" / "replica-entrypoint.sh").read_text()
    slot = re.search(r"pg_create_physical_replication_slot\('(\w+)'\)", primary).group(1)
    assert f"--slot={slot}" in replica
    assert "host replication $REPLICATION_USER" in primary
    assert "pg_basebackup" in replica and "--write-recovery-conf" in replica
    assert "hot_standby=on" in replica


def test_nginx_proxies_pages_and_websockets_with_tls():
    site = (DOCKER / "nginx" / "odoo.conf").read_text()
    options = _odoo_options()
    upstreams = dict(re.findall(r"upstream (\w+) \{\s*server odoo:(\d+);", site))
    assert upstreams == {"odoo": options["http_port"], "odoo_websocket": options["gevent_port"]}
    websocket = re.search(r"location /websocket \{(.*?)\}", site, re.S).group(1)
    assert "proxy_pass http://odoo_websocket;" in websocket
    assert "proxy_set_header Upgrade $http_upgrade;" in websocket
    assert "proxy_set_header Connection $connection_upgrade;" in websocket
    assert "proxy_http_version 1.1;" in websocket
    root = re.search(r"location / \{(.*?)\}", site, re.S).group(1)
    assert "proxy_pass http://odoo;" in root
    # proxy_mode trusts these headers: nginx must set them (not pass the client's)
    for header in ("X-Forwarded-Host", "X-Forwarded-For", "X-Forwarded-Proto"):
        assert f"proxy_set_header {header} " in site
    assert "listen 443 ssl;" in site
    assert "ssl_certificate     /etc/nginx/certs/fullchain.pem;" in site
    assert "ssl_certificate_key /etc/nginx/certs/privkey.pem;" in site
    assert "return 301 https://$host$request_uri;" in site
