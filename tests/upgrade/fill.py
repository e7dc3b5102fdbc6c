"""Records added through the ORM of the previous release, before the upgrade test
(tests/upgrade/run.sh) snapshots the database: on top of the demo district, what a centre does
in a year — organizations and teachers (with INN and e-mail, as an import leaves them), signed
cooperation agreements, a published offer, a request filed and accepted, a network event held
with attendance and its tokens issued. Only the public model contract (shared/DESIGN.md) is
used, so that any release runs it. Run in `odoo-bin shell`: ``fill(env)``.
"""

from datetime import date, timedelta


def fill(env):
    env = env(context=dict(env.context, tracking_disable=True))
    Partner = env["res.partner"]
    today = date.today()
    year = env["network.school.year"]._get_for_date(today)
    if not year:
        start = today.year if today.month >= 9 else today.year - 1
        year = env["network.school.year"].create(
            {
                "name": f"{start}/{start + 1}",
                "date_start": date(start, 9, 1),
                "date_end": date(start + 1, 8, 31),
            }
        )
    executor, applicant = Partner.create(
        [
            {
                "name": "МБОУ «Школа № 41» (тест обновления)",
                "is_company": True,
                "is_network_member": True,
                "network_org_kind": "school",
                "network_level": "2",
                "vat": "5902000411",
                "innovation_status_ids": [
                    (6, 0, env.ref("network_methodology.innovation_status_kip").ids)
                ],
            },
            {
                "name": "МБДОУ «Детский сад № 42» (тест обновления)",
                "is_company": True,
                "is_network_member": True,
                "network_org_kind": "kindergarten",
                "network_level": "3",
                "vat": "5902000422",
            },
        ]
    )
    agreements = env["network.agreement"].create(
        [
            {
                "agreement_kind": "cooperation",
                "partner_id": org.id,
                "date_start": today - timedelta(days=60),
                "date_end": today + timedelta(days=300),
            }
            for org in (executor, applicant)
        ]
    )
    agreements.action_sign()
    teachers = Partner.create(
        [
            {
                "name": f"Учитель {number} (тест обновления)",
                "is_teacher": True,
                "parent_id": (executor if number < 3 else applicant).id,
                "email": f"upgrade.teacher{number}@example.com",
                "teacher_position": "Учитель",
            }
            for number in range(6)
        ]
    )
    presenter, listeners = teachers[0], teachers[3:]
    offer = env["network.offer"].create(
        {
            "name": "Формирующее оценивание (тест обновления)",
            "organization_id": executor.id,
            "school_year_id": year.id,
            "event_form": "seminar",
            "presenter_ids": [(6, 0, presenter.ids)],
        }
    )
    offer.action_publish()
    request = env["network.request"].create(
        {
            "requester_id": applicant.id,
            "offer_id": offer.id,
            "school_year_id": year.id,
            "participants_planned": len(listeners),
        }
    )
    request.action_submit()
    request.action_accept()
    event = request.action_schedule()
    begin = max(year.date_start, today - timedelta(days=7))
    event.write(
        {
            "date_begin": f"{begin} 09:00:00",
            "date_end": f"{begin} 12:00:00",
        }
    )
    env["event.registration"].create(
        [{"event_id": event.id, "partner_id": teacher.id} for teacher in listeners]
    ).write({"state": "done"})
    event.action_issue_tokens()
