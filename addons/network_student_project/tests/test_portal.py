import json

from .portal_common import StudentPortalCommon


class TestPortal(StudentPortalCommon):
    """The pages of each role, refusals, and the same rules over JSON-RPC."""

    def _page(self, project):
        response = self.url_open(project.access_url)
        self.assertEqual(response.status_code, 200)
        return response.text

    def test_coordinator_sees_own_students_and_registers(self):
        self._login(self.coordinator_appl)
        listing = self.url_open("/my/network/student-projects")
        self.assertEqual(listing.status_code, 200)
        self.assertIn(self.open_project.access_url, listing.text)
        self.assertNotIn(self.draft_project.access_url, listing.text)
        page = self._page(self.open_project)
        self.assertIn("Own Student Masha", page)
        self.assertNotIn("Foreign Student Fedor", page)
        self.assertNotIn("Organizer Student Olga", page)
        self.assertIn("o_network_student_register_form", page)
        self.assertIn(self.listener.name, page)  # own teachers to supervise
        self.assertNotIn(self.teacher_d.name, page)
        response = self._post(
            f"{self.open_project.access_url}/register",
            {
                "student_name": "New Student Lena",
                "grade": "5",
                "team": "Team A",
                "supervisor_id": str(self.listener.id),
            },
        )
        self.assertEqual(response.status_code, 200)
        new = self.open_project.participant_ids.filtered(
            lambda p: p.student_name == "New Student Lena"
        )
        self.assertEqual(new.organization_id, self.applicant)
        self.assertEqual((new.grade, new.team, new.supervisor_id), (5, "Team A", self.listener))
        self.assertIn("o_network_alert", response.text)
        # no place left (2 per school): refused, nothing created
        response = self._post(
            f"{self.open_project.access_url}/register", {"student_name": "Third", "grade": "6"}
        )
        self.assertIn("invalid-feedback", response.text)
        self.assertEqual(len(self.open_project.participant_ids), 4)

    def test_registration_bad_input(self):
        self._login(self.coordinator_d)
        url = f"{self.open_project.access_url}/register"
        for data, field in (
            ({"student_name": "", "grade": "6"}, "student_name"),
            ({"student_name": "Too young", "grade": "2"}, "grade"),
            ({"student_name": "Not a number", "grade": "seven"}, "grade"),
            (
                {
                    "student_name": "Foreign teacher",
                    "grade": "6",
                    "supervisor_id": str(self.listener.id),
                },
                "supervisor_id",
            ),
            ({"student_name": "Long team", "grade": "6", "team": "x" * 300}, "team"),
        ):
            with self.subTest(field=field):
                response = self._post(url, data)
                self.assertEqual(response.status_code, 200)
                self.assertIn("invalid-feedback", response.text)
        mine = self.open_project.participant_ids.filtered(
            lambda p: p.organization_id == self.school_d
        )
        self.assertEqual(mine, self.other_student)
        # closed registration: nothing created
        self._post(
            f"{self.judged_project.access_url}/register", {"student_name": "Late", "grade": "6"}
        )
        self.assertEqual(len(self.judged_project.participant_ids), 2)

    def test_withdraw(self):
        self._login(self.coordinator_appl)
        url = self.open_project.access_url
        # another school's student: refused, still there
        response = self._post(f"{url}/participants/{self.other_student.id}/withdraw")
        self.assertEqual(response.status_code, 403)
        self.assertTrue(self.other_student.exists())
        # a student of another project through this project's URL: 404
        response = self._post(f"{url}/participants/{self.judged_own.id}/withdraw")
        self.assertEqual(response.status_code, 404)
        response = self._post(f"{url}/participants/{self.own_student.id}/withdraw")
        self.assertEqual(response.status_code, 200)
        self.assertFalse(self.own_student.exists())
        # after judging started: refused with a message, nothing deleted
        response = self._post(
            f"{self.judged_project.access_url}/participants/{self.judged_own.id}/withdraw"
        )
        self.assertIn("alert-danger", response.text)
        self.assertTrue(self.judged_own.exists())

    def test_organizer_sees_every_participant(self):
        self._login(self.coordinator_exec)
        page = self._page(self.open_project)
        for name in ("Own Student Masha", "Foreign Student Fedor", "Organizer Student Olga"):
            self.assertIn(name, page)

    def test_jury_scores(self):
        self._login(self.jury_user)
        listing = self.url_open("/my/network/student-projects").text
        self.assertIn(self.judged_project.access_url, listing)
        self.assertNotIn(self.foreign_project.access_url, listing)
        self.assertEqual(self.url_open(self.foreign_project.access_url).status_code, 404)
        page = self._page(self.judged_project)
        self.assertIn("o_network_student_scores_form", page)
        self.assertIn("Judged Own Ivan", page)
        first, second = self.judged_project.criteria.sorted("sequence")
        url = f"{self.judged_project.access_url}/scores"
        # above the maximum: nothing saved
        response = self._post(url, {f"score_{self.judged_own.id}_{first.id}": "11"})
        self.assertIn("invalid-feedback", response.text)
        self.assertFalse(self.judged_project.score_ids)
        response = self._post(
            url,
            {
                f"score_{self.judged_own.id}_{first.id}": "8,5",
                f"score_{self.judged_own.id}_{second.id}": "4",
                f"score_{self.judged_other.id}_{first.id}": "",
            },
        )
        self.assertEqual(response.status_code, 200)
        scores = self.judged_project.score_ids
        self.assertEqual(scores.jury_id, self.presenter)
        self.assertEqual(sorted(scores.mapped("score")), [4.0, 8.5])
        # a project not being judged: nothing saved
        response = self._post(
            f"{self.open_project.access_url}/scores",
            {f"score_{self.own_student.id}_{self.open_project.criteria[0].id}": "5"},
        )
        self.assertIn("alert-danger", response.text)
        self.assertFalse(self.open_project.score_ids)

    def test_others_cannot_score(self):
        url = f"{self.judged_project.access_url}/scores"
        data = {f"score_{self.judged_own.id}_{self.judged_project.criteria[0].id}": "5"}
        self._login(self.teacher_user)  # not in the jury, cannot read the project
        self.assertEqual(self._post(url, data).status_code, 404)
        self._login(self.coordinator_exec)  # organizer, but a coordinator
        self.assertEqual(self._post(url, data).status_code, 403)
        self.assertFalse(self.judged_project.score_ids)

    def test_internal_user_and_stranger_refused(self):
        self.authenticate("admin", "admin")
        self.assertEqual(self.url_open("/my/network/student-projects").status_code, 403)
        self._login(self.coordinator_appl)
        self.assertEqual(self.url_open(self.draft_project.access_url).status_code, 404)

    def test_json_rpc_follows_the_rules(self):
        self._login(self.coordinator_appl)
        rows = self._rpc("network.student.participant", "search_read", [], ["student_name"])
        self.assertEqual({row["id"] for row in rows}, {self.own_student.id, self.judged_own.id})
        error = self._rpc(
            "network.student.participant", "read", self.other_student.ids, ["student_name"]
        )
        self.assertIn("AccessError", json.dumps(error))
        error = self._rpc(
            "network.student.participant", "write", self.own_student.ids, {"grade": 9}
        )
        self.assertIn("AccessError", json.dumps(error))
        self.assertEqual(self.own_student.grade, 6)
        error = self._rpc("network.student.participant", "unlink", self.own_student.ids)
        self.assertIn("AccessError", json.dumps(error))
        self._login(self.jury_user)
        error = self._rpc(
            "network.student.participant", "read", self.foreign_student.ids, ["grade"]
        )
        self.assertIn("AccessError", json.dumps(error))

    def test_counter(self):
        self._login(self.jury_user)
        response = self.url_open(
            "/my/counters",
            data=json.dumps({"params": {"counters": ["network_student_project_count"]}}),
            headers={"Content-Type": "application/json"},
        ).json()
        self.assertEqual(response["result"]["network_student_project_count"], 2)

    def test_public_results(self):
        # not finished: no results
        self.assertEqual(
            self.url_open(
                f"/network/student-projects/{self.judged_project.id}/results"
            ).status_code,
            404,
        )
        for participant, value in ((self.judged_own, 9), (self.judged_other, 4)):
            self._score_evenly(participant, (value, value / 2))
        self.judged_project.action_done()
        url = f"/network/student-projects/{self.judged_project.id}/results"
        page = self.url_open(url).text
        self.assertIn(self.applicant.name, page)
        self.assertIn(self.school_d.name, page)
        self.assertNotIn("Judged Own Ivan", page)
        self.assertNotIn("Judged Other Gleb", page)
        self.assertEqual(page.count("o_network_student_result_row"), 2)
        self.judged_project.names_public = True
        page = self.url_open(url).text
        self.assertIn("Judged Own Ivan", page)
        self.assertIn(self.judged_project.name, self.url_open("/network/student-projects").text)

    def test_diplomas_of_own_students_only(self):
        url = f"{self.judged_project.access_url}/diplomas"
        self._login(self.coordinator_appl)
        self.assertEqual(self.url_open(url).status_code, 404)  # not finished yet
        for participant, value in ((self.judged_own, 9), (self.judged_other, 4)):
            self._score_evenly(participant, (value, value / 2))
        self.judged_project.action_done()
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.headers["Content-Type"], "application/pdf")
        # tests render the report's HTML instead of the PDF: the content is still readable
        self.assertIn("Judged Own Ivan", response.text)
        self.assertNotIn("Judged Other Gleb", response.text)
        self._login(self.teacher_user)
        self.assertEqual(self.url_open(url).status_code, 403)

    def test_pages_speak_russian(self):
        if not self.env["res.lang"]._lang_get("ru_RU"):
            self.skipTest("Russian is not installed in this database")
        (self.coordinator_appl | self.jury_user).lang = "ru_RU"
        english = (
            "Register a student",
            "Your school's students",
            "Places per school",
            "Supervising teacher",
            "Participants to score",
            "Save my scores",
            "Projects for Students",
            "Registration",
            "Judging",
        )
        for user, url in (
            (self.coordinator_appl, self.open_project.access_url),
            (self.coordinator_appl, "/my/network/student-projects"),
            (self.jury_user, self.judged_project.access_url),
        ):
            self._login(user)
            page = self.url_open(url).text
            for text in english:
                with self.subTest(url=url, text=text):
                    self.assertNotIn(text, page)
