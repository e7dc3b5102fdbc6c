from . import portal_student_project, student_results
