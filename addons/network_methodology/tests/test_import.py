"""Organizations and teachers come in through Odoo's own import (base_import, as the lists'
Import button runs it): the templates map their Russian columns, a re-import updates the records
it matches by their natural key (the organization's INN, the teacher's e-mail) instead of
creating them again, a bad row is named and nothing of the file is imported, and only those who
may create contacts (methodists, managers) import."""

from odoo.exceptions import AccessError
from odoo.tests import new_test_user
from odoo.tools import file_open, mute_logger

from .common import NetworkTestCommon

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# The context the lists Organizations and Teachers give the import (their actions' context,
# and the import screen's default «do not track the changes»).
ORG_CONTEXT = {
    "default_is_company": True,
    "default_is_network_member": True,
    "tracking_disable": True,
}
TEACHER_CONTEXT = {
    "default_is_teacher": True,
    "default_is_company": False,
    "default_type": "contact",
    "tracking_disable": True,
}
OPTIONS = {"has_headers": True, "quoting": '"', "separator": ",", "encoding": "utf-8"}
ORG_FIELDS = ["name", "vat", "network_org_kind", "city"]
TEACHER_FIELDS = ["name", "parent_id", "teacher_position", "email"]


def _csv(rows):
    lines = []
    for row in rows:
        lines.append(",".join('"{}"'.format(cell.replace('"', '""')) for cell in row))
    return ("\n".join(lines) + "\n").encode()


class TestImport(NetworkTestCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Partner = cls.env["res.partner"].with_context(active_test=False)
        cls.school = cls._create_org("Test import school", vat="5900000011")
        cls.garden = cls._create_org(
            "Test import kindergarten", vat="5900000022", network_org_kind="kindergarten"
        )

    # ------------------------------------------------------------------ helpers
    def _import(
        self, context, fields, rows, env=None, dryrun=False, content=None, name=None, **options
    ):
        env = env or self.env
        wizard = (
            env["base_import.import"]
            .with_context(**context)
            .create(
                {
                    "res_model": "res.partner",
                    "file": content or _csv([fields, *rows]),
                    "file_name": name or "import.csv",
                    "file_type": XLSX if (name or "").endswith(".xlsx") else "text/csv",
                }
            )
        )
        return wizard.execute_import(fields, fields, dict(OPTIONS, **options), dryrun=dryrun)

    def _import_orgs(self, rows, **kw):
        return self._import(ORG_CONTEXT, ORG_FIELDS, rows, **kw)

    def _import_teachers(self, rows, **kw):
        return self._import(TEACHER_CONTEXT, TEACHER_FIELDS, rows, **kw)

    def _count(self, domain):
        return self.Partner.search_count(domain)

    def _assert_refused(self, result, row, *texts):
        """Nothing imported; an error names the file's ``row`` (the header is row 1) and
        holds ``texts``."""
        self.assertFalse(result["ids"], "nothing is imported")
        errors = [m for m in result["messages"] if m["type"] == "error"]
        self.assertTrue(errors, result["messages"])
        named = [
            m
            for m in errors
            if m.get("rows") == {"from": row - 2, "to": row - 2}
            and str(row) in m["message"]
            and all(text in m["message"] for text in texts)
        ]
        self.assertTrue(named, errors)

    # ------------------------------------------------------------------ templates
    def test_templates_offered_per_list(self):
        Partner = self.env["res.partner"]
        orgs = Partner.with_context(**ORG_CONTEXT).get_import_templates()
        teachers = Partner.with_context(**TEACHER_CONTEXT).get_import_templates()
        self.assertEqual(len(orgs), 2)
        self.assertEqual(len(teachers), 2)
        self.assertTrue(all("network_organizations" in t["template"] for t in orgs))
        self.assertTrue(all("network_teachers" in t["template"] for t in teachers))
        # Contacts keep core's template
        self.assertEqual(
            [t["template"] for t in Partner.get_import_templates()],
            ["/base/static/xls/res_partner.xlsx"],
        )

    def _template_wizard(self, path, context):
        with file_open(path.lstrip("/"), "rb") as handle:
            content = handle.read()
        return (
            self.env["base_import.import"]
            .with_context(**context)
            .create(
                {
                    "res_model": "res.partner",
                    "file": content,
                    "file_name": path.rsplit("/", 1)[1],
                    "file_type": XLSX if path.endswith(".xlsx") else "text/csv",
                }
            )
        )

    def test_template_columns_map(self):
        """Every Russian column of the four templates is mapped to its field by the import
        screen's own suggestion (parse_preview), whatever the user's language."""
        expected = {
            "network_organizations": [
                "name",
                "vat",
                "network_org_kind",
                "network_level",
                "innovation_status_ids",
                "street",
                "city",
                "zip",
                "phone",
                "email",
                "website",
            ],
            "network_teachers": ["name", "parent_id", "teacher_position", "email", "phone"],
        }
        for context in (ORG_CONTEXT, TEACHER_CONTEXT):
            for template in self.env["res.partner"].with_context(**context).get_import_templates():
                for lang in ("en_US", "ru_RU"):
                    with self.subTest(template=template["template"], lang=lang):
                        wizard = self._template_wizard(template["template"], context)
                        preview = wizard.with_context(lang=lang).parse_preview(dict(OPTIONS))
                        self.assertFalse(preview.get("error"), preview)
                        matches = [
                            "/".join(preview["matches"].get(index) or [])
                            for index in range(len(preview["headers"]))
                        ]
                        kind = template["template"].rsplit("/", 1)[1].split(".")[0]
                        self.assertEqual(matches, expected[kind])

    def test_templates_import_as_they_are(self):
        """The organizations' template, then the teachers' one (their organizations are the
        first template's, by INN or by name) import without a message; the Russian labels
        of the kinds and the statuses' codes are read."""
        if not self.env["res.lang"]._lang_get("ru_RU"):
            self.skipTest("Russian is not installed: the templates' values are in Russian")
        for context, count in (
            (ORG_CONTEXT, 3),
            (TEACHER_CONTEXT, 4),
        ):
            for template in self.env["res.partner"].with_context(**context).get_import_templates():
                with self.subTest(template=template["template"]):
                    wizard = self._template_wizard(template["template"], context)
                    preview = wizard.parse_preview(dict(OPTIONS))
                    fields = [
                        "/".join(preview["matches"][index])
                        for index in range(len(preview["headers"]))
                    ]
                    result = wizard.execute_import(fields, preview["headers"], dict(OPTIONS))
                    self.assertFalse(result["messages"], result["messages"])
                    self.assertEqual(len(result["ids"]), count)
        # (teachers share their organization's INN: it is a commercial field)
        school7 = self.Partner.search([("vat", "=", "5902000071"), ("is_company", "=", True)])
        self.assertEqual(len(school7), 1, "the Excel and CSV templates are the same records")
        self.assertTrue(school7.is_company and school7.is_network_member)
        self.assertEqual((school7.network_org_kind, school7.network_level), ("school", "2"))
        ddt = self.Partner.search([("vat", "=", "5902000137"), ("is_company", "=", True)])
        self.assertEqual(ddt.network_org_kind, "additional_education")
        self.assertEqual(set(ddt.innovation_status_ids.mapped("code")), {"МИП", "КАП"})
        teachers = self.Partner.search([("parent_id", "in", (school7 | ddt).ids)])
        self.assertEqual(len(teachers), 3)
        self.assertTrue(all(teachers.mapped("is_teacher")))
        self.assertEqual(
            set(teachers.mapped("email")),
            {
                "o.smirnova@school7.zarechny.example.com",
                "a.kuznetsov@school7.zarechny.example.com",
                "i.orlov@ddt.zarechny.example.com",
            },
        )

    # ------------------------------------------------------------------ good files, re-import
    def test_import_organizations_then_reimport_updates(self):
        result = self._import_orgs(
            [
                ["Test imported lyceum", "5900000033", "school", "Заречный"],
                ["Test imported college", "59 0000 0044", "college", "Заречный"],
            ]
        )
        self.assertFalse(result["messages"], result["messages"])
        lyceum = self.Partner.search([("vat", "=", "5900000033"), ("is_company", "=", True)])
        college = self.Partner.search([("vat", "=", "5900000044"), ("is_company", "=", True)])
        self.assertEqual(len(lyceum | college), 2, "the INN is stored without spaces")
        self.assertTrue(lyceum.is_company and lyceum.is_network_member)
        before = self._count([("is_company", "=", True)])
        # again, with the lyceum renamed, another city, and an existing school's INN
        result = self._import_orgs(
            [
                ["Test imported lyceum No 1", "5900000033", "school", "Пермь"],
                ["Test imported college", "5900000044", "college", "Заречный"],
                ["Test import school (renamed)", "5900000011", "school", "Заречный"],
            ]
        )
        self.assertFalse(result["messages"], result["messages"])
        self.assertEqual(self._count([("is_company", "=", True)]), before, "nothing duplicated")
        self.assertEqual(sorted(result["ids"]), sorted((lyceum | college | self.school).ids))
        self.assertEqual((lyceum.name, lyceum.city), ("Test imported lyceum No 1", "Пермь"))
        self.assertEqual(self.school.name, "Test import school (renamed)")

    def test_import_teachers_then_reimport_updates(self):
        existing = self._create_teacher(
            self.school, "Test existing teacher", email="Old@Test.Example"
        )
        archived = self._create_teacher(
            self.school, "Test archived teacher", email="gone@test.example"
        )
        archived.active = False
        rows = [
            ["Test Ivanova Anna", "5900000011", "Math teacher", "anna@test.example"],
            ["Test Petrov Pavel", "Test import kindergarten", "Educator", "pavel@test.example"],
        ]
        result = self._import_teachers(rows)
        self.assertFalse(result["messages"], result["messages"])
        anna = self.Partner.search([("email", "=", "anna@test.example")])
        pavel = self.Partner.search([("email", "=", "pavel@test.example")])
        self.assertEqual(anna.parent_id, self.school, "organization by INN")
        self.assertEqual(pavel.parent_id, self.garden, "organization by name")
        self.assertTrue(anna.is_teacher and not anna.is_company)
        self.assertEqual(anna.teacher_position, "Math teacher")
        # what the import gives create or skips instead of computing row by row is what the
        # computations give
        self.env.flush_all()
        self.env.invalidate_all()
        self.assertEqual(anna.commercial_partner_id, self.school)
        self.assertEqual(anna.user_id, self.school.user_id)
        if "network_cluster_id" in anna._fields:
            self.assertFalse(anna.network_cluster_id)
            self.assertTrue(self.school.network_cluster_id)
        before = self._count([("is_teacher", "=", True)])
        # again: Anna moved to the kindergarten; the existing and the archived teacher are
        # matched by their e-mail (any case), not created again
        rows = [
            ["Test Ivanova Anna", "5900000022", "Methodist", "ANNA@test.example"],
            ["Test Petrov Pavel", "Test import kindergarten", "Educator", "pavel@test.example"],
            ["Test existing teacher", "5900000011", "Head teacher", "old@test.example"],
            ["Test archived teacher", "5900000011", "Teacher", "gone@test.example"],
        ]
        result = self._import_teachers(rows)
        self.assertFalse(result["messages"], result["messages"])
        self.assertEqual(self._count([("is_teacher", "=", True)]), before, "nothing duplicated")
        self.assertEqual(sorted(result["ids"]), sorted((anna | pavel | existing | archived).ids))
        self.assertEqual((anna.parent_id, anna.teacher_position), (self.garden, "Methodist"))
        self.assertEqual(existing.teacher_position, "Head teacher")

    def test_explicit_ids_imported_as_core_does(self):
        """A file exported from Odoo (with the `id` column) is imported as core does: the
        external id decides, the natural key is not needed."""
        fields = ["id", "name", "vat"]
        rows = [["__import__.test_org_x", "Test org by external id", ""]]
        result = self._import(ORG_CONTEXT, fields, rows)
        self.assertFalse(result["messages"], result["messages"])
        org = self.env.ref("__import__.test_org_x")
        rows = [["__import__.test_org_x", "Test org by external id, renamed", ""]]
        result = self._import(ORG_CONTEXT, fields, rows)
        self.assertEqual(result["ids"], org.ids)
        self.assertEqual(org.name, "Test org by external id, renamed")

    def test_teacher_organization_by_database_id(self):
        """The organization column mapped by hand to the organization's database id is read
        by core; the teacher is still matched by e-mail."""
        fields = ["name", "parent_id/.id", "email"]
        rows = [["Test T by id", str(self.garden.id), "byid@test.example"]]
        result = self._import(TEACHER_CONTEXT, fields, rows)
        self.assertFalse(result["messages"], result["messages"])
        teacher = self.Partner.browse(result["ids"])
        self.assertEqual((teacher.parent_id, teacher.is_teacher), (self.garden, True))
        rows = [["Test T by id, renamed", str(self.school.id), "ByID@test.example"]]
        result = self._import(TEACHER_CONTEXT, fields, rows)
        self.assertEqual(result["ids"], teacher.ids)
        self.assertEqual(teacher.parent_id, self.school)

    # ------------------------------------------------------------------ bad rows
    def _assert_nothing_imported(self, counts):
        self.assertEqual(
            (self._count([("is_company", "=", True)]), self._count([("is_teacher", "=", True)])),
            counts,
        )

    def _counts(self):
        return self._count([("is_company", "=", True)]), self._count([("is_teacher", "=", True)])

    def test_bad_inn_named_nothing_imported(self):
        counts = self._counts()
        rows = [
            ["Test good org 1", "5900000055", "school", ""],
            ["Test good org 2", "5900000066", "school", ""],
            ["Test bad org", "59000A0077", "school", ""],
            ["Test good org 3", "5900000088", "school", ""],
        ]
        self._assert_refused(self._import_orgs(rows), 4, "59000A0077")
        self._assert_nothing_imported(counts)

    def test_missing_or_repeated_inn(self):
        counts = self._counts()
        rows = [
            ["Test good org 1", "5900000055", "school", ""],
            ["Test org without INN", "", "school", ""],
        ]
        self._assert_refused(self._import_orgs(rows), 3)
        rows = [
            ["Test good org 1", "5900000055", "school", ""],
            ["Test good org 2", "5900000066", "school", ""],
            ["Test good org 1 again", "5900000055", "school", ""],
        ]
        result = self._import_orgs(rows)
        self._assert_refused(result, 4, "5900000055")
        self.assertIn("2", result["messages"][0]["message"], "names the first row too")
        self._assert_nothing_imported(counts)

    def test_no_key_column(self):
        counts = self._counts()
        result = self._import(ORG_CONTEXT, ["name", "city"], [["Test org", "Пермь"]])
        self.assertFalse(result["ids"])
        self.assertEqual(result["messages"][0]["type"], "error")
        result = self._import(TEACHER_CONTEXT, ["name", "email"], [["Test T", "t@test.example"]])
        self.assertFalse(result["ids"])
        self.assertEqual(result["messages"][0]["type"], "error")
        self._assert_nothing_imported(counts)

    @mute_logger("odoo.models", "odoo.sql_db")
    def test_bad_value_named_by_core_nothing_imported(self):
        """A value core's import cannot read (an unknown kind of organization) is named by
        core with its row; the good rows before it are not imported either."""
        counts = self._counts()
        rows = [
            ["Test good org 1", "5900000055", "school", ""],
            ["Test bad kind", "5900000066", "university of nowhere", ""],
        ]
        result = self._import_orgs(rows)
        self.assertFalse(result["ids"])
        errors = [m for m in result["messages"] if m["type"] == "error"]
        self.assertTrue(errors)
        self.assertEqual(errors[0]["rows"], {"from": 1, "to": 1})
        self._assert_nothing_imported(counts)

    def test_teacher_bad_rows_named_nothing_imported(self):
        counts = self._counts()
        good = ["Test good teacher", "5900000011", "Teacher", "good@test.example"]
        for bad, texts in (
            (["Test stranger", "5999999999", "Teacher", "s@test.example"], ("5999999999",)),
            (["Test no org", "", "Teacher", "n@test.example"], ()),
            (["Test bad mail", "5900000011", "Teacher", "not-an-address"], ("not-an-address",)),
            (["Test twice", "5900000022", "Teacher", "GOOD@test.example"], ()),
        ):
            with self.subTest(bad=bad):
                self._assert_refused(self._import_teachers([good, bad]), 3, *texts)
                self._assert_nothing_imported(counts)

    def test_teacher_of_an_organization_outside_the_network(self):
        stranger = self.env["res.partner"].create(
            {"name": "Test stranger company", "is_company": True, "vat": "5900000099"}
        )
        counts = self._counts()
        rows = [["Test T", stranger.vat, "Teacher", "t@test.example"]]
        self._assert_refused(self._import_teachers(rows), 2, stranger.vat)
        self._assert_nothing_imported(counts)

    def test_ambiguous_organization_name(self):
        self._create_org("Test twin school")
        self._create_org("Test twin school")
        counts = self._counts()
        rows = [["Test T", "Test twin school", "Teacher", "t@test.example"]]
        self._assert_refused(self._import_teachers(rows), 2, "Test twin school")
        self._assert_nothing_imported(counts)

    @mute_logger("odoo.models", "odoo.sql_db")
    def test_existing_duplicates_refused(self):
        """Two teachers already share an e-mail: the import cannot tell which one the row
        updates, says so, and imports nothing."""
        self._create_teacher(self.school, "Test twin 1", email="twin@test.example")
        self._create_teacher(self.garden, "Test twin 2", email="twin@test.example")
        counts = self._counts()
        rows = [
            ["Test new", "5900000011", "Teacher", "new@test.example"],
            ["Test twin", "5900000011", "Teacher", "twin@test.example"],
        ]
        result = self._import_teachers(rows)
        self.assertFalse(result["ids"])
        errors = [m for m in result["messages"] if m["type"] == "error"]
        self.assertTrue(any("twin@test.example" in m["message"] for m in errors), errors)
        self._assert_nothing_imported(counts)

    def test_batches_of_the_import_screen(self):
        """The import screen sends a long file in batches (`limit`, then `skip`): the rows are
        checked to the end of the file from the first batch on, so a bad last row stops the
        first batch; a good file's batches import every row, numbered as in the file."""
        counts = self._counts()
        rows = [
            ["Test batch org 1", "5900000055", "school", ""],
            ["Test batch org 2", "5900000066", "school", ""],
            ["Test batch org 3", "bad", "school", ""],
        ]
        result = self._import_orgs(rows, limit=2)
        self._assert_refused(result, 4, "bad")
        self._assert_nothing_imported(counts)
        rows[2][1] = "5900000077"
        result = self._import_orgs(rows, limit=2)
        self.assertFalse(result["messages"], result["messages"])
        self.assertEqual((len(result["ids"]), result["nextrow"]), (2, 2))
        result = self._import_orgs(rows, limit=2, skip=2)
        self.assertFalse(result["messages"], result["messages"])
        self.assertEqual(len(result["ids"]), 1)
        self.assertEqual(self._count([("is_company", "=", True)]), counts[0] + 3)

    def test_dryrun_writes_nothing(self):
        counts = self._counts()
        result = self._import_orgs([["Test dry org", "5900000055", "school", ""]], dryrun=True)
        self.assertFalse(result["messages"], result["messages"])
        self._assert_nothing_imported(counts)

    # ------------------------------------------------------------------ access
    def test_access(self):
        """Methodists and managers import; the education department (read-only) and portal
        users cannot."""
        rows = [["Test org by user", "5900000055", "school", ""]]
        methodist = new_test_user(
            self.env, "import_methodist", groups="network_methodology.group_network_user"
        )
        manager = new_test_user(
            self.env, "import_manager", groups="network_methodology.group_network_manager"
        )
        department = new_test_user(
            self.env, "import_department", groups="network_methodology.group_network_department"
        )
        portal = new_test_user(self.env, "import_portal", groups="base.group_portal")
        counts = self._counts()
        with mute_logger("odoo.models", "odoo.sql_db", "odoo.addons.base.models.ir_model"):
            result = self._import_orgs(rows, env=self.env(user=department))
        self.assertFalse(result["ids"])
        self.assertTrue(any(m["type"] == "error" for m in result["messages"]))
        self._assert_nothing_imported(counts)
        with self.assertRaises(AccessError):
            self._import_orgs(rows, env=self.env(user=portal))
        self._assert_nothing_imported(counts)
        result = self._import_orgs(rows, env=self.env(user=methodist))
        self.assertFalse(result["messages"], result["messages"])
        rows = [["Test org by user, manager", "5900000055", "school", ""]]
        result = self._import_orgs(rows, env=self.env(user=manager))
        self.assertFalse(result["messages"], result["messages"])
        org = self.Partner.search([("vat", "=", "5900000055"), ("is_company", "=", True)])
        self.assertEqual(org.name, "Test org by user, manager")
