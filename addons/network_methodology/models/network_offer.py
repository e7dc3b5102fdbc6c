from odoo import Command, _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import html2plaintext, plaintext2html

from ..tools import format_hours
from .network_portal_mixin import LONG_TEXT_MAX, TEXT_MAX, clean_text, to_int
from .network_request import UNFILED_REQUEST_STATES
from .res_partner import NETWORK_ORGANIZATION_DOMAIN

EVENT_FORMS = [
    ("lecture", "Lecture"),
    ("seminar", "Seminar"),
    ("workshop", "Workshop"),
    ("training", "Training"),
    ("consultation", "Consultation"),
    ("joint_lab", "Joint laboratory"),
    ("internship", "Internship"),
    ("festival", "Festival"),
    ("conference", "Conference"),
    ("master_class", "Master class"),
    ("webinar", "Webinar"),
    ("open_lesson", "Open lesson"),
    ("round_table", "Round table"),
    ("methodical_landing", "Methodical landing"),
    ("expedition", "Expedition"),
    ("contest", "Contest"),
]

# The length of an event an offer proposes, in hours.
DURATION_MIN, DURATION_MAX = 0.5, 100.0

AUDIENCES = [
    ("teachers", "Teachers"),
    ("primary_teachers", "Primary school teachers"),
    ("preschool_teachers", "Kindergarten teachers"),
    ("heads", "Heads and deputy heads"),
    ("young_teachers", "Young teachers"),
    ("specialists", "Psychologists, speech therapists, tutors"),
    ("all", "All educators"),
]

# Offers that reached the catalogue (archived ones were published before).
PUBLISHED_OFFER_STATES = ("published", "archived")


class NetworkOffer(models.Model):
    _name = "network.offer"
    _description = "Offer of Innovative Experience"
    _network_portal_path = "offers"
    _inherit = ["network.portal.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "school_year_id desc, name"
    _check_company_auto = True

    name = fields.Char(string="Theme", required=True, tracking=True)
    organization_id = fields.Many2one(
        "res.partner",
        string="Executor",
        required=True,
        check_company=True,
        index=True,
        tracking=True,
        domain=NETWORK_ORGANIZATION_DOMAIN,
    )
    school_year_id = fields.Many2one(
        "network.school.year",
        required=True,
        index=True,
        tracking=True,
        default=lambda self: self.env["network.school.year"]._get_current(),
    )
    project_id = fields.Many2one("network.project", string="Sub-project", tracking=True)
    event_form = fields.Selection(EVENT_FORMS, string="Form", required=True, tracking=True)
    audience = fields.Selection(AUDIENCES, default="teachers", required=True)
    description = fields.Html()
    duration_hours = fields.Float(string="Duration (hours)", default=2.0)
    duration_display = fields.Char(string="Duration", compute="_compute_duration_display")
    max_participants = fields.Integer(string="Maximum Participants")
    presenter_ids = fields.Many2many(
        "res.partner",
        "network_offer_presenter_rel",
        "offer_id",
        "partner_id",
        string="Presenters",
        help="Teachers of the executor organization who pass on the experience.",
    )
    request_ids = fields.One2many("network.request", "offer_id", string="Requests")
    request_count = fields.Integer(compute="_compute_request_count", store=True)
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "Submitted"),
            ("published", "Published"),
            ("archived", "Archived"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        group_expand=True,
        index=True,
    )
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company)
    color = fields.Integer()

    _sql_constraints = [
        (
            "numbers_check",
            "CHECK(duration_hours >= 0 AND max_participants >= 0)",
            "Duration and maximum participants cannot be negative.",
        ),
    ]

    def _creation_message(self):
        # the chatter's first line, in a Russian of the right gender (network.agreement's)
        return _("Offer created")

    @api.depends("duration_hours")
    @api.depends_context("lang")
    def _compute_duration_display(self):
        for offer in self:
            offer.duration_display = format_hours(self.env, offer.duration_hours)

    @api.constrains("duration_hours")
    def _check_duration(self):
        for offer in self:
            if not DURATION_MIN <= offer.duration_hours <= DURATION_MAX:
                raise ValidationError(_duration_message())

    @api.depends("request_ids.state")
    def _compute_request_count(self):
        counts = dict(
            self.env["network.request"]._read_group(
                [("offer_id", "in", self.ids), ("state", "not in", UNFILED_REQUEST_STATES)],
                ["offer_id"],
                ["__count"],
            )
        )
        for offer in self:
            offer.request_count = counts.get(offer, 0)

    @api.constrains("presenter_ids", "organization_id")
    def _check_presenters(self):
        for offer in self:
            strangers = offer.presenter_ids.filtered(
                lambda p, org=offer.organization_id: not p.is_teacher or p.parent_id != org
            )
            if strangers:
                raise ValidationError(
                    _(
                        "%(names)s cannot present offer “%(offer)s”: presenters must be "
                        "teachers of %(org)s.",
                        names=", ".join(strangers.mapped("name")),
                        offer=offer.name,
                        org=offer.organization_id.name,
                    )
                )

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        if self.filtered(lambda o: o.state != "draft"):
            raise UserError(_("Only draft offers can be deleted; archive the others."))

    # ------------------------------------------------------------------ portal
    def _network_portal_parties(self):
        return self.organization_id

    @api.model
    def _get_matrix_domain(self, school_year, project=None, event_form=None):
        """The declared experience of the matrix's executors: offers of the school year that
        reached the catalogue (for a project and its sub-projects, of a form, if given). Add-ons
        narrow it as they narrow the matrix's requests."""
        domain = [
            ("school_year_id", "=", school_year.id),
            ("state", "in", PUBLISHED_OFFER_STATES),
        ]
        if project:
            domain.append(("project_id", "child_of", project.id))
        if event_form:
            domain.append(("event_form", "=", event_form))
        return domain

    @api.model
    def _portal_prepare_values(self, post, organization):
        """The offer's values from the portal form of ``organization``'s coordinator, and the
        errors by field (nothing may be saved while there are any). ``post`` holds the form's
        text, ``presenter_ids`` a list of ids."""
        errors = {}
        name = clean_text(post.get("name"))
        if not name:
            errors["name"] = _("Enter the theme.")
        elif len(name) > TEXT_MAX:
            errors["name"] = _("The theme is longer than %s characters.", TEXT_MAX)
        if post.get("event_form") not in dict(EVENT_FORMS):
            errors["event_form"] = _("Choose the form of the event.")
        if post.get("audience") not in dict(AUDIENCES):
            errors["audience"] = _("Choose the audience.")
        description = clean_text(post.get("description"))
        if len(description) > LONG_TEXT_MAX:
            errors["description"] = _(
                "The description is longer than %s characters.", LONG_TEXT_MAX
            )
        project = self.env["network.project"]
        if post.get("project_id"):
            project = project.search([("id", "=", to_int(post["project_id"]))])
            if not project:
                errors["project_id"] = _("Choose a sub-project from the list.")
        try:
            hours = float(clean_text(post.get("duration_hours")).replace(",", "."))
        except ValueError:
            hours = None
        if hours is None or not DURATION_MIN <= hours <= DURATION_MAX:
            errors["duration_hours"] = _duration_message()
        presenter_ids = {to_int(value) for value in post.get("presenter_ids") or []}
        presenters = organization.sudo().teacher_ids.filtered(lambda t: t.id in presenter_ids)
        if not presenters or len(presenters) != len(presenter_ids):
            errors["presenter_ids"] = _("Choose the presenting teachers of your organization.")
        values = {
            "name": name,
            "event_form": post.get("event_form"),
            "audience": post.get("audience"),
            "description": plaintext2html(description) if description else False,
            "project_id": project.id,
            "duration_hours": hours,
            "presenter_ids": [Command.set(presenters.ids)],
        }
        return values, errors

    def _portal_form_values(self):
        """The offer as the portal form shows it for editing."""
        self.ensure_one()
        return {
            "name": self.name,
            "event_form": self.event_form,
            "audience": self.audience,
            "description": html2plaintext(self.description) if self.description else "",
            "project_id": str(self.project_id.id or ""),
            "duration_hours": str(self.duration_hours),
            "presenter_ids": [str(i) for i in self.presenter_ids.ids],
        }

    # ------------------------------------------------------------------ actions
    def _check_presenters_set(self):
        missing = self.filtered(lambda o: not o.presenter_ids)
        if missing:
            raise ValidationError(
                _("Offer “%s” needs at least one presenting teacher.", missing[0].name)
            )

    def action_submit(self):
        """The executor organization asks the centre to publish its draft offer."""
        if self.filtered(lambda o: o.state != "draft"):
            raise UserError(_("Only a draft offer can be submitted for publication."))
        self._check_presenters_set()
        self.write({"state": "submitted"})
        return True

    def action_publish(self):
        for offer in self:
            if offer.state not in ("draft", "submitted"):
                raise UserError(
                    _("Only a draft or submitted offer can be published (“%s”).", offer.name)
                )
        self._check_presenters_set()
        self.organization_id._check_network_agreement(_("publish experience"))
        self.write({"state": "published"})
        return True

    def action_archive_offer(self):
        if self.filtered(lambda o: o.state != "published"):
            raise UserError(_("Only a published offer can be archived."))
        self.write({"state": "archived"})
        return True

    def action_reset_to_draft(self):
        if self.filtered(lambda o: o.state not in ("submitted", "archived")):
            raise UserError(_("Only a submitted or archived offer can be returned to draft."))
        self.write({"state": "draft"})
        return True


def _duration_message():
    return _(
        "The duration is a number of hours from %(min)s to %(max)s.",
        min=DURATION_MIN,
        max=int(DURATION_MAX),
    )
