"""Table-driven access tests shared by the network add-ons.

A test class mixes in ``AccessMatrixMixin`` with a TransactionCase and sets ``EXPECTED``
(model → group → letters of read/write/create/unlink allowed) and ``WRITES`` (model → field
and a value differing from the one set at creation), and implements ``_values(model)``. Each
cell is exercised against the ORM: the allowed operation has its effect, the refused one
raises AccessError and changes nothing."""

from odoo.exceptions import AccessError

NONE, READ, RWC, ALL = "", "r", "rwc", "rwcu"
GROUPS = {
    "department": "network_methodology.group_network_department",
    "methodist": "network_methodology.group_network_user",
    "manager": "network_methodology.group_network_manager",
    "internal": "base.group_user",
    "portal": "base.group_portal",
}


class AccessMatrixMixin:
    # Odoo's runner only takes test methods defined on the class itself unless told so.
    allow_inherited_tests_method = True
    EXPECTED = {}
    WRITES = {}

    @classmethod
    def _create_access_users(cls, prefix):
        cls.users = {
            key: cls._create_user(f"{prefix}_{key}", groups) for key, groups in GROUPS.items()
        }

    def _values(self, model):
        raise NotImplementedError

    def _write_value(self, model):
        return self.WRITES[model]

    def _fresh(self, model):
        return self.env[model].create(self._values(model))

    def _check_cell(self, user, model, operation, allowed):
        if operation == "create":
            values = self._values(model)
            Model = self.env[model].with_user(user)
            if allowed:
                with self.env.cr.savepoint():
                    record = Model.create(values)
                    record.env.flush_all()
                self.assertTrue(self.env[model].browse(record.id).exists())
            else:
                count = self.env[model].with_context(active_test=False).search_count([])
                with self.assertRaises(AccessError), self.env.cr.savepoint():
                    Model.create(values)
                    self.env.flush_all()
                self.assertEqual(
                    self.env[model].with_context(active_test=False).search_count([]), count
                )
            return
        record = self._fresh(model)  # a draft: business rules allow deleting it
        as_user = record.with_user(user)
        if operation == "read":
            if allowed:
                self.assertEqual(as_user.search([("id", "=", record.id)]), record)
                self.assertEqual(as_user.read(["create_date"])[0]["id"], record.id)
            else:
                # refused by the access rights (an error) or by record rules (not found)
                try:
                    found = as_user.search([("id", "=", record.id)])
                except AccessError:
                    found = None
                self.assertFalse(found)
                with self.assertRaises(AccessError):
                    as_user.read(["create_date"])
        elif operation == "write":
            field, value = self._write_value(model)
            before = record[field]
            self.assertNotEqual(before, value)
            if allowed:
                with self.env.cr.savepoint():
                    as_user.write({field: value})
                    record.env.flush_all()
                record.invalidate_recordset()
                self.assertEqual(record[field], value)
            else:
                with self.assertRaises(AccessError), self.env.cr.savepoint():
                    as_user.write({field: value})
                    record.env.flush_all()
                record.invalidate_recordset()
                self.assertEqual(record[field], before)
        elif operation == "unlink":
            if allowed:
                with self.env.cr.savepoint():
                    as_user.unlink()
                self.assertFalse(record.exists())
            else:
                with self.assertRaises(AccessError), self.env.cr.savepoint():
                    as_user.unlink()
                self.assertTrue(record.exists())

    def _check_group(self, group):
        user = self.users[group]
        for model, rights in self.EXPECTED.items():
            for operation in ("read", "write", "create", "unlink"):
                allowed = operation[0] in rights[group]
                with self.subTest(group=group, model=model, operation=operation, allowed=allowed):
                    self._check_cell(user, model, operation, allowed)

    def test_access_department(self):
        self._check_group("department")

    def test_access_methodist(self):
        self._check_group("methodist")

    def test_access_manager(self):
        self._check_group("manager")

    def test_access_internal_user(self):
        self._check_group("internal")

    def test_access_portal(self):
        self._check_group("portal")
