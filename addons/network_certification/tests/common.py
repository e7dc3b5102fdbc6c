"""Shared set-up of the network_certification tests: school years 1987/1988 … 1990/1991
(1990/1991 is the year of network_methodology's test common), and factories for tokens."""

from datetime import date, datetime

from odoo.addons.network_methodology.tests.common import NetworkTestCommon


class CertificationTestCommon(NetworkTestCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        # printed documents and the verification page speak the centre's language: the
        # tests read the English source texts
        cls.company.partner_id.lang = "en_US"
        cls.company.write(
            {
                "network_cert_min_tokens": 3,
                "network_cert_window_years": 3,
                "network_cert_min_red_tokens": 3,
                "network_platform_min_teachers": 3,
            }
        )
        cls.year_1989 = cls._create_year(1989)
        cls.year_1988 = cls._create_year(1988)
        cls.year_1987 = cls._create_year(1987)
        cls.Certificate = cls.env["network.certificate"]
        # network events in March of each school year, for tokens
        cls.past_events = {
            start_year: cls.env["event.event"].create(
                [
                    {
                        "name": f"Event {start_year}/{index}",
                        "is_network_event": True,
                        "event_form": "seminar",
                        "host_organization_id": cls.executor.id,
                        "date_begin": datetime(start_year + 1, 3, 1 + index, 9, 0),
                        "date_end": datetime(start_year + 1, 3, 1 + index, 11, 0),
                    }
                    for index in range(6)
                ]
            )
            for start_year in (1987, 1988, 1989, 1990)
        }

    @classmethod
    def _past_event(cls, start_year, index=0):
        """A network event in March of school year ``start_year``/``start_year + 1``."""
        return cls.past_events[start_year][index]

    @classmethod
    def _give_tokens(cls, teacher, *spec):
        """Tokens for ``teacher``: each item of ``spec`` is ``(start_year, role)``; each token
        is on its own event (one token per teacher, event and role)."""
        Token = cls.env["network.activity.token"]
        vals_list = []
        used = {}
        for start_year, role in spec:
            index = used[start_year] = used.get(start_year, -1) + 1
            event = cls._past_event(start_year, index)
            vals_list.append(
                {
                    "partner_id": teacher.id,
                    "organization_id": teacher.parent_id.id,
                    "event_id": event.id,
                    "role": role,
                    "date": event.date_begin.date(),
                }
            )
        return Token.create(vals_list)

    @classmethod
    def _issue(cls, partners=None, year=None):
        return cls.env["network.certificate"]._issue_teacher_certificates(
            year or cls.year, partners.ids if partners is not None else None
        )

    @classmethod
    def _run_requests(cls, offer, requester, count, start_year=1990):
        """``count`` requests on ``offer`` carried out: scheduled as events in ``start_year``,
        tokens issued (presenters of the offer get red tokens)."""
        events = cls.env["event.event"]
        for index in range(count):
            request = cls._create_request(
                offer=offer, requester=requester, date_request=date(start_year + 1, 2, 1)
            )
            request.action_submit()
            request.action_accept()
            events |= request._schedule_events(
                date_begin=datetime(start_year + 1, 4, 1 + index, 9, 0)
            )
        events._issue_tokens()
        return events

    @classmethod
    def _draft_certificate(cls, partner, kind="teacher", year=None):
        return cls.env["network.certificate"].create(
            {
                "certificate_kind": kind,
                "partner_id": partner.id,
                "school_year_id": (year or cls.year).id,
            }
        )
