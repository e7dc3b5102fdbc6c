import io
from datetime import date

import xlsxwriter

from odoo import _, api, fields, models
from odoo.tools.misc import format_date, formatLang

from ..models.network_offer import PUBLISHED_OFFER_STATES
from ..models.network_request import UNFILED_REQUEST_STATES


class ReportNetworkKpiYear(models.AbstractModel):
    """Analytical report of a school year for the whole network (printed on school years).

    Every table is gathered with ``_read_group`` (one grouped query each, whatever the size
    of the network); the project report inherits this and limits the tables to a sub-project.
    ``_report_tables`` returns plain rows, so the PDF and the spreadsheet show the same
    figures."""

    _name = "report.network_methodology.report_network_kpi_year"
    _description = "Network Analytical Report (school year)"

    @api.model
    def _get_scopes(self, docids, data):
        """``(school_year, project)`` pairs to print; an empty project is the whole network."""
        years = self.env["network.school.year"].browse(docids)
        return [(year, self.env["network.project"]) for year in years]

    @api.model
    def _get_report_values(self, docids, data=None):
        # the centre's language: the report goes to the education department as it is
        company = self.env.company
        lang = company.partner_id.lang or self.env.lang
        report = self.with_context(lang=lang)
        scopes = self._get_scopes(docids, data or {})
        return {
            "doc_ids": docids,
            "docs": [report._report_tables(year, project) for year, project in scopes],
            "company": company,
            # not Odoo's «Your logo» placeholder of a company without a logo of its own
            "show_logo": bool(company.logo) and company.logo != company._get_logo(),
            "lang": lang,
            "print_date": fields.Date.context_today(self),
        }

    # ------------------------------------------------------------------ tables
    @api.model
    def _scope(self, project, field):
        return [(field, "child_of", project.id)] if project else []

    @api.model
    def _report_tables(self, year, project):
        # one run of the KPI query: every column is fetched with the search
        Kpi = self.env["network.kpi.report"]
        kpi = Kpi.search_fetch(
            [("school_year_id", "=", year.id), ("project_id", "=", project.id or False)],
            [name for name, field in Kpi._fields.items() if field.store and name != "id"],
            limit=1,
        )
        today = fields.Date.context_today(self)
        final = year.state == "closed" or today > year.date_end
        return {
            "year": year,
            "project": project,
            "title": _("Final analytical report") if final else _("Interim analytical report"),
            "scope_name": project.display_name if project else _("Whole network"),
            "kpi": kpi,
            "kpi_lines": self._kpi_lines(kpi),
            "organizations": self._organization_rows(year, project),
            "forms": self._form_month_table(year, project),
            "matrix": self._matrix_rows(year, project),
            "uninvolved": kpi._uninvolved_organizations().sorted("name").mapped("name")
            if kpi
            else [],
        }

    @api.model
    def _kpi_lines(self, kpi):
        """KPI lines: ``name``, the figures as numbers (``number``, ``target_number`` — None
        when the target is growth —, ``previous_number`` — None without a previous year —,
        ``counts`` — numerator and denominator of a ratio), whether it is met (None: not
        assessed), and the same figures written for people (``value``, ``target``,
        ``previous``) in the report's language: «88,89 % (8 / 9)»."""
        if not kpi:
            return []
        previous = kpi.has_previous

        def line(name, number, previous_number, met, target=None, percent=False, counts=None):
            return {
                "name": name,
                "number": number,
                "target_number": target,
                "previous_number": previous_number if previous else None,
                "counts": counts,
                "percent": percent,
                "met": met,
            }

        lines = [
            line(
                _("Demand for offered experience (requested / published offers)"),
                kpi.demand_ratio,
                kpi.prev_demand_ratio,
                kpi.demand_met,
                target=kpi.demand_target,
                percent=True,
                counts=(kpi.offers_requested, kpi.offers_published),
            ),
            line(
                _("Fulfilment of network events (carried out / accepted requests)"),
                kpi.fulfilment_ratio,
                kpi.prev_fulfilment_ratio,
                kpi.fulfilment_met,
                target=kpi.fulfilment_target,
                percent=True,
                counts=(kpi.requests_done, kpi.requests_accepted),
            ),
            line(
                _("Teachers taking part (with tokens)"),
                kpi.teachers_active,
                kpi.prev_teachers_active,
                kpi.teachers_active > kpi.prev_teachers_active if previous else None,
            ),
            line(
                _("Certificates issued"),
                kpi.certificates_issued,
                kpi.prev_certificates_issued,
                kpi.certificates_issued > kpi.prev_certificates_issued if previous else None,
            ),
            line(
                _("Certificates per 100 teachers taking part"),
                kpi.certification_ratio,
                kpi.prev_certification_ratio,
                kpi.certification_met if previous else None,
            ),
            line(
                _("Organizations with the «Network platform» status"),
                kpi.platforms_count,
                kpi.prev_platforms_count,
                kpi.platforms_met if previous else None,
            ),
            dict(
                line(
                    _("Organizations not involved (no offer, no request)"),
                    kpi.organizations_uninvolved,
                    None,
                    kpi.organizations_uninvolved == 0,
                    target=0,
                ),
                previous_number=None,
            ),
            self._kpi_count_line(
                "materials_published",
                _("Materials published in the methodical bank"),
                kpi.materials_published,
            ),
        ]
        for kpi_line in lines:
            kpi_line.update(self._kpi_line_texts(kpi_line))
        return lines

    @api.model
    def _kpi_count_line(self, code, name, number):
        """A KPI line of a count without target (not assessed, no previous year): what
        add-ons append to ``_kpi_lines``, texts included."""
        line = {
            "code": code,
            "name": name,
            "number": number,
            "target_number": None,
            "previous_number": None,
            "counts": None,
            "percent": False,
            "met": None,
        }
        line.update(self._kpi_line_texts(line))
        return line

    @api.model
    def _kpi_line_texts(self, line):
        """The figures of a KPI line as the PDF prints them, in the report's language."""

        def number(value, digits=None):
            if digits is None:
                digits = 2 if isinstance(value, float) else 0
            text = formatLang(self.env, value, digits=digits, grouping=True)
            return f"{text} %" if line["percent"] else text

        value = number(line["number"])
        if line["counts"]:
            value += " (%d / %d)" % line["counts"]
        target = line["target_number"]
        if target is None:
            target = _("growth")
        else:
            operator = "≥ " if line["percent"] and target < 100 else ""
            target = operator + number(target, 0 if float(target).is_integer() else 2)
        previous = "—" if line["previous_number"] is None else number(line["previous_number"])
        return {"value": value, "target": target, "previous": previous}

    @api.model
    def _organization_rows(self, year, project):
        """Participation per organization, as executor and as applicant; organizations with
        nothing to show are left out (the uninvolved ones are listed separately)."""
        rows = {}

        def add(groups, *columns):
            for org, *values in groups:
                if not org:
                    continue
                row = rows.setdefault(
                    org,
                    dict.fromkeys(
                        (
                            "offers",
                            "made",
                            "made_done",
                            "received",
                            "received_done",
                            "events",
                            "teachers",
                            "tokens",
                        ),
                        0,
                    ),
                )
                for column, value in zip(columns, values, strict=True):
                    row[column] += value or 0

        year_domain = [("school_year_id", "=", year.id)]
        offers = [*year_domain, ("state", "in", PUBLISHED_OFFER_STATES)]
        requests = [*year_domain, ("state", "not in", UNFILED_REQUEST_STATES)]
        Request = self.env["network.request"]
        add(
            self.env["network.offer"]._read_group(
                offers + self._scope(project, "project_id"), ["organization_id"], ["__count"]
            ),
            "offers",
        )
        add(
            Request._read_group(
                requests + self._scope(project, "project_id"),
                ["requester_id"],
                ["__count", "done_count:sum"],
            ),
            "made",
            "made_done",
        )
        add(
            Request._read_group(
                requests + self._scope(project, "project_id"),
                ["executor_id"],
                ["__count", "done_count:sum"],
            ),
            "received",
            "received_done",
        )
        add(
            self.env["event.event"]._read_group(
                [*year_domain, ("is_network_event", "=", True)]
                + self._scope(project, "project_id"),
                ["host_organization_id"],
                ["__count"],
            ),
            "events",
        )
        add(
            self.env["network.activity.token"]._read_group(
                [*year_domain, ("state", "!=", "revoked")]
                + self._scope(project, "event_id.project_id"),
                ["organization_id"],
                ["partner_id:count_distinct", "__count"],
            ),
            "teachers",
            "tokens",
        )
        # the names in one query, whatever the number of organizations
        self.env["res.partner"].browse([org.id for org in rows]).fetch(["name"])
        return [
            {"name": org.name, **values}
            for org, values in sorted(rows.items(), key=lambda item: item[0].name or "")
        ]

    @api.model
    def _form_month_table(self, year, project):
        """Network events per form (rows) and month of the school year (columns)."""
        groups = self.env["event.event"]._read_group(
            [
                ("school_year_id", "=", year.id),
                ("is_network_event", "=", True),
                *self._scope(project, "project_id"),
            ],
            ["event_form", "date_begin:month"],
            ["__count"],
        )
        months = []
        day = date(year.date_start.year, year.date_start.month, 1)
        while day <= year.date_end:
            months.append(day)
            day = date(day.year + day.month // 12, day.month % 12 + 1, 1)
        index = {month: i for i, month in enumerate(months)}
        forms = dict(self.env["event.event"]._fields["event_form"]._description_selection(self.env))
        table = {}
        for form, month, count in groups:
            counts = table.setdefault(form, [0] * len(months))
            month = fields.Date.to_date(month)
            if month in index:
                counts[index[month]] += count
        no_form = _("No form")
        rows = [
            {"name": forms.get(form, no_form), "counts": counts, "total": sum(counts)}
            for form, counts in sorted(table.items(), key=lambda item: forms.get(item[0], ""))
        ]
        totals = [sum(row["counts"][i] for row in rows) for i in range(len(months))]
        return {
            "months": [format_date(self.env, month, date_format="LLL yy") for month in months],
            "rows": rows,
            "totals": totals,
            "total": sum(totals),
        }

    @api.model
    def _matrix_rows(self, year, project):
        """The matrix as pairs: applicant, executor, requests filed, carried out."""
        matrix = self.env["network.request"]._get_matrix(year, project)
        names = {org.id: org.name for org in matrix["applicants"] | matrix["executors"]}
        rows = [
            {
                "applicant": names[applicant],
                "executor": names[executor],
                "requests": cell["requests"],
                "done": cell["done"],
            }
            for (applicant, executor), cell in matrix["cells"].items()
        ]
        return sorted(rows, key=lambda row: (row["applicant"] or "", row["executor"] or ""))

    # ------------------------------------------------------------------ spreadsheet
    @api.model
    def _report_sheets(self, doc):
        """The tables of one document as sheets ``(title, header, rows)``."""
        met = {True: _("yes"), False: _("no"), None: _("not assessed")}
        forms = doc["forms"]
        return [
            (
                _("KPIs"),
                [
                    _("Criterion"),
                    _("Value"),
                    _("Target"),
                    _("Previous year"),
                    _("Met"),
                    _("Numerator"),
                    _("Denominator"),
                ],
                [
                    [
                        line["name"],
                        line["number"],
                        line["target"] if line["target_number"] is None else line["target_number"],
                        line["previous_number"],
                        met[line["met"]],
                        *(line["counts"] or ("", "")),
                    ]
                    for line in doc["kpi_lines"]
                ],
            ),
            (
                _("Organizations"),
                [
                    _("Organization"),
                    _("Published offers"),
                    _("Requests made"),
                    _("Requests made, carried out"),
                    _("Requests received"),
                    _("Requests received, carried out"),
                    _("Events hosted"),
                    _("Teachers with tokens"),
                    _("Tokens"),
                ],
                [
                    [
                        row["name"],
                        row["offers"],
                        row["made"],
                        row["made_done"],
                        row["received"],
                        row["received_done"],
                        row["events"],
                        row["teachers"],
                        row["tokens"],
                    ]
                    for row in doc["organizations"]
                ],
            ),
            (
                _("Forms and months"),
                [_("Form"), *forms["months"], _("Total")],
                [[row["name"], *row["counts"], row["total"]] for row in forms["rows"]]
                + [[_("Total"), *forms["totals"], forms["total"]]],
            ),
            (
                _("Matrix"),
                [_("Applicant"), _("Executor"), _("Requests"), _("Carried out")],
                [
                    [row["applicant"], row["executor"], row["requests"], row["done"]]
                    for row in doc["matrix"]
                ],
            ),
            (
                _("Not involved"),
                [_("Organization")],
                [[name] for name in doc["uninvolved"]],
            ),
        ]

    @api.model
    def _xlsx_report(self, year, project):
        """``(content, file name)`` of the spreadsheet with the report's tables."""
        lang = self.env.company.partner_id.lang or self.env.lang
        report = self.with_context(lang=lang)
        doc = report._report_tables(year, project)
        output = io.BytesIO()
        workbook = xlsxwriter.Workbook(output, {"in_memory": True})
        bold = workbook.add_format({"bold": True, "bg_color": "#E9EEF2", "border": 1})
        title = workbook.add_format({"bold": True, "font_size": 13})
        for name, header, rows in report._report_sheets(doc):
            sheet = workbook.add_worksheet(name[:31])
            sheet.write(0, 0, f"{doc['title']}: {doc['scope_name']}, {year.name}", title)
            sheet.write_row(2, 0, header, bold)
            for index, row in enumerate(rows, start=3):
                sheet.write_row(index, 0, row)
            sheet.set_column(0, 0, 50)
            sheet.set_column(1, len(header), 14)
            sheet.freeze_panes(3, 1)
        workbook.close()
        scope = project.name if project else _("network")
        filename = f"{doc['title']} {scope} {year.name}.xlsx".replace("/", "-")
        return output.getvalue(), filename
