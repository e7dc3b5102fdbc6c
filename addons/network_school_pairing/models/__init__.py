from . import (
    base_import,
    event_event,
    network_assessment,
    network_assessment_result,
    network_help_record,
    network_school_pair,
)
