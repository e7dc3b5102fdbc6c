from . import (
    res_company,
    res_config_settings,
    network_student_project,
    network_student_project_stage,
    network_student_criterion,
    network_student_participant,
    network_student_score,
    event_event,
)
