from werkzeug.exceptions import NotFound

from odoo import http
from odoo.http import request

from odoo.addons.network_methodology.controllers.portal import NetworkPortal


class NetworkCouncilMeetingPortal(NetworkPortal):
    """A meeting of a council for its members: the agenda, who was present and, once
    approved, the minutes and their signed scan. No share links: the minutes are the
    members' only."""

    @http.route(
        "/my/network/meetings/<int:meeting_id>",
        type="http",
        auth="user",
        website=True,
        readonly=True,
    )
    def portal_network_meeting(self, meeting_id, **kw):
        self._network_access()
        meeting = self._network_record("network.council.meeting", meeting_id)
        values = self._network_page_values(
            meeting, None, {"page_name": "network_meeting", "meeting": meeting}
        )
        return request.render("network_governance.portal_my_network_meeting", values)

    @http.route(
        "/my/network/meetings/<int:meeting_id>/scan",
        type="http",
        auth="user",
        website=True,
        readonly=True,
    )
    def portal_network_meeting_scan(self, meeting_id, **kw):
        # Portal users cannot read attachments by id; the meeting's access decides.
        self._network_access()
        meeting = self._network_record("network.council.meeting", meeting_id)
        if meeting.state != "approved" or not meeting.minutes_scan:
            raise NotFound()
        stream = request.env["ir.binary"]._get_stream_from(
            meeting, "minutes_scan", filename_field="minutes_scan_filename"
        )
        return stream.get_response(as_attachment=True)
