from .common import StudentProjectTestCommon


class TestRanking(StudentProjectTestCommon):
    """Places in «competition ranking»: equal totals share a place, the next place skips."""

    def _judged(self, totals, **vals):
        """A judged project whose participants get the scores ``totals`` (one criterion, max
        100, weight 1, every jury member the same)."""
        project = self._create_project(state="open", criteria=((100.0, 1.0),), **vals)
        participants = self.Participant
        for _index in totals:
            participants |= self._register(project, self.applicant)
        project.action_judge()
        for participant, total in zip(participants, totals, strict=True):
            self._score_evenly(participant, (total,))
        project.action_done()
        return project, participants

    def test_ties_share_a_place_and_the_next_skips(self):
        _project, students = self._judged((70, 90, 80, 80, 60), winner_places=3)
        self.assertEqual(students.mapped("place"), [4, 1, 2, 2, 5])
        self.assertEqual(students.mapped("is_winner"), [False, True, True, True, False])

    def test_tie_on_the_first_place(self):
        _project, students = self._judged((50, 50, 40), winner_places=1)
        self.assertEqual(students.mapped("place"), [1, 1, 3])
        self.assertEqual(students.mapped("is_winner"), [True, True, False])

    def test_everybody_tied(self):
        _project, students = self._judged((33, 33, 33))
        self.assertEqual(students.mapped("place"), [1, 1, 1])

    def test_weighted_average_of_the_jury(self):
        project = self._create_project(state="open")  # criteria: max 10 weight 1, max 5 weight 2
        first = self._register(project, self.applicant)
        second = self._register(project, self.school_d)
        project.action_judge()
        # first: criterion 1 averages (9 + 6 + 6) / 3 = 7, criterion 2 (4 + 5 + 3) / 3 = 4
        self._score(first, {self.presenter: (9, 4), self.listener_2: (6, 5), self.jury_d: (6, 3)})
        # second: 8 and 3.5 (twice) → 8 + 7 = 15
        self._score(
            second, {self.presenter: (8, 3.5), self.listener_2: (8, 3.5), self.jury_d: (8, 3.5)}
        )
        self.assertAlmostEqual(first.score, 7 + 2 * 4)
        self.assertAlmostEqual(second.score, 15)
        project.action_done()
        # equal totals from different scores share the place
        self.assertEqual((first.place, second.place), (1, 1))

    def test_scores_of_a_former_jury_member_do_not_count(self):
        project = self._create_project(state="open", criteria=((100.0, 1.0),))
        student = self._register(project, self.applicant)
        project.action_judge()
        self._score(student, {self.presenter: (90,), self.listener_2: (30,), self.jury_d: (30,)})
        self.assertAlmostEqual(student.score, 50)
        project.jury_ids = self.listener_2 | self.jury_d
        self.assertAlmostEqual(student.score, 30)
        project.action_done()
        self.assertEqual(student.place, 1)

    def test_closing_costs_the_same_queries_for_any_number_of_participants(self):
        counts = []
        for size in (3, 30):
            project = self._create_project(state="open", criteria=((100.0, 1.0),))
            students = self.Participant.create(
                [
                    {
                        "project_id": project.id,
                        "organization_id": self.applicant.id,
                        "student_name": f"Student {index}",
                        "grade": 7,
                    }
                    for index in range(size)
                ]
            )
            project.action_judge()
            self.Score.create(
                [
                    {
                        "participant_id": student.id,
                        "criterion_id": project.criteria.id,
                        "jury_id": jury.id,
                        "score": index % 7,
                    }
                    for index, student in enumerate(students)
                    for jury in self.jury
                ]
            )
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            project.action_done()
            self.env.flush_all()
            counts.append(self.cr.sql_log_count - before)
            totals = [index % 7 for index in range(size)]
            expected = [1 + sum(other > total for other in totals) for total in totals]
            self.assertEqual(students.mapped("place"), expected)
        self.assertEqual(counts[0], counts[1])
