"""Results come in through Odoo's own import (base_import): the template file, a good file,
and files with one bad row — an unknown school, a score that is not a number, a school twice —
which are refused with a message naming the row, importing nothing."""

from odoo.tools import file_open, mute_logger

from .common import PairingTestCommon

FIELDS = ["organization_id", "participants", "score"]
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class TestImport(PairingTestCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.assessment = cls._create_assessment({})

    def _import(self, rows, dryrun=False):
        text = "\n".join(",".join(row) for row in [FIELDS, *rows]) + "\n"
        wizard = self.env["base_import.import"].create(
            {
                "res_model": "network.assessment.result",
                "file": text.encode(),
                "file_name": "results.csv",
                "file_type": "text/csv",
            }
        )
        options = {"has_headers": True, "quoting": '"', "separator": ",", "encoding": "utf-8"}
        return wizard.with_context(default_assessment_id=self.assessment.id).execute_import(
            FIELDS, FIELDS, options, dryrun=dryrun
        )

    def _row(self, school, participants="20", score="55.5"):
        return [f'"{school.name}"', participants, score]

    def test_good_file(self):
        s = self.schools
        result = self._import([self._row(s[2]), self._row(s[3], "31", "61.25")])
        self.assertFalse(result["messages"])
        self.assertEqual(len(result["ids"]), 2)
        by_school = {r.organization_id: r.score for r in self.assessment.result_ids}
        self.assertEqual(by_school, {s[2]: 55.5, s[3]: 61.25})

    def _assert_refused(self, result, row=None, *texts):
        """Nothing imported; an error names ``row`` (0 = the first data row) and ``texts``."""
        self.assertFalse(self.assessment.result_ids, "nothing is imported")
        self.assertFalse(result.get("ids"))
        messages = result["messages"]
        self.assertTrue(messages)
        self.assertTrue(any(m["type"] == "error" for m in messages))
        named = [
            m
            for m in messages
            if m["type"] == "error"
            and (row is None or m.get("rows") == {"from": row, "to": row})
            and all(text in m["message"] for text in texts)
        ]
        self.assertTrue(named, messages)
        return messages

    @mute_logger("odoo.sql_db", "odoo.models")
    def test_unknown_school(self):
        s = self.schools
        result = self._import([self._row(s[2]), ['"No such school"', "20", "50"], self._row(s[3])])
        # the message points at the second data row (row 3 of the file)
        self._assert_refused(result, 1, "No such school")

    def test_non_numeric_score(self):
        s = self.schools
        result = self._import([self._row(s[2]), self._row(s[3]), self._row(s[4], score="abc")])
        # the third data row is row 4 of the file (after the header)
        messages = self._assert_refused(result, None, "4", "abc")
        self.assertRegex(messages[0]["message"], r"\b4\b")

    @mute_logger("odoo.sql_db", "odoo.models")
    def test_school_twice(self):
        s = self.schools
        result = self._import([self._row(s[2]), self._row(s[3]), self._row(s[2], score="60")])
        self._assert_refused(result, 2)

    @mute_logger("odoo.sql_db", "odoo.models")
    def test_not_a_network_school(self):
        stranger = self.env["res.partner"].create(
            {"name": "Test stranger company", "is_company": True}
        )
        result = self._import([self._row(self.schools[2]), self._row(stranger)])
        self._assert_refused(result, 1, "Test stranger company")

    def test_templates_are_offered_and_import(self):
        """Both templates (Excel, CSV) map to the fields; with the demo district loaded their
        rows (demo schools) import into an assessment as they are."""
        templates = self.env["network.assessment.result"].get_import_templates()
        self.assertEqual(len(templates), 2)
        demo = self.env.ref("network_methodology.org_lyceum2", raise_if_not_found=False)
        for template in templates:
            path = template["template"]
            with self.subTest(template=path):
                with file_open(path.lstrip("/"), "rb") as handle:
                    content = handle.read()
                wizard = self.env["base_import.import"].create(
                    {
                        "res_model": "network.assessment.result",
                        "file": content,
                        "file_name": path.rsplit("/", 1)[1],
                        "file_type": XLSX if path.endswith(".xlsx") else "text/csv",
                    }
                )
                options = {
                    "has_headers": True,
                    "quoting": '"',
                    "separator": ",",
                    "encoding": "utf-8",
                }
                preview = wizard.parse_preview(options)
                self.assertFalse(preview.get("error"), preview)
                self.assertEqual(preview["headers"], FIELDS)
                if not demo:
                    continue
                assessment = self._create_assessment({}, procedure="other")
                result = wizard.with_context(default_assessment_id=assessment.id).execute_import(
                    FIELDS, FIELDS, options
                )
                self.assertFalse(result["messages"], result["messages"])
                self.assertEqual(len(assessment.result_ids), 3)
                self.assertIn(demo, assessment.result_ids.organization_id)
