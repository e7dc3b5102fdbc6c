"""The pages the load test requests, by scenario: the locustfile builds its requests from these,
tests/test_load_routes.py checks that each one is a route of the installed add-ons (this module
imports nothing but the standard library, so that check runs without locust).

Each entry: the name in the statistics and the URL (``{certificate}`` and ``{code}`` filled in
per request). ``/my``, Odoo's own portal home, is the yardstick.
"""

YARDSTICK = "/my"

TEACHER = [
    # (statistics name, URL template)
    (YARDSTICK, "/my"),
    ("/my/network/card", "/my/network/card"),
    ("/my/network/events", "/my/network/events"),
    ("/my/network/certificates/<id>/pdf", "/my/network/certificates/{certificate}/pdf"),
]

COORDINATOR = [
    (YARDSTICK, "/my"),
    ("/my/network/catalogue", "/my/network/catalogue"),
    ("/my/network/requests", "/my/network/requests"),
    ("/network/matrix [coordinator]", "/network/matrix"),
]

ANONYMOUS = [
    ("/network/certificate/verify/<code>", "/network/certificate/verify/{code}"),
    ("/network/matrix [anonymous]", "/network/matrix"),
]

LOGIN = "/web/session/authenticate"
# After /my, the browser asks for the counters of the home's tiles (JSON, POST): our add-ons'
# counters are computed there. The locustfile calls it after every /my of a portal user.
COUNTERS = "/my/counters"

# The same example values fill the templates when the routes are checked.
EXAMPLE = {"certificate": 1, "code": "x" * 32}


def all_urls():
    """Every URL template of every scenario (and the login), each once."""
    urls = [url for scenario in (TEACHER, COORDINATOR, ANONYMOUS) for _name, url in scenario]
    return list(dict.fromkeys([LOGIN, COUNTERS, *urls]))
