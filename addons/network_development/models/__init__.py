from . import (
    network_competence,
    survey_question,
    survey_user_input,
    network_offer,
    network_community,
    network_diagnostic,
    network_diagnostic_result,
    network_route,
    network_route_line,
    event_event,
    res_company,
    res_config_settings,
)
