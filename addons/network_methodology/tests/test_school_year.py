from datetime import date, datetime

import psycopg2

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import NetworkTestCommon


@tagged("post_install", "-at_install")
class TestSchoolYear(NetworkTestCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.old_year = cls._create_year(1980)  # 1980-09-01 .. 1981-08-31
        cls.new_year = cls._create_year(1981)  # 1981-09-01 .. 1982-08-31

    def test_overlap_refused_by_python_constraint_on_create(self):
        Year = self.env["network.school.year"]
        count = Year.with_context(active_test=False).search_count([])
        with self.assertRaisesRegex(ValidationError, "1980/1981"):
            Year.create(
                {"name": "Overlapping", "date_start": "1981-01-01", "date_end": "1981-06-30"}
            )
        # users read it in Russian (the test command loads ru_RU)
        with self.assertRaisesRegex(ValidationError, "пересекается с учебным годом 1980/1981"):
            Year.with_context(lang="ru_RU").create(
                {"name": "Overlapping", "date_start": "1981-01-01", "date_end": "1981-06-30"}
            )
        # the same day on both sides of the boundary counts as an overlap
        with self.assertRaises(ValidationError):
            Year.create({"name": "Touching", "date_start": "1979-09-01", "date_end": "1980-09-01"})
        # two new years overlapping each other in one batch
        with self.assertRaises(ValidationError):
            Year.create(
                [
                    {"name": "Batch A", "date_start": "1970-09-01", "date_end": "1971-08-31"},
                    {"name": "Batch B", "date_start": "1971-03-01", "date_end": "1971-12-31"},
                ]
            )
        self.assertEqual(Year.with_context(active_test=False).search_count([]), count)

    def test_overlap_refused_by_python_constraint_on_write(self):
        with self.assertRaisesRegex(ValidationError, "1980/1981"):
            self.new_year.write({"date_start": date(1981, 8, 1)})
        self.assertEqual(self.new_year.date_start, date(1981, 9, 1))
        # an archived year still occupies its dates
        self.old_year.active = False
        with self.assertRaises(ValidationError):
            self._create_year(1980, name="1980/1981 bis")
        # moving a year inside its own bounds is no overlap with itself
        self.new_year.write({"date_end": date(1982, 7, 31)})
        self.assertEqual(self.new_year.date_end, date(1982, 7, 31))

    def test_overlap_refused_by_database_exclusion_constraint(self):
        """The database refuses overlaps even when the ORM is bypassed."""
        with self.assertRaisesDatabase(psycopg2.errors.ExclusionViolation):
            self.env.cr.execute(
                """
                INSERT INTO network_school_year (name, date_start, date_end, state, active)
                VALUES ('raw overlap', '1982-08-31', '1983-08-31', 'open', true)
                """
            )
        # the adjacent year does not overlap
        self.env.cr.execute(
            """
            INSERT INTO network_school_year (name, date_start, date_end, state, active)
            VALUES ('raw adjacent', '1982-09-01', '1983-08-31', 'open', true)
            """
        )

    def test_dates_and_name_constraints(self):
        with self.assertRaisesDatabase(psycopg2.errors.CheckViolation):
            self.env["network.school.year"].create(
                {"name": "Backwards", "date_start": "1960-09-01", "date_end": "1960-08-31"}
            )
        with self.assertRaisesDatabase(psycopg2.errors.UniqueViolation):
            self.env["network.school.year"].create(
                {"name": "1980/1981", "date_start": "1950-09-01", "date_end": "1951-08-31"}
            )

    def test_get_for_date_boundaries(self):
        Year = self.env["network.school.year"]
        self.assertEqual(Year._get_for_date(date(1981, 8, 31)), self.old_year)
        self.assertEqual(Year._get_for_date(date(1981, 9, 1)), self.new_year)
        self.assertEqual(Year._get_for_date(date(1980, 9, 1)), self.old_year)
        self.assertEqual(Year._get_for_date(date(1982, 8, 31)), self.new_year)
        self.assertEqual(Year._get_for_date("1981-08-31"), self.old_year)
        self.assertEqual(Year._get_for_date(datetime(1981, 9, 1, 0, 0)), self.new_year)
        self.assertEqual(Year._get_for_date(datetime(1981, 8, 31, 23, 59)), self.old_year)
        self.assertFalse(Year._get_for_date(date(1980, 8, 31)))
        self.assertFalse(Year._get_for_date(False))
        # archived years still answer: old records keep their year
        self.old_year.active = False
        self.assertEqual(Year._get_for_date(date(1981, 8, 31)), self.old_year)

    def test_default_dates_for(self):
        Year = self.env["network.school.year"]
        self.assertEqual(
            Year._default_dates_for(date(2025, 8, 31)), (date(2024, 9, 1), date(2025, 8, 31))
        )
        self.assertEqual(
            Year._default_dates_for(date(2025, 9, 1)), (date(2025, 9, 1), date(2026, 8, 31))
        )

    def test_dated_records_at_the_boundary(self):
        """Records dated 31 August belong to the old year, 1 September to the new one."""
        for day, year in ((date(1981, 8, 31), self.old_year), (date(1981, 9, 1), self.new_year)):
            with self.subTest(day=day):
                request = self._create_request(date_request=day)
                event = self._create_event(
                    date_begin=datetime.combine(day, datetime.min.time().replace(hour=12))
                )
                token = self._create_token(self.listener, event)
                material = self._create_material(date=day)
                self.assertEqual(request.school_year_id, year)
                self.assertEqual(event.school_year_id, year)
                self.assertEqual(token.date, day)
                self.assertEqual(token.school_year_id, year)
                self.assertEqual(material.school_year_id, year)

    def test_changing_the_date_changes_the_year(self):
        request = self._create_request(date_request=date(1981, 8, 31))
        self.assertEqual(request.school_year_id, self.old_year)
        request.date_request = date(1981, 9, 1)
        self.assertEqual(request.school_year_id, self.new_year)
        event = self._create_event(date_begin=datetime(1981, 8, 31, 12, 0))
        event.write(
            {"date_begin": datetime(1981, 9, 1, 12, 0), "date_end": datetime(1981, 9, 1, 14, 0)}
        )
        self.assertEqual(event.school_year_id, self.new_year)

    def test_creating_a_year_later_reassigns_dated_records(self):
        day = date(1978, 10, 1)
        request = self._create_request(date_request=day)
        event = self._create_event(date_begin=datetime(1978, 10, 1, 12, 0))
        token = self._create_token(self.listener, event)
        material = self._create_material(date=day)
        outside = self._create_material(date=date(1979, 9, 1))
        records = [request, event, token, material]
        for record in records:
            self.assertFalse(record.school_year_id, record._name)

        year = self._create_year(1978)
        self.env.flush_all()
        self.env.invalidate_all()
        for record in records:
            self.assertEqual(record.school_year_id, year, record._name)
        self.assertFalse(outside.school_year_id)

        # moving the year's bounds moves the records out of it, and the other one in
        year.write({"date_start": date(1978, 10, 2), "date_end": date(1979, 9, 30)})
        self.env.flush_all()
        self.env.invalidate_all()
        for record in records:
            self.assertFalse(record.school_year_id, record._name)
        self.assertEqual(outside.school_year_id, year)

    def test_close_and_reopen(self):
        year = self.old_year
        self.assertEqual(year.state, "open")
        with self.assertRaises(UserError):
            year.action_reopen()
        year.action_close()
        self.assertEqual(year.state, "closed")
        with self.assertRaises(UserError):
            year.action_close()
        year.action_reopen()
        self.assertEqual(year.state, "open")

    def test_year_with_records_cannot_be_deleted(self):
        self._create_material(date=date(1981, 3, 1))
        with self.assertRaisesDatabase(psycopg2.errors.ForeignKeyViolation):
            self.old_year.unlink()
        self.new_year.unlink()
        self.assertFalse(self.new_year.exists())
