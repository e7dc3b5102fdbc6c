from . import network_school_pair_report
